import type { Page } from '@playwright/test';
import { GALLERY, type ScenarioId } from '../src/scenarios';
import { Run } from '../src/scenarios/testing/run';
import { expect, test } from './fixtures';
import { node, open } from './helpers';
import { stat } from './live';
import { playUntil, setSpeed, timeMs } from './sim';

/** Issue 13: amqplib programs run in the page (one spec file; virtual time driven fast). */

const programsTab = (page: Page) => page.getByRole('tabpanel').getByRole('region', { name: 'Programs' });
const consoleOf = (page: Page, pid: string) => page.getByRole('log', { name: `Console of ${pid}` });

async function openPrograms(page: Page) {
  await page.getByRole('tab', { name: 'Programs' }).click();
  await expect(programsTab(page)).toBeVisible();
}

/** A new program file with this name and code, typed into the editor as a paste would. */
async function newProgram(page: Page, name: string, source: string) {
  await page.getByRole('button', { name: 'New program' }).click();
  const file = page.getByLabel('File name');
  await file.fill(name);
  await file.press('Enter');
  await expect(page.getByRole('button', { name: name, exact: true })).toBeVisible();
  const editor = page.getByRole('textbox', { name: `Code of ${name}` });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(source);
}

async function runWithArgs(page: Page, file: string, args: string) {
  const field = page.getByLabel(`Arguments of ${file}`);
  await field.fill(args);
  await page.getByRole('button', { name: `Run ${file}` }).click();
}

async function queueCounts(page: Page, queue: string) {
  const q = node(page, `Queue ${queue}`);
  const text = (await q.locator('.queue-counts').textContent()) ?? '';
  const m = /Ready\s*(\d+)\s*Unacked\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no counts in "${text}"`);
  return { ready: Number(m[1]), unacked: Number(m[2]) };
}

const APP = `const amqp = require('amqplib');

const [role] = process.argv.slice(2);

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  await channel.assertQueue('jobs', { durable: false });
  if (role === 'produce') {
    for (let i = 1; i <= 6; i++) channel.sendToQueue('jobs', Buffer.from('job ' + i));
    console.log('sent 6 jobs');
    setTimeout(() => connection.close(), 1000);
    return;
  }
  await channel.prefetch(3);
  // never acks: what it got stays unacked while it runs
  await channel.consume('jobs', (msg) => console.log('got ' + msg.content.toString()));
  console.log('consuming');
}

main();
`;

test('a pasted program runs twice with different arguments; its queue, app and console appear; Pause, Step and rewind; a killed instance gives its unacked messages back', async ({ page }) => {
  await open(page);
  await openPrograms(page);
  await newProgram(page, 'app.js', APP);

  // the consumer first, while paused: it connects and declares at once (no virtual time)
  await runWithArgs(page, 'app.js', 'consume');
  await expect(page.getByRole('button', { name: /^app\.js #1 running/ })).toBeVisible();
  await expect(node(page, 'Queue jobs')).toBeVisible();
  await expect(node(page, 'Consumer app.js #1')).toBeVisible();
  await expect(consoleOf(page, 'app.js #1')).toContainText('consuming');

  // the same file again, as a producer
  await runWithArgs(page, 'app.js', 'produce');
  await expect(consoleOf(page, 'app.js #2')).toContainText('sent 6 jobs');
  expect(await timeMs(page)).toBe(0);

  // Step: one event at a time; the first publish reaches the broker one hop (300 ms) later
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect.poll(async () => {
    await step.click();
    return queueCounts(page, 'jobs').then((c) => c.ready + c.unacked);
  }, { timeout: 20_000 }).toBeGreaterThan(0);
  const stepped = await timeMs(page);
  expect(stepped).toBeGreaterThanOrEqual(300);
  expect(stepped).toBeLessThan(1000);

  await setSpeed(page, 10);
  await playUntil(page, 2000);
  await page.getByRole('button', { name: /^app\.js #1/ }).click();
  await expect(consoleOf(page, 'app.js #1')).toContainText('got job 3');
  await expect(consoleOf(page, 'app.js #1')).not.toContainText('got job 4');
  expect(await queueCounts(page, 'jobs')).toEqual({ ready: 3, unacked: 3 });
  // the producer closed its connection and ended (nothing left to wait for)
  await expect(page.getByRole('button', { name: /^app\.js #2 exited \(0\)/ })).toBeVisible();
  expect(await stat(node(page, 'Consumer app.js #1'), 'Deliveries received')).toBe(3);

  // rewind to before the jobs arrived: the console and the queue go back with the clock
  await page.getByRole('slider', { name: 'Timeline' }).fill('100');
  await expect.poll(() => timeMs(page)).toBe(100);
  await expect(consoleOf(page, 'app.js #1')).not.toContainText('got job');
  expect(await queueCounts(page, 'jobs')).toEqual({ ready: 0, unacked: 0 });
  // and forward again: the same run (replayed from the turn log)
  await playUntil(page, 2000);
  await expect(consoleOf(page, 'app.js #1')).toContainText('got job 3');
  expect(await queueCounts(page, 'jobs')).toEqual({ ready: 3, unacked: 3 });

  // killed, as a process dies: the connection drops and the broker requeues its three messages
  await page.getByRole('button', { name: 'Kill app.js #1' }).click();
  await expect(page.getByRole('button', { name: /^app\.js #1 killed/ })).toBeVisible();
  await expect.poll(() => queueCounts(page, 'jobs')).toEqual({ ready: 6, unacked: 0 });
  await expect(node(page, 'Consumer app.js #1')).toBeHidden();
});

const HOSTILE: Record<string, { source: string; expect: RegExp }> = {
  'loop.js': { source: `console.log('looping');\nwhile (true) {}\n`, expect: /ran for 3 s without waiting/ },
  'memory.js': { source: `const all = [];\nwhile (true) all.push(new Array(1e6).fill(1.5));\n`, expect: /ran for 3 s without waiting|RangeError|out of memory/ },
  'spam.js': {
    source: `for (let i = 0; i < 100000; i++) console.log('spam ' + i);
`,
    expect: /more line\(s\) of output in this instant were dropped/,
  },
  'escape.js': {
    source: `try { postMessage('x'); } catch (e) { console.log('postMessage: ' + e.message); }
try { self.postMessage('x'); } catch (e) { console.log('self.postMessage: ' + e.message); }
fetch('https://example.com').then(() => console.log('fetched!'), (e) => console.log('fetch: ' + e.message));
try { localStorage.setItem('k', 'v'); } catch (e) { console.log('localStorage: ' + e.message); }
try { document.title = 'pwned'; } catch (e) { console.log('document: ' + e.message); }
try { importScripts('https://example.com/x.js'); } catch (e) { console.log('importScripts: ' + e.message); }
`,
    expect: /importScripts: importScripts is not defined/,
  },
};

test('hostile programs cannot freeze or break the page: endless loop, huge allocation, postMessage spam, reaching out', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await openPrograms(page);
  for (const [name, h] of Object.entries(HOSTILE)) {
    await newProgram(page, name, h.source);
    const started = Date.now();
    await page.getByRole('button', { name: `Run ${name}` }).click();
    // the page answers while the program runs (the program is in its own worker)
    await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: new RegExp(`^${name.replace('.', '\\.')} #1 (crashed|stopped|exited)`) })).toBeVisible({ timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(consoleOf(page, `${name} #1`)).toContainText(h.expect);
  }
  const reachingOut = consoleOf(page, 'escape.js #1');
  await expect(reachingOut).toContainText('fetch: fetch failed');
  await expect(reachingOut).toContainText('localStorage: localStorage is not defined');
  await expect(reachingOut).toContainText('document: document is not defined');
  await expect(reachingOut).not.toContainText('fetched!');
  await expect(reachingOut).toContainText('postMessage: postMessage is not defined');
  await expect(reachingOut).toContainText('self.postMessage: self.postMessage is not a function');
  // the page is intact: its title, and the simulation still plays
  await expect(page).toHaveTitle(/Warren/);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => timeMs(page)).toBeGreaterThan(0);
});

/** The program instance that plays each simulated consumer, per tutorial (gallery twin → code scenario). */
const TUTORIALS: { sim: ScenarioId; code: ScenarioId; consumers: [string, string][]; queues: string[] }[] = [
  { sim: 'hello-world', code: 'hello-world-code', consumers: [['receive', 'receive.js #1']], queues: ['hello'] },
  { sim: 'work-queues', code: 'work-queues-code', consumers: [['worker-fast', 'worker.js #1'], ['worker-slow', 'worker.js #2']], queues: ['task_queue'] },
  { sim: 'publish-subscribe', code: 'publish-subscribe-code', consumers: [['receive_logs-1', 'receive_logs.js #1'], ['receive_logs-2', 'receive_logs.js #2']], queues: [] },
  { sim: 'routing', code: 'routing-code', consumers: [['receive_logs_direct-1', 'receive_logs_direct.js #1'], ['receive_logs_direct-2', 'receive_logs_direct.js #2']], queues: [] },
  { sim: 'topics', code: 'topics-code', consumers: [['all-logs', 'receive_logs_topic.js #1'], ['critical-alerts', 'receive_logs_topic.js #2']], queues: [] },
  { sim: 'rpc', code: 'rpc-code', consumers: [['rpc_server', 'rpc_server.js #1'], ['rpc_client', 'rpc_client.js #1']], queues: ['rpc_queue'] },
  { sim: 'publisher-confirms', code: 'publisher-confirms-code', consumers: [['order-worker', 'order_worker.js #1']], queues: ['orders'] },
];

const T = 4_250;

test('the seven tutorials as programs, opened from the gallery, reach their simulated twins\' queue depths and per-consumer counts', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  for (const tut of TUTORIALS) {
    const twin = new Run(GALLERY[tut.sim].scenario).until(T);
    await page.getByRole('button', { name: 'Gallery' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });
    await dialog.getByRole('searchbox', { name: 'Search scenarios' }).fill(GALLERY[tut.code].title.en);
    await dialog.getByRole('button', { name: GALLERY[tut.code].title.en, exact: true }).click();
    await expect(dialog).toBeHidden();
    // the gallery plays what it opens: pause, then run fast to T
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await setSpeed(page, 100);
    await playUntil(page, T);
    // figures refresh on screen only: the whole picture in view
    await page.getByRole('button', { name: 'Fit view' }).click();
    for (const [appName, pid] of tut.consumers) {
      const c = twin.consumer(twin.w.scenario.apps.find((a) => a.name === appName)!.consumers[0]!.id);
      const app = page.getByRole('group', { name: new RegExp(`^(Consumer|Producer and consumer|App) ${pid.replace(/[.#]/g, '\\$&')}$`) });
      await expect(app).toBeVisible();
      await expect.poll(async () => ({ pid, received: await stat(app, 'Deliveries received'), acked: await stat(app, 'Messages acked') })).toEqual({ pid, received: c.received, acked: c.acked });
    }
    for (const q of tut.queues) await expect.poll(async () => ({ q, ...(await queueCounts(page, q)) })).toEqual({ q, ready: twin.queue(q)!.ready, unacked: twin.queue(q)!.unacked });
  }
});
