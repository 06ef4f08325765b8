import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (https://host/some/dir/) on any static host: no server routes, state lives in the
// URL hash and localStorage only.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // dist/.vite/manifest.json: which chunk holds which module and what it imports (bench/firstLoad.ts
    // adds up the JavaScript a first visit must fetch from it)
    manifest: true,
    rolldownOptions: {
      // Our own modules have no side effects at load (the style sheets do, so they are not included):
      // a module none of whose exports a chunk uses is left out of it, so importing one thing from a
      // barrel (src/share, src/model) does not drag the rest, zod schemas included, into the first load.
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/.*\.tsx?$/.test(id) },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
