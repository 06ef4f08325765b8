// npm run bench:long — a scenario playing at 100× for an hour of wall time: is the JS heap bounded,
// and does the frame rate hold?
//
// Serves dist/ (built unless --no-build; --dist=DIR for another build) and opens it in headless
// Chromium with a work queue in the autosave slot (a producer at 5 msg/s, two workers of 100 ± 50 ms
// with prefetch 2, one of them nacking 10 % with requeue: redeliveries; a hop latency of 100 ms), the
// event log and the charts shown (the dock open on Charts, the log list mounted once), then plays it
// at 100× through the test hook. Every --every=M minutes (default 5) for --minutes=N (default 60)
// it forces a garbage collection (CDP HeapProfiler.collectGarbage) and reads the main thread's heap
// (Runtime.getHeapUsage), then records 10 s of requestAnimationFrame deltas. Prints a table as it
// goes (with the load average: the machine is shared) and one JSON line at the end.
// Run it under nice outside the heavy lock (it mostly waits): `nice npm run bench:long`.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the e2e runner, no type declarations
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { workQueue } from '../e2e/scenarios';
import { AUTOSAVE_KEY } from '../src/store/persistence';
import { freePort, serve } from './serve';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const minutes = Number(option('minutes') ?? 60);
const every = Number(option('every') ?? 5);
const dist = option('dist') ?? 'dist';
const SPEED = 100;
const FRAME_WINDOW_MS = 10_000;

function scenario() {
  const doc = workQueue({ mode: 'rate', rate: 5, prefetch: 2, processingMs: 100, jitterMs: 50, latency: 100 }) as {
    apps: { consumers: { failPercent: number; failOutcome: string }[] }[];
  };
  const w1 = doc.apps.find((a) => a.consumers.length)!.consumers[0]!;
  w1.failPercent = 10;
  w1.failOutcome = 'nack-requeue';
  return doc;
}

interface Row {
  minute: number;
  virtualMin: number;
  heapMB: number;
  fps: number;
  p95: number;
  load: number;
}

async function main() {
  if (!args.includes('--no-build') && dist === 'dist') {
    const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const port = await freePort();
  const server = await serve(port, dist);
  const browser = await chromium.launch({ executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[], headless: true });
  const rows: Row[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await page.addInitScript(([key, value]) => {
      localStorage.setItem('warren.locale', 'en');
      localStorage.setItem(key, value);
    }, [AUTOSAVE_KEY, JSON.stringify(scenario())] as const);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__warren !== undefined);
    // what a person watching a long run has open: the log once, then the charts
    for (const tab of ['Event log', 'Charts']) {
      const t = page.getByRole('tab', { name: tab });
      if (await t.count()) await t.click();
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return u.usedSize / 1e6;
    };
    const frames = () =>
      page.evaluate(
        (ms) =>
          new Promise<{ fps: number; p95: number }>((resolve) => {
            const deltas: number[] = [];
            let last = 0;
            let start = 0;
            const loop = (ts: number) => {
              if (!start) start = ts;
              if (last) deltas.push(ts - last);
              last = ts;
              if (ts - start < ms) requestAnimationFrame(loop);
              else {
                deltas.sort((a, b) => a - b);
                resolve({ fps: (1000 * deltas.length) / (ts - start), p95: deltas[Math.floor(deltas.length * 0.95)] ?? 0 });
              }
            };
            requestAnimationFrame(loop);
          }),
        FRAME_WINDOW_MS,
      );
    const sample = async (minute: number) => {
      const h = await heap();
      const f = await frames();
      const virtualMin = (await page.evaluate(() => window.__warren!.sim.ui.getState().time)) / 60_000;
      const row = { minute, virtualMin: Math.round(virtualMin), heapMB: Math.round(h * 10) / 10, fps: Math.round(f.fps * 10) / 10, p95: Math.round(f.p95 * 10) / 10, load: Math.round(loadavg()[0]! * 10) / 10 };
      rows.push(row);
      console.log(`${String(row.minute).padStart(6)} | ${String(row.virtualMin).padStart(11)} | ${row.heapMB.toFixed(1).padStart(9)} | ${row.fps.toFixed(1).padStart(5)} | ${row.p95.toFixed(1).padStart(9)} | ${row.load}`);
    };
    console.log(`bench:long — ${dist}, ${minutes} min at ${SPEED}×, heap after a forced GC every ${every} min, ${FRAME_WINDOW_MS / 1000} s of frames; machine: ${cpus().length} cores`);
    console.log('minute | virtual min | heap (MB) |   fps | p95 (ms) | load');
    await sample(0);
    await page.evaluate((speed) => {
      const sim = window.__warren!.sim;
      sim.setSpeed(speed);
      sim.play();
    }, SPEED);
    const t0 = Date.now();
    for (let m = every; m <= minutes; m += every) {
      const wait = t0 + m * 60_000 - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
      await sample(m);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  }
  const first = rows[1] ?? rows[0]!;
  const last = rows[rows.length - 1]!;
  console.log(JSON.stringify({ minutes, heapMBStart: rows[0]!.heapMB, heapMBAt5: first.heapMB, heapMBEnd: last.heapMB, heapMBMax: Math.max(...rows.map((r) => r.heapMB)), fpsMin: Math.min(...rows.slice(1).map((r) => r.fps)), rows }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
