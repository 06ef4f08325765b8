import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { en } from '../src/i18n/messages.en';
import { es } from '../src/i18n/messages.es';
import { expect, test } from './fixtures';
import { drawLine } from './helpers';
import { settle } from './picture';

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every screen and dialog, in English and
 * Spanish: any critical or serious violation fails the test. One page per language visits everything
 * in turn, so the built site loads only a few times (the suite's time matters).
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type Dict = Record<keyof typeof en, string>;
interface Found {
  where: string;
  id: string;
  impact: string;
  targets: string[];
}

/** Runs axe on the page, or only on `include` (CSS selectors: an open dialog, panels). */
async function scan(page: Page, where: string, found: Found[], include: string | string[] = []) {
  // legacy mode: one axe.run in the page (the default opens a new blank page per analysis to merge
  // frame results; Warren has no frames), several times faster
  const builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode();
  for (const selector of typeof include === 'string' ? [include] : include) builder.include(selector);
  const result = await builder.analyze();
  for (const v of result.violations) {
    found.push({ where, id: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) });
  }
}

const fill = (s: string, params: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
const definitions = resolve(import.meta.dirname, '../src/share/definitions/fixtures/rabbitmq-3.10.8-export.json');
const lessonTitle = { en: 'Topics: log facilities (lesson)', es: 'Topics: logs por origen (lección)' };

for (const [locale, t] of [['en', en as Dict], ['es', es as Dict]] as const) {
  test(`axe finds no serious or critical violation on any screen (${locale})`, async ({ page }) => {
    // seventeen screens scanned on a shared 2-core machine
    test.setTimeout(240_000);
    const found: Found[] = [];
    const dialog = (key: keyof Dict) => page.getByRole('dialog', { name: t[key] });
    const button = (key: keyof Dict) => page.getByRole('button', { name: t[key], exact: true });
    const closeDialog = async (key: keyof Dict) => {
      await page.keyboard.press('Escape');
      await expect(dialog(key)).toBeHidden();
    };
    await page.addInitScript((l) => localStorage.setItem('warren.locale', l), locale);
    await page.goto('./');
    await expect(page.getByRole('region', { name: t['canvas.label'] })).toBeVisible();
    await scan(page, 'editor, empty', found);

    // the gallery; then a scenario with a lesson, playing
    await button('gallery.open').click();
    await expect(dialog('gallery.title')).toBeVisible();
    await scan(page, 'gallery', found, 'dialog[open]');
    await dialog('gallery.title').getByRole('article').getByRole('button', { name: lessonTitle[locale], exact: true }).click();
    await expect(dialog('gallery.title')).toBeHidden();
    await expect(button('play.pause')).toBeVisible();
    await page.getByRole('tab', { name: t['dock.log'] }).click();
    await expect(page.getByRole('list', { name: t['log.rows'] }).getByRole('button').first()).toBeVisible();
    await scan(page, 'playing, lesson panel, event log', found);
    await button('play.pause').click();

    // the message inspector (a log row opens its message) beside a producer's inspector; the charts
    // beside a queue's inspector
    const panels = ['section.dock', '.side-panel'];
    const inspect = async (name: string) => {
      await page.getByRole('group', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: t['inspector.label'] }).getByRole('heading', { name })).toBeVisible();
    };
    await page.getByRole('list', { name: t['log.rows'] }).getByRole('button').first().click();
    await expect(page.getByRole('region', { name: t['msg.label'] })).toBeVisible();
    await inspect(`${t['kind.producer']} emit_log_topic`);
    await scan(page, 'message panel, producer inspector', found, panels);
    await page.getByRole('tab', { name: t['dock.charts'] }).click();
    await inspect(`${t['kind.queue']} all`);
    await scan(page, 'charts, queue inspector', found, panels);

    // the binding dialog (a line drawn from an exchange to a queue)
    const frame = page.getByRole('region', { name: t['canvas.label'] });
    // the panels opened above took room from the canvas: fit the picture into what is left first
    await page.getByRole('button', { name: t['controls.fitView'] }).click();
    await settle(page);
    await drawLine(page, frame.getByLabel(fill(t['handle.exchangeOut'], { name: 'topic_logs' })), frame.getByLabel(fill(t['handle.queueIn'], { name: 'kern' })));
    await expect(dialog('binding.dialogTitle')).toBeVisible();
    await scan(page, 'binding dialog', found, '[role=dialog]');
    await closeDialog('binding.dialogTitle');

    // share, code, export definitions, previous work, import
    await button('shareui.share.button').click();
    await expect(dialog('shareui.share.title')).toBeVisible();
    await scan(page, 'share dialog', found, 'dialog[open]');
    const link = await dialog('shareui.share.title').getByRole('textbox').first().inputValue();
    await closeDialog('shareui.share.title');
    await button('shareui.code.button').click();
    await expect(dialog('shareui.code.title').locator('.cm-editor, pre').first()).toBeVisible();
    await scan(page, 'code dialog', found, 'dialog[open]');
    await closeDialog('shareui.code.title');
    for (const [item, title] of [['shareui.files.exportDefs', 'shareui.defs.exportTitle'], ['shareui.files.previous', 'shareui.previous.title']] as const) {
      await button('shareui.files.button').click();
      await button(item).click();
      await expect(dialog(title)).toBeVisible();
      await scan(page, title, found, 'dialog[open]');
      await closeDialog(title);
    }
    await button('shareui.files.button').click();
    const chooser = page.waitForEvent('filechooser');
    await button('shareui.files.open').click();
    await (await chooser).setFiles(definitions);
    await expect(dialog('shareui.import.defsTitle')).toBeVisible();
    await scan(page, 'import dialog', found, 'dialog[open]');
    await closeDialog('shareui.import.defsTitle');
    await button('keys.button').click();
    await expect(dialog('keys.title')).toBeVisible();
    await scan(page, 'keyboard shortcuts', found, 'dialog[open]');
    await closeDialog('keys.title');

    // a shared link (the shared-view banner), the embed player, a link that cannot be opened
    await page.goto(link);
    await expect(button('shareui.keep')).toBeVisible();
    await scan(page, 'shared view', found, '.session-banner');
    await page.goto(`${link}&embed=1`);
    await expect(page.getByRole('complementary', { name: t['shareui.player.explanation'] })).toBeVisible();
    await scan(page, 'embed player', found);
    await page.goto('./#s=1.not-a-scenario');
    await expect(page.getByText(t['shareui.linkError'])).toBeVisible();
    await scan(page, 'link error', found, '.session-banner');
    await page.goto('./#s=1.not-a-scenario&embed=1');
    await expect(page.getByText(t['shareui.linkError'])).toBeVisible();
    await scan(page, 'embed link error', found);

    for (const f of found) console.log(`${locale} ${f.where}: ${f.impact} ${f.id}\n   ${f.targets.join('\n   ')}`);
    expect(found.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
  });
}
