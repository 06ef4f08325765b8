import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportScenarioFile, importScenarioFile, scenarioFileName } from './file';
import { LIMITS } from './limits';
import { validScenario } from './testing/arbitraries';
import { kitchenSink, topics } from './testing/fixtures';

const errorOf = (text: unknown) => {
  const r = importScenarioFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('scenario files', () => {
  it('exports pretty JSON with the marker first and reads it back exactly', () => {
    const scenario = kitchenSink();
    const text = exportScenarioFile({ scenario, speed: 4, lesson: { title: 'L', steps: [{ text: 'go', goal: { any: [1] } }] } });
    expect(text.startsWith('{\n  "warren": 1,\n  "scenario": {\n')).toBe(true);
    expect(importScenarioFile(text)).toEqual({ ok: true, value: { v: 1, scenario, speed: 4, lesson: { title: 'L', steps: [{ text: 'go', goal: { any: [1] } }] } } });
  });

  it('round-trips random valid scenarios', () => {
    fc.assert(
      fc.property(validScenario, (scenario) => {
        expect(importScenarioFile(exportScenarioFile({ scenario }))).toEqual({ ok: true, value: { v: 1, scenario } });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('reads hand-edited files with fields left out, taking the defaults', () => {
    const r = importScenarioFile(JSON.stringify({ warren: 1, scenario: { queues: [{ id: 'q1', name: 'hello' }] } }));
    expect(r.ok && r.value.scenario.queues[0]).toMatchObject({ name: 'hello', durable: true, arguments: { queueType: 'classic' } });
  });

  it('says what the file is when it is not a Warren scenario', () => {
    expect(errorOf('{"rabbit_version": "3.10.8", "queues": []}').key).toBe('share.file.looksLikeDefinitions');
    expect(errorOf('{"queues": [{"name": "a", "vhost": "/"}]}').key).toBe('share.file.looksLikeDefinitions');
    expect(errorOf('{"hello": 1}').key).toBe('share.file.notWarren');
    expect(errorOf('[]').key).toBe('share.file.notWarren');
    expect(errorOf('{"warren": "yes"}').key).toBe('share.file.notWarren');
    expect(errorOf('{"warren": 2, "scenario": {}}')).toEqual({ key: 'share.error.newerVersion', params: { version: 2 } });
  });

  it('refuses broken, huge, deep and hostile files, listing every problem', () => {
    const good = exportScenarioFile({ scenario: topics() });
    expect(errorOf(good.slice(0, -20)).key).toBe('share.error.notJson');
    expect(errorOf(' '.repeat(LIMITS.fileChars + 1)).key).toBe('share.file.tooLarge');
    expect(errorOf(`{"warren":1,"scenario":${'['.repeat(100)}${']'.repeat(100)}}`).key).toBe('share.error.tooDeep');
    expect(errorOf('{"warren":1,"scenario":{"__proto__":{"isAdmin":true}}}').key).toBe('share.error.forbiddenKey');
    const raw = JSON.parse(good);
    raw.scenario.queues[0].arguments.maxPriority = 999;
    raw.scenario.queues[1].name = '';
    raw.scenario.bindings[0].destination = 'nowhere';
    const e = errorOf(JSON.stringify(raw));
    expect(e.key).toBe('share.error.invalidScenario');
    expect(e.problems!.map((p) => `${p.path}: ${p.key}`)).toEqual([
      'scenario.queues[0].arguments.maxPriority: validation.max',
      'scenario.queues[1].name: validation.nameEmpty',
    ]);
    raw.scenario.queues[0].arguments.maxPriority = 9;
    raw.scenario.queues[1].name = 'fine';
    expect(errorOf(JSON.stringify(raw)).problems).toEqual([{ key: 'op.notFound', path: 'scenario.bindings[0].destination' }]);
  });

  it('names the file after the title, safely', () => {
    expect(scenarioFileName({ title: 'Work queues' })).toBe('Work-queues.warren.json');
    expect(scenarioFileName({ title: 'Colas de trabajo: ¿justas?' })).toBe('Colas-de-trabajo-justas.warren.json');
    expect(scenarioFileName({ title: '../../etc/passwd' })).toBe('etc-passwd.warren.json');
    expect(scenarioFileName({ title: '' })).toBe('scenario.warren.json');
  });
});
