import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { node } from './helpers';
import { expectOwnWork, myOwnWork } from './share';
import { workQueue } from './scenarios';
import { loadScenario, setSpeed } from './sim';

const fixture = (name: string) => resolve(import.meta.dirname, '../src/share/definitions/fixtures', name);

/** Files → Open file…, through the browser's file picker. */
async function openFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Files' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file (scenario or RabbitMQ definitions)…' }).click();
  await (await chooser).setFiles(file);
}

/** Drops a file on the page, as dragging it from the desktop does. */
async function dropFile(page: Page, name: string, text: string) {
  await page.evaluate(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text!], name!, { type: 'application/json' }));
      const target = document.querySelector('.react-flow__pane')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

test('imports RabbitMQ definitions: the report first, then the queues on the canvas (undoable)', async ({ page }) => {
  await loadScenario(page, myOwnWork);
  await openFile(page, fixture('rabbitmq-3.10.8-export.json'));
  const dialog = page.getByRole('dialog', { name: 'Import RabbitMQ definitions' });
  await expect(dialog).toContainText('File: rabbitmq-3.10.8-export.json');
  await expect(dialog).toContainText('RabbitMQ definitions (vhost /)');
  await expect(dialog).toContainText(/Imported: \d+ exchange\(s\), \d+ queue\(s\), \d+ binding\(s\)\./);
  // what could not be carried over is listed, by section
  await expect(dialog.getByRole('region', { name: 'Not imported' })).toContainText('"routing-internal" is not in the file');
  await expect(dialog.getByRole('region', { name: 'Not modelled by the simulation' })).toContainText('Stream "events.stream" imported as a stream marked "not simulated yet"');
  await expect(dialog.getByRole('region', { name: 'Policies' })).toContainText('applied to');
  // which broker wrote it is information about the file, not content the import lost
  await expect(dialog.getByRole('region', { name: 'About this file' })).toContainText('Written by RabbitMQ 3.10.8.');
  await expect(dialog.getByRole('region', { name: 'Not modelled by the simulation' })).not.toContainText('Written by');
  // nothing is loaded before the person says so
  await expectOwnWork(page);
  await dialog.getByRole('button', { name: 'Load into the canvas' }).click();
  await expect(dialog.getByRole('status')).toContainText('Loaded into the canvas.');
  await expect(dialog).toContainText('Stream "events.stream" imported as a stream');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Files' })).toBeFocused();
  for (const q of ['audit', 'orders.work', 'orders.retry', 'lost']) await expect(node(page, `Queue ${q}`)).toBeVisible();
  // a hostile name is shown as text
  await expect(node(page, 'Queue <script>alert(1)</script>')).toBeVisible();
  await expect(node(page, 'Exchange dlx')).toBeVisible();
  // a binding from amq.topic draws the predeclared exchange; a stream is drawn, marked as not simulated yet
  await expect(node(page, 'Exchange amq.topic')).toBeVisible();
  await expect(node(page, 'Queue events.stream')).toContainText('Stream — not simulated yet');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectOwnWork(page);
});

test('asks which vhost when the definitions hold several', async ({ page }) => {
  await loadScenario(page, myOwnWork);
  await openFile(page, fixture('multi-vhost.json'));
  const dialog = page.getByRole('dialog', { name: 'Import RabbitMQ definitions' });
  const choice = dialog.getByRole('group', { name: /several virtual hosts/ });
  await expect(choice.getByRole('radio')).toHaveCount(3);
  await choice.getByRole('radio', { name: /prod/ }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toContainText('RabbitMQ definitions (vhost prod)');
  await expect(dialog.getByRole('region', { name: 'Policies' })).toContainText('"work"');
  await dialog.getByRole('button', { name: 'Load into the canvas' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(node(page, 'Queue work')).toBeVisible();
  await expect(node(page, 'Queue other')).toBeVisible();
  await expect(node(page, 'Exchange jobs')).toBeVisible();
});

test('saves the scenario as a file and opens it again; a broken or hostile file changes nothing', async ({ page }) => {
  await loadScenario(page, workQueue());
  await setSpeed(page, 5);
  await page.getByRole('button', { name: 'Files' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save scenario file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Work-queue.warren.json');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ warren: 1, speed: 5, scenario: { title: 'Work queue', queues: [{ name: 'work' }] } });

  // another piece of work, then the file dropped on the app
  await page.evaluate((d) => localStorage.setItem('warren.scenario', JSON.stringify(d)), myOwnWork);
  await page.reload();
  await expectOwnWork(page);
  await dropFile(page, 'Work-queue.warren.json', text);
  const dialog = page.getByRole('dialog', { name: 'Open file' });
  await expect(dialog.getByRole('status')).toContainText('Opened "Work queue". Undo (Ctrl+Z) brings back what you had before.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(node(page, 'Queue work')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '5×');
  await page.keyboard.press('Control+z');
  await expectOwnWork(page);

  // all or nothing: every problem listed, the work untouched
  const broken = JSON.parse(text);
  broken.scenario.queues[0].arguments = { queueType: 'quorum', maxPriority: 5 };
  broken.scenario.bindings[0].destination = 'nowhere';
  await openFile(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The scenario is not valid');
  await expect(alert.getByRole('list', { name: /problem/ }).getByRole('listitem')).not.toHaveCount(0);
  await expect(alert).toContainText('scenario.queues[0].arguments');
  await expect(alert).toContainText('Nothing was opened: your work is unchanged.');
  await page.keyboard.press('Escape');
  await expectOwnWork(page);

  await openFile(page, { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"warren":1,"__proto__":{"admin":true},"scenario":{}}') });
  await expect(dialog.getByRole('alert')).toContainText('The data contains the key "__proto__"');
  await page.keyboard.press('Escape');
  await openFile(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"shopping":["milk"]}') });
  await expect(dialog.getByRole('alert')).toContainText('This JSON file is not a Warren scenario');
  await page.keyboard.press('Escape');
  await expectOwnWork(page);
});

test('exports definitions.json for RabbitMQ, saying what is left out', async ({ page }) => {
  await loadScenario(page, workQueue());
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Export RabbitMQ definitions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export RabbitMQ definitions' });
  await expect(dialog).toContainText('The file declares 1 exchange(s), 1 queue(s) and 1 binding(s).');
  await expect(dialog.getByRole('region', { name: 'Left out' })).toContainText('3 app(s) not exported');
  await dialog.getByRole('textbox', { name: 'Virtual host' }).fill('course');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download definitions.json' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Work-queue.definitions.json');
  const defs = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(defs.queues).toEqual([expect.objectContaining({ name: 'work', vhost: 'course', durable: true })]);
  expect(defs.bindings).toEqual([expect.objectContaining({ source: 'tasks', destination: 'work', routing_key: 'work', vhost: 'course' })]);
});

test('Show code: a program per producer and consumer, in Node.js and Python, keyboard operable', async ({ page }) => {
  await loadScenario(page, workQueue({ prefetch: 3 }));
  const button = page.getByRole('button', { name: 'Show code' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Client code' });
  const tabs = dialog.getByRole('tablist', { name: 'Language' });
  await expect(tabs.getByRole('tab', { name: 'Node.js (amqplib)' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog).toContainText('npm install amqplib');
  const producer = dialog.getByRole('region', { name: 'Producer producer: producer-producer.js' });
  await expect(producer).toContainText("require('amqplib')");
  await expect(producer).toContainText('assertExchange("tasks", "direct"');
  await expect(producer).toContainText('publish(');
  const consumer = dialog.getByRole('region', { name: 'Consumer worker1: consumer-worker1.js' });
  await expect(consumer).toContainText('prefetch(3');
  await expect(consumer).toContainText('channel.consume(');
  await expect(consumer).toContainText('"work"');
  await expect(consumer).toContainText('ack(');
  await expect(consumer.getByRole('button', { name: 'Copy consumer-worker1.js' })).toBeVisible();
  await expect(consumer.getByRole('button', { name: 'Download consumer-worker1.js' })).toBeVisible();
  // arrow keys switch tabs
  await tabs.getByRole('tab', { name: 'Node.js (amqplib)' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Python (pika)' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'Python (pika)' })).toBeFocused();
  await expect(dialog).toContainText('pip install pika');
  // the hint encodes the vhost as the programs do
  await expect(dialog).toContainText('AMQP_URL=amqp://user:password@host:5672/%2F');
  await expect(dialog.getByRole('region', { name: 'Producer producer: producer-producer.py' })).toContainText('basic_publish(');
  await expect(dialog.getByRole('region', { name: 'Consumer worker2: consumer-worker2.py' })).toContainText('basic_qos(prefetch_count=3');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download all (one text file)' }).click();
  const all = readFileSync((await (await download).path())!, 'utf8');
  expect(all).toContain('# ===== setup.py =====');
  expect(all).toContain('# ===== consumer-worker2.py =====');
  // Escape closes it and focus goes back to the button
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('the sharing tools speak Spanish too', async ({ page }) => {
  await loadScenario(page, workQueue());
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('button', { name: 'Compartir', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Compartir este escenario' });
  await expect(dialog.getByRole('textbox', { name: 'Enlace' })).toHaveValue(/#s=1\./);
  await expect(dialog.getByRole('button', { name: 'Copiar código para incrustar' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await page.getByRole('button', { name: 'Archivos' }).click();
  await expect(page.getByRole('button', { name: 'Exportar definiciones de RabbitMQ…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Exportar definiciones de RabbitMQ…' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Archivos' })).toBeFocused();
  await page.getByRole('button', { name: 'Ver código' }).click();
  await expect(page.getByRole('dialog', { name: 'Código de los clientes' })).toContainText('Cómo ejecutarlos');
  await page.keyboard.press('Escape');
  await page.goto('./#s=1.AAAA');
  await expect(page.getByRole('alert', { name: 'Enlace no abierto' })).toContainText('No se pudo abrir este enlace.');
});
