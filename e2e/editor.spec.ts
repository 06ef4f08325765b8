import { expect, test } from './fixtures';
import { canvas, connectFour, dragFourNodes, dragFromPalette, drawLine, edge, node, open } from './helpers';
import { inspector, selectNode } from './sim';

test('builds producer -> exchange -> queue -> consumer by dragging from the palette and drawing lines', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  // its default key "" matched no binding: it follows the binding's key (model/ops/keyFollow.ts)
  await expect(edge(page, 'producer1 publishes to exchange1 with keys orders')).toBeVisible();
  await expect(edge(page, 'Binding from exchange1 to queue1, key orders')).toBeVisible();
  await expect(edge(page, 'consumer1 consumes from queue1')).toBeVisible();
  // every app reaches the broker through a connection (a line that is not selectable: role img)
  await expect(page.getByRole('img', { name: 'producer1’s TCP connection to the broker' })).toHaveCount(1);
  await expect(page.getByRole('img', { name: 'consumer1’s TCP connection to the broker' })).toHaveCount(1);
  await expect(node(page, 'Consumer consumer1')).toContainText('← queue1');
  await expect(node(page, 'Consumer consumer1')).toContainText('prefetch 10');
  await expect(node(page, 'Consumer consumer1')).toContainText('manual ack');
  await expect(node(page, 'Queue queue1')).toContainText('Ready0');
  await expect(node(page, 'Queue queue1')).toContainText('Unacked0');
});

test('a message no binding matches is counted on the exchange, and the count explains itself on focus', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await selectNode(page, 'Producer producer1');
  const keys = inspector(page).getByLabel('Routing keys (one per line)');
  await keys.fill('invoices');
  await keys.blur();
  const live = inspector(page).getByRole('group', { name: 'Publisher 1 in the simulation' });
  for (let i = 0; i < 2; i++) await live.getByRole('button', { name: 'Publish', exact: true }).click();
  // they reach the exchange one hop later
  await page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Play', exact: true }).click();
  const badge = node(page, 'Exchange exchange1').getByRole('note', { name: '2 unroutable at exchange1' });
  await expect(badge).toHaveText('✕ 2 unroutable');
  await badge.focus();
  await expect(page.getByRole('tooltip')).toContainText('No binding of exchange1 matched the routing key of 2 message(s) (the last one\'s key: "invoices")');
  await expect(page.getByRole('tooltip')).toContainText('dropped 2 of them silently');
});

test('refuses a producer dropped on a queue with an explanation, and offers the AMQP way', async ({ page }) => {
  await open(page);
  await dragFromPalette(page, 'Producer', 120, 200);
  await dragFromPalette(page, 'Queue', 450, 200);
  await drawLine(page, node(page, 'Producer producer1').getByLabel('Publisher of producer1'), node(page, 'Queue queue1').getByLabel('Into queue queue1'));
  const alert = canvas(page).getByRole('alert');
  await expect(alert).toContainText("In AMQP every message goes through an exchange. Publish to the default exchange with routing key 'queue1' to reach this queue.");
  await expect(edge(page, /producer1 publishes/)).toHaveCount(0);
  await alert.getByRole('button', { name: "Publish via the default exchange with key 'queue1'" }).click();
  await expect(alert).toBeHidden();
  await expect(edge(page, 'producer1 publishes to queue queue1 through the default exchange')).toBeVisible();
  // with the default exchange shown, the line goes through it, and it binds every queue by name
  await page.getByLabel('Show default exchange').first().check();
  await expect(node(page, 'Default exchange')).toBeVisible();
  await expect(edge(page, /producer1 publishes to \(AMQP default\)/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Implicit binding of queue queue1 to the default exchange' })).toHaveCount(1);
});

test('refuses other connections AMQP does not allow, each with its reason', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await drawLine(page, node(page, 'Exchange exchange1').getByLabel('Bind from exchange exchange1'), node(page, 'Consumer consumer1').getByLabel('Consumer of consumer1'));
  await expect(canvas(page).getByRole('alert')).toContainText('Exchanges route to queues, not to applications.');
  await canvas(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('application', { name: 'Diagram' })).toBeFocused();
  await drawLine(page, node(page, 'Queue queue1').getByLabel('Deliver or dead-letter from queue queue1'), node(page, 'Producer producer1'));
  await expect(canvas(page).getByRole('alert')).toContainText("'producer1' has no consumer.");
});

test('draws dead-letter and alternate exchanges as dashed, labelled lines', async ({ page }) => {
  await open(page);
  await dragFromPalette(page, 'Exchange', 200, 120);
  await dragFromPalette(page, 'Exchange', 520, 120);
  await dragFromPalette(page, 'Queue', 200, 360);
  await drawLine(page, node(page, 'Queue queue1').getByLabel('Deliver or dead-letter from queue queue1'), node(page, 'Exchange exchange2').getByLabel('Into exchange exchange2'));
  await expect(edge(page, 'Queue queue1 dead-letters to exchange2')).toBeVisible();
  await expect(node(page, 'Queue queue1')).toContainText('DLX exchange2');
  await drawLine(page, node(page, 'Exchange exchange1').getByLabel('Alternate exchange of exchange1'), node(page, 'Exchange exchange2'));
  await expect(edge(page, 'Alternate exchange of exchange1: exchange2')).toBeVisible();
  await expect(edge(page, 'Alternate exchange of exchange1: exchange2').locator('path').first()).toHaveCSS('stroke-dasharray', /6/);
});

test('edits a binding key on the edge label', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await page.getByRole('button', { name: 'Binding key orders from exchange1 to queue1: edit' }).click();
  const input = canvas(page).getByLabel('Binding key');
  await input.fill('invoices');
  await input.press('Enter');
  await expect(edge(page, 'Binding from exchange1 to queue1, key invoices')).toBeVisible();
});

test('nodes added with the palette (click or Enter) land in view side by side, never on top of each other', async ({ page }) => {
  await open(page);
  const queueButton = page.getByRole('button', { name: 'Queue', exact: true });
  await queueButton.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Consumer', exact: true }).click();
  await page.getByRole('button', { name: 'Consumer', exact: true }).click();
  await page.getByRole('button', { name: 'Producer', exact: true }).focus();
  await page.keyboard.press('Enter');
  const names = ['Queue queue1', 'Queue queue2', 'Consumer consumer1', 'Consumer consumer2', 'Producer producer1'];
  const area = (await canvas(page).locator('.react-flow').boundingBox())!;
  const boxes = [];
  for (const n of names) {
    await expect(node(page, n)).toBeVisible();
    const b = (await node(page, n).boundingBox())!;
    expect(b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height, `${n} in view`).toBe(true);
    boxes.push(b);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${names[i]} and ${names[j]} overlap`).toBe(false);
    }
  }
  // each one gets its own clicks
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await node(page, 'Queue queue1').click();
  await expect(inspector.getByRole('heading', { name: 'Queue queue1' })).toBeVisible();
  await node(page, 'Consumer consumer1').click();
  await expect(inspector.getByRole('heading', { name: /consumer1/ })).toBeVisible();
});
