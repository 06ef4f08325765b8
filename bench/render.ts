// npm run bench:render — frame times of the live canvas with 1,000 / 5,000 / 10,000 / 20,000 / 40,000
// messages in flight.
//
// Builds the site, serves dist/ with vite preview on a free 127.0.0.1 port, and drives headless
// Chromium (playwright-core): for each load it opens the app with a generated ~200-node topology
// (bench/topology.ts, put in the autosave slot before the page loads, as if the user had built
// it), presses play through the `window.__warren` hook, waits until the in-flight count is steady,
// then records requestAnimationFrame deltas for a few seconds. A warm-up run comes first and is not
// reported (the first page of a fresh browser pays for compiling the app and filling caches: it made
// the first reported run look slow). Prints a table, with the machine's load average as each run
// ended, then as its LAST line one JSON object: {"runs":[{"inFlight":…,"p50":…,"p95":…,"load":…},…]}
// (frame time in ms).
// Options: --no-build (use the existing dist/), --seconds=N (measuring window, default 6),
// --only=1000,5000 (some loads), --zoom=Z (open at zoom Z on the middle of the topology instead of
// fitting all of it in view: at Z ≥ 0.45 the nodes draw their own live figures, see lod.ts).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the e2e runner, no type declarations
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { AUTOSAVE_KEY } from '../src/store/persistence';
import { benchScenario, COUNTS } from './topology';
import { type FrameSample, measureInPage } from './measure';
import { freePort, serve } from './serve';

/**
 * Hop latency of the bench topology; in-flight ≈ 500 × rate per producer at low rates (calibrated,
 * then measured), less at high ones (the consumers fall behind and more messages wait in queues,
 * which are not in flight): 40 msg/s gave 18,500 and 80 msg/s 33,000; 44 and 103 give about 20,200 and
 * 40,000 (the simulation alone, in node, after 15 virtual seconds).
 */
const HOP_MS = 2000;
const TARGETS = [
  { target: 1000, rate: 2 },
  { target: 5000, rate: 10 },
  { target: 10000, rate: 20 },
  { target: 20000, rate: 44 },
  { target: 40000, rate: 103 },
];
/** The warm-up run: the same page and method at the smallest load, for a few seconds, not reported. */
const WARMUP_RUN = { rate: 2, warmupMs: 3000, windowMs: 2000 };
const VIEWPORT = { width: 1280, height: 800 };
const WARMUP_MS = 11_000;

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seconds = Number(option('seconds') ?? 6);
const zoom = option('zoom') === undefined ? undefined : Number(option('zoom'));
/** The middle of the generated topology, in flow coordinates (see topology.ts). */
const MIDDLE = { x: 2600, y: 950 };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

async function run(browser: Browser, base: string, rate: number, warmupMs = WARMUP_MS, windowMs = seconds * 1000): Promise<FrameSample> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // tsx compiles the page functions with esbuild's keepNames, which calls a __name helper the page lacks
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const doc = benchScenario({ ratePerSec: rate, hopLatencyMs: HOP_MS });
  // the pane is the viewport minus the palette and the inspector: about 770 × 720 px
  if (zoom !== undefined) doc.layout = { viewport: { x: 385 - MIDDLE.x * zoom, y: 360 - MIDDLE.y * zoom, zoom } };
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [AUTOSAVE_KEY, JSON.stringify(doc)] as const);
  await page.goto(base);
  await page.waitForFunction(() => window.__warren !== undefined && document.querySelectorAll('.react-flow__node').length > 150);
  const sample = await measureInPage(page, warmupMs, windowMs);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
  return sample;
}

async function main() {
  if (!args.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const port = await freePort();
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[], headless: true });
  const rows: { inFlight: number; p50: number; p95: number; load: number[]; extra: FrameSample }[] = [];
  try {
    console.log(`bench:render — ${COUNTS.producers + COUNTS.exchanges + COUNTS.queues + COUNTS.consumers} nodes, hop latency ${HOP_MS} ms, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ${zoom === undefined ? 'all in view' : `zoom ${zoom}`}, ${seconds} s per run`);
    // frame times depend on what else the machine runs: say how busy it was
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
    await run(browser, `http://127.0.0.1:${port}/`, WARMUP_RUN.rate, WARMUP_RUN.warmupMs, WARMUP_RUN.windowMs);
    console.error('  warm-up run done (not reported)');
    const only = option('only');
    for (const { target, rate } of TARGETS.filter((x) => !only || only.split(',').includes(String(x.target)))) {
      const s = await run(browser, `http://127.0.0.1:${port}/`, rate);
      const d = [...s.deltas].sort((a, b) => a - b);
      const load = loadavg().map(r1);
      rows.push({ inFlight: Math.round(s.inFlight), p50: r1(pct(d, 0.5)), p95: r1(pct(d, 0.95)), load, extra: s });
      console.error(`  target ${target}: measured ${Math.round(s.inFlight)} in flight, load average ${load.map((l) => l.toFixed(1)).join(' ')}`);
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at end`);
  console.log('');
  // a frame is late when it missed its vsync (1.5 × the median frame: the display's interval)
  console.log('in flight | drawn  | frames | fps  | frame p50 | frame p95 | frame max | late  | sim tick avg | layer draw avg | layer draw p95 | load 1/5/15 min');
  for (const r of rows) {
    const e = r.extra;
    const d = [...e.deltas].sort((a, b) => a - b);
    const fps = e.deltas.length / (e.deltas.reduce((a, b) => a + b, 0) / 1000);
    const late = e.deltas.filter((x) => x > 1.5 * pct(d, 0.5)).length / e.deltas.length;
    console.log(
      `${String(r.inFlight).padStart(9)} | ${String(Math.round(e.drawn)).padStart(6)} | ${String(e.deltas.length).padStart(6)} | ${fps.toFixed(1).padStart(4)} | ${r.p50.toFixed(1).padStart(6)} ms | ${r.p95.toFixed(1).padStart(6)} ms | ${r1(d[d.length - 1] ?? 0).toFixed(1).padStart(6)} ms | ${(late * 100).toFixed(1).padStart(4)}% | ${e.tickMs.toFixed(2).padStart(9)} ms | ${e.drawMs.toFixed(2).padStart(11)} ms | ${e.drawP95.toFixed(2).padStart(11)} ms | ${r.load.map((l) => l.toFixed(1)).join(' ')}`,
    );
  }
  console.log(JSON.stringify({ runs: rows.map((r) => ({ inFlight: r.inFlight, p50: r.p50, p95: r.p95, fps: r1(r.extra.deltas.length / (r.extra.deltas.reduce((a, b) => a + b, 0) / 1000)), load: r.load[0] })) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
