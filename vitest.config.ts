import { defineConfig } from 'vitest/config';

// Unit tests live beside the code. The engine, sim, store and share layers are tested in the
// node environment (no DOM), which also proves they do not need one.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // the app's zod configuration (no JIT: the Content-Security-Policy forbids `new Function`), then
    // both dictionaries and the document validators (the app loads them lazily, as chunks of their own)
    setupFiles: ['src/zodConfig.ts', 'src/testSetup.ts'],
  },
});
