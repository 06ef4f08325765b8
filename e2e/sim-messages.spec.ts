import { expect, test } from './fixtures';
import { workQueue } from './scenarios';
import { counter, inspector, loadScenario, logRows, playUntil, queueDepth, selectNode, setSpeed, showTab, timeMs } from './sim';

test('publishes a composed message and inspects it: properties, headers, where it is, its route', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'manual', processingMs: 5000 }));
  await selectNode(page, 'Producer producer');
  const live = inspector(page).getByRole('group', { name: 'Publisher 1 in the simulation' });
  await live.getByText('Message composer').click();
  const composer = live.getByRole('form', { name: 'Message composer' });
  // no key of its own: the publisher's keys in turn, the next one shown
  await expect(composer.getByLabel('Routing key')).toHaveValue('');
  await expect(composer.getByLabel('Routing key')).toHaveAttribute('placeholder', 'next in turn: work');
  await composer.getByLabel('Body').fill('hello from the composer');
  await composer.getByRole('button', { name: 'Add header' }).click();
  await composer.getByLabel('Header 1 name').fill('tenant');
  await composer.getByLabel('Header 1 value').fill('acme');
  await composer.getByRole('button', { name: 'Add header' }).click();
  await composer.getByLabel('Header 2 name').fill('attempt');
  await composer.getByLabel('Header 2 type').selectOption('number');
  await composer.getByLabel('Header 2 value').fill('3');
  await composer.getByLabel('Priority (0-255)').fill('300');
  // typing a space in a field types a space: it does not start the simulation
  await composer.getByLabel('Body').press('End');
  await composer.getByLabel('Body').press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await live.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(composer.getByText('Priority is a whole number from 0 to 255.')).toBeVisible();
  await composer.getByLabel('Priority (0-255)').fill('5');
  await live.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(live.getByRole('status')).toContainText('Message #1 sent with routing key "work".');
  expect(await counter(live, 'Sent')).toBe(1);

  // still on its way to the broker
  await live.getByRole('button', { name: 'Inspect message #1' }).click();
  const panel = page.getByRole('region', { name: 'Message inspector' });
  await expect(panel.getByRole('heading', { name: 'Message #1 of producer' })).toBeVisible();
  await expect(panel).toContainText("Travelling from producer to exchange 'tasks'; arrives at 00:00.100.");

  await playUntil(page, 600);
  await expect(panel.getByRole('heading', { name: /^Message m\d+$/ })).toBeVisible();
  await expect(panel).toContainText(/Unacked from queue work on connection \d+ \(worker1\), channel 1, delivery tag 1 \(worker1\)\./);
  await expect(panel).toContainText('worker1 is working on it.');
  const headers = panel.getByRole('table', { name: 'Headers' });
  await expect(headers.getByRole('row', { name: 'tenant acme' })).toBeVisible();
  await expect(headers.getByRole('row', { name: 'attempt 3' })).toBeVisible();
  await expect(panel.getByText('hello from the composer ')).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: '2 (persistent)' })).toBeVisible();
  const route = panel.getByRole('list', { name: 'Route so far' });
  await expect(route.getByRole('listitem').nth(0)).toContainText('producer publishes #1 to \'tasks\' with key "work"');
  await expect(route).toContainText("routed by 'tasks' to work");
  await expect(route).toContainText('enqueued in work');
  await expect(route).toContainText('delivered from work to worker1 (delivery tag 1)');
});

test('a message that expires is dead-lettered with an x-death header, shown as a table', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'manual', deadLetter: true, stopped: true }));
  await selectNode(page, 'Producer producer');
  const live = inspector(page).getByRole('group', { name: 'Publisher 1 in the simulation' });
  await live.getByText('Message composer').click();
  await live.getByRole('form', { name: 'Message composer' }).getByLabel('Expiration (ms)').fill('500');
  await live.getByRole('button', { name: 'Publish', exact: true }).click();
  await playUntil(page, 1500);

  await showTab(page, 'Event log');
  await page.getByRole('searchbox', { name: 'Search' }).fill('dead-lettered from work');
  await expect(logRows(page)).toHaveCount(1);
  await logRows(page).first().getByRole('button').click();
  const panel = page.getByRole('region', { name: 'Message inspector' });
  await expect(panel).toContainText("Dead-lettered from work (expired) to exchange (AMQP default) as m");
  await panel.getByRole('button', { name: /^m\d+$/ }).click();
  await expect(panel).toContainText('Ready in queue dead, position 1');
  const xDeath = panel.getByRole('table', { name: /^x-death/ });
  await expect(xDeath.getByRole('columnheader', { name: 'reason' })).toBeVisible();
  await expect(xDeath.getByRole('row').nth(1)).toContainText('1expiredworktaskswork');
  await expect(panel.getByRole('table', { name: 'Headers' }).getByRole('row', { name: 'x-first-death-reason expired' })).toBeVisible();
});

test('stopping a consumer sends its unacked messages back; started again, it gets them redelivered', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'manual', prefetch: 3, processingMs: 5000, latency: 50 }));
  await setSpeed(page, 2);
  await selectNode(page, 'Producer producer');
  await inspector(page).getByRole('button', { name: 'Send burst' }).click();
  await playUntil(page, 1000);
  await showTab(page, 'Charts');
  expect(await queueDepth(page, 'work')).toEqual({ ready: 4, unacked: 6 });

  await selectNode(page, 'Consumer worker1');
  const w1 = inspector(page).getByRole('group', { name: 'Consumer 1 in the simulation' });
  expect(await counter(w1, 'Held unacked')).toBe(3);
  await w1.getByRole('button', { name: 'Stop' }).click();
  await expect(w1.getByText('stopped', { exact: true })).toBeVisible();
  expect(await counter(w1, 'Held unacked')).toBe(0);
  // the broker requeued them at once: back in the queue, at the head
  expect(await queueDepth(page, 'work')).toEqual({ ready: 7, unacked: 3 });

  await w1.getByRole('button', { name: 'Start' }).click();
  await expect(w1.getByText('running', { exact: true })).toBeVisible();
  const t = await timeMs(page);
  await playUntil(page, t + 500);
  expect(await counter(w1, 'Redelivered')).toBe(3);
  expect(await counter(w1, 'Received')).toBe(6);
  await showTab(page, 'Event log');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('back in work');
  await expect(page.getByText(/^3 of \d+ events/)).toBeVisible();
  await expect(logRows(page).first()).toContainText('(its connection closed)');
  // worker1 got the same three back, flagged redelivered (basic.deliver and the client's receipt)
  await page.getByLabel('Consumer', { exact: true }).selectOption({ label: 'worker1' });
  await search.fill('redelivered');
  await expect(page.getByText(/^6 of \d+ events/)).toBeVisible();
});
