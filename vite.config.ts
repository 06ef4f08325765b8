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
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // zod and its configuration in one chunk, configuration right after zod: every chunk that
        // creates a schema imports this one, so zod is jitless before the first schema exists (see
        // src/zodConfig.ts). As an import of the entry alone it would run after the shared chunks.
        manualChunks: (id) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zodConfig\.ts$/.test(id) ? 'zod' : undefined),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
