import { defineConfig } from 'vitest/config';

// Unit tests live beside the code. The engine, sim, store and share layers are tested in the
// node environment (no DOM), which also proves they do not need one.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Test files share their worker's module cache (no isolation per file): most of the suite's time
    // went into importing the same modules (the engine, zod schemas, both dictionaries) again for each
    // of its ~140 files. Tests keep no state between files: each builds its own worlds and stores;
    // the few that stub globals or timers restore them (vi.unstubAllGlobals / useRealTimers).
    isolate: false,
    // worker threads start faster and pass results cheaper than child processes
    pool: 'threads',
    // the app's zod configuration (no JIT: the Content-Security-Policy forbids `new Function`), then
    // both dictionaries and the document validators (the app loads them lazily, as chunks of their own)
    setupFiles: ['src/zodConfig.ts', 'src/testSetup.ts'],
  },
});
