import { expect, test } from './fixtures';
import { node, open } from './helpers';
import { buildWorkQueue, input, layer, loadWorkQueue, pause, play, publishAtRate, stat, tokenPixels } from './live';

// the one spec that draws its work queue with the mouse (drag from the palette, connect): the others load it
test('a work queue with two consumers comes alive: tokens travel, each consumer gets its share', async ({ page }) => {
  // several waits on the animation in turn: on a loaded 2-core machine they add up past the default minute
  test.setTimeout(120_000);
  await open(page);
  await buildWorkQueue(page, 2);
  await publishAtRate(page, 12);
  await play(page);

  // tokens are painted on the message layer
  await expect.poll(() => page.evaluate(() => window.__warren!.paintedTokens()), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await tokenPixels(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);

  // both consumers receive and ack (round-robin across the two): their counts rise
  const c1 = node(page, 'Consumer consumer1');
  const c2 = node(page, 'Consumer consumer2');
  await expect.poll(() => stat(c1, 'Messages acked'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(() => stat(c2, 'Messages acked'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const r1 = await stat(c1, 'Deliveries received');
  await expect.poll(() => stat(c1, 'Deliveries received'), { timeout: 30_000 }).toBeGreaterThan(r1);
  // each holds what it has not acked yet (prefetch 10): the queue counts them as unacked
  const held = c1.getByRole('list', { name: 'Unacked messages held by consumer1' });
  await expect(held.getByRole('button').first()).toBeVisible();
  // a focused chip whose message is acked goes away: focus moves to the chip now in its place (or
  // to the node), never to the page
  const label = (await held.getByRole('button').last().getAttribute('aria-label'))!;
  await held.getByRole('button', { name: label, exact: true }).focus();
  await expect(held.getByRole('button', { name: label, exact: true })).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.chip, .react-flow__node') ?? false)).toBe(true);
  await expect.poll(async () => Number(await node(page, 'Queue queue1').getByText('Unacked').locator('xpath=following-sibling::dd').textContent())).toBeGreaterThan(0);
  // the producer counts what it sent
  expect(await stat(node(page, 'Producer producer1'), 'Messages published')).toBeGreaterThan(0);
  // and the legend names the routing key on screen
  await expect(page.getByRole('region', { name: 'Routing keys of the messages on screen' })).toContainText('queue1');
});

test('a queue without consumers keeps its messages: chips in key colour, then a count; a chip selects its message', async ({ page }) => {
  await loadWorkQueue(page, 0, 40);
  const buffer = node(page, 'Queue queue1').getByRole('list', { name: 'Messages ready in queue1' });
  await expect(node(page, 'Queue queue1')).toContainText('no messages ready');
  await play(page);
  await expect(buffer.getByRole('button').first()).toBeVisible({ timeout: 30_000 });
  // at most 20 chips, then "+N" for the rest
  await expect(buffer.getByText(/^\+\d+$/)).toBeVisible({ timeout: 30_000 });
  await expect(buffer.getByRole('button')).toHaveCount(20);
  await pause(page);
  const first = buffer.getByRole('button').first();
  await expect(first).toHaveAccessibleName(/^Message \d+, routing key queue1 \((persistent|transient)\)$/);
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const msgId = Number(/Message (\d+)/.exec((await first.getAttribute('aria-label'))!)![1]);
  expect(await page.evaluate(() => window.__warren!.sim.ui.getState().selected)).toEqual({ msgId });
});

test('clicking a token on its way selects its message', async ({ page }) => {
  await loadWorkQueue(page, 1, 6);
  await play(page);
  await expect.poll(() => page.evaluate(() => window.__warren!.inFlight()), { timeout: 30_000 }).toBeGreaterThan(2);
  await pause(page);
  const points = await tokenPixels(page);
  expect(points.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__warren!.sim.ui.getState().selected)).toBeNull();
  await page.mouse.click(points[0]!.x, points[0]!.y);
  const selected = await page.evaluate(() => window.__warren!.sim.ui.getState().selected);
  expect(selected).not.toBeNull();
  // clicking the pane elsewhere is still the pane's (a drag still pans; nothing else is selected)
  await page.mouse.click(points[0]!.x + 300, points[0]!.y + 300);
  expect(await page.evaluate(() => window.__warren!.sim.ui.getState().selected)).toEqual(selected);
});

test('consumer state and queue declaration are shown on the nodes', async ({ page }) => {
  await loadWorkQueue(page, 1, 5);
  await play(page);
  const consumer = node(page, 'Consumer consumer1');
  await expect.poll(() => stat(consumer, 'Deliveries received'), { timeout: 30_000 }).toBeGreaterThan(0);
  const id = await page.evaluate(() => window.__warren!.sim.scenario.apps.find((a) => a.name === 'consumer1')!.consumers[0]!.id);
  await input(page, { type: 'consumer-crash', consumer: id });
  await expect(consumer.getByText('crashed', { exact: true })).toBeVisible();

  // a transient queue does not survive a broker restart: it is drawn as not declared, with why
  await node(page, 'Queue queue1').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Durable').uncheck();
  await expect(node(page, 'Queue queue1')).not.toContainText('Not declared');
  await input(page, { type: 'broker-restart' });
  await expect(node(page, 'Queue queue1').getByRole('note')).toContainText('Not declared');
  await expect(node(page, 'Queue queue1').getByRole('note')).toContainText('A non-durable queue does not survive a broker restart');
});

test('with reduced motion, nothing travels: one still mark per busy line, same figures', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await loadWorkQueue(page, 2, 20);
  await play(page);
  await expect(layer(page)).toHaveAttribute('data-reduced-motion', 'true');
  await expect.poll(() => page.evaluate(() => window.__warren!.inFlight()), { timeout: 30_000 }).toBeGreaterThan(4);
  // three lines carry messages (publish, two deliveries): at most one mark each, however many travel
  const painted = await page.evaluate(() => window.__warren!.paintedTokens());
  expect(painted).toBeGreaterThan(0);
  expect(painted).toBeLessThanOrEqual(3);
  await expect.poll(() => stat(node(page, 'Consumer consumer1'), 'Messages acked'), { timeout: 30_000 }).toBeGreaterThan(0);
});

test('zoomed out, the layer draws the nodes figures; zoomed back in, the nodes show them again, up to date', async ({ page }) => {
  await loadWorkQueue(page, 1, 10);
  await play(page);
  const queue = node(page, 'Queue queue1');
  const consumer = node(page, 'Consumer consumer1');
  await expect.poll(() => stat(consumer, 'Deliveries received'), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(queue.getByText('Ready', { exact: true })).toBeVisible();
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  for (let i = 0; i < 8; i++) await zoomOut.click();
  // the node figures are a few pixels high now: hidden, the layer draws them (and the tokens) instead
  await expect(queue.getByText('Ready', { exact: true })).toBeHidden();
  await expect(consumer.getByTitle('Deliveries received')).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.__warren!.paintedTokens()), { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await page.evaluate(() => window.__warren!.sim.live.getState().consumers);
  const received = Object.values(before)[0]!.received;
  await expect.poll(() => page.evaluate(() => Object.values(window.__warren!.sim.live.getState().consumers)[0]!.received), { timeout: 30_000 }).toBeGreaterThan(received + 2);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(queue.getByText('Ready', { exact: true })).toBeVisible();
  await expect.poll(() => stat(consumer, 'Deliveries received'), { timeout: 30_000 }).toBeGreaterThan(received + 2);
});
