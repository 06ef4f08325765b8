import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The canvas region (React Flow lives inside it). */
export const canvas = (page: Page) => page.getByRole('region', { name: 'Canvas' });

/** A node by its accessible name: kind and name, e.g. "Queue orders". */
export const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** An edge by (part of) its accessible name. */
export const edge = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

export async function open(page: Page) {
  await page.goto('./');
  await expect(canvas(page)).toBeVisible();
}

/** Drags a palette item onto the canvas at a point relative to the canvas region's top-left corner. */
export async function dragFromPalette(page: Page, item: 'Producer' | 'Exchange' | 'Queue' | 'Consumer', x: number, y: number) {
  const pane = canvas(page).locator('.react-flow__pane');
  await page.getByRole('button', { name: item, exact: true }).dragTo(pane, { targetPosition: { x, y } });
}

async function center(l: Locator) {
  const box = await l.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits until the view stands still (a fit or a keep-in-view pan has ended). */
export async function settle(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').first().evaluate((el) => (el as HTMLElement).style.transform);
  let last = '';
  for (let i = 0; i < 30; i++) {
    const now = await transform();
    if (now === last && now !== '') return;
    last = now;
    await page.waitForTimeout(120);
  }
}

/** Draws a line with the mouse from one handle (or node) to another, as a person would. */
export async function drawLine(page: Page, from: Locator, to: Locator) {
  // a person aims at a node that moves; a script measures once: measure when the view is still
  // (the line drawn before may have grown a node, and the view pans to keep it in view)
  await settle(page);
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Adds Producer, Exchange, Queue, Consumer by dragging them to four spots, left to right. */
export async function dragFourNodes(page: Page) {
  await dragFromPalette(page, 'Producer', 120, 200);
  await dragFromPalette(page, 'Exchange', 380, 120);
  await dragFromPalette(page, 'Queue', 380, 330);
  await dragFromPalette(page, 'Consumer', 700, 330);
  for (const n of ['Producer producer1', 'Exchange exchange1', 'Queue queue1', 'Consumer consumer1']) await expect(node(page, n)).toBeVisible();
}

/** producer1 -> exchange1 -(key)-> queue1 -> consumer1, drawn with the mouse. */
export async function connectFour(page: Page, key = 'orders') {
  await drawLine(page, node(page, 'Producer producer1').getByLabel('Publisher of producer1'), node(page, 'Exchange exchange1').getByLabel('Into exchange exchange1'));
  await drawLine(page, node(page, 'Exchange exchange1').getByLabel('Bind from exchange exchange1'), node(page, 'Queue queue1').getByLabel('Into queue queue1'));
  const dialog = page.getByRole('dialog', { name: 'New binding' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Binding key').fill(key);
  await dialog.getByRole('button', { name: 'Create binding' }).click();
  await expect(dialog).toBeHidden();
  await drawLine(page, node(page, 'Queue queue1').getByLabel('Deliver or dead-letter from queue queue1'), node(page, 'Consumer consumer1').getByLabel('Consumer of consumer1'));
}
