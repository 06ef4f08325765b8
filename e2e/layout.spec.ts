import { expect, test } from './fixtures';
import { connectFour, dragFourNodes, node, open } from './helpers';

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
  await page.waitForTimeout(400); // the fit-view animation
  const p = await x(page, 'Producer producer1');
  const e = await x(page, 'Exchange exchange1');
  const q = await x(page, 'Queue queue1');
  const c = await x(page, 'Consumer consumer1');
  expect(p.x + p.width).toBeLessThan(e.x);
  expect(e.x + e.width).toBeLessThanOrEqual(q.x + q.width);
  expect(q.x + q.width).toBeLessThan(c.x);
  // apps stay outside the broker frame
  const frame = await page.locator('.broker-frame').boundingBox();
  expect(p.x + p.width).toBeLessThan(frame!.x);
  expect(c.x).toBeGreaterThan(frame!.x + frame!.width);
  // one undo step puts everything back
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
});

test('tidy layout follows the lines that were drawn', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await page.waitForTimeout(400);
  const e = await x(page, 'Exchange exchange1');
  const q = await x(page, 'Queue queue1');
  expect(e.x + e.width).toBeLessThan(q.x);
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
