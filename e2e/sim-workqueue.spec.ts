import { expect, test } from './fixtures';
import { connectFour, dragFourNodes, dragFromPalette, drawLine, node, open } from './helpers';
import { consumerCounts, counter, inspector, playUntil, queueDepth, selectNode, setSpeed, showTab } from './sim';

test('a work queue with two consumers, built by hand, shares the load round-robin within prefetch', async ({ page }) => {
  await open(page);
  await dragFourNodes(page);
  await connectFour(page, 'orders');
  // a second consumer on the same queue
  await dragFromPalette(page, 'Consumer', 700, 100);
  await expect(node(page, 'Consumer consumer2')).toBeVisible();
  await drawLine(page, node(page, 'Queue queue1').getByLabel('Deliver or dead-letter from queue queue1'), node(page, 'Consumer consumer2').getByLabel('Consumer of consumer2'));

  // the producer publishes 5 msg/s with the binding's key
  await node(page, 'Producer producer1').click();
  const publisher = inspector(page).getByRole('group', { name: 'Publisher 1', exact: true });
  await publisher.getByLabel('Routing keys (one per line)').fill('orders');
  await publisher.getByLabel('Routing keys (one per line)').blur();
  await publisher.getByLabel('Publish', { exact: true }).selectOption('rate');
  await publisher.getByLabel('Messages per second').fill('5');
  await publisher.getByLabel('Messages per second').press('Enter');
  // each consumer needs a second per message: together they take 2 msg/s, so the queue fills up
  for (const name of ['consumer1', 'consumer2']) {
    await selectNode(page, `Consumer ${name}`);
    const consumer = inspector(page).getByRole('group', { name: 'Consumer 1', exact: true });
    await consumer.getByLabel('Processing time (ms)').fill('1000');
    await consumer.getByLabel('Processing time (ms)').press('Enter');
    await expect(consumer.getByLabel('Processing time (ms)')).toHaveValue('1000');
  }

  await showTab(page, 'Charts');
  await setSpeed(page, 10);
  await playUntil(page, 10_000);

  const c1 = await consumerCounts(page, 'consumer1');
  const c2 = await consumerCounts(page, 'consumer2');
  // round-robin: both consumers work, at the same pace
  expect(c1.delivered).toBeGreaterThanOrEqual(10);
  expect(c2.delivered).toBeGreaterThanOrEqual(10);
  expect(Math.abs(c1.delivered - c2.delivered)).toBeLessThanOrEqual(1);
  expect(Math.abs(c1.acked - c2.acked)).toBeLessThanOrEqual(1);
  expect(c1.acked).toBeLessThan(c1.delivered);
  // prefetch 10 each: the broker holds exactly 20 unacked, the rest waits ready in the queue
  const depth = await queueDepth(page, 'queue1');
  expect(depth.unacked).toBe(20);
  expect(depth.ready).toBeGreaterThan(0);

  // the consumer's own counters in the inspector agree with the table
  await selectNode(page, 'Consumer consumer1');
  const live = inspector(page).getByRole('group', { name: 'Consumer 1 in the simulation' });
  await expect(live.getByText('running')).toBeVisible();
  expect(await counter(live, 'Received')).toBe(c1.delivered);
  expect(await counter(live, 'Acked')).toBe(c1.acked);
  expect(await counter(live, 'Redelivered')).toBe(0);
  // everything published is accounted for: consumed or held, ready in the queue, or still on its way
  await selectNode(page, 'Producer producer1');
  const sent = await counter(inspector(page).getByRole('group', { name: 'Publisher 1 in the simulation' }), 'Sent');
  const inBroker = c1.acked + c2.acked + depth.ready + depth.unacked;
  expect(sent).toBeGreaterThanOrEqual(inBroker);
  expect(sent - inBroker).toBeLessThanOrEqual(4);
});
