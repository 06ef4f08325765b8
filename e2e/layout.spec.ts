import { expect, test } from './fixtures';
import { canvas, connectFour, dragFourNodes, node, open } from './helpers';
import { measure, openFromGallery, shortfalls } from './picture';

async function x(page: import('@playwright/test').Page, name: string) {
  const box = await node(page, name).boundingBox();
  if (!box) throw new Error(`${name} not visible`);
  return box;
}

test('tidy layout arranges producers, exchanges, queues and consumers left to right', async ({ page }) => {
  await open(page);
  // added in view, so they pile up in the middle
  for (const item of ['Consumer', 'Queue', 'Exchange', 'Producer']) await page.getByRole('button', { name: item, exact: true }).click();
  await page.getByRole('button', { name: 'Exchange', exact: true }).click();
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  // the layout engine loads on first use and the view then fits: wait for the arrangement itself
  // (the fit moves and scales everything alike, so the order holds in every frame once laid out)
  await expect
    .poll(async () => {
      const [p, e, q, c] = await Promise.all(['Producer producer1', 'Exchange exchange1', 'Queue queue1', 'Consumer consumer1'].map((n) => x(page, n)));
      // apps stay outside the broker frame
      const frame = (await page.locator('.broker-frame').boundingBox())!;
      return {
        producerBeforeExchange: p!.x + p!.width < e!.x,
        exchangeBeforeQueueEnd: e!.x + e!.width <= q!.x + q!.width,
        queueBeforeConsumer: q!.x + q!.width < c!.x,
        producerLeftOfBroker: p!.x + p!.width < frame.x,
        consumerRightOfBroker: c!.x > frame.x + frame.width,
      };
    })
    .toEqual({ producerBeforeExchange: true, exchangeBeforeQueueEnd: true, queueBeforeConsumer: true, producerLeftOfBroker: true, consumerRightOfBroker: true });
  // one undo step puts everything back
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
});

test('tidy layout follows the lines that were drawn', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await expect.poll(async () => (await x(page, 'Queue queue1')).x - ((await x(page, 'Exchange exchange1')).x + (await x(page, 'Exchange exchange1')).width)).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Fit view' })).toBeVisible();
  // at 1280 px the mini map is off until asked for
  await expect(page.getByRole('img', { name: 'Mini map' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the mini map' }).click();
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
  await page.getByRole('button', { name: 'Zoom out' }).click();
});

test('dragging the broker by its title moves everything in it, as one undo step', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  // fitted, the broker's title is clear of the toolbar over the canvas
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(300);
  const title = page.getByText('RabbitMQ broker · vhost /');
  const e0 = await x(page, 'Exchange exchange1');
  const q0 = await x(page, 'Queue queue1');
  const p0 = await x(page, 'Producer producer1');
  const t = await title.boundingBox();
  await page.mouse.move(t!.x + 20, t!.y + 8);
  await page.mouse.down();
  await page.mouse.move(t!.x + 60, t!.y + 48, { steps: 8 });
  await page.mouse.up();
  const e1 = await x(page, 'Exchange exchange1');
  const q1 = await x(page, 'Queue queue1');
  expect(Math.round(e1.x - e0.x)).toBe(Math.round(q1.x - q0.x));
  expect(e1.y - e0.y).toBeGreaterThan(20);
  const p1 = await x(page, 'Producer producer1');
  expect(Math.round(e1.x - p1.x - (e0.x - p0.x))).toBeGreaterThan(20); // the app did not move with the broker
  // undo puts it back relative to the producer (the view may have auto-panned during the drag)
  await page.keyboard.press('Control+z');
  const gap = async () => Math.round((await x(page, 'Exchange exchange1')).y - (await x(page, 'Producer producer1')).y);
  await expect.poll(gap).toBe(Math.round(e0.y - p0.y));
});

test('opening and folding the dock: a fitted picture is fitted again, readable and uncovered; a view the person zoomed is kept', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await openFromGallery(page, 'Work queues');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // the consumers' rows read whole ("← task_queue · manual ack"), not cut short with "…"
  for (const name of ['Consumer worker-1', 'Consumer worker-2']) {
    const row = node(page, name).locator('.app-consumer .app-row-text');
    expect(await row.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  }
  const viewport = () => canvas(page).locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  // the dock opens under the canvas: nothing is left under the legend and zoom controls or out of view
  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect(page.getByRole('region', { name: 'Simulation panels' })).toBeVisible();
  await expect.poll(async () => shortfalls('dock open', await measure(page))).toEqual([]);
  // folded again, the picture grows back (fitted to the taller canvas)
  const docked = await viewport();
  await page.getByRole('button', { name: 'Hide panels' }).click();
  await expect.poll(viewport).not.toBe(docked);
  expect(shortfalls('dock folded', await measure(page))).toEqual([]);
  // the person zooms in on a part: opening the dock keeps their zoom, and the middle of what they saw
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const middle = async () => {
    const [t, pane] = await Promise.all([viewport(), canvas(page).locator('.react-flow__pane').boundingBox()]);
    const [, x, y, k] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(t)!.map(Number);
    return { zoom: k!, x: Math.round((pane!.width / 2 - x!) / k!), y: Math.round((pane!.height / 2 - y!) / k!) };
  };
  await expect.poll(async () => (await middle()).zoom).toBeGreaterThan(1);
  await page.waitForTimeout(300);
  const own = await middle();
  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect(page.getByRole('region', { name: 'Simulation panels' })).toBeVisible();
  await expect.poll(async () => {
    const m = await middle();
    return { zoom: m.zoom, near: Math.abs(m.x - own.x) <= 2 && Math.abs(m.y - own.y) <= 2 };
  }).toEqual({ zoom: own.zoom, near: true });
});
