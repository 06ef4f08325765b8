import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { canvas, dragFromPalette, drawLine, node, open } from './helpers';
import { workQueue } from './scenarios';
import { inspector, loadScenario, playUntil, selectNode, setSpeed, timeMs } from './sim';

/** Issue 11, "Editing without surprises": what a teacher preparing a class and a Spanish-speaking student ran into. */

const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });

async function fromGallery(page: Page, title: string) {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });
  await dialog.getByRole('article').getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a replaced topology loses its gallery explanation (offered for detaching), and "New scenario" starts empty, undoably', async ({ page }) => {
  await open(page);
  await fromGallery(page, 'Publisher confirms');
  await expect(guide(page).getByRole('region', { name: 'About this scenario' })).toBeVisible();
  // Ctrl+A on the canvas selects every node (not the page's text); Delete removes them
  // on the pane (its top-left corner is under the palette since issue 10: a free spot above the broker)
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 560, y: 95 } });
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByRole('heading', { name: /items selected$/ })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  await page.keyboard.press('Delete');
  await expect(node(page, 'Queue publish-async')).toHaveCount(0);
  await page.getByRole('tab', { name: /^Guide/ }).click();
  const about = guide(page).getByRole('region', { name: 'About this scenario' });
  await expect(about.getByRole('note')).toContainText('no longer has most of what it talks about');
  await about.getByRole('button', { name: 'Detach the explanation' }).click();
  await expect(about).toHaveCount(0);

  await fromGallery(page, 'Hello World');
  await expect(node(page, 'Queue hello')).toBeVisible();
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(node(page, 'Queue hello')).toHaveCount(0);
  await expect(guide(page).getByRole('region', { name: 'About this scenario' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Queue hello')).toBeVisible();
  await page.getByRole('tab', { name: /^Guide/ }).click();
  await expect(guide(page).getByRole('region', { name: 'About this scenario' })).toBeVisible();
});

test('an edit made back in the run says it replaced the recorded future, and Undo brings that run back', async ({ page }) => {
  await loadScenario(page, workQueue({ mode: 'rate', rate: 4 }));
  await setSpeed(page, 10);
  await playUntil(page, 6000);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const end = Number(await slider.getAttribute('max'));
  expect(end).toBeGreaterThanOrEqual(6000);
  await slider.fill('2000');
  await expect.poll(() => timeMs(page)).toBe(2000);
  await selectNode(page, 'Consumer worker2');
  const processing = inspector(page).getByLabel('Processing time (ms)');
  await processing.fill('50');
  await processing.press('Enter');
  const notice = page.getByRole('alert').filter({ hasText: 'replaced what had been recorded after it' });
  await expect(notice).toBeVisible();
  await expect(slider).toHaveAttribute('max', '2000');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(slider).toHaveAttribute('max', String(end));
  await expect(processing).toHaveValue('400');
});

test('small editor paths: the binding dialog selects its key, the inspector starts at the top, Start over is not Restart broker', async ({ page }) => {
  await open(page);
  await dragFromPalette(page, 'Exchange', 380, 120);
  await dragFromPalette(page, 'Queue', 380, 330);
  await drawLine(page, node(page, 'Exchange exchange1').getByLabel('Bind from exchange exchange1'), node(page, 'Queue queue1').getByLabel('Into queue queue1'));
  const dialog = page.getByRole('dialog', { name: 'New binding' });
  await expect(dialog.getByLabel('Binding key')).toHaveValue('queue1');
  // typing replaces the prefilled key
  await page.keyboard.type('orders');
  await expect(dialog.getByLabel('Binding key')).toHaveValue('orders');
  await dialog.getByRole('button', { name: 'Create binding' }).click();

  await dragFromPalette(page, 'Consumer', 700, 330);
  await selectNode(page, 'Consumer consumer1');
  const scroller = page.locator('.side-body > [role="tabpanel"]').filter({ has: inspector(page) });
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await selectNode(page, 'Queue queue1');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);

  await expect(page.getByRole('button', { name: 'Start over' })).toHaveAttribute('title', /the broker is not restarted/);
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('button', { name: 'Desde cero' })).toBeVisible();
});

test('no English left in the Spanish interface: confirms tag, default body, node role, code header', async ({ page }) => {
  await open(page);
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Productor', exact: true }).dragTo(page.getByRole('region', { name: 'Lienzo' }).locator('.react-flow__pane'), { targetPosition: { x: 120, y: 200 } });
  const producer = page.getByRole('group', { name: 'Productor producer1', exact: true });
  await expect(producer).toHaveAttribute('aria-roledescription', 'nodo');
  await producer.focus();
  await page.keyboard.press('Enter');
  const insp = page.getByRole('complementary', { name: 'Inspector' });
  // the template's body (the composer shows the same, folded above it)
  await expect(insp.getByLabel('Cuerpo', { exact: true }).last()).toHaveValue('¡Hola, mundo!');
  await insp.getByLabel('Confirmaciones del publicador').check();
  // its channel's lane says it is in confirm mode
  await expect(producer.locator('.lane-head')).toContainText('✓ confirmación');
  await page.getByRole('button', { name: 'Ver código' }).click();
  await expect(page.getByRole('dialog')).toContainText('código generado por Warren');
});
