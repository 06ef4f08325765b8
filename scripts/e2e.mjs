// Runs the Playwright specs against the built site (dist/, served by vite preview on 127.0.0.1).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(r.status ?? 1);
