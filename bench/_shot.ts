import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
// @ts-expect-error helper
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { emptyScenario } from '../src/model';
import { consumerApp, publisherApp, queue } from '../src/sim/fixtures';
import { AUTOSAVE_KEY } from '../src/store/persistence';
const s = emptyScenario(3);
s.broker = { showDefaultExchange: false, hopLatencyMs: 600 };
if (process.env.ZOOM) s.layout = { viewport: { x: -250, y: -20, zoom: Number(process.env.ZOOM) } };
s.exchanges = [{ id: 'x1', name: 'orders', type: 'direct', durable: true, autoDelete: false, internal: false, position: { x: 300, y: 100 } }];
s.queues = [{ ...queue('q1', 'work'), position: { x: 650, y: 40 } }, { ...queue('q2', 'audit', { arguments: { queueType: 'classic', maxLength: 8 } }), position: { x: 650, y: 260 } }];
s.bindings = [
  { id: 'b1', source: 'x1', destination: 'q1', destinationType: 'queue', routingKey: 'order.new', arguments: {} },
  { id: 'b2', source: 'x1', destination: 'q2', destinationType: 'queue', routingKey: 'order.new', arguments: {} },
  { id: 'b3', source: 'x1', destination: 'q2', destinationType: 'queue', routingKey: 'order.paid', arguments: {} },
];
s.apps = [
  { ...publisherApp('p1', 'shop', { exchange: 'orders', routingKeys: ['order.new', 'order.paid', 'order.lost'], mode: 'rate', ratePerSec: 4, confirms: true, mandatory: true }, { confirmSelect: true }), position: { x: -50, y: 100 } },
  { ...consumerApp('c1', 'worker-1', { queue: 'work', prefetchCount: 3, processingMs: 900, failPercent: 20, failOutcome: 'nack-requeue' }), position: { x: 1000, y: 0 } },
  { ...consumerApp('c2', 'worker-2', { queue: 'work', prefetchCount: 3, processingMs: 1300 }), position: { x: 1000, y: 170 } },
];
const port = 4600 + Math.floor(Math.random() * 300);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE_KEY, JSON.stringify(s)] as const);
if (process.env.REDUCED) await page.emulateMedia({ reducedMotion: 'reduce' });
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => window.__warren !== undefined);
await page.evaluate(() => window.__warren?.sim.play());
await page.waitForTimeout(Number(process.env.WAIT ?? 6000));
console.log(await page.evaluate(() => ({ inFlight: window.__warren?.inFlight(), drawn: window.__warren?.drawnTokens(), painted: window.__warren?.paintedTokens() })));
await page.screenshot({ path: process.env.OUT ?? '/tmp/shots/a.png' });
await browser.close();
if (server.pid) process.kill(-server.pid);
