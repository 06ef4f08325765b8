import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { node, open } from './helpers';

/** A scenario card's load button (its title), among the cards only: tag filters may share a name. */
const card = (dialog: Locator, title: string) => dialog.getByRole('article').getByRole('button', { name: title, exact: true });

const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });

async function load(page: Page, title: string) {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });
  await card(dialog, title).click();
  await expect(dialog).toBeHidden();
}

/** Each goal a step can have, shown in turn in its select: the select shows its whole name, inside the panel. */
async function everyGoalFits(select: Locator) {
  await expect(select).toBeVisible();
  // shown by the select itself, one after another (the page's own value is put back, nothing is committed)
  const shown = await select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const panel = s.closest('[role="tabpanel"]')!.getBoundingClientRect().right;
    const was = s.value;
    const out = [...s.options].map((o) => {
      s.value = o.value;
      return `${s.scrollWidth > s.clientWidth || s.getBoundingClientRect().right > panel ? 'cut' : 'whole'}: ${o.text}`;
    });
    s.value = was;
    return out;
  });
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.filter((x) => x.startsWith('cut'))).toEqual([]);
}

test('ticks a lesson step when the student does what it asks: binding kern to topic_logs with kern.*', async ({ page }) => {
  await open(page);
  await load(page, 'Topics: log facilities (lesson)');
  const lesson = guide(page).getByRole('region', { name: /^Lesson: Topic patterns/ });
  await expect(lesson.getByText('Step 1 of 4')).toBeVisible();
  // the first step only asks to watch: it is ticked as the simulation runs
  await expect(lesson.getByText('Step 2 of 4')).toBeVisible({ timeout: 20_000 });
  const current = lesson.locator('[aria-current="step"]');
  await expect(current).toContainText('Bind queue kern to topic_logs');
  await expect(lesson.getByRole('listitem').first()).toContainText('Done');
  // a screen reader hears it, from the polite live region
  await expect(page.getByTestId('live-announcer')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('live-announcer')).toContainText('Lesson step 1 of 4 done.');
  // bind through the inspector's "Create binding" form (the keyboard path for drawing a line); the
  // inspector and the guide share the side panel, so the student brings the inspector forward
  const guideTab = page.getByRole('tab', { name: /^Guide/ });
  await expect(guideTab).toHaveAttribute('aria-selected', 'true');
  await expect(guideTab).toHaveAccessibleName('Guide (step 2 of 4)');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(lesson).toBeHidden();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('From exchange').selectOption({ label: 'topic_logs (topic)' });
  await inspector.getByLabel('To queue or exchange').selectOption({ label: 'kern' });
  await inspector.getByLabel('Binding key').fill('kern.*');
  await inspector.getByRole('button', { name: 'Create binding' }).click();
  await expect(node(page, 'Queue kern')).toBeVisible();
  // the Guide tab's label follows the lesson while the inspector is in front
  await expect(guideTab).toHaveAccessibleName('Guide (step 3 of 4)', { timeout: 20_000 });
  await expect(guideTab).toContainText('3/4');
  await guideTab.click();
  await expect(lesson.getByText('Step 3 of 4')).toBeVisible();
  await expect(lesson.getByRole('listitem').nth(1)).toContainText('Done');
  await expect(current).toContainText('cron.*');
});

test('a teacher writes a lesson in the app; it is kept with the document and a student completes it', async ({ page }) => {
  await open(page);
  await load(page, 'Hello World');
  const g = guide(page);
  await g.getByRole('button', { name: 'Write a lesson' }).click();
  const editor = g.getByRole('region', { name: 'Edit lesson' });
  await editor.getByLabel('Lesson title (English)').fill('My first lesson');
  await editor.getByLabel('Lesson title (English)').press('Enter');
  await editor.getByLabel('What the student reads and does (English)').fill('Read how the default exchange works.');
  await editor.getByRole('button', { name: 'Add step' }).click();
  const step2 = editor.getByRole('group', { name: 'Step 2' });
  await step2.getByLabel('What the student reads and does (English)').fill('Watch 3 messages land in hello.');
  // at 1280×720 every goal reads whole in its select, in English and in Spanish
  await everyGoalFits(step2.getByLabel('Goal'));
  await page.getByLabel('Language').selectOption('es');
  await everyGoalFits(page.getByRole('complementary', { name: 'Guía' }).getByRole('region', { name: 'Editar lección' }).getByRole('group', { name: 'Paso 2' }).getByLabel('Objetivo'));
  await page.getByLabel('Idioma').selectOption('en');
  await step2.getByLabel('Goal').selectOption({ label: 'A message lands in a queue' });
  await expect(step2.getByLabel('Queue')).toHaveValue('hello');
  await step2.getByLabel('How many times').fill('3');
  await step2.getByLabel('How many times').press('Enter');
  // reorder and back: the steps move with their goals
  await editor.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(editor.getByRole('group', { name: 'Step 1' }).getByLabel('Goal')).toHaveValue('message-enqueued');
  await editor.getByRole('button', { name: 'Move step 2 up' }).click();
  await editor.getByRole('button', { name: 'Done editing' }).click();

  const lesson = g.getByRole('region', { name: /^Lesson: My first lesson/ });
  await expect(lesson.getByText('Step 1 of 2')).toBeVisible();
  await lesson.getByRole('button', { name: 'Mark as done' }).click();
  await expect(lesson.getByText('Step 2 of 2')).toBeVisible();
  await expect(lesson.getByRole('status')).toContainText('Lesson complete!', { timeout: 20_000 });

  // kept with the document: after a reload it is still there
  await page.reload();
  await expect(guide(page).getByRole('region', { name: /^Lesson: My first lesson/ })).toBeVisible();
  await expect(guide(page).getByText('Watch 3 messages land in hello.')).toBeVisible();
});

test('the "Try it" buttons act on the running simulation', async ({ page }) => {
  await open(page);
  await load(page, 'Broker restart: durable vs transient');
  await expect(node(page, 'Queue transient-events')).toBeVisible();
  const ready = (q: string) => node(page, `Queue ${q}`).locator('.queue-counts dd').first();
  await expect.poll(async () => Number(await ready('transient-events').textContent()), { timeout: 15_000 }).toBeGreaterThan(3);
  await guide(page).getByRole('button', { name: 'Try it' }).click();
  // after the restart the transient queue is gone: its figures read 0
  await expect.poll(async () => Number(await ready('transient-events').textContent()), { timeout: 10_000 }).toBe(0);
});
