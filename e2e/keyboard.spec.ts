import { expect, test } from './fixtures';
import { canvas, connectFour, dragFourNodes, drawLine, edge, node, open } from './helpers';

test('everything without a mouse: add, bind, publish, subscribe, select, move, delete, undo', async ({ page }) => {
  await open(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  // palette: Enter adds in the middle of the view
  await page.getByRole('button', { name: 'Exchange', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // exchange type
  await page.keyboard.press('Tab'); // Queue
  await page.keyboard.press('Enter');
  await expect(node(page, 'Exchange exchange1')).toBeVisible();
  await expect(node(page, 'Queue queue1')).toBeVisible();

  // the create-binding form is the keyboard path for drawing a binding
  const form = inspector.getByRole('form', { name: 'Create binding' });
  await form.getByLabel('From exchange').focus();
  await expect(form.getByLabel('From exchange')).toHaveValue(/x1/);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('To queue or exchange')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('orders');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText('Binding created.');
  await expect(edge(page, 'Binding from exchange1 to queue1, key orders')).toBeVisible();

  // a producer publishes to the exchange: choose it in its form
  await page.getByRole('button', { name: 'Producer', exact: true }).focus();
  await page.keyboard.press('Enter');
  const exchangeSelect = inspector.getByRole('group', { name: 'Publisher 1' }).getByLabel('Exchange', { exact: true });
  await exchangeSelect.focus();
  await page.keyboard.press('ArrowDown'); // (AMQP default) -> exchange1
  await expect(edge(page, /producer1 publishes to exchange1/)).toBeVisible();

  // a consumer subscribes to the queue
  await page.getByRole('button', { name: 'Consumer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await inspector.getByRole('group', { name: 'Consumer 1' }).getByLabel('Queue', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // (not subscribed) -> queue1
  await expect(edge(page, 'consumer1 consumes from queue1')).toBeVisible();

  // canvas nodes are focusable: Enter selects, arrows move, Delete removes, Ctrl+Z undoes
  const queue = node(page, 'Queue queue1');
  await queue.focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Queue queue1' })).toBeVisible();
  const before = await queue.boundingBox();
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await queue.boundingBox())!.y).toBeGreaterThan(before!.y);
  await page.keyboard.press('Delete');
  await expect(queue).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(queue).toBeVisible();
  await expect(edge(page, 'Binding from exchange1 to queue1, key orders')).toBeVisible();
});

test('canvas keys do nothing behind an open dialog, and Ctrl+C copies selected text as text', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  const queue = node(page, 'Queue queue1');
  await expect(queue).toBeVisible();
  await queue.click();

  // the gallery is open: Delete, Backspace, undo and paste belong to it, not to the canvas behind
  await page.getByRole('button', { name: 'Gallery' }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenario gallery' });
  await gallery.getByRole('button', { name: 'Hello World', exact: true }).focus();
  for (const key of ['Delete', 'Backspace', 'Control+z', 'Control+c', 'Control+v']) await page.keyboard.press(key);
  await expect(gallery).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(gallery).toBeHidden();
  await expect(queue).toBeVisible();
  await expect(node(page, 'Queue queue2')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled(); // adding the queue is still the last edit

  // with the node still selected, text selected in the page is what Ctrl+C copies
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  const title = page.getByRole('heading', { level: 1 });
  await title.selectText();
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Warren');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'Queue queue2')).toHaveCount(0);
});

test('focus stays in the canvas after deleting, undoing, editing a binding key and closing the binding dialog', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const queue = node(page, 'Queue queue1');
  const exchange = node(page, 'Exchange exchange1');

  // Delete on a focused (selected) node: focus goes to the nearest node; Ctrl+Z gives it back to the node
  await queue.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(queue).toHaveCount(0);
  await expect(exchange).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(queue).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Queue queue1' })).toBeVisible();

  // the inspector's Delete button: focus goes to the canvas, not to the top of the page
  await inspector.getByRole('button', { name: 'Delete queue' }).focus();
  await page.keyboard.press('Enter');
  await expect(queue).toHaveCount(0);
  await expect(exchange).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(queue).toBeVisible();

  // the binding key editor on an edge label gives focus back to the label, saved or cancelled
  const label = page.getByRole('button', { name: 'Binding key orders from exchange1 to queue1: edit' });
  await label.focus();
  await page.keyboard.press('Enter');
  const input = canvas(page).getByLabel('Binding key');
  await expect(input).toBeFocused();
  await input.fill('invoices');
  await page.keyboard.press('Enter');
  const renamed = page.getByRole('button', { name: 'Binding key invoices from exchange1 to queue1: edit' });
  await expect(renamed).toBeFocused();
  await page.keyboard.press('Enter');
  await input.fill('ignored');
  await page.keyboard.press('Escape');
  await expect(renamed).toBeFocused();
  await expect(edge(page, 'Binding from exchange1 to queue1, key invoices')).toBeVisible();

  // Escape in the "New binding" dialog: focus goes back to where the line was drawn from
  await drawLine(page, exchange.getByLabel('Bind from exchange exchange1'), queue.getByLabel('Into queue queue1'));
  const dialog = page.getByRole('dialog', { name: 'New binding' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Binding key').fill('more');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exchange).toBeFocused();

  // deleting the last node leaves focus on the canvas itself
  for (const n of ['Producer producer1', 'Queue queue1', 'Consumer consumer1']) {
    await node(page, n).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(node(page, n)).toHaveCount(0);
  }
  await exchange.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(exchange).toHaveCount(0);
  await expect(page.getByRole('application', { name: 'Diagram' })).toBeFocused();
});
