import { describe, expect, it } from 'vitest';
import { PREDECLARED_EXCHANGES } from './broker';
import { topicWords } from './routing';
import { Fixture, failure, unwrap } from './test/harness';

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

describe('exchange-to-exchange bindings', () => {
  it('follows bindings transitively, filtered by each exchange type', () => {
    const f = new Fixture();
    f.exchange('entry', 'topic');
    f.exchange('mid', 'direct');
    f.exchange('all', 'fanout');
    f.queue('q-mid');
    f.queue('q-all');
    f.bindExchange('entry', 'mid', 'orders.*');
    f.bindExchange('mid', 'all', 'orders.eu');
    f.bind('mid', 'q-mid', 'orders.us');
    f.bind('all', 'q-all');
    expect(f.routeOf('entry', 'orders.eu')).toEqual(['q-all']);
    expect(f.routeOf('entry', 'orders.us')).toEqual(['q-mid']);
    expect(f.routeOf('entry', 'billing.eu')).toEqual([]);
    const routed = f.all('routed').find((r) => r.queues.includes('q-all'))!;
    expect(routed.hops).toEqual([
      { from: 'entry', to: 'mid', toType: 'exchange', via: 'binding' },
      { from: 'mid', to: 'all', toType: 'exchange', via: 'binding' },
      { from: 'all', to: 'q-all', toType: 'queue', via: 'binding' },
    ]);
  });

  it('gives a queue reachable through a diamond exactly one copy', () => {
    const f = new Fixture();
    for (const x of ['top', 'left', 'right', 'bottom']) f.exchange(x, 'fanout');
    f.queue('q');
    f.bindExchange('top', 'left');
    f.bindExchange('top', 'right');
    f.bindExchange('left', 'bottom');
    f.bindExchange('right', 'bottom');
    f.bind('bottom', 'q');
    f.bind('left', 'q');
    f.publish('top', '', 'diamond');
    expect(f.ready('q')).toEqual(['diamond']);
  });

  it('terminates on cycles, each queue once', () => {
    const f = new Fixture();
    f.exchange('a', 'fanout');
    f.exchange('b', 'fanout');
    f.exchange('c', 'topic');
    f.queue('qa');
    f.queue('qc');
    f.bindExchange('a', 'b');
    f.bindExchange('b', 'c', '#');
    f.bindExchange('c', 'a', '#');
    f.bindExchange('a', 'a');
    f.bind('a', 'qa');
    f.bind('c', 'qc', 'k');
    expect(f.routeOf('b', 'k')).toEqual(['qa', 'qc']);
    expect(f.routeOf('c', 'other')).toEqual(['qa']);
    expect(f.ready('qa')).toEqual(['probe', 'probe']);
  });

  it('loses the exchange bindings of a deleted exchange, in both directions', () => {
    const f = new Fixture();
    f.exchange('src', 'fanout');
    f.exchange('mid', 'fanout');
    f.queue('q');
    f.bindExchange('src', 'mid');
    f.bind('mid', 'q');
    unwrap(f.broker.exchangeDelete(f.ch, { exchange: 'mid' }));
    expect(f.broker.inspect.bindings().filter((b) => b.source === 'src' || b.source === 'mid')).toEqual([]);
    f.exchange('mid', 'fanout');
    f.bind('mid', 'q');
    expect(f.routeOf('src', '')).toEqual([]);
  });

  it('exchange.bind to a missing exchange is 404, with the default exchange 403', () => {
    const f = new Fixture();
    f.exchange('x', 'fanout');
    expect(failure(f.broker.exchangeBind(f.ch, { source: 'x', destination: 'nope' })).code).toBe(404);
    const ch = f.channel();
    expect(failure(f.broker.exchangeBind(ch, { source: 'nope', destination: 'x' })).code).toBe(404);
    const ch3 = f.channel();
    expect(failure(f.broker.exchangeBind(ch3, { source: 'x', destination: '' })).code).toBe(403);
    const ch4 = f.channel();
    expect(failure(f.broker.exchangeBind(ch4, { source: '', destination: 'x' })).code).toBe(403);
  });
});

describe('alternate exchange', () => {
  it('takes what the exchange itself does not route', () => {
    const f = new Fixture();
    f.exchange('ae', 'fanout');
    f.exchange('main', 'direct', { arguments: { 'alternate-exchange': 'ae' } });
    f.queue('routed');
    f.queue('leftovers');
    f.bind('main', 'routed', 'known');
    f.bind('ae', 'leftovers');
    expect(f.routeOf('main', 'known')).toEqual(['routed']);
    expect(f.routeOf('main', 'unknown')).toEqual(['leftovers']);
    const r = f.all('routed').at(-1)!;
    expect(r.exchange).toBe('main');
    expect(r.hops).toEqual([
      { from: 'main', to: 'ae', toType: 'exchange', via: 'alternate-exchange' },
      { from: 'ae', to: 'leftovers', toType: 'queue', via: 'binding' },
    ]);
    // the message keeps the exchange it was published to
    expect(f.get('leftovers')!.exchange).toBe('main');
  });

  it('returns a mandatory message only when the AE chain routes nowhere too, naming the original exchange', () => {
    const f = new Fixture();
    f.exchange('ae', 'direct');
    f.exchange('main', 'direct', { arguments: { 'alternate-exchange': 'ae' } });
    f.queue('q');
    f.bind('ae', 'q', 'caught');
    f.publish('main', 'caught', 'a', undefined, { mandatory: true });
    f.publish('main', 'lost', 'b', undefined, { mandatory: true });
    const returns = f.all('returned');
    expect(returns.map((r) => [r.exchange, r.routingKey, r.replyCode, r.replyText])).toEqual([['main', 'lost', 312, 'NO_ROUTE']]);
    expect(f.ready('q')).toEqual(['a']);
  });

  it('drops quietly when the AE does not exist, and AE cycles terminate', () => {
    const f = new Fixture();
    f.exchange('x1', 'direct', { arguments: { 'alternate-exchange': 'x2' } });
    f.exchange('x2', 'direct', { arguments: { 'alternate-exchange': 'x1' } });
    f.exchange('lonely', 'direct', { arguments: { 'alternate-exchange': 'missing' } });
    expect(f.routeOf('x1', 'k')).toEqual([]);
    expect(f.routeOf('lonely', 'k')).toEqual([]);
    expect(f.all('unroutable')).toHaveLength(2);
    expect(f.broker.isOpen(f.ch)).toBe(true);
  });

  it('is used by an exchange reached through a binding when that exchange matches nothing', () => {
    const f = new Fixture();
    f.exchange('ae', 'fanout');
    f.exchange('inner', 'direct', { arguments: { 'alternate-exchange': 'ae' } });
    f.exchange('outer', 'fanout');
    f.queue('fallback');
    f.bind('ae', 'fallback');
    f.bindExchange('outer', 'inner');
    expect(f.routeOf('outer', 'x')).toEqual(['fallback']);
  });

  it('rejects a non-string alternate-exchange argument with 406', () => {
    const f = new Fixture();
    const e = failure(f.broker.exchangeDeclare(f.ch, { exchange: 'x', type: 'direct', arguments: { 'alternate-exchange': 5 } }));
    expect(e.code).toBe(406);
    expect(e.text).toBe("PRECONDITION_FAILED - invalid type 'byte' for arg 'alternate-exchange'");
  });
});

describe('internal exchanges', () => {
  it('cannot be published to (403, channel closed) but route what other exchanges pass them', () => {
    const f = new Fixture();
    f.exchange('inside', 'fanout', { internal: true });
    f.exchange('front', 'fanout');
    f.queue('q');
    f.bind('inside', 'q');
    f.bindExchange('front', 'inside');
    f.publish('front', '', 'via-front');
    expect(f.ready('q')).toEqual(['via-front']);
    const e = failure(f.broker.basicPublish(f.ch, { exchange: 'inside', routingKey: '', body: 'direct' }));
    expect(e).toMatchObject({ code: 403, name: 'ACCESS_REFUSED', scope: 'channel', method: 'basic.publish' });
    expect(e.text).toBe("ACCESS_REFUSED - cannot publish to internal exchange 'inside' in vhost '/'");
    expect(f.broker.isOpen(f.ch)).toBe(false);
    expect(f.ready('q')).toEqual(['via-front']);
  });
});

describe('the default exchange and the amq.* exchanges', () => {
  it('exist from the start with the right types, durable', () => {
    const f = new Fixture();
    const xs = f.broker.inspect.exchanges();
    expect(xs.map((x) => [x.name, x.type, x.durable])).toEqual(PREDECLARED_EXCHANGES.map(([n, t]) => [n, t, true]));
  });

  it('routes "" to the queue named by the key, and to nothing else', () => {
    const f = new Fixture();
    f.queue('orders');
    expect(f.routeOf('', 'orders')).toEqual(['orders']);
    expect(f.routeOf('', 'nope')).toEqual([]);
    expect(f.routeOf('', '')).toEqual([]);
  });

  it('cannot be bound, unbound, declared or deleted (403)', () => {
    const f = new Fixture();
    f.queue('q');
    const tries = [
      (ch: typeof f.ch) => f.broker.queueBind(ch, { exchange: '', queue: 'q', routingKey: 'q' }),
      (ch: typeof f.ch) => f.broker.queueUnbind(ch, { exchange: '', queue: 'q', routingKey: 'q' }),
      (ch: typeof f.ch) => f.broker.exchangeDeclare(ch, { exchange: '', type: 'direct' }),
      (ch: typeof f.ch) => f.broker.exchangeDelete(ch, { exchange: '' }),
    ];
    for (const t of tries) {
      const ch = f.channel();
      const e = failure(t(ch));
      expect(e.code).toBe(403);
      expect(e.text).toBe('ACCESS_REFUSED - operation not permitted on the default exchange');
      expect(f.broker.isOpen(ch)).toBe(false);
    }
    expect(f.routeOf('', 'q')).toEqual(['q']);
  });

  it('does not accept "amq.default" as a name in 0-9-1 (404)', () => {
    const f = new Fixture();
    const e = failure(f.broker.basicPublish(f.ch, { exchange: 'amq.default', routingKey: 'q' }));
    expect(e.code).toBe(404);
    expect(e.text).toBe("NOT_FOUND - no exchange 'amq.default' in vhost '/'");
  });

  it('refuses to declare a new amq.* exchange or delete a predeclared one (403), but redeclaring one as it is works', () => {
    const f = new Fixture();
    const e = failure(f.broker.exchangeDeclare(f.ch, { exchange: 'amq.mine', type: 'direct' }));
    expect(e.code).toBe(403);
    expect(e.text).toBe("ACCESS_REFUSED - exchange name 'amq.mine' contains reserved prefix 'amq.*'");
    const ch = f.channel();
    expect(failure(f.broker.exchangeDelete(ch, { exchange: 'amq.fanout' })).code).toBe(403);
    expect(f.exchangeExists('amq.fanout')).toBe(true);
    const ch2 = f.channel();
    unwrap(f.broker.exchangeDeclare(ch2, { exchange: 'amq.topic', type: 'topic', durable: true }));
  });

  it('routes through amq.direct, amq.fanout, amq.topic and amq.match like any exchange of their type', () => {
    const f = new Fixture();
    f.queue('q');
    f.bind('amq.direct', 'q', 'd');
    f.bind('amq.topic', 'q', 't.#');
    f.bind('amq.match', 'q', '', { h: 1 });
    expect(f.routeOf('amq.direct', 'd')).toEqual(['q']);
    expect(f.routeOf('amq.topic', 't.x.y')).toEqual(['q']);
    expect(f.routeOf('amq.match', '', { h: 1 })).toEqual(['q']);
    expect(f.routeOf('amq.fanout', 'x')).toEqual([]);
  });
});

describe('exchange declare and delete', () => {
  it('an unknown type is a 503 connection error that closes every channel of the connection', () => {
    const f = new Fixture();
    const other = f.channel();
    f.queue('q');
    f.publish('', 'q', 'held');
    f.get('q', { noAck: false, ch: other });
    const e = failure(f.broker.exchangeDeclare(f.ch, { exchange: 'x', type: 'x-weird' }));
    expect(e).toMatchObject({ code: 503, name: 'COMMAND_INVALID', scope: 'connection', method: 'exchange.declare' });
    expect(e.text).toBe("COMMAND_INVALID - unknown exchange type 'x-weird'");
    expect(f.broker.isOpen(f.ch)).toBe(false);
    expect(f.broker.isOpen(other)).toBe(false);
    expect(f.all('connection-closed')).toEqual([{ type: 'connection-closed', t: 0, connection: f.conn, error: e }]);
    // the other channel's unacked message was requeued by the close
    expect(f.depth('q')).toEqual({ ready: 1, unacked: 0, consumers: 0 });
  });

  it('redeclaring with different properties is 406 inequivalent', () => {
    const f = new Fixture();
    f.exchange('x', 'direct', { durable: true });
    const cases: [Parameters<typeof f.broker.exchangeDeclare>[1], string][] = [
      [{ exchange: 'x', type: 'fanout', durable: true }, "inequivalent arg 'type' for exchange 'x' in vhost '/': received 'fanout' but current is 'direct'"],
      [{ exchange: 'x', type: 'direct' }, "inequivalent arg 'durable' for exchange 'x' in vhost '/': received 'false' but current is 'true'"],
      [{ exchange: 'x', type: 'direct', durable: true, autoDelete: true }, "inequivalent arg 'auto_delete'"],
      [{ exchange: 'x', type: 'direct', durable: true, internal: true }, "inequivalent arg 'internal'"],
      [{ exchange: 'x', type: 'direct', durable: true, arguments: { 'alternate-exchange': 'ae' } }, "inequivalent arg 'alternate-exchange'"],
    ];
    for (const [p, text] of cases) {
      const ch = f.channel();
      const e = failure(f.broker.exchangeDeclare(ch, p));
      expect(e.code).toBe(406);
      expect(e.text).toContain(text);
    }
    unwrap(f.broker.exchangeDeclare(f.channel(), { exchange: 'x', type: 'direct', durable: true, arguments: { other: 1 } }));
  });

  it('passive declare checks existence only (404 when missing)', () => {
    const f = new Fixture();
    f.exchange('x', 'topic');
    unwrap(f.broker.exchangeDeclare(f.ch, { exchange: 'x', type: 'fanout', passive: true }));
    const e = failure(f.broker.exchangeDeclare(f.ch, { exchange: 'y', type: 'fanout', passive: true }));
    expect(e.code).toBe(404);
    expect(e.text).toBe("NOT_FOUND - no exchange 'y' in vhost '/'");
  });

  it('delete with ifUnused refuses while bindings exist (406); deleting a missing exchange is fine', () => {
    const f = new Fixture();
    f.exchange('x', 'fanout');
    f.queue('q');
    f.bind('x', 'q');
    const e = failure(f.broker.exchangeDelete(f.ch, { exchange: 'x', ifUnused: true }));
    expect(e.code).toBe(406);
    expect(f.exchangeExists('x')).toBe(true);
    const ch = f.channel();
    unwrap(f.broker.exchangeDelete(ch, { exchange: 'x' }));
    expect(f.exchangeExists('x')).toBe(false);
    unwrap(f.broker.exchangeDelete(ch, { exchange: 'x' }));
    expect(f.all('exchange-deleted')).toEqual([{ type: 'exchange-deleted', t: 0, exchange: 'x', reason: 'deleted' }]);
  });

  it('an auto-delete exchange goes with its last binding, not before its first', () => {
    const f = new Fixture();
    f.exchange('ad', 'fanout', { autoDelete: true });
    f.queue('q1');
    f.queue('q2');
    expect(f.exchangeExists('ad')).toBe(true);
    f.bind('ad', 'q1');
    f.bind('ad', 'q2');
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'ad', queue: 'q1' }));
    expect(f.exchangeExists('ad')).toBe(true);
    unwrap(f.broker.queueDelete(f.ch, { queue: 'q2' }));
    expect(f.exchangeExists('ad')).toBe(false);
    expect(f.all('exchange-deleted')).toEqual([{ type: 'exchange-deleted', t: 0, exchange: 'ad', reason: 'auto-delete' }]);
  });

  it('an auto-delete exchange also goes when its last exchange-to-exchange binding goes', () => {
    const f = new Fixture();
    f.exchange('ad', 'fanout', { autoDelete: true });
    f.exchange('dst', 'fanout');
    f.bindExchange('ad', 'dst');
    unwrap(f.broker.exchangeDelete(f.ch, { exchange: 'dst' }));
    expect(f.exchangeExists('ad')).toBe(false);
  });

  it('publishing to a missing exchange is 404 and closes the channel', () => {
    const f = new Fixture();
    const e = failure(f.broker.basicPublish(f.ch, { exchange: 'nope', routingKey: 'k' }));
    expect(e).toMatchObject({ code: 404, name: 'NOT_FOUND', scope: 'channel', text: "NOT_FOUND - no exchange 'nope' in vhost '/'" });
    expect(f.broker.isOpen(f.ch)).toBe(false);
    expect(f.all('published')).toEqual([]);
  });

  it('binds a queue to a missing exchange or a missing queue with 404', () => {
    const f = new Fixture();
    f.exchange('x', 'direct');
    f.queue('q');
    expect(failure(f.broker.queueBind(f.ch, { exchange: 'nope', queue: 'q' })).text).toBe("NOT_FOUND - no exchange 'nope' in vhost '/'");
    const ch = f.channel();
    expect(failure(f.broker.queueBind(ch, { exchange: 'x', queue: 'nope' })).text).toBe("NOT_FOUND - no queue 'nope' in vhost '/'");
  });
});
