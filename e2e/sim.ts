import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { node, open } from './helpers';

/** Loads a scenario as the autosave a returning user has, then opens the app. */
export async function loadScenario(page: Page, doc: object) {
  await page.addInitScript((d) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('warren.scenario', JSON.stringify(d));
  }, doc);
  await open(page);
}

/** Selects a canvas node with the keyboard (works wherever the node is, even under the minimap). */
export async function selectNode(page: Page, name: string) {
  await node(page, name).focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('heading', { name })).toBeVisible();
}

export const timer = (page: Page) => page.getByRole('timer', { name: 'Virtual time' });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
export const logRows = (page: Page) => page.getByRole('list', { name: 'Events, oldest first' }).getByRole('listitem');

/** "01:02.345" → 62345 */
export function parseTime(text: string): number {
  const m = /^(\d+):(\d{2})\.(\d{3})$/.exec(text.trim());
  if (!m) throw new Error(`not a time: ${text}`);
  return Number(m[1]) * 60_000 + Number(m[2]) * 1000 + Number(m[3]);
}

export async function timeMs(page: Page): Promise<number> {
  return parseTime((await timer(page).textContent()) ?? '');
}

/**
 * Plays until the virtual clock reaches `ms`, pauses, and moves the timeline back to exactly `ms`: on a
 * busy machine the pause lands later than asked, and a test must not depend on how much later.
 */
export async function playUntil(page: Page, ms: number) {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => timeMs(page), { timeout: 30_000, intervals: [20] }).toBeGreaterThanOrEqual(ms);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  if ((await timeMs(page)) !== ms) {
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(ms));
    await expect.poll(() => timeMs(page)).toBe(ms);
  }
}

/** Speed on the logarithmic slider: its position is log10(speed). */
export async function setSpeed(page: Page, speed: number) {
  await page.getByRole('slider', { name: 'Speed' }).fill(String(Math.log10(speed)));
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', `${speed}×`);
}

export async function showTab(page: Page, name: 'Event log' | 'Message' | 'Charts') {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** Number of events the log holds ("123 events"). */
export async function logCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^\d+ (of \d+ )?events/).textContent()) ?? '';
  return Number(/(\d+) events/.exec(text)?.[1] ?? Number.NaN);
}

/** A consumer's row in the charts' table: delivered, acked, nacked (numbers as shown). */
export async function consumerCounts(page: Page, name: string) {
  const table = page.getByRole('table', { name: 'Consumers: counts and current rates' });
  const cells = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  const [delivered, acked, nacked] = await Promise.all([0, 1, 2].map(async (i) => Number(await cells.nth(i).textContent())));
  return { delivered: delivered!, acked: acked!, nacked: nacked! };
}

/** "Queue work: ready 3, unacked 2, delivered 1.5 msg/s" → { ready: 3, unacked: 2 } */
export async function queueDepth(page: Page, queue: string) {
  const caption = page.getByText(new RegExp(`^Queue ${queue}: ready \\d+`));
  const m = /ready (\d+), unacked (\d+)/.exec((await caption.textContent()) ?? '');
  if (!m) throw new Error(`no depth for ${queue}`);
  return { ready: Number(m[1]), unacked: Number(m[2]) };
}

/** A live counter of a client in the inspector ("Received 5"). */
export async function counter(group: Locator, label: string): Promise<number> {
  const row = group.getByRole('row').filter({ has: group.page().getByRole('rowheader', { name: label, exact: true }) });
  return Number(await row.getByRole('cell').textContent());
}

/** The newest `n` rows of the log as shown, once the list has settled (it scrolls to follow the newest). */
export async function newestRows(page: Page, n: number): Promise<string[]> {
  let previous: string | null = null;
  for (let i = 0; i < 30; i++) {
    const rows = (await logRows(page).allTextContents()).slice(-n);
    const key = rows.join('\n');
    if (key === previous) return rows;
    previous = key;
    await page.waitForTimeout(100);
  }
  throw new Error('the event log did not settle');
}
