import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { edge, node } from './helpers';
import { inspector, timeMs } from './sim';

/**
 * What has keyboard focus, and whether a person sees it: `:focus-visible` with an outline (≥ 2 px),
 * a box shadow, or (a line on the canvas) a thicker stroke; focus is null when lost (on <body>).
 * And whether it is on `el`. Runs in the page, so that one round trip asks both.
 */
function probe(el: Element | null) {
  const a = document.activeElement as HTMLElement | null;
  const onTarget = el !== null && el === a;
  if (!a || a === document.body || !a.isConnected) return { onTarget, focus: null };
  const cs = getComputedStyle(a);
  const path = a.closest('.react-flow__edge')?.querySelector('path.react-flow__edge-path');
  const what = `${a.tagName.toLowerCase()} ${a.getAttribute('role') ?? ''} "${(a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 50)}"`;
  const shown = (cs.outlineStyle !== 'none' && (cs.outlineStyle === 'auto' || Number.parseFloat(cs.outlineWidth) >= 2)) || cs.boxShadow !== 'none' || (path ? Number.parseFloat(getComputedStyle(path).strokeWidth) >= 3 : false);
  return { onTarget, focus: { what, shown: a.matches(':focus-visible') && shown } };
}

function checkShown(f: ReturnType<typeof probe>['focus']) {
  expect(f, 'focus fell to the page').not.toBeNull();
  expect(f!.shown, `no visible focus indicator on ${f!.what}`).toBe(true);
}

async function expectFocusShown(page: Page) {
  checkShown((await page.evaluate(probe, null)).focus);
}

/** Presses a key, then checks that focus is still somewhere, and seen. */
async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  await expectFocusShown(page);
}

/** Tabs (forwards or backwards) until `target` has focus, checking focus at every stop (one round trip a stop). */
async function tabTo(page: Page, target: Locator, back = false) {
  await expect(target).toBeAttached();
  for (let i = 0; i < 250; i++) {
    const { onTarget, focus } = await target.evaluate(probe);
    if (i > 0) checkShown(focus);
    if (onTarget) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('builds, runs, inspects and shares a topology with the keyboard alone, focus always seen and never lost', async ({ page }) => {
  // a whole session by keyboard, every key checked, on a shared 2-core machine
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  // the palette: Enter adds each node in the view
  for (const [item, name] of [['Producer', 'Producer producer1'], ['Exchange', 'Exchange exchange1'], ['Queue', 'Queue queue1'], ['Consumer', 'Consumer consumer1']]) {
    await tabTo(page, button(item!));
    await press(page, 'Enter');
    await expect(node(page, name!)).toBeVisible();
  }

  // the binding: from the exchange on the canvas, I jumps to its fields in the inspector; the
  // "Create binding" form below them binds the queue
  await tabTo(page, node(page, 'Exchange exchange1'));
  await press(page, 'i');
  await expect(inspector(page).getByRole('heading', { name: 'Exchange exchange1' })).toBeVisible();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toBeFocused();
  const form = inspector(page).getByRole('form', { name: 'Create binding' });
  const to = form.getByLabel('To queue or exchange');
  await tabTo(page, to);
  // the form proposes the queue; if not, the arrow key chooses it
  if ((await to.inputValue()) === '') await press(page, 'ArrowDown');
  await expect(to.locator('option:checked')).toHaveText('queue1');
  await press(page, 'Tab');
  await page.keyboard.type('orders');
  await press(page, 'Enter');
  await expect(form.getByRole('status')).toHaveText('Binding created.');
  await expect(edge(page, 'Binding from exchange1 to queue1, key orders')).toBeVisible();

  // the producer publishes to the exchange with the key "orders"
  await tabTo(page, node(page, 'Producer producer1'), true);
  await press(page, 'i');
  const publisher = inspector(page).getByRole('group', { name: 'Publisher 1' });
  await tabTo(page, publisher.getByLabel('Exchange', { exact: true }));
  await press(page, 'ArrowDown');
  await expect(edge(page, /producer1 publishes to exchange1/)).toBeVisible();
  await tabTo(page, publisher.getByLabel('Routing keys (one per line)'));
  await press(page, 'Control+a');
  await page.keyboard.type('orders');
  await press(page, 'Tab');

  // the consumer consumes from the queue
  await tabTo(page, node(page, 'Consumer consumer1'), true);
  await press(page, 'i');
  await tabTo(page, inspector(page).getByRole('group', { name: 'Consumer 1' }).getByLabel('Queue', { exact: true }));
  await press(page, 'ArrowDown');
  await expect(edge(page, 'consumer1 consumes from queue1')).toBeVisible();

  // publish one message, play, pause, step
  await tabTo(page, node(page, 'Producer producer1'), true);
  await press(page, 'i');
  await tabTo(page, inspector(page).getByRole('group', { name: 'Publisher 1 in the simulation' }).getByRole('button', { name: 'Publish', exact: true }));
  await press(page, 'Enter');
  await tabTo(page, button('Play'), true);
  await press(page, 'Enter');
  await expect(button('Pause')).toBeFocused();
  await expect.poll(() => timeMs(page)).toBeGreaterThan(200);
  await press(page, 'Enter');
  await expect(button('Play')).toBeFocused();
  const paused = await timeMs(page);
  await tabTo(page, button('Step'));
  await press(page, 'Enter');
  await expect.poll(() => timeMs(page)).toBeGreaterThanOrEqual(paused);

  // open the message from the event log, close it: focus goes to the Message tab, not the page
  await tabTo(page, page.getByRole('tab', { name: 'Event log' }));
  await press(page, 'Enter');
  const row = page.getByRole('list', { name: 'Events, oldest first' }).getByRole('button').first();
  await tabTo(page, row);
  // (the message panel may be loaded on first use: focus reaches it once it is drawn, checked just below)
  await page.keyboard.press('Enter');
  // the log row went away with the log: focus is on the message now shown
  const panel = page.getByRole('region', { name: 'Message inspector' });
  await expect(panel.getByRole('heading', { name: /^Message / })).toBeVisible();
  await expect(panel).toBeFocused();
  await tabTo(page, panel.getByRole('button', { name: 'Close message' }));
  await press(page, 'Enter');
  await expect(page.getByRole('tab', { name: 'Message' })).toBeFocused();

  // share: the link, then Escape gives focus back to the Share button
  await tabTo(page, button('Share'), true);
  await press(page, 'Enter');
  const share = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(share.getByRole('textbox', { name: 'Link' })).toHaveValue(/#s=1\./);
  await expectFocusShown(page);
  await press(page, 'Escape');
  await expect(share).toBeHidden();
  await expect(button('Share')).toBeFocused();

  // the keyboard shortcuts list, opened with "?"
  await press(page, '?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('edit the focused node or line in the inspector');
  await press(page, 'Escape');
  await expect(button('Share')).toBeFocused();
});
