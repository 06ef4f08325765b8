import { expect, test } from './fixtures';
import { canvas, connectFour, dragFourNodes, edge, node, open } from './helpers';

test('a reload keeps the topology (autosave)', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await node(page, 'Queue queue1').click();
  const name = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await name.fill('orders');
  await name.press('Enter');
  await expect(node(page, 'Queue orders')).toBeVisible();
  const before = await node(page, 'Queue orders').boundingBox();
  await page.reload();
  await expect(node(page, 'Queue orders')).toBeVisible();
  await expect(edge(page, 'Binding from exchange1 to orders, key orders')).toBeVisible();
  await expect(edge(page, 'consumer1 consumes from orders')).toBeVisible();
  await expect(canvas(page).getByRole('alert')).toHaveCount(0);
  // the view is restored too, so nodes are where they were on screen
  const after = await node(page, 'Queue orders').boundingBox();
  expect(Math.abs((after?.x ?? 0) - (before?.x ?? 0))).toBeLessThan(2);
});

test('unreadable saved data shows a recovery message instead of crashing', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('warren.scenario', '{"version":1,"exchanges":[{"id":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page);
  await expect(canvas(page).getByRole('alert')).toContainText('Your saved topology could not be read, so you start with an empty one.');
  // the original is kept aside, and the editor works
  expect(await page.evaluate(() => localStorage.getItem('warren.scenario.backup'))).toBe('{"version":1,"exchanges":[{"id":');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  await canvas(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(canvas(page).getByRole('alert')).toHaveCount(0);
});

test('a damaged saved topology is recovered: what validates is kept, the rest is listed', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'warren.scenario',
      JSON.stringify({
        version: 1,
        exchanges: [{ id: 'x1', name: 'logs', type: 'fanout', position: { x: 100, y: 100 } }, { id: 'x2', name: 'amq.bad', type: 'direct' }],
        queues: [{ id: 'q1', name: 'kept', position: { x: 350, y: 100 } }, { id: 'q2', name: 'broken', arguments: { maxPriority: 'high' } }],
        bindings: [{ id: 'b1', source: 'x1', destination: 'q1', destinationType: 'queue' }],
      }),
    );
  });
  await open(page);
  const alert = canvas(page).getByRole('alert');
  await expect(alert).toContainText('Your saved topology was damaged: 2 problem(s) were fixed or left out.');
  await expect(alert).toContainText('Exchange "amq.bad" could not be read and was left out.');
  await expect(alert).toContainText('Queue "broken" could not be read and was left out.');
  await expect(node(page, 'Exchange logs')).toBeVisible();
  await expect(node(page, 'Queue kept')).toBeVisible();
  await expect(node(page, 'Queue broken')).toHaveCount(0);
  // the recovered state was saved: no message on the next load
  await page.reload();
  await expect(node(page, 'Queue kept')).toBeVisible();
  await expect(canvas(page).getByRole('alert')).toHaveCount(0);
});

test('a browser that refuses to store says at once that work is not being saved, and offers the file', async ({ page }) => {
  // storage full from the start: every write throws, as Safari's private mode and a full quota do
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page);
  const notice = page.getByRole('alert', { name: 'Work not saved' });
  await expect(notice).toContainText('Your work is not being saved.');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  await expect(notice).toBeVisible();
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Save as file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.warren\.json$/);
});
