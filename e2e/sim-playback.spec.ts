import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { workQueue } from './scenarios';
import { consumerCounts, inspector, loadScenario, logCount, logRows, newestRows, parseTime, playUntil, queueDepth, selectNode, setSpeed, showTab, timeMs, timer } from './sim';

test('steps event by event: time and log advance one event at a time', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4 }));
  await showTab(page, 'Event log');
  await expect(timer(page)).toHaveText('00:00.000');
  // the topology was declared and the clients connected at time 0
  let count = await logCount(page);
  expect(count).toBeGreaterThan(0);
  let time = 0;
  let moved = 0;
  for (let i = 0; i < 12; i++) {
    // the button and the → key do the same
    if (i % 2 === 0) await page.getByRole('button', { name: 'Step' }).click();
    else {
      await page.getByRole('timer').click();
      await page.keyboard.press('ArrowRight');
    }
    await expect.poll(() => logCount(page)).toBeGreaterThan(count);
    const now = await timeMs(page);
    expect(now).toBeGreaterThanOrEqual(time);
    if (now > time) moved++;
    const next = await logCount(page);
    // everything this step added happened at one instant: the step's time (the list follows the newest rows)
    const stamp = (await timer(page).textContent()) ?? '';
    const fresh = next - count;
    await expect
      .poll(async () => {
        const tail = (await logRows(page).allTextContents()).slice(-fresh);
        return tail.length === fresh && tail.every((row) => row.startsWith(stamp));
      })
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);
    count = next;
    time = now;
  }
  expect(moved).toBeGreaterThan(3);
  // Space plays and pauses (not while typing: see the composer spec)
  await page.getByRole('timer').click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // after touching a slider too (Space means nothing to a slider), and the page does not scroll
  await page.getByRole('slider', { name: 'Speed' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
});

/** What the page shows of the run: counts, depth, the log's size and its newest rows. */
async function state(page: Page) {
  await showTab(page, 'Charts');
  const figures = { w1: await consumerCounts(page, 'worker1'), w2: await consumerCounts(page, 'worker2'), depth: await queueDepth(page, 'work') };
  await showTab(page, 'Event log');
  const newest = await newestRows(page, 6);
  return { time: await timer(page).textContent(), ...figures, events: await logCount(page), newest };
}

async function seek(page: Page, ms: number) {
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(ms));
  await expect.poll(() => timeMs(page)).toBe(ms);
}

test('rewinds with the timeline and gets the same state as the first time', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 6, prefetch: 2, processingMs: 300, jitterMs: 250 }));
  await setSpeed(page, 10);
  await playUntil(page, 3000);
  // something the user did is part of the run and is replayed too
  const crashAt = await timeMs(page);
  await selectNode(page, 'Consumer worker1');
  await inspector(page).getByRole('group', { name: 'Consumer 1 in the simulation' }).getByRole('button', { name: 'Crash' }).click();
  await playUntil(page, crashAt + 5000);

  const at = crashAt + 3000;
  await seek(page, at);
  const first = await state(page);
  expect(first.w1.delivered).toBeGreaterThan(0);
  expect(first.w2.delivered).toBeGreaterThan(first.w1.delivered);

  // drag the thumb back and forth, as a person scrubbing
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.15, y, { steps: 6 });
  await expect.poll(() => timeMs(page)).toBeLessThan(at - 1000);
  const back = await timeMs(page);
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => timeMs(page)).toBeGreaterThan(back + 1000);

  await seek(page, 1000);
  await seek(page, at);
  expect(await state(page)).toEqual(first);
});

test('the speed slider is logarithmic and Reset starts over', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4 }));
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', '1×');
  await setSpeed(page, 0.1);
  await setSpeed(page, 100);
  await playUntil(page, 5000);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(timer(page)).toHaveText('00:00.000');
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeDisabled();
});

test('the broker menu sets the hop latency and restarts the broker; clients reconnect', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4 }));
  await page.getByRole('toolbar', { name: 'Playback' }).getByText('Broker', { exact: true }).click();
  const latency = page.getByRole('toolbar', { name: 'Playback' }).getByLabel('Hop latency (ms)');
  await latency.fill('40');
  await latency.press('Enter');
  // the same setting as the broker's form in the inspector (one document, one undo step)
  await expect(inspector(page).getByLabel('Hop latency (ms of simulated time)')).toHaveValue('40');
  await playUntil(page, 1000);
  // a click elsewhere (Play) closed the menu, as menus do
  await expect(page.getByLabel('Down time (ms)')).toBeHidden();
  await page.getByRole('toolbar', { name: 'Playback' }).getByText('Broker', { exact: true }).click();
  const down = page.getByLabel('Down time (ms)');
  await down.fill('abc');
  await expect(page.getByText('A whole number of milliseconds, from 0 to 600000.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restart broker' })).toBeDisabled();
  await down.fill('500');
  await page.getByRole('button', { name: 'Restart broker' }).click();
  // the menu closes once the restart is asked for: the canvas shows what it does
  await expect(page.getByLabel('Down time (ms)')).toBeHidden();
  const restartAt = await timeMs(page);
  await playUntil(page, restartAt + 1500);
  await showTab(page, 'Event log');
  await page.getByRole('searchbox', { name: 'Search' }).fill('broker');
  await expect(logRows(page).filter({ hasText: 'the broker restarted: every connection dropped' })).toHaveCount(1);
  await expect(logRows(page).filter({ hasText: 'worker1 waits for the broker to reconnect' })).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('worker1 is running');
  // running at the start, and again once the broker is back
  await expect(logRows(page)).toHaveCount(2);
  // messages flow again once the broker is back (down 500 ms), on a new channel: delivery tags restart at 1
  await page.getByRole('searchbox', { name: 'Search' }).fill('delivered from work to worker1');
  const last = (await logRows(page).last().textContent()) ?? '';
  expect(parseTime(last.slice(0, 9))).toBeGreaterThan(restartAt + 500);
  await page.getByRole('searchbox', { name: 'Search' }).fill('to worker1 (delivery tag 1)');
  await expect(logRows(page)).toHaveCount(2);
});

test('skips ahead ten minutes without animating: the moment reached, charts filled, the timeline rewinds into it', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4, prefetch: 2, processingMs: 200, jitterMs: 100 }));
  const menu = page.getByRole('toolbar', { name: 'Playback' }).getByText('Skip ahead', { exact: true });
  await menu.click();
  await page.getByRole('button', { name: 'Skip 10 minutes' }).click();
  // the run happens in a worker; the dialog (progress, Cancel) closes when the moment is reached
  await expect(timer(page)).toHaveText('10:00.000', { timeout: 30_000 });
  await expect(page.getByRole('dialog', { name: 'Skipping ahead' })).toHaveCount(0);
  await expect(menu).toBeFocused();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuetext', '10:00.000 of 10:00.000');
  await showTab(page, 'Charts');
  const w1 = await consumerCounts(page, 'worker1');
  const w2 = await consumerCounts(page, 'worker2');
  // 4 msg/s for ten minutes, shared by both workers
  expect(w1.delivered + w2.delivered).toBeGreaterThan(2300);
  expect(w1.delivered).toBeGreaterThan(1000);
  // the charts cover the skipped time: the depth chart's delivery rate is the two workers' rate now
  await expect(page.getByText(/^Queue work: ready \d+, unacked \d+, delivered [34](\.\d)? msg\/s$/)).toBeVisible();
  // back into the skipped time: the same run, replayed from a checkpoint the worker took
  await page.getByRole('slider', { name: 'Timeline' }).fill('300000');
  await expect(timer(page)).toHaveText('05:00.000');
  const back = await consumerCounts(page, 'worker1');
  expect(back.delivered).toBeGreaterThan(400);
  expect(back.delivered).toBeLessThan(w1.delivered);
});
