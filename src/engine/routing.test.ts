import { describe, expect, it } from 'vitest';
import { topicWords } from './routing';
import { Fixture, failure, unwrap } from './test/harness';

/** The four exchange types: how each matches a message against its bindings. */

describe('direct exchange', () => {
  it('routes on exact key equality, case-sensitive, to every queue bound with that key', () => {
    const f = new Fixture();
    f.exchange('dx', 'direct');
    for (const q of ['a', 'b', 'c']) f.queue(q);
    f.bind('dx', 'a', 'red');
    f.bind('dx', 'b', 'red');
    f.bind('dx', 'c', 'blue');
    expect(f.routeOf('dx', 'red')).toEqual(['a', 'b']);
    expect(f.routeOf('dx', 'blue')).toEqual(['c']);
    expect(f.routeOf('dx', 'Red')).toEqual([]);
    expect(f.routeOf('dx', 'red.x')).toEqual([]);
  });

  it('delivers one copy to a queue bound with several keys that all match (CC header)', () => {
    const f = new Fixture();
    f.exchange('dx', 'direct');
    f.queue('a');
    f.bind('dx', 'a', 'k1');
    f.bind('dx', 'a', 'k2');
    f.publish('dx', 'k1', 'x', { headers: { CC: ['k2'] } });
    expect(f.ready('a')).toEqual(['x']);
  });

  it('routes the empty key only to bindings with the empty key', () => {
    const f = new Fixture();
    f.exchange('dx', 'direct');
    f.queue('e');
    f.queue('k');
    f.bind('dx', 'e', '');
    f.bind('dx', 'k', 'k');
    expect(f.routeOf('dx', '')).toEqual(['e']);
  });

  it('binding twice is a no-op and unbinding removes the route', () => {
    const f = new Fixture();
    f.exchange('dx', 'direct');
    f.queue('a');
    f.bind('dx', 'a', 'k');
    f.bind('dx', 'a', 'k');
    expect(f.broker.inspect.bindings().filter((b) => b.source === 'dx')).toHaveLength(1);
    expect(f.all('bound').filter((b) => b.source === 'dx')).toHaveLength(1);
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'dx', queue: 'a', routingKey: 'k' }));
    expect(f.routeOf('dx', 'k')).toEqual([]);
    // unbinding what is not bound is not an error
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'dx', queue: 'a', routingKey: 'k' }));
  });
});

describe('fanout exchange', () => {
  it('ignores the routing key and reaches every bound queue once', () => {
    const f = new Fixture();
    f.exchange('fx', 'fanout');
    for (const q of ['q2', 'q1', 'q3']) f.queue(q);
    f.bind('fx', 'q2', 'whatever');
    f.bind('fx', 'q1');
    f.bind('fx', 'q1', 'other key');
    f.bind('fx', 'q3');
    expect(f.routeOf('fx', 'anything')).toEqual(['q1', 'q2', 'q3']);
    expect(f.routeOf('fx', '')).toEqual(['q1', 'q2', 'q3']);
    expect(f.ready('q1')).toEqual(['probe', 'probe']);
  });

  it('routes nowhere without bindings', () => {
    const f = new Fixture();
    f.exchange('fx', 'fanout');
    expect(f.routeOf('fx', 'k')).toEqual([]);
    expect(f.all('unroutable')).toHaveLength(1);
  });
});

describe('topic exchange', () => {
  function topicFixture(patterns: string[]): Fixture {
    const f = new Fixture();
    f.exchange('tx', 'topic');
    patterns.forEach((p, i) => {
      f.queue(`t${i}`);
      f.bind('tx', `t${i}`, p);
    });
    return f;
  }
  /** which of the patterns match `key` */
  function matching(patterns: string[], key: string): string[] {
    const f = topicFixture(patterns);
    return f.routeOf('tx', key).map((q) => patterns[Number(q.slice(1))]!).sort();
  }

  it('splits keys into words: "" is zero words, "." two empty words', () => {
    expect(topicWords('')).toEqual([]);
    expect(topicWords('.')).toEqual(['', '']);
    expect(topicWords('a.')).toEqual(['a', '']);
    expect(topicWords('a.b.c')).toEqual(['a', 'b', 'c']);
  });

  it('* matches exactly one word, # zero or more', () => {
    const patterns = ['a.*', 'a.#', '*.b', '#.b', '#', '*', 'a.*.c', 'a.#.c', '#.#', 'a.b'];
    expect(matching(patterns, 'a.b')).toEqual(['#', '#.#', '#.b', '*.b', 'a.#', 'a.*', 'a.b'].sort());
    expect(matching(patterns, 'a')).toEqual(['#', '#.#', '*', 'a.#'].sort());
    expect(matching(patterns, 'a.c')).toEqual(['#', '#.#', 'a.#', 'a.#.c', 'a.*'].sort());
    expect(matching(patterns, 'a.x.y.c')).toEqual(['#', '#.#', 'a.#', 'a.#.c'].sort());
    expect(matching(patterns, 'a.x.c')).toEqual(['#', '#.#', 'a.#', 'a.#.c', 'a.*.c'].sort());
    expect(matching(patterns, 'b')).toEqual(['#', '#.#', '#.b', '*'].sort());
  });

  it('matches the empty key with "", # and #.# but not with *', () => {
    expect(matching(['', '#', '#.#', '#.#.#', '*', '*.#', '.'], '')).toEqual(['', '#', '#.#', '#.#.#'].sort());
  });

  it('treats "." as two empty words', () => {
    expect(matching(['*.*', '.', '*.', '#.', '.#', '*', '', '#', '*.*.*'], '.')).toEqual(['#', '#.', '*.', '*.*', '.', '.#'].sort());
    expect(matching(['a.*', 'a', 'a.#', 'a.'], 'a.')).toEqual(['a.', 'a.#', 'a.*'].sort());
  });

  it('treats # and * as wildcards only as whole words', () => {
    expect(matching(['a#', 'b*', 'a.#', '*'], 'a#')).toEqual(['*', 'a#']);
    expect(matching(['a#', 'b*', '*'], 'abc')).toEqual(['*']);
    expect(matching(['b*'], 'b*')).toEqual(['b*']);
    // a routing key that contains a literal "*" word is matched by a "*" binding (and by the literal one)
    expect(matching(['*', 'x'], '*')).toEqual(['*']);
  });

  it('is case-sensitive', () => {
    expect(matching(['A.b', 'a.b'], 'a.b')).toEqual(['a.b']);
  });

  it('delivers one copy to a queue whose several patterns match', () => {
    const f = new Fixture();
    f.exchange('tx', 'topic');
    f.queue('q');
    for (const p of ['#', 'a.*', 'a.b', '*.b', '#.b']) f.bind('tx', 'q', p);
    f.publish('tx', 'a.b', 'once');
    expect(f.ready('q')).toEqual(['once']);
  });

  it('keeps working after unbinding shared prefixes (trie pruning)', () => {
    const f = new Fixture();
    f.exchange('tx', 'topic');
    f.queue('q1');
    f.queue('q2');
    f.bind('tx', 'q1', 'a.b.c');
    f.bind('tx', 'q2', 'a.b');
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'tx', queue: 'q1', routingKey: 'a.b.c' }));
    expect(f.routeOf('tx', 'a.b.c')).toEqual([]);
    expect(f.routeOf('tx', 'a.b')).toEqual(['q2']);
    f.bind('tx', 'q1', 'a.b.c');
    expect(f.routeOf('tx', 'a.b.c')).toEqual(['q1']);
  });

  it('routes CC keys like the routing key, and hides BCC from consumers', () => {
    const f = new Fixture();
    f.exchange('tx', 'topic');
    f.queue('x');
    f.queue('y');
    f.queue('z');
    f.bind('tx', 'x', 'x.*');
    f.bind('tx', 'y', 'y.*');
    f.bind('tx', 'z', 'z.*');
    f.publish('tx', 'x.1', 'cc', { headers: { CC: ['y.1'], BCC: ['z.1'] } });
    expect(f.ready('x')).toEqual(['cc']);
    expect(f.ready('y')).toEqual(['cc']);
    expect(f.ready('z')).toEqual(['cc']);
    const got = f.get('z')!;
    expect(got.routingKey).toBe('x.1');
    expect(got.properties.headers).toEqual({ CC: ['y.1'] });
  });
});

describe('headers exchange', () => {
  function headersRoute(args: Record<string, unknown>, headers: Record<string, unknown> | undefined): boolean {
    const f = new Fixture();
    f.exchange('hx', 'headers');
    f.queue('q');
    f.bind('hx', 'q', '', args as never);
    return f.routeOf('hx', 'ignored', headers as never).length === 1;
  }

  it('x-match all (the default) needs every non-x binding argument to be equal', () => {
    expect(headersRoute({ 'x-match': 'all', a: 1, b: 'two' }, { a: 1, b: 'two', c: 3 })).toBe(true);
    expect(headersRoute({ 'x-match': 'all', a: 1, b: 'two' }, { a: 1 })).toBe(false);
    expect(headersRoute({ a: 1, b: 'two' }, { a: 1, b: 'two' })).toBe(true);
    expect(headersRoute({ a: 1, b: 'two' }, { a: 1, b: 'three' })).toBe(false);
  });

  it('x-match any needs one equal argument', () => {
    expect(headersRoute({ 'x-match': 'any', a: 1, b: 2 }, { b: 2 })).toBe(true);
    expect(headersRoute({ 'x-match': 'any', a: 1, b: 2 }, { a: 2, b: 1 })).toBe(false);
    expect(headersRoute({ 'x-match': 'any', a: 1 }, undefined)).toBe(false);
  });

  it('all with no arguments matches every message, any with none matches nothing', () => {
    expect(headersRoute({ 'x-match': 'all' }, undefined)).toBe(true);
    expect(headersRoute({}, { anything: 1 })).toBe(true);
    expect(headersRoute({ 'x-match': 'any' }, { anything: 1 })).toBe(false);
  });

  it('ignores x- binding arguments unless the mode is all-with-x / any-with-x', () => {
    expect(headersRoute({ 'x-match': 'all', 'x-tenant': 'a' }, {})).toBe(true);
    expect(headersRoute({ 'x-match': 'any', 'x-tenant': 'a', k: 1 }, { 'x-tenant': 'a' })).toBe(false);
    expect(headersRoute({ 'x-match': 'all-with-x', 'x-tenant': 'a' }, {})).toBe(false);
    expect(headersRoute({ 'x-match': 'all-with-x', 'x-tenant': 'a', k: 1 }, { 'x-tenant': 'a', k: 1 })).toBe(true);
    expect(headersRoute({ 'x-match': 'any-with-x', 'x-tenant': 'a', k: 1 }, { 'x-tenant': 'a' })).toBe(true);
    expect(headersRoute({ 'x-match': 'any-with-x', 'x-tenant': 'a' }, { 'x-tenant': 'b' })).toBe(false);
  });

  it('treats a void binding value as "header present, any value"', () => {
    expect(headersRoute({ a: null }, { a: 'anything' })).toBe(true);
    expect(headersRoute({ a: null }, { a: null })).toBe(true);
    expect(headersRoute({ a: { $type: 'void', value: null } }, { a: 5 })).toBe(true);
    expect(headersRoute({ a: null }, { b: 1 })).toBe(false);
    expect(headersRoute({ 'x-match': 'any', a: null, b: 1 }, { a: false })).toBe(true);
  });

  it('compares numbers across integer widths and floats, but never a number with a string or a bool with "true"', () => {
    expect(headersRoute({ n: 1 }, { n: { $type: 'long', value: 1 } })).toBe(true);
    expect(headersRoute({ n: { $type: 'byte', value: 1 } }, { n: { $type: 'short', value: 1 } })).toBe(true);
    expect(headersRoute({ n: 1 }, { n: 1.0 })).toBe(true);
    expect(headersRoute({ n: { $type: 'double', value: 1 } }, { n: 1 })).toBe(true);
    expect(headersRoute({ n: 1.5 }, { n: { $type: 'float', value: 1.5 } })).toBe(true);
    expect(headersRoute({ n: 1 }, { n: '1' })).toBe(false);
    expect(headersRoute({ n: 1 }, { n: 2 })).toBe(false);
    expect(headersRoute({ b: true }, { b: 'true' })).toBe(false);
    expect(headersRoute({ b: true }, { b: true })).toBe(true);
    expect(headersRoute({ b: true }, { b: 1 })).toBe(false);
  });

  it('rejects a bad x-match with 406 and closes the channel', () => {
    const f = new Fixture();
    f.exchange('hx', 'headers');
    f.queue('q');
    const e = failure(f.broker.queueBind(f.ch, { exchange: 'hx', queue: 'q', arguments: { 'x-match': 'some' } }));
    expect(e.code).toBe(406);
    expect(e.text).toBe('PRECONDITION_FAILED - Invalid x-match field value <<"some">>; expected all, any, all-with-x, or any-with-x');
    expect(f.broker.isOpen(f.ch)).toBe(false);
    const ch2 = f.channel();
    const e2 = failure(f.broker.queueBind(ch2, { exchange: 'hx', queue: 'q', arguments: { 'x-match': 1 } }));
    expect(e2.code).toBe(406);
    expect(e2.text).toContain('expected longstr');
  });

  it('routes by headers, not by the routing key', () => {
    const f = new Fixture();
    f.exchange('hx', 'headers');
    f.queue('q');
    f.bind('hx', 'q', 'key-is-ignored', { kind: 'a' });
    expect(f.routeOf('hx', 'other', { kind: 'a' })).toEqual(['q']);
    expect(f.routeOf('hx', 'key-is-ignored', { kind: 'b' })).toEqual([]);
  });

  it('keeps two bindings of the same queue that differ only in arguments', () => {
    const f = new Fixture();
    f.exchange('hx', 'headers');
    f.queue('q');
    f.bind('hx', 'q', '', { c: 'red' });
    f.bind('hx', 'q', '', { c: 'blue' });
    expect(f.broker.inspect.bindings().filter((b) => b.source === 'hx')).toHaveLength(2);
    expect(f.routeOf('hx', '', { c: 'blue' })).toEqual(['q']);
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'hx', queue: 'q', arguments: { c: 'blue' } }));
    expect(f.routeOf('hx', '', { c: 'blue' })).toEqual([]);
    expect(f.routeOf('hx', '', { c: 'red' })).toEqual(['q']);
  });
});

