import type { Page } from '@playwright/test';
import { en } from '../src/i18n/messages.en';
import { es } from '../src/i18n/messages.es';
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

/** Every text, accessible name and title on the page that is a dictionary key (untranslated), or a button with no name. */
function untranslated(page: Page): Promise<string[]> {
  return page.evaluate((keys) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('style, script')) texts.push(n.nodeValue ?? '');
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(el.getAttribute(a) ?? '');
    }
    const all = texts.join('\n');
    const raw = keys.filter((k) => all.includes(k));
    const nameless = [...document.querySelectorAll('button, [role="tab"], [role="separator"]')]
      .filter((b) => !(b.textContent?.trim() || b.getAttribute('aria-label')?.trim() || b.getAttribute('title')?.trim() || b.getAttribute('aria-labelledby')))
      .map((b) => `a nameless ${b.tagName.toLowerCase()}: ${b.outerHTML.slice(0, 120)}`);
    return [...raw, ...nameless];
  }, Object.keys(en));
}

for (const [locale, gallery] of [
  ['en', en['gallery.title']],
  ['es', es['gallery.title']],
] as const) {
  test(`a first visit in ${locale} fetches the first part of one dictionary; no text shows as a raw key or blank while the rest loads`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('warren.locale', l), locale);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    // hold back the rest of the dictionary until the first canvas has been checked
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/assets\/(en|es)\.rest-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await expect(page.getByRole('region', { name: locale === 'en' ? 'Canvas' : 'Lienzo' })).toBeVisible();
    await expect(page.getByRole('button', { name: locale === 'en' ? 'Gallery' : 'Galería', exact: true })).toBeVisible();
    expect(await untranslated(page)).toEqual([]);
    // what loads later (a dialog) waits for the rest of its text: it never shows a raw key meanwhile
    await page.getByRole('button', { name: locale === 'en' ? 'Gallery' : 'Galería', exact: true }).click();
    await page.waitForTimeout(300);
    expect(await untranslated(page)).toEqual([]);
    release();
    await expect(page.getByRole('dialog', { name: gallery })).toBeVisible();
    expect(await untranslated(page)).toEqual([]);
    // one language only: the other one's dictionary is never fetched
    const other = locale === 'en' ? 'es' : 'en';
    expect(fetched.filter((u) => new RegExp(`/assets/${other}\\.(first|rest)-`).test(u))).toEqual([]);
    expect(fetched.filter((u) => new RegExp(`/assets/${locale}\\.(first|rest)-`).test(u))).toHaveLength(2);
  });
}

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
