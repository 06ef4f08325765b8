import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { canvas, node, open } from './helpers';
import { embedHash, galleryList, measure, openFromGallery } from './picture';
import { timeMs } from './sim';

/**
 * Present mode (issue 10): one button and one key (P); the canvas fills the screen, chrome reduced to
 * the playback bar; names 18 px or more at 1280×720, thicker lines, bigger tokens; Space plays and
 * pauses, → steps, + and - zoom, a click zooms to a part, Esc goes back to the whole and then out.
 * In the embedded player too.
 */
test.use({ trace: 'off' });

const zoom = async (page: Page) => Number(/scale\(([\d.]+)\)/.exec(await canvas(page).locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform))?.[1]);

test('present mode: the canvas fills the screen, bigger and bolder, and the usual keys work', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await openFromGallery(page, 'Dead-lettering and retry with TTL');
  await expect(page.getByRole('complementary', { name: 'Guide' })).toBeVisible();
  const before = await measure(page);
  // the page itself never scrolls (a long guide scrolls in its panel; hidden texts stay inside it)
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  expect(await pageHeight()).toBe(720);

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Leave present mode' })).toBeVisible();
  // chrome reduced to the playback bar: no side panel, no palette, no gallery or share buttons, no dock
  for (const hidden of [page.getByRole('complementary', { name: 'Guide' }), page.getByRole('button', { name: 'Gallery', exact: true }), page.getByRole('button', { name: 'Share', exact: true }), page.getByRole('button', { name: 'Tidy layout' }), page.getByRole('button', { name: 'Show panels' })]) {
    await expect(hidden).toBeHidden();
  }
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  const m = await measure(page);
  // no scroll bar on the projector's picture
  expect(await pageHeight()).toBe(720);
  expect(m.canvasShare).toBeGreaterThan(0.9);
  expect(m.name).toBeGreaterThanOrEqual(18);
  expect(m.token).toBeGreaterThan(before.token);
  expect(m.problems).toEqual([]);
  const stroke = await canvas(page).locator('.react-flow__edge-path').first().evaluate((el) => Number.parseFloat(getComputedStyle(el).strokeWidth));
  expect(stroke).toBeGreaterThanOrEqual(3);

  // Space pauses and plays, → steps
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const t0 = await timeMs(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => timeMs(page)).toBeGreaterThan(t0);

  // + and - zoom; a click on a node zooms to it and what it is linked to; Esc back to the whole
  const whole = await zoom(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBeGreaterThan(whole);
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeLessThan(whole * 1.05);
  await node(page, 'Exchange work.dlx').click();
  await expect.poll(() => zoom(page)).toBeGreaterThan(whole * 1.2);
  await expect(node(page, 'Queue work.retry')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect.poll(() => zoom(page)).toBeCloseTo(whole, 2);
  await expect(page.getByRole('button', { name: 'Leave present mode' })).toBeVisible();

  // Esc again leaves; P enters and leaves too
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Guide' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Leave present mode' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Gallery', exact: true })).toBeVisible();
});

test('present mode works in the embedded player', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  // tutorial 5's log facilities variant (the tutorial itself is the animals example since issue 11)
  const g = galleryList().find((x) => x.id === 'topic-logs')!;
  await page.goto(`./${embedHash(g)}`);
  await expect(node(page, 'Exchange topic_logs')).toBeVisible();
  const before = await measure(page);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Open in Warren' })).toBeHidden();
  // the iframe's own size is what it is (full screen, where allowed, makes it the screen's): bolder, never smaller
  const m = await measure(page);
  expect(m.name).toBeGreaterThanOrEqual(before.name);
  expect(m.token).toBeGreaterThan(before.token);
  expect(m.problems).toEqual([]);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Open in Warren' })).toBeVisible();
});

test('present mode at 1920×1080 with the log open takes the dock’s room too, and gives the log back after', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page);
  await openFromGallery(page, 'Work queues');
  // a big screen opens with the simulation panels (the log) under the canvas
  const hide = page.getByRole('button', { name: 'Hide panels' });
  await expect(hide).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Leave present mode' })).toBeVisible();
  const m = await measure(page);
  // the whole window but the header's playback bar: nothing of the dock's height left empty
  expect(m.canvasShare).toBeGreaterThan(0.9);
  expect(m.problems).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(hide).toBeVisible();
  await expect(page.getByRole('region', { name: 'Simulation panels' }).getByRole('tabpanel')).toBeVisible();
  expect((await measure(page)).canvasShare).toBeLessThan(0.8);
});
