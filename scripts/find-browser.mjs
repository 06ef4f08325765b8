// Finds a Chromium for the end-to-end tests, and gets one if there is none.
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, a Chromium Playwright already installed.
// If none: as root with apt-get, Debian's `chromium`; otherwise `npx playwright install chromium`.
// If that is impossible too, fail with one line that says why.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Flags for Chromium on a machine with no GPU and a closed network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** A browser that is already here, or null. Never installs anything. */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  return playwrightChromium();
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** A browser that is here, or one installed now (saying so). Throws a one-line Error if impossible. */
export function ensureBrowser(log = (m) => console.log(m)) {
  const found = findBrowser();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    log('No Chromium found: installing Debian\'s chromium with apt-get (this happens once per machine).');
    try {
      execSync('apt-get update -q && apt-get install -y -q chromium', {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // fall through to Playwright's own download
    }
    const installed = findBrowser();
    if (installed) return installed;
  }
  log('No Chromium found: running `npx playwright install chromium`.');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  const downloaded = r.status === 0 ? playwrightChromium() : null;
  if (downloaded) return downloaded;
  throw new Error(
    'No Chromium for the end-to-end tests: none at $CHROMIUM_PATH or /usr/bin/chromium, apt-get could not install one and `npx playwright install chromium` failed; install Chromium and set CHROMIUM_PATH.',
  );
}
