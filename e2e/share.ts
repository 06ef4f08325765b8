import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { canvas, node } from './helpers';
import { consumerCounts, queueDepth, showTab, timeMs } from './sim';

/** Opens "Share" and reads the link from its field (the clipboard may be refused in a headless browser). */
export async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return link;
}

/**
 * A page in a fresh browser context (nothing shared with the first page: its own storage), failing the
 * test on console errors like e2e/fixtures.ts does for `page`.
 */
export async function freshPage(browser: Browser, ownWork?: object): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  if (ownWork) {
    await page.addInitScript((d) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('warren.scenario', JSON.stringify(d));
    }, ownWork);
  }
  return { page, errors, close: () => context.close() };
}

/** The saved work in localStorage, as the autosave wrote it. */
export async function savedTitle(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('warren.scenario');
    return raw === null ? null : (JSON.parse(raw) as { title: string }).title;
  });
}

/** Moves the run to exactly `ms` on the timeline (playing past it first if needed). */
export async function runTo(page: Page, ms: number) {
  if ((await timeMs(page)) < ms) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => timeMs(page), { timeout: 30_000, intervals: [20] }).toBeGreaterThanOrEqual(ms);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  }
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(ms));
  await expect.poll(() => timeMs(page)).toBe(ms);
}

/** What the page shows of the run: queue depth and the workers' counts (from the charts' tables). */
export async function figures(page: Page) {
  await showTab(page, 'Charts');
  return { time: await timeMs(page), work: await queueDepth(page, 'work'), worker1: await consumerCounts(page, 'worker1'), worker2: await consumerCounts(page, 'worker2') };
}

/** A second, different piece of work a person may have saved: one queue "mine". */
export const myOwnWork = {
  version: 1,
  title: 'My own work',
  seed: 3,
  broker: { showDefaultExchange: false, hopLatencyMs: 300 },
  exchanges: [],
  queues: [{ id: 'q-mine', name: 'mine', durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic' }, position: { x: 200, y: 150 } }],
  bindings: [],
  apps: [],
};

export const expectOwnWork = async (page: Page) => {
  await expect(node(page, 'Queue mine')).toBeVisible();
  await expect(node(page, 'Queue work')).toHaveCount(0);
};

export const expectSharedWork = async (page: Page) => {
  await expect(canvas(page)).toBeVisible();
  for (const n of ['Queue work', 'Exchange tasks', 'Producer producer', 'Consumer worker1', 'Consumer worker2']) await expect(node(page, n)).toBeVisible();
  await expect(node(page, 'Queue mine')).toHaveCount(0);
};
