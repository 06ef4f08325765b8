// npm run bench:load — time to first canvas with a cold cache, and the JavaScript a first visit loads.
//
// Builds the site (unless --no-build), serves dist/ (or --dist=DIR) with vite preview on a free
// 127.0.0.1 port, and opens it in headless Chromium (playwright-core) with a 4× CPU slowdown (CDP
// Emulation.setCPUThrottlingRate) and the cache disabled, in a fresh browser context per run, in
// three ways a person arrives:
//   new        — nothing saved, no link: the empty editor;
//   returning  — their work in the autosave slot (the work-queue tutorial, 6 nodes);
//   link       — a share link (#s=…) of that same scenario.
// "First canvas" is the moment the canvas shows the document: React Flow's viewport is in the page
// and, when the document has nodes, all of them are drawn (a MutationObserver set before any script
// runs notes performance.now() then). Also printed: the first-load JavaScript, gzipped (what a
// static host serving gzip sends): the chunks a visit must fetch before it can draw, from the
// build's manifest (scripts/first-load.mjs, which npm test also runs against a budget): the entry
// and what it imports, and the chunks the entry fetches for that kind of visit (the first part of
// the English dictionary, the app, and for saved work or a link their validators and decoder), each with what it
// imports; chunks loaded later on first use (the inspector, the dock's panels, dialogs, the
// validating edits) are not counted. Without a manifest (an older build),
// every script that finished loading before the first canvas is counted instead. Prints a table
// (median of --runs=N, default 5, with the load average: the machine is shared), then one JSON line.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the e2e runner, no type declarations
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
// @ts-expect-error plain ESM helper shared with npm test's build stage, no type declarations
import { firstLoadChunks as chunksOf, gzipped, VISIT_FETCHES } from '../scripts/first-load.mjs';
import { GALLERY } from '../src/scenarios';
import { encode, formatShareHash } from '../src/share';
import { AUTOSAVE_KEY } from '../src/store/persistence';
import { freePort, serve } from './serve';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(option('runs') ?? 5);
const dist = option('dist') ?? 'dist';
const THROTTLE = 4;
const VIEWPORT = { width: 1280, height: 800 };

const doc = GALLERY['work-queues'].scenario;
const nodesOf = doc.exchanges.length + doc.queues.length + doc.apps.length;
/** What each kind of visit makes the entry (src/app/main.tsx) fetch, by source module. */
const CASES = {
  new: { storage: null as string | null, hash: '', nodes: 0, fetches: VISIT_FETCHES.new as string[] },
  returning: { storage: JSON.stringify(doc), hash: '', nodes: nodesOf, fetches: VISIT_FETCHES.returning as string[] },
  link: { storage: null, hash: formatShareHash('', encode({ v: 1, scenario: doc, speed: 1 })), nodes: nodesOf, fetches: VISIT_FETCHES.link as string[] },
};
/** The first-load chunks of a kind of visit (scripts/first-load.mjs), or null without a manifest. */
const firstLoadChunks = (fetches: readonly string[]): string[] | null => chunksOf(dist, fetches);

type CaseName = keyof typeof CASES;

/** Runs before any of the page's scripts: notes when the canvas first shows the document. */
function watchFirstCanvas(nodes: number) {
  const w = window as unknown as { __firstCanvas?: number };
  const check = () => {
    if (w.__firstCanvas !== undefined) return;
    if (!document.querySelector('.react-flow__viewport')) return;
    if (nodes > 0 && document.querySelectorAll('.react-flow__node').length < nodes) return;
    w.__firstCanvas = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: false });
}

interface Sample {
  ms: number;
  scripts: string[];
}

async function once(browser: import('playwright-core').Browser, base: string, name: CaseName): Promise<Sample> {
  const c = CASES[name];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(watchFirstCanvas, c.nodes);
  // the language is fixed so that every run loads the same dictionary
  await page.addInitScript(([key, value]) => {
    localStorage.setItem('warren.locale', 'en');
    if (value !== null) localStorage.setItem(key, value);
  }, [AUTOSAVE_KEY, c.storage] as const);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(base + c.hash);
  await page.waitForFunction(() => (window as unknown as { __firstCanvas?: number }).__firstCanvas !== undefined, undefined, { timeout: 60_000 });
  // the scripts whose download had finished by the first canvas (page time, from resource timing)
  const { ms, scripts } = await page.evaluate(() => {
    const at = (window as unknown as { __firstCanvas: number }).__firstCanvas;
    const js = performance
      .getEntriesByType('resource')
      .filter((r) => /\.js$/.test(new URL(r.name).pathname) && (r as PerformanceResourceTiming).responseEnd <= at)
      .map((r) => new URL(r.name).pathname);
    return { ms: at, scripts: js };
  });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
  return { ms, scripts: scripts.map((s) => s.replace(/^\//, '')) };
}

async function main() {
  if (!args.includes('--no-build') && dist === 'dist') {
    const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  if (args.includes('--sizes')) {
    // only the first-load JavaScript, from the manifest (no browser)
    for (const [name, c] of Object.entries(CASES)) {
      const chunks = firstLoadChunks(c.fetches) ?? [];
      const sizes = chunks.map((f) => [f, gzipped(join(dist, f))] as const).sort((a, b) => b[1] - a[1]);
      console.log(`${name}: ${(sizes.reduce((s, x) => s + x[1], 0) / 1000).toFixed(1)} kB gzip — ${sizes.map(([f, n]) => `${f.replace('assets/', '')} ${(n / 1000).toFixed(1)}`).join(', ')}`);
    }
    return;
  }
  const port = await freePort();
  const server = await serve(port, dist);
  const browser = await chromium.launch({ executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[], headless: true });
  const base = `http://127.0.0.1:${port}/`;
  const out: Record<string, { ms: number; jsGzip: number; scripts: string[] }> = {};
  try {
    console.log(`bench:load — ${dist}, CPU throttled ${THROTTLE}×, cache disabled, ${runs} runs per case, viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
    for (const name of Object.keys(CASES) as CaseName[]) {
      const samples: Sample[] = [];
      // one run first that is not counted: the server and the browser warm up
      await once(browser, base, name);
      for (let i = 0; i < runs; i++) samples.push(await once(browser, base, name));
      const times = samples.map((s) => s.ms).sort((a, b) => a - b);
      const scripts = firstLoadChunks(CASES[name].fetches) ?? [...new Set(samples.flatMap((s) => s.scripts))].sort();
      const jsGzip = scripts.reduce((sum, s) => sum + gzipped(join(dist, s)), 0);
      out[name] = { ms: Math.round(times[times.length >> 1]!), jsGzip, scripts };
      console.error(`  ${name}: ${times.map((t) => Math.round(t)).join(', ')} ms`);
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.log('visit     | first canvas (median) | JS before it (gzip) | scripts');
  for (const [name, r] of Object.entries(out)) console.log(`${name.padEnd(9)} | ${`${r.ms} ms`.padStart(21)} | ${kb(r.jsGzip).padStart(19)} | ${r.scripts.join(' ')}`);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, r]) => [k, { firstCanvasMs: r.ms, jsGzipBytes: r.jsGzip }]))));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
