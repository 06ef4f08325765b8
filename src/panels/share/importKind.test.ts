import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../scenarios';
import { exportScenarioFile, importDefinitions } from '../../share';
import { definitionsFile } from '../../share/testing/bigDefinitions';
import { fromDefinitions, readFileContent } from './importKind';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../share/definitions/fixtures', name), 'utf8');

describe('opening a file', () => {
  it('reads a Warren scenario file', () => {
    const g = GALLERY['routing-severity'];
    const r = readFileContent(exportScenarioFile({ scenario: g.scenario, lesson: g.lesson, gallery: g.id, speed: 2 }));
    expect(r).toEqual({ kind: 'scenario', state: { v: 1, scenario: g.scenario, lesson: g.lesson, gallery: 'routing-severity', speed: 2 } });
  });

  it('imports RabbitMQ definitions with one vhost at once, with the report', () => {
    const r = readFileContent(fixture('rabbitmq-3.10.8-export.json'));
    if (r.kind !== 'definitions') throw new Error(r.kind);
    expect(r.result.report.vhost).toBe('/');
    expect(r.result.scenario.queues.map((q) => q.name)).toContain('orders.work');
    expect(r.result.report.entries.some((e) => e.section === 'notImported')).toBe(true);
  });

  it('asks which vhost when several hold something, suggesting the first; the choice imports that one', () => {
    const r = readFileContent(fixture('multi-vhost.json'));
    if (r.kind !== 'choose-vhost') throw new Error(r.kind);
    expect(r.vhosts.map((v) => v.name)).toEqual(['/', 'prod', 'staging']);
    expect(r.suggested).toBe('prod');
    const chosen = fromDefinitions(importDefinitions(r.defs, { vhost: 'staging' }));
    expect(chosen.kind === 'definitions' && chosen.result.scenario.queues.map((q) => q.name)).toEqual(['work']);
    expect(fromDefinitions(importDefinitions(r.defs, { vhost: 'nope' }))).toMatchObject({ kind: 'refused', error: { key: 'share.defs.error.unknownVhost' } });
  });

  it('reads definitions over the 5 MB scenario-file limit as definitions (the kind is known before the limit applies)', () => {
    const r = readFileContent(definitionsFile(12, 800, 280));
    expect(r.kind === 'choose-vhost' && r.vhosts.length).toBe(12);
  });

  it('refuses anything else, saying what it is', () => {
    expect(readFileContent('{"shopping":["milk"]}')).toMatchObject({ kind: 'refused', error: { key: 'share.file.notWarren' } });
    expect(readFileContent('{"warren":1,"scenario":')).toMatchObject({ kind: 'refused', error: { key: 'share.error.notJson' } });
    expect(readFileContent('{"queues":[{"name":""}]')).toMatchObject({ kind: 'refused' });
    expect(readFileContent('{"queues":[{"vhost":"/","name":"q","durable":"yes"}]}')).toMatchObject({ kind: 'refused', error: { key: 'share.defs.error.invalid' } });
  });
});
