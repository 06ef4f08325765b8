// npm run screenshot — the README's picture of Warren, made from the built site so that it stays current.
//
// Builds the site (unless --no-build), serves dist/ with vite preview on a free 127.0.0.1 port, opens
// it in headless Chromium at 1280×720 (a laptop, a projector), loads a gallery scenario from the
// Gallery as a person would, lets it run a few seconds of simulated time, pauses, and writes
// docs/screenshot.png. Options: --scenario="Title in the gallery" (default: the dead-letter retry loop), --out=path,
// --seconds=N of simulated time before the picture (default 10).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, serve } from '../bench/serve';
// @ts-expect-error plain ESM helper shared with the e2e runner, no type declarations
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const title = option('scenario') ?? 'Dead-lettering and retry with TTL';
const out = option('out') ?? 'docs/screenshot.png';
const seconds = Number(option('seconds') ?? 10);

async function main() {
  if (!args.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const port = await freePort();
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'en-US' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('button', { name: 'Gallery', exact: true }).click();
    await page.getByRole('dialog', { name: 'Scenario gallery' }).getByRole('article').getByRole('button', { name: title, exact: true }).click();
    // the scenario plays as it opens: wait for its simulated clock, then pause on that picture
    const clock = page.getByRole('timer', { name: 'Virtual time' });
    const ms = async () => {
      const m = /^(\d+):(\d{2})\.(\d{3})$/.exec(((await clock.textContent()) ?? '').trim());
      return m ? Number(m[1]) * 60_000 + Number(m[2]) * 1000 + Number(m[3]) : 0;
    };
    const deadline = Date.now() + 60_000;
    while ((await ms()) < seconds * 1000 && Date.now() < deadline) await page.waitForTimeout(100);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(300);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot: ${out} (${title} at ${((await ms()) / 1000).toFixed(1)} s, 1280×720)`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
