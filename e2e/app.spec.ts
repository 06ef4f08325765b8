import { expect, test } from './fixtures';
import { open } from './helpers';
import { timeMs } from './sim';

test('opens with its title, a canvas and no console errors', async ({ page, consoleErrors }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Warren/);
  const canvas = page.getByRole('region', { name: /^(Canvas|Lienzo)$/ });
  await expect(canvas).toBeVisible();
  // React Flow rendered its pane and viewport inside the region
  await expect(canvas.locator('.react-flow__pane')).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  expect(box?.height).toBeGreaterThan(200);
  expect(consoleErrors).toEqual([]);
});

test('works when hosted under a sub-path', async ({ page, baseURL, consoleErrors }) => {
  // Serve dist/ as if it lived at https://host/some/dir/: requests under the sub-path get the
  // file at the root; anything outside it is a 404, as on a host where the root is someone else's.
  // An absolute asset URL (/assets/...) would miss and break the page.
  const origin = new URL(baseURL!).origin;
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/some/dir/')) return route.fulfill({ status: 404, body: 'not here' });
    const rest = url.pathname.slice('/some/dir/'.length) || 'index.html';
    const response = await route.fetch({ url: `${origin}/${rest}` });
    await route.fulfill({ response });
  });
  const missed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missed.push(r.url());
  });
  await page.goto(`${origin}/some/dir/`);
  await expect(page.getByRole('region', { name: /^(Canvas|Lienzo)$/ })).toBeVisible();
  expect(missed).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('speaks Spanish when asked and remembers it', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel(/^(Language|Idioma)$/).selectOption('es');
  await expect(page.getByRole('region', { name: 'Lienzo' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Lienzo' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
});

test.describe('with a Spanish browser', () => {
  test.use({ locale: 'es-ES' });
  test('defaults to Spanish', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('region', { name: 'Lienzo' })).toBeVisible();
  });

  test('at 1280×720 the header is one row, and Reproducir / Pausa does not move it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./');
    // a gallery scenario (it starts playing), as a student opens one
    await page.getByRole('button', { name: 'Galería', exact: true }).click();
    await page.getByRole('dialog', { name: 'Galería de escenarios' }).getByRole('article').getByRole('button', { name: 'Hola mundo', exact: true }).click();
    const header = page.getByRole('banner');
    const pause = page.getByRole('button', { name: 'Pausa', exact: true });
    await expect(pause).toBeVisible();
    const playing = { header: (await header.boundingBox())!, button: (await pause.boundingBox())! };
    // one row: no taller than its buttons and their padding
    expect(playing.header.height).toBeLessThanOrEqual(44);
    await pause.click();
    const play = page.getByRole('button', { name: 'Reproducir', exact: true });
    await expect(play).toBeVisible();
    const paused = { header: (await header.boundingBox())!, button: (await play.boundingBox())! };
    expect(paused.header.height).toBe(playing.header.height);
    expect(paused.button.width).toBe(playing.button.width);
    // side by side, none over the next, and all on screen
    const right = async (l: import('@playwright/test').Locator) => ((b) => b.x + b.width)((await l.boundingBox())!);
    const left = async (l: import('@playwright/test').Locator) => (await l.boundingBox())!.x;
    expect(await right(header.getByText('Broker', { exact: true }))).toBeLessThanOrEqual(await left(page.getByRole('button', { name: 'Compartir', exact: true })));
    expect(await right(page.getByLabel('Idioma'))).toBeLessThanOrEqual(1280);
    // the two sliders say what they are on screen too (not to screen readers only), inside the one row
    for (const name of ['Línea de tiempo', 'Velocidad']) {
      await expect(page.getByRole('slider', { name })).toBeVisible();
      const label = (await header.getByText(name, { exact: true }).boundingBox())!;
      const slider = (await page.getByRole('slider', { name }).boundingBox())!;
      expect(label.height).toBeGreaterThanOrEqual(9);
      expect(label.width).toBeGreaterThanOrEqual(30);
      expect(label.y).toBeGreaterThanOrEqual(paused.header.y);
      expect(label.y + label.height).toBeLessThanOrEqual(slider.y + 2);
      expect(label.x).toBeGreaterThanOrEqual(slider.x - 2);
    }
  });
});

test('runs under its Content-Security-Policy with no violation: editing, playing, code, share, gallery', async ({ page }) => {
  // every violation (a blocked eval, inline script, worker or style) is recorded before the app loads
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self' blob:");
  expect(policy).not.toContain('unsafe-eval');
  // a gallery scenario: zod validates it, the message layer's worker starts when it plays
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  await page.getByRole('dialog', { name: 'Scenario gallery' }).getByRole('article').first().getByRole('button').first().click();
  await expect(page.getByRole('dialog', { name: 'Scenario gallery' })).toHaveCount(0);
  // a gallery scenario starts playing: let it run a moment, then stop it
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (!(await pause.isVisible())) await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => timeMs(page)).toBeGreaterThan(0);
  await pause.click();
  for (const name of ['Show code', 'Share']) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
