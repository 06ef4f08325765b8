import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { topics } from './topics';

const [, , emptyKey, dots] = topics.tryThis;

/** Where each key went: the queues its message was routed to (none when dropped). */
function routes(r: Run): Map<string, string[]> {
  const keyOf = new Map(r.of('published').map((e) => [e.msgId, e.routingKey]));
  const out = new Map<string, string[]>();
  for (const e of r.of('routed')) out.set(keyOf.get(e.msgId)!, [...e.queues].sort());
  for (const e of r.of('unroutable')) out.set(e.routingKey, []);
  return out;
}

describe('gallery: Topics (tutorial 5)', () => {
  it('answers the tutorial\'s questions as it does', () => {
    const r = new Run(topics.scenario).until(10_000);
    expect(Object.fromEntries(routes(r))).toEqual({
      'quick.orange.rabbit': ['Q1', 'Q2'],
      'lazy.orange.elephant': ['Q1', 'Q2'],
      'quick.orange.fox': ['Q1'],
      'lazy.brown.fox': ['Q2'],
      'lazy.pink.rabbit': ['Q2'],
      'quick.brown.fox': [],
      orange: [],
      'quick.orange.new.rabbit': [],
      'lazy.orange.new.rabbit': ['Q2'],
    });
    // one copy in Q2 for lazy.pink.rabbit, though it matches both of Q2's bindings
    expect(r.keysIn('Q2').filter((k) => k === 'lazy.pink.rabbit')).toHaveLength(1);
    expect(r.of('delivered').every((d) => d.noAck)).toBe(true);
  });

  it('teasers: * does not catch an empty key; #.* catches ".."; a.# matches "a" and a.*.# does not', () => {
    const r = new Run(topics.scenario).until(200).bind('animals', 'Q1', '*').bind('animals', 'Q2', '#.*');
    r.input(emptyKey!.action!).input(dots!.action!).for(1500);
    const got = routes(r);
    expect(got.get('')).toEqual([]);
    expect(got.get('..')).toEqual(['Q2']);
    const a = new Run(topics.scenario).until(200).bind('animals', 'Q1', 'a.*.#').bind('animals', 'Q2', 'a.#');
    a.input({ type: 'publish', publisher: topics.scenario.apps[0]!.publishers[0]!.id, overrides: { routingKey: 'a', body: 'a' } }).for(1500);
    expect(routes(a).get('a')).toEqual(['Q2']);
  });
});
