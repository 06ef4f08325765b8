import { inflateFromBase64url } from '../src/share/compress';
import { expect, test } from './fixtures';
import { canvas, node } from './helpers';
import { expectOwnWork, expectSharedWork, figures, freshPage, myOwnWork, runTo, savedTitle, shareLink } from './share';
import { workQueue } from './scenarios';
import { loadScenario, setSpeed } from './sim';

const banner = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Shared scenario' });

test('a shared link opens the same scenario in a fresh browser, and the same run gives the same queue depths', async ({ page, browser }) => {
  // the teacher's scenario: jittered workers, so the run depends on the seed
  await loadScenario(page, workQueue({ mode: 'rate', rate: 6, prefetch: 2, processingMs: 300, jitterMs: 250 }));
  await setSpeed(page, 10);
  const link = await shareLink(page);
  expect(link.length).toBeLessThan(2000);

  const student = await freshPage(browser);
  await student.page.goto(link);
  await expect(banner(student.page)).toContainText('You are viewing a shared scenario: "Work queue".');
  await expectSharedWork(student.page);
  // the speed travels with the link
  await expect(student.page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '10×');
  // positions too: the same layout, node for node (relative to the exchange)
  const rel = async (p: typeof page, name: string) => {
    const a = (await node(p, name).boundingBox())!;
    const x = (await node(p, 'Exchange tasks').boundingBox())!;
    return { dx: Math.round((a.x - x.x) / x.width * 100), dy: Math.round((a.y - x.y) / x.height * 100) };
  };
  for (const n of ['Queue work', 'Consumer worker2']) expect(await rel(student.page, n)).toEqual(await rel(page, n));

  // the same virtual time on both pages: the same run
  for (const p of [page, student.page]) await runTo(p, 4000);
  const teacher = await figures(page);
  const seen = await figures(student.page);
  expect(seen).toEqual(teacher);
  expect(teacher.worker1.acked + teacher.worker2.acked).toBeGreaterThan(5);
  for (const p of [page, student.page]) await runTo(p, 7500);
  expect(await figures(student.page)).toEqual(await figures(page));
  expect(student.errors).toEqual([]);
  await student.close();
});

test("opening a link never replaces the opener's saved work: back to my work, or keep it (and restore the previous work)", async ({ page, browser }) => {
  await loadScenario(page, workQueue());
  const link = await shareLink(page);

  const { page: me, errors, close } = await freshPage(browser, myOwnWork);
  await me.goto('./');
  await expectOwnWork(me);
  await me.goto(link);
  await expectSharedWork(me);
  // editing the shared view does not touch the saved work
  await me.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(me, 'Queue queue1')).toBeVisible();
  await me.waitForTimeout(400); // longer than the autosave's debounce
  expect(await savedTitle(me)).toBe('My own work');

  await banner(me).getByRole('button', { name: 'Back to my work' }).click();
  await expectOwnWork(me);
  await expect(banner(me)).toHaveCount(0);
  expect(new URL(me.url()).hash).toBe('');
  await me.reload();
  await expectOwnWork(me);

  // this time, keep it
  await me.goto(link);
  await expectSharedWork(me);
  await banner(me).getByRole('button', { name: 'Keep it as my work' }).click();
  await expectSharedWork(me);
  await expect(me.getByRole('status', { name: 'Shared scenario kept' })).toContainText('Your previous work is one Undo away');
  // the page was drawn anew: focus is on the banner that says so, not lost
  await expect(me.getByRole('status', { name: 'Shared scenario kept' })).toBeFocused();
  await expect.poll(() => savedTitle(me)).toBe('Work queue');
  // one undo away...
  await me.getByRole('button', { name: 'Undo' }).click();
  await expectOwnWork(me);
  await me.getByRole('button', { name: 'Redo' }).click();
  await expectSharedWork(me);
  // ...and kept after a reload, in Files → Previous work
  await me.reload();
  await expectSharedWork(me);
  await me.getByRole('button', { name: 'Files' }).click();
  await me.getByRole('button', { name: 'Previous work…' }).click();
  const dialog = me.getByRole('dialog', { name: 'Previous work' });
  await expect(dialog).toContainText('My own work');
  await dialog.getByRole('button', { name: 'Restore "My own work"' }).click();
  await expect(dialog).toBeHidden();
  await expectOwnWork(me);
  await expect.poll(() => savedTitle(me)).toBe('My own work');
  // restoring swapped: the shared scenario is on the list now
  await me.getByRole('button', { name: 'Files' }).click();
  await me.getByRole('button', { name: 'Previous work…' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(dialog).toContainText('Work queue');
  await me.keyboard.press('Escape');
  await expect(me.getByRole('button', { name: 'Files' })).toBeFocused();
  expect(errors).toEqual([]);
  await close();
});

/**
 * The link with one character changed, at `from` or the first place after it where the change alters
 * what the link holds: a few bits of a deflate stream carry nothing, and which ones depends on the
 * data (the link holds the view, so the size of the canvas), so a fixed place may change nothing.
 */
function oneCharacterChanged(data: string, from: number): string {
  const [version, body] = [data.slice(0, 2), data.slice(2)];
  const held = JSON.stringify(inflateFromBase64url(body, 1 << 20));
  for (let i = from - 2; i < body.length; i++) {
    const changed = `${body.slice(0, i)}${body[i] === 'A' ? 'B' : 'A'}${body.slice(i + 1)}`;
    if (JSON.stringify(inflateFromBase64url(changed, 1 << 20)) !== held) return version + changed;
  }
  throw new Error('no character of the link changes what it holds');
}

test('a damaged, newer or huge link says what is wrong, runs nothing and keeps the current work', async ({ page }) => {
  await loadScenario(page, myOwnWork);
  await expectOwnWork(page);
  const link = await shareLink(page);
  const data = link.slice(link.indexOf('#s=') + 3);
  const cases: [string, string | RegExp][] = [
    // cut short when pasted
    [data.slice(0, -20), 'This link is damaged: it was cut short or changed when it was copied.'],
    // one character changed
    [oneCharacterChanged(data, 30), /link is damaged|not valid/],
    ['7.rVZNbxpJEP0rpd7DxtKABhuMM7dspNUe4l1ndx', 'This was made by a newer version of Warren (format 7).'],
    [`1.${'A'.repeat(70_000)}`, 'This link is too long to open: its data has 70002 characters, and a Warren link holds at most 65536.'],
    ['<img src=x onerror=alert(1)>', 'This is not a Warren link, or part of it was lost when it was copied.'],
  ];
  for (const [bad, message] of cases) {
    await page.goto(`./#s=${bad}`);
    const alert = page.getByRole('alert', { name: 'Link not opened' });
    await expect(alert).toContainText('This link could not be opened.');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('your own work is unchanged');
    await expectOwnWork(page);
    expect(await savedTitle(page)).toBe('My own work');
  }
  await page.getByRole('alert', { name: 'Link not opened' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert', { name: 'Link not opened' })).toHaveCount(0);
  // focus goes to the canvas, not to the top of the page
  await expect(page.getByRole('application', { name: 'Diagram' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
  await expect(canvas(page)).toBeVisible();
});

test('a link pasted into the address bar of an open Warren opens too', async ({ page }) => {
  await loadScenario(page, workQueue());
  const link = await shareLink(page);
  await page.evaluate((d) => localStorage.setItem('warren.scenario', JSON.stringify(d)), myOwnWork);
  await page.reload();
  await expectOwnWork(page);
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(link).hash);
  await expectSharedWork(page);
  await expect(banner(page)).toBeVisible();
  // and taking it out of the address bar goes back to the own work
  await page.evaluate(() => {
    location.hash = '';
  });
  await expectOwnWork(page);
  await expect(banner(page)).toHaveCount(0);
});

test('Share copies the link at once; when the browser refuses the clipboard, the link is selected to copy by hand', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadScenario(page, workQueue());
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  // it says that it copied as it opened, and which link: the one shown, with a button to copy it again
  await expect(dialog.getByRole('status').first()).toHaveText('✓ Link copied to the clipboard as this opened: it is the link below, ready to paste.');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await dialog.getByRole('button', { name: 'Copy again' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('✓ Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(dialog.getByText('✓ Embed code copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe src=/);

  const refused = await freshPage(browser, workQueue());
  await refused.page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await refused.page.goto('./');
  await refused.page.getByRole('button', { name: 'Share', exact: true }).click();
  const d = refused.page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(d.getByRole('status').first()).toContainText('The browser did not allow copying: the text is selected, press Ctrl+C');
  const field = d.getByRole('textbox', { name: 'Link' });
  await expect(field).toBeFocused();
  // nothing was copied: the button offers to copy, not to copy "again"
  await expect(d.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe(await field.inputValue());
  expect(await field.inputValue()).toMatch(/#s=1\./);
  expect(refused.errors).toEqual([]);
  await refused.close();
});

test('a scenario built from scratch is named in the inspector; the link, its banner and the embed code carry the name', async ({ page, browser }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(node(page, 'Queue queue1')).toBeVisible();
  // nothing selected: the inspector shows the scenario
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const form = inspector.getByRole('region', { name: 'Scenario' });
  const title = form.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue('');
  await expect(title).toHaveAttribute('placeholder', 'Untitled scenario');
  // validated like every field
  await title.fill('x'.repeat(201));
  await title.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Too long: at most 200 characters.');
  await title.fill('Orders: one queue');
  await title.press('Enter');
  await expect(form.getByRole('alert')).toHaveCount(0);
  const description = form.getByRole('textbox', { name: 'Description' });
  await description.fill('A queue that keeps orders.');
  await description.press('Control+Enter');
  await expect.poll(() => savedTitle(page)).toBe('Orders: one queue');
  // undoable like any edit
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(title).toHaveValue('Orders: one queue');
  await expect(description).toHaveValue('');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await expect(dialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/title="Orders: one queue"/);
  await page.keyboard.press('Escape');

  const student = await freshPage(browser);
  await student.page.goto(link);
  await expect(banner(student.page)).toContainText('You are viewing a shared scenario: "Orders: one queue".');
  await expect(node(student.page, 'Queue queue1')).toBeVisible();
  expect(student.errors).toEqual([]);
  await student.close();
});
