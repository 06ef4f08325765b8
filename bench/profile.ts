// Diagnosis for bench:render (not a benchmark): plays the bench topology at one load, traces a few
// seconds with CDP and prints, per frame, the CPU time (and wall time) the renderer spends by
// phase: script, style/layout, paint, layerize, commit, raster, compositor. CPU time (tdur) is
// what to optimise on a shared machine; wall time includes waiting for a core.
//   node --import tsx bench/profile.ts [ratePerSec=10]   (serves the existing dist/)
// Env: CSS='…' injects a style sheet (what-if experiments), GREP='regex' lists matching events.
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the e2e runner, no type declarations
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { AUTOSAVE_KEY } from '../src/store/persistence';
import { freePort, serve } from './serve';
import { benchScenario } from './topology';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } };
}

const rate = Number(process.argv[2] ?? 10);
const SECONDS = 3;
const port = await freePort();
const server = await serve(port);
const browser = await chromium.launch({ executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[], headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
if (process.env.INIT) await page.addInitScript({ path: process.env.INIT });
await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE_KEY, JSON.stringify(benchScenario({ ratePerSec: rate, hopLatencyMs: 2000 }))] as const);
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => window.__warren !== undefined);
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.evaluate(() => window.__warren?.sim.play());
await page.waitForTimeout(9000);
const cdp = await context.newCDPSession(page);
const events: TraceEvent[] = [];
cdp.on('Tracing.dataCollected', (d: { value: object[] }) => events.push(...(d.value as TraceEvent[])));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,blink', transferMode: 'ReportEvents' });
await page.waitForTimeout(SECONDS * 1000);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
await done;

if (process.env.JS) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`--- JS self time, ms per second`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / SECONDS).toFixed(1).padStart(8)}  ${k}`);
}
if (process.env.INIT) console.log('page stats', await page.evaluate(() => JSON.stringify((globalThis as unknown as { __pmStats: unknown }).__pmStats)));
const threads = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
const frames = events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X').length;
const PHASES = ['RunTask', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RasterTask', 'Graphics.Pipeline'];
const cpu = new Map<string, number>();
const wall = new Map<string, number>();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur || !PHASES.includes(e.name)) continue;
  const k = `${(threads.get(`${e.pid}:${e.tid}`) ?? '?').replace(/\d+$/, '')} | ${e.name}`;
  cpu.set(k, (cpu.get(k) ?? 0) + (e.tdur ?? e.dur) / 1000);
  wall.set(k, (wall.get(k) ?? 0) + e.dur / 1000);
}
if (process.env.GREP) {
  const re = new RegExp(process.env.GREP);
  const m = new Map<string, { n: number; ms: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !re.test(e.name)) continue;
    const v = m.get(e.name) ?? { n: 0, ms: 0 };
    v.n++;
    v.ms += (e.tdur ?? e.dur ?? 0) / 1000;
    m.set(e.name, v);
  }
  for (const [k, v] of m) console.log(`${k}: ${v.n}× ${(v.ms / v.n).toFixed(2)} ms`);
}
const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.args?.beginData);
if (layouts.length) {
  const avg = (f: (e: TraceEvent) => number) => (layouts.reduce((a, e) => a + f(e), 0) / layouts.length).toFixed(0);
  console.log(`layout: ${layouts.length}×, dirty objects ${avg((e) => e.args?.beginData?.dirtyObjects ?? 0)} of ${avg((e) => e.args?.beginData?.totalObjects ?? 0)}`);
}
console.log(`--- ${frames} main frames in ${SECONDS} s; per frame: cpu ms (wall ms)`);
for (const [k, v] of [...cpu.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${(v / frames).toFixed(2).padStart(8)} (${((wall.get(k) ?? 0) / frames).toFixed(2).padStart(7)})  ${k}`);
}
await browser.close();
if (server.pid) process.kill(-server.pid);
