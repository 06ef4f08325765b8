import type { Locator, Page } from '@playwright/test';
import { galleryList } from '../src/scenarios';
import { expect, test } from './fixtures';
import { guide } from './gallery';
import { node, open } from './helpers';

/** A scenario card's load button (its title), among the cards only: tag filters may share a name. */
const card = (dialog: Locator, title: string) => dialog.getByRole('article').getByRole('button', { name: title, exact: true });

const gallery = (page: Page) => page.getByRole('dialog', { name: 'Scenario gallery' });

async function openGallery(page: Page) {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  await expect(gallery(page)).toBeVisible();
  return gallery(page);
}

// Every gallery scenario is opened and played (its queues' figures move, with no console error) by
// picture.spec.ts, which measures each one as it opens; the code scenarios' programs by programs.spec.ts.

test('filters the gallery by words and tags, opens with the keyboard, and loads a card with Enter', async ({ page }) => {
  await open(page);
  const button = page.getByRole('button', { name: 'Gallery', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  const total = galleryList().length;
  await expect(dialog.getByText(`${total} of ${total} scenarios`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Lesson', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByText(`5 of ${total} scenarios`)).toBeVisible();
  await dialog.getByLabel('Search scenarios').fill('dead letter');
  await expect(dialog.getByRole('article')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dialog.getByRole('article')).toHaveCount(total);
  // Escape closes and gives the focus back to the Gallery button
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Search scenarios').fill('headers');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 12 && !(await card(dialog, 'Headers exchange (x-match all / any)').evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(card(dialog, 'Headers exchange (x-match all / any)')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(node(page, 'Exchange documents')).toBeVisible();
  // the scenario plays, and the keyboard is on the canvas: Space pauses it (it does not reopen the gallery)
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(dialog).toBeHidden();
});

test('undo after loading brings the previous topology back, and redo the scenario with its guide', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  const dialog = await openGallery(page);
  await card(dialog, 'Routing by severity: durable queues (lesson)').click();
  await expect(node(page, 'Queue disk')).toBeVisible();
  await expect(node(page, 'Queue queue1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  await expect(guide(page).getByRole('region', { name: 'About this scenario' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node(page, 'Queue disk')).toBeVisible();
  await expect(guide(page).getByRole('region', { name: 'About this scenario' })).toBeVisible();
});

test('shows the gallery and the guide in Spanish, and the explanation can be collapsed', async ({ page }) => {
  await open(page);
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Galería', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Galería de escenarios' });
  await card(dialog, 'Exchange alternativo').click();
  const g = page.getByRole('complementary', { name: 'Guía' });
  const about = g.getByRole('button', { name: 'Sobre este escenario' });
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(g.getByText('Qué observar')).toBeVisible();
  await about.click();
  await expect(about).toHaveAttribute('aria-expanded', 'false');
  await expect(g.getByText('Qué observar')).toBeHidden();
  await expect(g.getByRole('region', { name: /^Lección: Atrapar lo no enrutable/ })).toBeVisible();
  // the guide shares the side panel with the inspector: its tab is named in Spanish too
  await expect(page.getByRole('tab', { name: /^Guía/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'false');
  // the guide can be put away (the side panel folds) and opened again from the header
  await page.getByRole('button', { name: 'Ocultar el panel lateral' }).click();
  await expect(g).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Guía', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(page.getByRole('complementary', { name: 'Guía' })).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});

/** A figure of a queue node ("Ready", "Unacked", "Consumers"): the definition after its term. */
const figure = (queue: Locator, term: string) => queue.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd');
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('Single active consumer: the queue counts its three consumers, the two waiting their turn are marked standby', async ({ page }) => {
  await open(page);
  await card(await openGallery(page), 'Single active consumer').click();
  const queue = node(page, 'Queue orders');
  await expect(figure(queue, 'Consumers')).toHaveText('3');
  await expect(queue.getByTitle('Consumers subscribed to orders: 3, of which 2 on standby (single active consumer)')).toBeVisible();
  await expect(node(page, 'Consumer instance-a').getByText('standby', { exact: true })).toHaveCount(0);
  for (const name of ['instance-b', 'instance-c']) await expect(node(page, `Consumer ${name}`).getByText('standby', { exact: true })).toBeVisible();
  await node(page, 'Consumer instance-b').click();
  await expect(inspector(page).getByText('State: standby (single active consumer)')).toBeVisible();
  await node(page, 'Queue orders').click();
  const figures = inspector(page).getByRole('table', { name: 'In the broker now' });
  await expect(figures.getByRole('row', { name: 'Consumers 3' })).toBeVisible();
  await expect(figures.getByRole('row', { name: 'On standby (single active consumer) 2' })).toBeVisible();
  // the active one crashes: the next takes over and is no longer on standby
  await node(page, 'Consumer instance-a').click();
  await inspector(page).getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(node(page, 'Consumer instance-b').getByText('standby', { exact: true })).toHaveCount(0);
  await expect(figure(queue, 'Consumers')).toHaveText('2');
});

test('Publish/Subscribe: a crashed subscriber loses its exclusive queue, says why, and Start declares it again', async ({ page }) => {
  await open(page);
  await card(await openGallery(page), 'Publish/Subscribe').click();
  const queue = node(page, 'Queue gen-Q4p9d7VbHw2');
  await expect(figure(queue, 'Consumers')).toHaveText('1');
  await node(page, 'Consumer receive_logs-2').click();
  await inspector(page).getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(queue.getByRole('note')).toContainText('An exclusive queue is deleted when the connection that declared it closes');
  await expect(queue.getByRole('note')).not.toContainText('broker restart');
  await inspector(page).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(queue.getByRole('note')).toHaveCount(0);
  await expect(figure(queue, 'Consumers')).toHaveText('1');
  await expect(inspector(page).getByText('State: running')).toBeVisible();
  await expect(inspector(page).getByText('Last error')).toHaveCount(0);
});
