import { expect, test } from './fixtures';
import { figures, freshPage, runTo } from './share';
import { workQueue } from './scenarios';
import { counter, inspector, loadScenario, selectNode, setSpeed, timeMs } from './sim';

test('a link can carry the run so far: the student opens it paused where the teacher was, and can rewind it', async ({ page, browser }) => {
  // the teacher's class: a burst by hand, a worker stopped during the run
  await loadScenario(page, workQueue({ mode: 'manual', prefetch: 2, processingMs: 900, jitterMs: 300, latency: 50 }));
  await setSpeed(page, 4);
  await selectNode(page, 'Producer producer');
  await inspector(page).getByRole('button', { name: 'Send burst' }).click();
  await runTo(page, 1500);
  await selectNode(page, 'Consumer worker1');
  await inspector(page).getByRole('group', { name: 'Consumer 1 in the simulation' }).getByRole('button', { name: 'Stop' }).click();
  await runTo(page, 2600);
  const teacher = await figures(page);
  expect(teacher.work.ready).toBeGreaterThan(0); // worker1 stopped: work is left

  // by default a link starts from the beginning; the box makes it open here
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const box = dialog.getByRole('checkbox', { name: 'Open at 00:02.600 of this run, paused' });
  await expect(box).not.toBeChecked();
  await expect(dialog).toContainText('(actions: 2)');
  const fromStart = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await box.check();
  await expect(dialog).toContainText(/It opens at 00:02.600, after replaying your run \(actions: 2\)\./);
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).not.toBe(fromStart);
  expect(link.length).toBeLessThan(2000);
  const embed = (await dialog.getByRole('link', { name: 'Preview the player' }).getAttribute('href'))!;
  await page.keyboard.press('Escape');

  const student = await freshPage(browser);
  await student.page.goto(link);
  await expect(student.page.getByRole('region', { name: 'Shared scenario' })).toContainText(/It opens at 00:02.600 of the shared run, paused/);
  await expect.poll(() => timeMs(student.page)).toBe(teacher.time);
  await expect(student.page.getByRole('status').filter({ hasText: 'Replaying the shared run' })).toHaveCount(0);
  await expect(student.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await figures(student.page)).toEqual(teacher);
  await selectNode(student.page, 'Consumer worker1');
  await expect(inspector(student.page).getByRole('group', { name: 'Consumer 1 in the simulation' }).getByText('stopped', { exact: true })).toBeVisible();

  // the timeline holds the whole run: back to before the stop, where worker1 still works
  await student.page.getByRole('slider', { name: 'Timeline' }).fill('1000');
  await expect.poll(() => timeMs(student.page)).toBe(1000);
  const w1 = inspector(student.page).getByRole('group', { name: 'Consumer 1 in the simulation' });
  await expect(w1.getByText('running', { exact: true })).toBeVisible();
  expect(await counter(w1, 'Received')).toBeGreaterThan(0);
  // the embedded player opens there too
  await student.page.goto(embed);
  await expect(student.page.getByRole('link', { name: 'Open in Warren' })).toBeVisible();
  await expect.poll(() => timeMs(student.page)).toBe(teacher.time);
  expect(student.errors).toEqual([]);
  await student.close();

  // the link without the run opens at the start
  const other = await freshPage(browser);
  await other.page.goto(fromStart);
  await expect(other.page.getByRole('region', { name: 'Shared scenario' })).toBeVisible();
  expect(await timeMs(other.page)).toBe(0);
  await other.close();
});
