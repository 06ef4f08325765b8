import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy the built site ships in index.html. Scripts come only from the site
 * itself (no inline script, no eval: zod runs jitless, see src/zodConfig.ts); workers from the site
 * or from blob: URLs (programs run in Web Workers); styles from the site plus inline style attributes
 * and elements (React Flow and CodeMirror set them). Nothing is sent anywhere: connect-src 'self'.
 * frame-ancestors cannot be set in a <meta> tag, and Warren is meant to be embedded anyway.
 * Only the build gets it: the dev server's hot reload injects an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'warren-csp',
    apply: 'build',
    // right after <meta charset>: before any script, so it applies to all of them
    transformIndexHtml: (html) => {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html has no <meta charset>: nowhere to put the Content-Security-Policy');
      return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (https://host/some/dir/) on any static host: no server routes, state lives in the
// URL hash and localStorage only.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // every `from 'zod'` gets zod configured jitless first (see src/zodConfig.ts), in the build and
    // on the dev server alike, whichever chunk loads it first
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodConfig.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // dist/.vite/manifest.json: which chunk holds which module and what it imports (bench/firstLoad.ts
    // adds up the JavaScript a first visit must fetch from it)
    manifest: true,
    rolldownOptions: {
      // Our own modules have no side effects at load (the style sheets do, so they are not included;
      // nor zodConfig.ts, which configures zod): a module none of whose exports a chunk uses is left
      // out of it, so importing one thing from a barrel (src/share, src/model) does not drag the rest,
      // zod schemas included, into the first load.
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/.*\.tsx?$/.test(id) || /\/src\/zodConfig\.ts$/.test(id) },
      output: {
        // zod and its configuration in one chunk of their own, loaded by the chunks that create schemas
        // (none of them is needed for the first canvas)
        manualChunks: (id) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zodConfig\.ts$/.test(id) ? 'zod' : undefined),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
