import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { canvas, node, open } from './helpers';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });
const inspectorTab = (page: Page) => page.getByRole('tab', { name: 'Inspector' });
const guideTab = (page: Page) => page.getByRole('tab', { name: /^Guide/ });
const splitter = (page: Page) => page.getByRole('separator', { name: 'Resize the canvas and the simulation panels' });

async function loadFromGallery(page: Page, title: string) {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });
  await dialog.getByRole('article').getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function width(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  if (!box) throw new Error('not visible');
  return box.width;
}

/** The canvas's zoom, as React Flow draws it (the scale of its viewport). */
async function zoom(page: Page): Promise<number> {
  const transform = await canvas(page).locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

test('the inspector and the guide are two tabs of one side panel, brought forward by what the person does', async ({ page }) => {
  await open(page);
  await expect(inspectorTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page)).toBeVisible();
  await expect(guide(page)).toBeHidden();

  // a gallery scenario with a lesson: the guide comes forward, its tab tells the lesson's progress
  await loadFromGallery(page, 'Topics: log facilities (lesson)');
  await expect(guideTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(guide(page).getByRole('region', { name: /^Lesson: Topic patterns/ })).toBeVisible();
  await expect(inspector(page)).toBeHidden();
  await expect(guideTab(page)).toHaveAccessibleName(/^Guide \(step [1-4] of 4\)$/);
  await expect(guideTab(page)).toContainText(/[1-4]\/4/);

  // selecting something on the canvas brings the inspector forward
  await node(page, 'Queue critical').click();
  await expect(inspectorTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByRole('heading', { name: 'Queue critical' })).toBeVisible();
  await expect(guide(page)).toBeHidden();

  // the tabs with the keyboard: arrows, Home and End move and show
  await inspectorTab(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(guideTab(page)).toBeFocused();
  await expect(guide(page)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(inspectorTab(page)).toBeFocused();
  await page.keyboard.press('End');
  await expect(guideTab(page)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(inspectorTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page)).toBeVisible();

  // the header's Guide button brings the guide forward, and then puts it away: the canvas gets the width
  const toggle = page.getByRole('button', { name: 'Guide', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(guide(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const narrow = await width(canvas(page));
  await toggle.click();
  await expect(guide(page)).toBeHidden();
  await expect(inspector(page)).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => width(canvas(page))).toBeGreaterThan(narrow + 250);

  // folded, selecting does not open the panel under the pointer; the rail opens it on either tab
  await node(page, 'Queue kern').click();
  await expect(inspector(page)).toBeHidden();
  await page.getByRole('button', { name: 'Show the inspector' }).click();
  await expect(inspector(page).getByRole('heading', { name: 'Queue kern' })).toBeVisible();

  // folded stays folded after a reload; the rail's button opens it again
  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await page.reload();
  await expect(canvas(page)).toBeVisible();
  await expect(guide(page)).toBeHidden();
  await expect(page.getByRole('button', { name: /^Show the guide \(step [1-4] of 4\)$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(guide(page)).toBeVisible(); // the work has a lesson: the guide is in front

  // in Spanish
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tablist', { name: 'Panel lateral' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Guía \(paso [1-4] de 4\)$/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

for (const [w, h] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`at ${w}×${h} the canvas gets most of the width and a gallery scenario is drawn at a readable zoom`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await open(page);
    await loadFromGallery(page, 'Work queues: a fast and a slow worker');
    await expect(guide(page)).toBeVisible(); // the side panel is open
    await expect(node(page, 'Queue task_queue')).toBeVisible();
    expect(await width(canvas(page))).toBeGreaterThanOrEqual(0.6 * w);
    // node names (14 px) are drawn at 9 px or more
    await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(0.64);
    // the mini map is a small overview in the corner
    expect(await width(page.getByRole('img', { name: 'Mini map' }))).toBeLessThanOrEqual(140);
  });
}

test('the splitter between canvas and dock: keys, drag, folding, and the height is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  const dock = page.getByRole('region', { name: 'Simulation panels' });
  const height = async () => (await dock.boundingBox())!.height;
  const first = await height();
  expect(first).toBeGreaterThan(150); // open on a tall window, about a third of the column
  expect(first).toBeLessThan(400);

  const sep = splitter(page);
  await sep.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(height).toBeGreaterThan(first + 40);
  const taller = await height();
  await page.keyboard.press('ArrowDown');
  await expect.poll(height).toBeLessThan(taller);

  // Enter folds the dock to its tab bar and opens it again at the same height
  const before = await height();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Show panels' })).toBeVisible();
  await expect.poll(height).toBeLessThan(50);
  await page.keyboard.press('Enter');
  await expect.poll(height).toBeCloseTo(before, -1);

  // dragged with the mouse
  const box = (await sep.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 6 });
  await page.mouse.up();
  await expect.poll(height).toBeGreaterThan(before + 100);
  const dragged = await height();

  // remembered after a reload
  await page.reload();
  await expect(canvas(page)).toBeVisible();
  await expect.poll(height).toBeCloseTo(dragged, -1);

  // dragged down to the bottom it folds; the fold is remembered, and Show panels opens it at its height
  const b = (await sep.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, 895, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Show panels' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show panels' })).toBeVisible();
  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect.poll(height).toBeCloseTo(dragged, -1);
  await expect(dock.getByText(/^\d+ events/)).toBeVisible(); // the event log, at full height again
});

test('the mini map can be hidden and shown again, and stays as chosen', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide the mini map' }).click();
  await expect(page.getByRole('img', { name: 'Mini map' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show the mini map' })).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(canvas(page)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mini map' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the mini map' }).click();
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
});
