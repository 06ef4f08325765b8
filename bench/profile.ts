// Diagnosis helper (not part of the bench): traces a few seconds of the 5,000-in-flight run with
// CDP tracing and prints where the renderer's main thread and the raster threads spend time.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { AUTOSAVE_KEY } from '../src/store/persistence';
import { benchScenario } from './topology';

const rate = Number(process.argv[2] ?? 10);
const flags = process.argv[3];
const port = 4400 + Math.floor(Math.random() * 500);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
if (flags) await page.addInitScript({ content: `globalThis.__benchFlags = ${flags};` });
await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE_KEY, JSON.stringify(benchScenario({ ratePerSec: rate, hopLatencyMs: 2000 }))] as const);
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => window.__warren !== undefined);
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.evaluate(() => window.__warren!.sim.play());
await page.waitForTimeout(9000);
const cdp = await context.newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,cc,viz,blink', transferMode: 'ReportEvents' });
await page.waitForTimeout(3000);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
await done;
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.waitForTimeout(3000);
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const dt = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
for (const [id, us] of dt) {
  const n = byId.get(id);
  const f = n.callFrame;
  const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
  self.set(k, (self.get(k) ?? 0) + us / 1000);
}
console.log('--- JS self time (ms/s)');
if (process.env.JS) for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / 3).toFixed(1).padStart(8)}  ${k}`);
const threads = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const frames = events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X').length;
const cpu = new Map<string, number>();
const wall = new Map<string, number>();
const NAMES = ['RunTask', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RasterTask', 'Graphics.Pipeline', 'DoUpdateLayers', 'V8.GC_MC_BACKGROUND_MARKING', 'MajorGC', 'MinorGC', 'ParseHTML', 'HitTest'];
for (const e of events) {
  if (e.ph !== 'X' || !e.dur || !NAMES.includes(e.name)) continue;
  const th = (threads.get(`${e.pid}:${e.tid}`) ?? '?').replace(/\d+$/, '');
  const k = `${th} | ${e.name}`;
  cpu.set(k, (cpu.get(k) ?? 0) + (e.tdur ?? e.dur) / 1000);
  wall.set(k, (wall.get(k) ?? 0) + e.dur / 1000);
}
if (process.env.GREP) {
  const m = new Map<string, [number, number]>();
  for (const e of events) if (e.ph === 'X' && new RegExp(process.env.GREP).test(e.name)) { const v = m.get(e.name) ?? [0, 0]; v[0]++; v[1] += (e.tdur ?? e.dur ?? 0) / 1000; m.set(e.name, v); }
  console.log([...m.entries()].map(([k, [n, ms]]) => `${k}: ${n}× ${(ms / n).toFixed(2)} ms`).join('\n'));
}
console.log(`--- ${frames} main frames in 3 s; per frame: cpu ms (wall ms)`);
for (const [k, v] of [...cpu.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / frames).toFixed(2).padStart(8)} (${((wall.get(k) ?? 0) / frames).toFixed(2).padStart(7)})  ${k}`);
await browser.close();
process.kill(-server.pid!);
