import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDefinitionsText, parseDefinitions } from '.';
import { LIMITS } from '../limits';

const errorOf = (text: unknown) => {
  const r = parseDefinitions(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const file = (o: object) => JSON.stringify(o);
const q = (args: object, extra: object = {}) => ({ name: 'q', vhost: '/', durable: true, auto_delete: false, arguments: args, ...extra });

describe('validating a definitions file before importing anything', () => {
  it('refuses what is not JSON, not an object, or a Warren file', () => {
    expect(errorOf('{"queues": [').key).toBe('share.error.notJson');
    expect(errorOf('[1, 2]').key).toBe('share.defs.error.notDefinitions');
    expect(errorOf('"text"').key).toBe('share.defs.error.notDefinitions');
    expect(errorOf('{"warren": 1, "scenario": {}}').key).toBe('share.defs.error.looksLikeWarren');
  });

  it('refuses what RabbitMQ refuses, listing every place', () => {
    const e = errorOf(
      file({
        queues: [q({ 'x-max-length': '10' }), q({ 'x-message-ttl': null }), q({ 'x-max-priority': 256, 'x-overflow': 'explode' }), q({ 'x-expires': 0 })],
        exchanges: [{ name: 'x', vhost: '/', type: 'direct', arguments: { 'alternate-exchange': 3 } }],
        bindings: [{ source: 'x', destination: 'q', destination_type: 'topic', vhost: '/' }],
        policies: [{ name: 'p', vhost: '/', pattern: '.*', 'apply-to': 'everything', definition: { 'message-ttl': 'soon' } }],
      }),
    );
    expect(e.key).toBe('share.defs.error.invalid');
    // zod finds the shape errors first (the file is then refused without looking further)
    expect(e.problems!.map((p) => `${p.path} ${p.key}`)).toEqual(['policies[0]["apply-to"] share.problem.unknownValue', 'bindings[0].destination_type share.problem.unknownValue']);
    const values = errorOf(
      file({
        queues: [q({ 'x-max-length': '10' }), q({ 'x-message-ttl': null }), q({ 'x-max-priority': 256, 'x-overflow': 'explode' }), q({ 'x-expires': 0 })],
        exchanges: [{ name: 'x', vhost: '/', type: 'direct', arguments: { 'alternate-exchange': 3 } }],
        policies: [{ name: 'p', vhost: '/', pattern: '.*', definition: { 'message-ttl': 'soon', 'dead-letter-exchange': null } }],
        parameters: [{ component: 'operator_policy', name: 'op', vhost: '/', value: { pattern: '.*', definition: [['max-length', -1]] } }],
      }),
    );
    expect(values.params).toEqual({ count: 9 });
    expect(values.problems!.map((p) => `${p.path} ${p.key}`)).toEqual([
      'queues[0].arguments["x-max-length"] share.problem.expected',
      'queues[1].arguments["x-message-ttl"] share.problem.nullValue',
      'queues[2].arguments["x-max-priority"] share.problem.outOfRange',
      'queues[2].arguments["x-overflow"] share.problem.unknownValue',
      'queues[3].arguments["x-expires"] share.problem.outOfRange',
      'exchanges[0].arguments["alternate-exchange"] share.problem.expected',
      'policies[0].definition["message-ttl"] share.problem.expected',
      'policies[0].definition["dead-letter-exchange"] share.problem.nullValue',
      'parameters[0].value.definition["max-length"] share.problem.outOfRange',
    ]);
  });

  it('refuses sections of the wrong type and entities without a name', () => {
    expect(errorOf(file({ queues: { name: 'q' } })).problems).toEqual([{ key: 'share.problem.expected', params: { type: 'array' }, path: 'queues' }]);
    expect(errorOf(file({ exchanges: [{ type: 'direct' }] })).problems).toEqual([{ key: 'share.problem.required', path: 'exchanges[0].name' }]);
  });

  it('refuses huge, deep and prototype-polluting files before parsing them', () => {
    expect(errorOf(' '.repeat(LIMITS.definitionsChars + 1)).key).toBe('share.defs.error.tooLarge');
    expect(errorOf(`{"queues": ${'['.repeat(1000)}${']'.repeat(1000)}}`).key).toBe('share.error.tooDeep');
    expect(errorOf('{"queues": [{"name": "q", "arguments": {"__proto__": {"x": 1}}}]}')).toEqual({ key: 'share.error.forbiddenKey', params: { key: '__proto__', path: 'queues[0].arguments.__proto__' } });
  });

  it('lists at most 200 problems, counting them all', () => {
    const e = errorOf(file({ queues: Array.from({ length: 500 }, () => q({ 'x-max-length': 'x' })) }));
    expect(e.params).toEqual({ count: 500 });
    expect(e.problems).toHaveLength(200);
  });

  it('refuses to import a vhost with more entities than a scenario holds', () => {
    const text = file({ queues: Array.from({ length: LIMITS.scenarioNodes + 5 }, (_, i) => q({}, { name: `q${i}` })) });
    expect(parseDefinitions(text).ok).toBe(true);
    expect(importDefinitionsText(text)).toEqual({ ok: false, error: { key: 'share.error.tooManyNodes', params: { count: LIMITS.scenarioNodes + 5, max: LIMITS.scenarioNodes } } });
  });

  it('accepts what the broker accepts but Warren does not model (the importer reports it)', () => {
    expect(parseDefinitions(file({ exchanges: [{ name: 'd', type: 'x-delayed-message', arguments: { 'x-delayed-type': 'direct' } }], queues: [q({ 'x-custom': [1, 2] })] })).ok).toBe(true);
  });

  it('never throws on any JSON, and imports all or nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const r = importDefinitionsText(JSON.stringify(v));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    const shaped = fc.record({
      queues: fc.array(fc.record({ name: fc.string(), vhost: fc.constantFrom('/', 'a'), type: fc.constantFrom('classic', 'quorum', 'stream', 'weird'), arguments: fc.dictionary(fc.constantFrom('x-max-length', 'x-queue-type', 'x-dead-letter-routing-key', 'x-foo'), fc.oneof(fc.nat(), fc.string(), fc.boolean())) })),
      exchanges: fc.array(fc.record({ name: fc.string(), vhost: fc.constantFrom('/', 'a'), type: fc.constantFrom('direct', 'topic', 'headers', 'fanout', 'x-weird') })),
      bindings: fc.array(fc.record({ source: fc.string(), destination: fc.string(), destination_type: fc.constantFrom('queue', 'exchange'), routing_key: fc.string(), vhost: fc.constantFrom('/', 'a'), arguments: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())) })),
    });
    fc.assert(
      fc.property(shaped, (v) => {
        const r = importDefinitionsText(JSON.stringify(v));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
