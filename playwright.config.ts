import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with scripts/e2e.mjs, no type declarations
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4319);

// What is tested is what gets hosted: the built dist/ served by vite preview on 127.0.0.1.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // two browsers for the 2-core machine: a third was tried (CI run 14) and made every test about 1.5x
  // slower at a load of 12, for no gain in the whole suite (E2E_WORKERS overrides)
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: (process.env.CHROMIUM_PATH as string | undefined) ?? (findBrowser() as string),
      args: CHROMIUM_ARGS as string[],
    },
    // a failed test keeps its trace (actions, DOM snapshots, console, network); no screencast: its
    // JPEG frames, encoded for every frame of an animated canvas whether the test fails or not,
    // cost the 2-core machine more CPU than many tests do (E2E_TRACE=on records everything)
    trace: process.env.E2E_TRACE === 'on' ? 'on' : { mode: 'retain-on-failure', screenshots: false },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
