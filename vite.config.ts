import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, runnerImport } from 'vite';
import { keysMentioned } from './src/i18n/textSplit.ts';

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

/**
 * Splits each language's dictionary in two chunks (src/i18n/parts/): the keys the first canvas
 * needs, fetched before it renders, and the rest (three quarters of the bytes), fetched once it is
 * up. The first part is every key mentioned by the code of the first load: the entry chunk and the
 * chunks the entry fetches before it renders (FIRST_LOAD below; VISIT_FETCHES in
 * scripts/first-load.mjs, for every kind of visit), with what they import, as rendered (after tree
 * shaking). Chunks loaded later use the rest, and wait for it (src/i18n/lazyText.ts). Done once the
 * chunks are rendered, before their names are hashed, so a changed split renames the dictionary's
 * chunks too. On the dev server and in unit tests the first part is the whole dictionary.
 */
function splitDictionaries(): Plugin {
  // what main.tsx fetches before the first canvas (scripts/first-load.mjs's VISIT_FETCHES), and itself
  const FIRST_LOAD = ['src/app/main.tsx', 'src/app/start.tsx', 'src/store/restoring.ts', 'src/app/boot.ts', 'src/store/sharedWork.ts'];
  let dictionaries: Record<string, Record<string, string>> = {};
  const part = /[\\/]src[\\/]i18n[\\/]parts[\\/](en|es)\.(first|rest)\.ts$/;
  const placeholder = (locale: string, which: string) => `__WARREN_TEXT_${locale}_${which}__`;
  return {
    name: 'warren-text-split',
    apply: 'build',
    async buildStart() {
      // read with Vite's module runner (the dictionaries are TypeScript), without this config's plugins
      const read = async (locale: string) =>
        (await runnerImport<Record<string, Record<string, string>>>(`./src/i18n/messages.${locale}.ts`, { configFile: false, logLevel: 'silent' })).module[locale] ?? {};
      dictionaries = { en: await read('en'), es: await read('es') };
    },
    load(id) {
      const m = part.exec(id);
      return m ? `export const text = ${JSON.stringify(placeholder(m[1] ?? '', m[2] ?? ''))};` : null;
    },
    renderChunk(code, chunk, _options, meta) {
      const m = chunk.facadeModuleId ? part.exec(chunk.facadeModuleId) : null;
      if (!m) return null;
      const [, locale = '', which = ''] = m;
      const roots = new Set(FIRST_LOAD.map((r) => fileURLToPath(new URL(`./${r}`, import.meta.url))));
      const chunks = Object.values(meta.chunks);
      const firstLoad = new Set<string>();
      const add = (fileName: string) => {
        if (firstLoad.has(fileName)) return;
        firstLoad.add(fileName);
        for (const i of meta.chunks[fileName]?.imports ?? []) add(i);
      };
      for (const c of chunks) if (c.isEntry || (c.facadeModuleId && roots.has(c.facadeModuleId))) add(c.fileName);
      const codes = [...firstLoad].flatMap((f) => Object.values(meta.chunks[f]?.modules ?? {}).map((x) => x.code ?? ''));
      const keys = keysMentioned(codes, Object.keys(dictionaries.en ?? {}));
      if (keys.size === 0) this.error('no dictionary key found in the first load: did the chunk graph change?');
      const text = Object.fromEntries(Object.entries(dictionaries[locale] ?? {}).filter(([k]) => keys.has(k) === (which === 'first')));
      const out = code.replace(/(["'])__WARREN_TEXT_\w+__\1/, JSON.stringify(text));
      if (out === code) this.error(`${chunk.fileName}: the dictionary placeholder ${placeholder(locale, which)} is not in its chunk`);
      return { code: out, map: null };
    },
  };
}

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (https://host/some/dir/) on any static host: no server routes, state lives in the
// URL hash and localStorage only.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), splitDictionaries()],
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
