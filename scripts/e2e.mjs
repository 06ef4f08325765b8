// Runs the Playwright specs against the built site (dist/, served by vite preview on 127.0.0.1).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { ensureBrowser } from './find-browser.mjs';

let browser;
try {
  browser = ensureBrowser();
} catch (e) {
  console.error(`e2e: ${e.message}`);
  process.exit(1);
}
console.log(`e2e: using ${browser}`);
if (!existsSync('dist/index.html')) {
  const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// A free port on 127.0.0.1, so that several checkouts can run their e2e tests at once.
const port =
  process.env.E2E_PORT ??
  (await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address();
      srv.close(() => resolve(String(p)));
    });
  }));
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser, E2E_PORT: port },
});
process.exit(r.status ?? 1);
