import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { freshPage } from './share';
import { workQueue } from './scenarios';
import { loadScenario, parseTime } from './sim';

const nodeIn = (f: FrameLocator | Page, name: string) => f.getByRole('group', { name, exact: true });
const ready = async (queue: Locator) => Number(await queue.getByRole('term').filter({ hasText: /^Ready$/ }).locator('xpath=following-sibling::dd').textContent());

/** The embed code from the Share dialog. */
async function embedSnippet(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const code = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // focus is back where it was
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeFocused();
  return code;
}

test('the embed code plays the scenario in an iframe, without the editing chrome', async ({ page, browser }) => {
  // workers stopped: the queue fills while it plays
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4, stopped: true }));
  const snippet = await embedSnippet(page);
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#s=1\.[\w-]+&amp;embed=1" title="Work queue" width="960" height="540" style="border:0" loading="lazy" allowfullscreen><\/iframe>$/);

  // a course page with the snippet pasted in
  const course = await freshPage(browser);
  await course.page.setContent(`<!doctype html><html lang="en"><body><h1>Lesson 3</h1>${snippet}</body></html>`);
  const player = course.page.frameLocator('iframe[title="Work queue"]');
  const queue = nodeIn(player, 'Queue work');
  await expect(queue).toBeVisible();
  for (const n of ['Exchange tasks', 'Producer producer', 'Consumer worker1', 'Consumer worker2']) await expect(nodeIn(player, n)).toBeVisible();
  // the explanation (one click away in a 960×540 embed: the canvas gets the width), and no editing chrome
  await expect(player.getByRole('complementary', { name: 'About this scenario' })).toHaveCount(0);
  await player.getByRole('button', { name: 'About', exact: true }).click();
  await expect(player.getByRole('complementary', { name: 'About this scenario' })).toContainText('Work queue');
  for (const name of ['Producer', 'Queue', 'Undo', 'Tidy layout', 'Share', 'Files', 'Show code', 'Gallery', 'Guide', 'Keep it as my work']) {
    await expect(player.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(player.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(player.getByText('Broker', { exact: true })).toHaveCount(0);
  await expect(player.getByRole('link', { name: 'Open in Warren' })).toHaveAttribute('href', /#s=1\.[\w-]+$/);

  // nothing can be moved (a drag pans the view: the queue keeps its place beside the exchange), connected or deleted
  const exchange = nodeIn(player, 'Exchange tasks');
  const offset = async () => {
    const [q, x] = [(await queue.boundingBox())!, (await exchange.boundingBox())!];
    return { dx: Math.round(q.x - x.x), dy: Math.round(q.y - x.y) };
  };
  const before = await offset();
  const box = (await queue.boundingBox())!;
  await course.page.mouse.move(box.x + box.width / 2, box.y + 8);
  await course.page.mouse.down();
  await course.page.mouse.move(box.x + box.width / 2 + 120, box.y + 90, { steps: 8 });
  await course.page.mouse.up();
  expect(await offset()).toEqual(before);
  await queue.focus();
  await course.page.keyboard.press('Delete');
  await expect(queue).toBeVisible();

  // it plays: Play, the clock runs, the queue fills; Pause stops it; Step moves one event
  const timer = player.getByRole('timer', { name: 'Virtual time' });
  await expect(timer).toHaveText('00:00.000');
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => parseTime((await timer.textContent()) ?? ''), { timeout: 20_000 }).toBeGreaterThan(1500);
  await player.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => ready(queue)).toBeGreaterThan(2);
  const paused = await timer.textContent();
  await course.page.waitForTimeout(300);
  await expect(timer).toHaveText(paused!);
  await player.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => parseTime((await timer.textContent()) ?? '')).toBeGreaterThanOrEqual(parseTime(paused!));

  // (this iframe has no storage at all: the browser denies it to a frame inside about:blank)
  expect(course.errors).toEqual([]);
  await course.close();

  // opened on its own, the player never writes to the visitor's saved work
  const saved = await page.evaluate(() => localStorage.getItem('warren.scenario'));
  await page.evaluate(() => localStorage.setItem('warren.lesson', 'untouched'));
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
  await page.goto(src);
  await expect(nodeIn(page, 'Queue work')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => ready(nodeIn(page, 'Queue work')), { timeout: 20_000 }).toBeGreaterThan(1);
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => [localStorage.getItem('warren.scenario'), localStorage.getItem('warren.lesson')])).toEqual([saved, 'untouched']);
});

test('an embed link that cannot be read says why, in the player', async ({ page }) => {
  await page.goto('./#s=1.AAAA&embed=1');
  await expect(page.getByRole('alert')).toContainText('This link could not be opened.');
  await expect(page.getByRole('link', { name: 'Open Warren' })).toHaveAttribute('href', /\/$/);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
});
