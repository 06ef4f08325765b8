import { describe, expect, it } from 'vitest';
import { PREDECLARED_EXCHANGES } from './broker';
import { Fixture, failure, unwrap } from './test/harness';

/** Exchanges beyond matching: exchange-to-exchange bindings, alternate and internal exchanges, the predeclared ones, declare and delete. */

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
