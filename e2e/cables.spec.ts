import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { canvas, node } from './helpers';
import { inspector, loadScenario, selectNode, setSpeed } from './sim';

/**
 * Connections and channels drawn as what they are (issue 10): a connection is a cable from its app to
 * the broker, with a lane per channel; each channel's messages travel in its lane; persistent and
 * transient messages have different shapes in flight and in the queues; events happen on the cable.
 */
const channel = (id: string, number: number, extra: Record<string, unknown> = {}) => ({ id, number, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false, ...extra });
const publisher = (id: string, channelId: string, deliveryMode: 1 | 2) => ({
  id,
  channelId,
  exchange: 'orders',
  routingKeys: ['new'],
  keyOrder: 'round-robin',
  mode: 'manual',
  ratePerSec: 1,
  burstCount: 3,
  message: { body: 'order {n}', deliveryMode, headers: {} },
  mandatory: false,
  confirms: false,
});

/** shop (one connection: channel 1 publishes persistent orders, channel 2 transient ones, in confirm mode) → orders → orders ← worker (stopped). */
const SHOP = {
  version: 1,
  title: 'Cables',
  seed: 3,
  // slow hops: the messages take their time through the cables
  broker: { showDefaultExchange: false, hopLatencyMs: 2500 },
  exchanges: [{ id: 'x-orders', name: 'orders', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {}, position: { x: 330, y: 40 } }],
  queues: [{ id: 'q-orders', name: 'orders', durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic' }, position: { x: 640, y: 30 } }],
  bindings: [{ id: 'b-new', source: 'x-orders', destination: 'q-orders', destinationType: 'queue', routingKey: 'new', arguments: {} }],
  apps: [
    {
      id: 'app-shop',
      name: 'shop',
      position: { x: 0, y: -40 },
      connections: [{ id: 'conn-shop', channels: [channel('ch-1', 1), channel('ch-2', 2, { confirmSelect: true })] }],
      publishers: [publisher('pub-persistent', 'ch-1', 2), publisher('pub-transient', 'ch-2', 1)],
      consumers: [],
    },
    {
      id: 'app-worker',
      name: 'worker',
      position: { x: 1000, y: 0 },
      connections: [{ id: 'conn-worker', channels: [channel('ch-w', 1, { prefetchCount: 2 })] }],
      publishers: [],
      consumers: [
        {
          id: 'sub-worker', channelId: 'ch-w', queue: 'orders', noAck: false, prefetchCount: 2, processingMs: 60_000, jitterMs: 0, outcome: 'ack', failPercent: 0,
          failOutcome: 'nack-requeue', priority: 0, exclusive: false, running: false,
        },
      ],
    },
  ],
};

const cable = (page: Page, app: string) => canvas(page).getByRole('img', { name: `${app}’s TCP connection to the broker` });

/** The tokens the message layer drew in its last frame, in page coordinates. */
async function tokens(page: Page) {
  const box = (await canvas(page).locator('canvas.message-layer').boundingBox())!;
  const list = await page.evaluate(() => window.__warren?.tokens() ?? []);
  return list.map((t) => ({ ...t, x: t.x + box.x, y: t.y + box.y }));
}

const centreY = async (page: Page, label: string) => {
  const b = (await page.getByLabel(label, { exact: true }).first().boundingBox())!;
  return b.y + b.height / 2;
};

test('a connection is a cable with a lane per channel; each channel’s messages travel in its lane, persistent ones square, transient ones round', async ({ page }) => {
  await loadScenario(page, SHOP);
  const shop = node(page, 'Producer shop');
  // the cable's head in the app, and its lanes: number, confirm mode
  await expect(shop.getByRole('note', { name: /^TCP connection \d+ of shop$/ })).toBeVisible();
  await expect(shop.locator('.lane-head')).toHaveText([/^ch 1/, /^ch 2\s*✓ confirm/], { useInnerText: true });
  await expect(cable(page, 'shop')).toHaveCount(1);
  await expect(cable(page, 'shop').locator('.cable-lane')).toHaveCount(2);

  // publish three of each, then look at them on their way, in the cable
  await selectNode(page, 'Producer shop');
  const bursts = inspector(page).getByRole('button', { name: 'Send burst', exact: true });
  await bursts.nth(0).click();
  await bursts.nth(1).click();
  // slowly, so that both channels' tokens are seen in the cable together
  await setSpeed(page, 0.1);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const shopBox = (await shop.boundingBox())!;
  const frame = (await canvas(page).locator('.broker-frame').boundingBox())!;
  const inTheCable = async () => (await tokens(page)).filter((t) => t.x > shopBox.x + shopBox.width && t.x < frame.x && t.kind === 'publish');
  await expect.poll(async () => new Set((await inTheCable()).map((t) => t.link)).size).toBe(2);
  // paused there, the picture holds still (a view that was still settling has settled) while it is measured
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForTimeout(500);
  const inCable = await inTheCable();
  const yPersistent = await centreY(page, 'Publisher of shop');
  const persistent = inCable.filter((t) => t.link === 'publish:pub-persistent');
  const transient = inCable.filter((t) => t.link === 'publish:pub-transient');
  // channel 1's publisher's line is the first one: its tokens ride at its height, channel 2's lower, each in its lane
  for (const t of persistent) expect(Math.abs(t.y - yPersistent)).toBeLessThan(4);
  for (const t of transient) expect(t.y - yPersistent).toBeGreaterThan(20);
  expect(new Set(persistent.map((t) => t.look))).toEqual(new Set([9])); // LOOK.messagePersistent: a square
  expect(new Set(transient.map((t) => t.look))).toEqual(new Set([0])); // LOOK.message: a circle
  await setSpeed(page, 1);
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  // in the queue's buffer too: square chips for persistent messages, round ones for transient
  const buffer = node(page, 'Queue orders').getByRole('list', { name: 'Messages ready in orders' });
  await expect(buffer.getByRole('button')).toHaveCount(6, { timeout: 30_000 });
  await expect(buffer.locator('.chip.is-persistent')).toHaveCount(3);
  await expect(buffer.getByRole('button', { name: /routing key new \(transient\)$/ })).toHaveCount(3);
  // nothing travels any more, yet the legend still names the key of the messages in the queue
  await expect.poll(async () => (await tokens(page)).length).toBe(0);
  await expect(page.getByRole('region', { name: 'Routing keys of the messages on screen' })).toContainText('new');
});

test('the cable explains itself, shows its opening and loss, and gets a lane per channel and a cable per connection', async ({ page }) => {
  await loadScenario(page, SHOP);
  const worker = node(page, 'Consumer worker');
  // the worker app is connected before its consumer starts (a client connects, then consumes): its cable is live
  await expect(worker.getByRole('note', { name: /^TCP connection \d+ of worker$/ })).toBeVisible();
  await expect(cable(page, 'worker').locator('.cable')).not.toHaveClass(/is-closed/);
  await selectNode(page, 'Consumer worker');
  await inspector(page).getByRole('button', { name: 'Start', exact: true }).click();
  const effectsOn = (kind: string) => page.evaluate((k) => window.__warren!.sim.tokens.effects.some((e) => e.kind === k && e.node === 'connection:conn-worker'), kind);
  await expect(worker.locator('.lane-head')).toHaveText([/^ch 1\s*prefetch\s*2\s*unacked\s*0/], { useInnerText: true });

  // hover or focus: a sentence says what it is, in English and in Spanish
  const head = worker.getByRole('note', { name: /^TCP connection \d+ of worker$/ });
  await head.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(page.getByRole('tooltip')).toContainText(/TCP connection \d+, opened by worker to the broker\. One connection carries all of the app’s channels/);
  await expect(head).toHaveAccessibleDescription(/^TCP connection \d+, opened by worker to the broker/);
  await page.getByLabel('Language').selectOption('es');
  // the node's own name is in Spanish too
  const trabajador = node(page, 'Consumidor worker');
  await trabajador.getByRole('note', { name: /^Conexión TCP \d+ de worker$/ }).focus();
  await expect(page.getByRole('tooltip')).toContainText(/Conexión TCP \d+, abierta por worker hacia el broker/);
  // a lane explains itself too: its prefetch and what is unacked on it
  await trabajador.getByRole('note', { name: 'Canal 1' }).hover();
  await expect(page.getByRole('tooltip')).toContainText(/Canal 1: un carril propio dentro de la conexión TCP.*Prefetch 2/);
  await page.getByLabel('Idioma').selectOption('en');

  // a crash loses the connection: an event on the cable, and the cable is drawn closed
  await inspector(page).getByRole('button', { name: 'Crash', exact: true }).click();
  await expect.poll(() => effectsOn('connection-lost')).toBe(true);
  await expect(cable(page, 'worker').locator('.cable')).toHaveClass(/is-closed/);
  await expect(worker.getByRole('note', { name: 'TCP connection of worker: closed' })).toHaveText(/^TCP connection · closed/);
  // Start opens a connection again: its opening is an event on the cable
  await inspector(page).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(cable(page, 'worker').locator('.cable')).not.toHaveClass(/is-closed/);
  await expect.poll(() => effectsOn('connection-opened')).toBe(true);

  // a channel added is a new lane in the app and in its cable; a connection added, a second cable
  await inspector(page).getByRole('button', { name: 'Add channel' }).click();
  await expect(worker.locator('.lane-head')).toHaveCount(2);
  await expect(cable(page, 'worker').locator('.cable-lane')).toHaveCount(2);
  await inspector(page).getByRole('button', { name: 'Add connection' }).click();
  await expect(cable(page, 'worker')).toHaveCount(2);
  await expect(worker.locator('.app-conn')).toHaveCount(2);
});
