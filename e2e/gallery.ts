import type { Page } from '@playwright/test';
import type { GalleryScenario } from '../src/scenarios';
import { expect } from './fixtures';
import { node } from './helpers';
import { setSpeed, timeMs } from './sim';

/** Helpers for the specs that open gallery scenarios (picture.spec.ts plays each one it measures). */

export const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });

/** The Ready / Unacked figures of the queues and what the consumers received, read at once (auto-ack consumers keep their queues empty). */
async function figures(page: Page, queues: string[], consumers: string[]): Promise<{ queues: string[]; received: string[] }> {
  const [q, r] = await Promise.all([
    Promise.all(queues.map(async (name) => `${name}=${(await node(page, `Queue ${name}`).locator('.queue-counts dd').allTextContents()).join('/')}`)),
    Promise.all(consumers.map(async (name) => (await node(page, `Consumer ${name}`).getByTitle('Deliveries received', { exact: true }).first().textContent().catch(() => '')) ?? '')),
  ]);
  return { queues: q, received: r };
}

/**
 * Watches the figures for `virtualMs` of simulated time: does any queue hold or have unacked
 * messages, or change, or a consumer receive? The budget is virtual time (the clock the scenario
 * runs on), so a busy machine only makes the wait longer in wall time, never shorter in what it sees.
 */
async function somethingHappens(page: Page, queues: string[], consumers: string[], virtualMs: number): Promise<boolean> {
  const first = await figures(page, queues, consumers);
  const until = (await timeMs(page)) + virtualMs;
  let happened = false;
  await expect
    .poll(
      async () => {
        const now = await figures(page, queues, consumers);
        const holding = now.queues.some((f) => /[1-9]/.test(f.slice(f.indexOf('=') + 1)));
        happened = holding || now.queues.join() !== first.queues.join() || now.received.join() !== first.received.join();
        return happened || (await timeMs(page)) >= until;
      },
      { timeout: 30_000, intervals: [50, 100] },
    )
    .toBe(true);
  return happened;
}

/**
 * A gallery scenario just opened in the editor plays: its document is on the canvas, its explanation
 * in the guide, and its queues' figures move. A busy scenario has messages in its queues already; the
 * others are watched ten times faster (three simulated seconds in a fraction of one); one whose
 * consumers auto-ack keeps its queues empty: then what "What to try" suggests first is done.
 * (A code scenario's queues come from its programs: programs.spec.ts plays those.)
 */
export async function playsInTheEditor(page: Page, g: GalleryScenario) {
  const queues = g.scenario.queues.map((q) => q.name);
  await expect(node(page, `Queue ${queues[0]}`)).toBeVisible();
  await expect(guide(page).getByText(g.title.en, { exact: true })).toBeVisible();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible().catch(() => false)) await play.click();
  const consumers = g.scenario.apps.filter((a) => a.consumers.length && !a.publishers.length).map((a) => a.name);
  let happened = await somethingHappens(page, queues, consumers, 0);
  if (!happened) {
    await setSpeed(page, 10);
    happened = await somethingHappens(page, queues, consumers, 3000);
  }
  if (!happened) {
    await guide(page).getByRole('button', { name: 'Try it' }).first().click();
    happened = await somethingHappens(page, queues, [], 4000);
  }
  expect(happened, `${g.id}: the queues' figures never moved`).toBe(true);
  // direct reply-to: the reply path is drawn from the server back to the client
  if (g.id === 'rpc-direct-reply-to') await expect(page.getByRole('img', { name: 'rpc_server replies to rpc_client by direct reply-to (amq.rabbitmq.reply-to)' })).toBeAttached();
}
