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
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
