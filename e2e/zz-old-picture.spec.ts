import { expect, test } from './fixtures';
import { node, open } from './helpers';
import { embedHash, galleryList, measure, openFromGallery, type PictureMeasure, programsDrawn, shortfalls } from './picture';

/**
 * The picture as people see it (issue 10): every gallery scenario, as it opens, at the window sizes
 * of a projector, a small laptop and a desktop, and in the embedded player. One page per window size;
 * each scenario is measured in one pass (page.evaluate): on-screen sizes of names, live figures,
 * edge labels and tokens; the canvas's share of the window; and nothing covering anything (nodes,
 * the broker frame's edge, edge labels, the mini map, the zoom controls, the legend, handles on text),
 * also after tidy layout and after a channel is added.
 */
const row = (id: string, m: PictureMeasure) =>
  `${id.padEnd(24)} zoom ${m.zoom.toFixed(3)} canvas ${(m.canvasShare * 100).toFixed(0)}% name ${m.name} figure ${m.figure} label ${m.edgeLabel} text ${m.text} token ${m.token} problems ${m.problems.length}`;

// one page per window size and many measures in it: a trace of every step would cost more than the test
test.use({ trace: 'off' });

const WINDOWS = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;

for (const [w, h] of WINDOWS) {
  test(`at ${w}×${h} every gallery scenario opens readable, on most of the window, with nothing covering anything`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: w, height: h });
    await open(page);
    const failures: string[] = [];
    const table: string[] = [];
    for (const g of galleryList()) {
      await openFromGallery(page, g.title.en);
      if (g.scenario.programs) await programsDrawn(page);
      const m = await measure(page);
      table.push(row(g.id, m));
      failures.push(...shortfalls(g.id, m));
      if (w === 1280 && m.canvasShare < 0.7) failures.push(`${g.id}: the canvas has ${Math.round(m.canvasShare * 100)}% of the window (< 70%)`);
      if (w < 1440 && m.minimap) failures.push(`${g.id}: the mini map is on below 1440 px`);

      await page.getByRole('button', { name: 'Tidy layout' }).click();
      const tidy = await measure(page);
      failures.push(...tidy.problems.map((p) => `${g.id} after tidy layout: ${p}`));

      // a channel added to the first app makes it grow: nothing may overlap then either (a code
      // scenario's apps are its programs: what they open is in their code, not edited on the canvas)
      const app = g.scenario.apps[0];
      if (w === 1280 && app) {
        const kind = app.publishers.length && app.consumers.length ? 'Producer and consumer' : app.publishers.length ? 'Producer' : 'Consumer';
        await node(page, `${kind} ${app.name}`).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Add channel' }).first().click();
        const grown = await measure(page);
        failures.push(...grown.problems.map((p) => `${g.id} after a channel is added: ${p}`));
      }
    }
    console.log(`${w}×${h}\n${table.join('\n')}`);
    expect(failures).toEqual([]);
  });
}

test('in the embedded player at 960×540 every gallery scenario opens readable, with nothing covering anything', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 960, height: 540 });
  const failures: string[] = [];
  const table: string[] = [];
  for (const g of galleryList()) {
    await page.goto('about:blank');
    await page.goto(`./${embedHash(g)}`);
    // a code scenario's topology is what its programs declare when they run: its default exchange, at first, or nothing
    await expect(page.getByRole('group', { name: /^(Exchange|Queue) |^Default exchange$/ }).or(page.locator('.react-flow__node-broker')).first()).toBeVisible();
    if (g.scenario.programs) await programsDrawn(page);
    const m = await measure(page);
    table.push(row(g.id, m));
    failures.push(...shortfalls(`embed ${g.id}`, m));
  }
  console.log(`embed 960×540\n${table.join('\n')}`);
  expect(failures).toEqual([]);
});
