import { expect, test } from './fixtures';
import { connectFour, dragFourNodes, edge, node, open } from './helpers';

const inspector = (page: import('@playwright/test').Page) => page.getByRole('complementary', { name: 'Inspector' });

test('edits a queue in the inspector, explaining invalid values next to the field', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  const form = inspector(page);
  await expect(form.getByRole('heading', { name: 'Queue queue1' })).toBeVisible();

  const ttl = form.getByLabel('Message TTL (ms) (x-message-ttl)');
  await ttl.fill('-5');
  await ttl.press('Enter');
  await expect(ttl).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Must be at least 0.')).toBeVisible();
  await ttl.fill('abc');
  await ttl.press('Enter');
  await expect(form.getByText('Must be a number.')).toBeVisible();
  await ttl.fill('60000');
  await ttl.press('Enter');
  await expect(ttl).not.toHaveAttribute('aria-invalid', 'true');
  await expect(node(page, 'Queue queue1')).toContainText('TTL 1m');

  // RabbitMQ's own rules: quorum queues are durable; x-expires must be above 0
  await form.getByLabel('Durable').uncheck();
  await form.getByLabel('Queue type (x-queue-type)').selectOption('quorum');
  await expect(form.getByText('Quorum queues are always durable.')).toBeVisible();
  await expect(form.getByLabel('Queue type (x-queue-type)')).toHaveValue('classic');
  await form.getByLabel('Durable').check();
  await form.getByLabel('Queue type (x-queue-type)').selectOption('quorum');
  await expect(node(page, 'Queue queue1')).toContainText('quorum');
  const expires = form.getByLabel('Queue expires after (ms) (x-expires)');
  await expires.fill('0');
  await expires.blur();
  await expect(form.getByText('x-expires must be above 0: RabbitMQ refuses 0.')).toBeVisible();

  // renaming changes the node's accessible name
  const name = form.getByLabel('Name', { exact: true });
  await name.fill('amq.orders');
  await name.press('Enter');
  await expect(form.getByText('Names starting with "amq." are reserved for the broker (403 ACCESS_REFUSED).')).toBeVisible();
  await name.fill('orders');
  await name.press('Enter');
  await expect(node(page, 'Queue orders')).toBeVisible();
});

test('shows errors in Spanish too', async ({ page }) => {
  await open(page);
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Cola', exact: true }).click();
  const form = page.getByRole('complementary', { name: 'Inspector' });
  const max = form.getByLabel('Prioridad máxima (x-max-priority)');
  await max.fill('300');
  await max.press('Enter');
  await expect(form.getByText('Debe ser como mucho 255.')).toBeVisible();
  await expect(node(page, 'Cola queue1')).toBeVisible();
});

test('edits exchanges, apps, channels, publishers and consumers', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  // a consumer not subscribed yet has sent no basic.qos: its lane shows no prefetch (no "∞" beside the
  // 10 the inspector shows); its row says the prefetch it will ask for
  await expect(node(page, 'Consumer consumer1').locator('.lane-head')).not.toContainText('prefetch');
  await expect(node(page, 'Consumer consumer1').locator('.app-consumer .app-row-text')).toHaveAttribute('title', /prefetch 10/);
  await connectFour(page, 'orders');
  await node(page, 'Exchange exchange1').click();
  const form = inspector(page);
  await form.getByLabel('Type').selectOption('topic');
  await expect(node(page, 'Exchange exchange1')).toContainText('topic');

  // a producer gets a second channel, a consumer on it, and becomes an RPC client
  await node(page, 'Producer producer1').click();
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(node(page, 'Producer producer1')).toContainText('ch 2');
  await form.getByRole('button', { name: 'Add consumer' }).click();
  await expect(node(page, 'Producer and consumer producer1')).toBeVisible();
  const consumer = form.getByRole('group', { name: 'Consumer 1' });
  await consumer.getByLabel('Channel').selectOption({ label: 'connection 1 · channel 2' });
  await consumer.getByLabel('Queue', { exact: true }).selectOption('queue1');
  await expect(edge(page, 'producer1 consumes from queue1')).toBeVisible();
  const publisher = form.getByRole('group', { name: 'Publisher 1' });
  await publisher.getByLabel('Routing keys (one per line)').fill('orders\ninvoices');
  await publisher.getByLabel('Routing keys (one per line)').blur();
  await expect(edge(page, 'producer1 publishes to exchange1 with keys orders, invoices')).toBeVisible();
  await publisher.getByLabel('Publisher confirms').check();
  await expect(form.getByLabel('Confirm mode (confirm.select)').first()).toBeChecked();

  // consumer settings show on its node
  await node(page, 'Consumer consumer1').click();
  await form.getByLabel('Prefetch', { exact: true }).fill('1');
  await form.getByLabel('Prefetch', { exact: true }).press('Enter');
  // the panel never scrolls sideways: a long option (amq.rabbitmq.reply-to, explained) is cut in its
  // select, which says it whole in its title
  const sideways = await form.evaluate((el) => {
    const panel = el.closest('[role="tabpanel"]')!;
    return panel.scrollWidth - panel.clientWidth;
  });
  expect(sideways).toBeLessThanOrEqual(0);
  await expect(form.getByLabel('Queue', { exact: true })).toHaveAttribute('title', 'queue1');
  // on its channel's lane: the prefetch that limits it; on its row: how it acks
  const consumerNode = node(page, 'Consumer consumer1');
  await expect(consumerNode.locator('.lane-head')).toHaveText(/^ch 1\s*prefetch\s*1\s*unacked\s*0/, { useInnerText: true });
  await expect(consumerNode.locator('.app-consumer .app-row-text')).toHaveText('← queue1 · manual ack');
  // two prefetch fields (the channel's 0, the consumer's 1): the inspector says which one applies, and why
  const applies = form.getByRole('note', { name: 'Prefetch that applies' });
  await expect(applies).toContainText('Prefetch that applies: 1');
  await expect(applies).toContainText("The channel's prefetch (0) is only a default for consumers that send none");
  // a shared channel limit (basic.qos global=true) applies on top of the consumer's own: the lower one first
  await form.getByLabel('Channel prefetch (basic.qos)').first().fill('5');
  await form.getByLabel('Channel prefetch (basic.qos)').first().press('Enter');
  await form.getByLabel('Shared by all consumers on the channel (global)').first().check();
  await expect(applies).toContainText('Prefetch that applies: 1');
  await expect(applies).toContainText("its own 1 (global=false) and the channel's 5, shared by all its consumers (global=true)");
  await expect(consumerNode.locator('.lane-head')).toHaveText(/^ch 1\s*prefetch\s*1\s*·\s*5\s*shared/, { useInnerText: true });
  await form.getByLabel('Auto-ack (no-ack)').check();
  await expect(applies).toContainText('Prefetch that applies: no limit');
  // basic.qos does not limit an auto-ack consumer: the node does not pretend it does
  await expect(consumerNode.locator('.app-consumer .app-row-text')).toHaveText('← queue1 · auto-ack');
  await expect(consumerNode.locator('.app-consumer .app-row-text')).toHaveAttribute('title', /auto-ack \(prefetch does not apply\)/);
  await form.getByLabel('Prefetch', { exact: true }).fill('70000');
  await form.getByLabel('Prefetch', { exact: true }).press('Enter');
  await expect(form.getByText('Must be at most 65535.')).toBeVisible();
});

test('deletes with the inspector button and with the Delete key, with undo and redo', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await node(page, 'Exchange exchange1').click();
  await inspector(page).getByRole('button', { name: 'Delete exchange' }).click();
  await expect(node(page, 'Exchange exchange1')).toHaveCount(0);
  await expect(edge(page, /Binding from exchange1/)).toHaveCount(0);
  // the producer still names the exchange: AMQP would answer 404
  await expect(node(page, 'Producer producer1').locator('.app-publisher .app-row-text')).toHaveAttribute('title', /^→ exchange1 /);
  await expect(node(page, 'Producer producer1')).toContainText('does not exist: publishing will close the channel (404 NOT_FOUND)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Exchange exchange1')).toBeVisible();
  await expect(edge(page, 'Binding from exchange1 to queue1, key orders')).toBeVisible();

  await node(page, 'Queue queue1').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'Queue queue1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Queue queue1')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'Queue queue1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Queue queue1')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(node(page, 'Queue queue1')).toHaveCount(0);

  // an edge: select it (focus + Enter) and press Backspace (queue.unbind)
  await page.keyboard.press('Control+z');
  const binding = edge(page, 'Binding from exchange1 to queue1, key orders');
  await binding.focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('heading', { name: 'Binding exchange1 → queue1' })).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(edge(page, /Binding from exchange1/)).toHaveCount(0);
});

test('multi-selects, copies and pastes with fresh names', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  await node(page, 'Exchange exchange1').click();
  await node(page, 'Queue queue1').click({ modifiers: ['Control'] });
  await expect(inspector(page).getByRole('heading', { name: '2 items selected' })).toBeVisible();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'Exchange exchange1-2')).toBeVisible();
  await expect(node(page, 'Queue queue1-2')).toBeVisible();
  await expect(edge(page, 'Binding from exchange1-2 to queue1-2, key orders')).toBeVisible();
  await inspector(page).getByRole('button', { name: 'Delete selection' }).click();
  await expect(node(page, 'Queue queue1-2')).toHaveCount(0);
  await expect(node(page, 'Queue queue1')).toBeVisible();
});
