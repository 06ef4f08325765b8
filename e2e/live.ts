import type { Locator, Page } from '@playwright/test';
import { PALETTE } from '../src/canvas/layer/palette';
import type { WorldInput } from '../src/sim';
import { expect } from './fixtures';
import { canvas, dragFromPalette, drawLine, node } from './helpers';
import { loadScenario } from './sim';

/** Helpers for the live simulation specs. The `window.__warren` hook is documented in bench/README.md. */

/** The message layer: one canvas over the pane. */
export const layer = (page: Page) => page.getByRole('img', { name: 'Messages in flight' });

/** Presses Play: the panels' button when it is there, else the test hook (the panels land separately). */
export async function play(page: Page) {
  const button = page.getByRole('button', { name: 'Play', exact: true });
  if (await button.count()) await button.click();
  else await page.evaluate(() => window.__warren!.sim.play());
}

export async function pause(page: Page) {
  const button = page.getByRole('button', { name: 'Pause', exact: true });
  if (await button.count()) await button.click();
  else await page.evaluate(() => window.__warren!.sim.pause());
}

/** Something the user does in the panels (stop a consumer, restart the broker), through the hook. */
export async function input(page: Page, cmd: WorldInput) {
  await page.evaluate((json) => window.__warren!.sim.input(JSON.parse(json)), JSON.stringify(cmd));
}

/** A figure shown on a node, read from its labelled stat ("recv 12"). */
export async function stat(scope: Locator, title: string): Promise<number> {
  const text = (await scope.getByTitle(title, { exact: true }).first().textContent()) ?? '';
  const m = /(\d+)/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[1]);
}

/** Producer → queue (through the default exchange, as the canvas offers) with `consumers` consumers, drawn with the mouse. */
export async function buildWorkQueue(page: Page, consumers: number) {
  await dragFromPalette(page, 'Producer', 110, 220);
  await dragFromPalette(page, 'Queue', 420, 220);
  await drawLine(page, node(page, 'Producer producer1').getByLabel('Publisher of producer1'), node(page, 'Queue queue1').getByLabel('Into queue queue1'));
  await canvas(page).getByRole('alert').getByRole('button', { name: "Publish via the default exchange with key 'queue1'" }).click();
  for (let i = 1; i <= consumers; i++) {
    await dragFromPalette(page, 'Consumer', 760, 60 + 230 * (i - 1));
    await drawLine(page, node(page, 'Queue queue1').getByLabel('Deliver or dead-letter from queue queue1'), node(page, `Consumer consumer${i}`).getByLabel(`Consumer of consumer${i}`));
  }
}

/**
 * The same work queue as `buildWorkQueue` draws (what the editor saved after that drawing: the same
 * ids, names, defaults and places), its producer publishing `rate` messages per second, loaded as a
 * returning user's autosave: for the specs about what it does, not about drawing it (the first spec
 * in live.spec.ts draws it with the mouse).
 */
export async function loadWorkQueue(page: Page, consumers: number, rate: number) {
  const channel = (n: number) => ({ id: `ch${n}`, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false });
  const app = (n: number, name: string, position: { x: number; y: number }) => ({ id: `app${n}`, name, position, connections: [{ id: `conn${n}`, channels: [channel(n)] }] });
  const message = { body: 'Hello World!', deliveryMode: 2, headers: {} };
  const publisher = { id: 'pub1', channelId: 'ch1', exchange: '', routingKeys: ['queue1'], keyOrder: 'round-robin', mode: 'rate', ratePerSec: rate, burstCount: 10, message, mandatory: false, confirms: false, waitForConfirms: 'no', confirmBatchSize: 100 };
  const subscription = (n: number) => ({
    id: `sub${n - 1}`,
    channelId: `ch${n}`,
    queue: 'queue1',
    noAck: false,
    prefetchCount: 10,
    processingMs: 500,
    msPerDot: 0,
    jitterMs: 0,
    outcome: 'ack',
    failPercent: 0,
    failOutcome: 'nack-requeue',
    priority: 0,
    exclusive: false,
    running: true,
    replyToRequests: false,
  });
  const doc = {
    version: 1,
    title: '',
    seed: 1,
    broker: { showDefaultExchange: false, hopLatencyMs: 300 },
    exchanges: [],
    queues: [{ id: 'q1', name: 'queue1', durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic' }, position: { x: 16, y: -15 } }],
    bindings: [],
    apps: [
      { ...app(1, 'producer1', { x: -304, y: -28 }), publishers: [publisher], consumers: [] },
      ...Array.from({ length: consumers }, (_, i) => ({ ...app(i + 2, `consumer${i + 1}`, { x: 346, y: -195 + 230 * i }), publishers: [], consumers: [subscription(i + 2)] })),
    ],
    layout: { viewport: { x: 289, y: 187.5, zoom: 1 } },
  };
  await loadScenario(page, doc);
  await expect(node(page, 'Producer producer1')).toContainText(`${rate}/s`);
}

/** Sets the producer to publish `rate` messages per second, in the inspector. */
export async function publishAtRate(page: Page, rate: number) {
  await node(page, 'Producer producer1').click();
  const publisher = page.getByRole('complementary', { name: 'Inspector' }).getByRole('group', { name: 'Publisher 1' });
  await publisher.getByLabel('Publish', { exact: true }).selectOption({ label: 'at a rate' });
  const field = publisher.getByLabel('Messages per second');
  await field.fill(String(rate));
  await field.press('Enter');
  await expect(node(page, 'Producer producer1')).toContainText(`${rate}/s`);
}

/**
 * Points (in page coordinates) where the message layer painted a token: the layer's picture with
 * and without the layer, decoded in the page, and the pixels that are a token colour only with it
 * (and not over something that keeps its own clicks).
 */
export async function tokenPixels(page: Page): Promise<{ x: number; y: number }[]> {
  const l = layer(page);
  const box = (await l.boundingBox())!;
  const handle = (await l.elementHandle())!;
  const clip = { x: box.x, y: box.y, width: box.width, height: box.height };
  const withLayer = (await page.screenshot({ clip })).toString('base64');
  await handle.evaluate((c) => ((c as HTMLElement).style.visibility = 'hidden'));
  const without = (await page.screenshot({ clip })).toString('base64');
  await handle.evaluate((c) => ((c as HTMLElement).style.visibility = ''));
  const points = await page.evaluate(
    async ({ a, b, colours }) => {
      const decode = async (png: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [x, y] = [await decode(a), await decode(b)];
      const rgb = colours.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)));
      const out: { x: number; y: number }[] = [];

      for (let i = 0; i < x.data.length; i += 4) {
        const same = x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2];
        if (same) continue;
        if (rgb.some(([r, g, bl]) => x.data[i] === r && x.data[i + 1] === g && x.data[i + 2] === bl)) out.push({ x: (i / 4) % x.width, y: Math.floor(i / 4 / x.width) });
      }
      return out;
    },
    { a: withLayer, b: without, colours: [...PALETTE] },
  );
  // where a token lies over a button, a handle or a panel, the click is theirs: leave those out
  const free = await page.evaluate(
    (pts) => pts.filter((p) => !document.elementFromPoint(p.x, p.y)?.closest('.react-flow__panel, .react-flow__handle, button, input, select, textarea, a, [role="button"]')),
    points.map((p) => ({ x: box.x + p.x, y: box.y + p.y })),
  );
  return free;
}
