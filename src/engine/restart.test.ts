import { describe, expect, it } from 'vitest';
import { Fixture, unwrap } from './test/harness';

/** Broker restart: what survives, what comes back redelivered, and time going on while the node is down. */

const persistent = { deliveryMode: 2 as const };

/** A fixture that does its work on a connection it can drop, and reconnects after a restart. */
function reconnect(f: Fixture): void {
  f.conn = f.broker.connectionOpen('after-restart');
  f.ch = f.broker.channelOpen(f.conn);
}

describe('what survives a restart', () => {
  it('durable exchanges (with their arguments) and durable queues; transient ones are gone', () => {
    const f = new Fixture();
    f.exchange('dx', 'topic', { durable: true, arguments: { 'alternate-exchange': 'ae' } });
    f.exchange('tx', 'fanout');
    f.queue('dq', {}, { durable: true });
    f.queue('tq');
    f.broker.restart();
    expect(f.exchangeExists('dx')).toBe(true);
    expect(f.exchangeExists('tx')).toBe(false);
    expect(f.exists('dq')).toBe(true);
    expect(f.exists('tq')).toBe(false);
    expect(f.broker.inspect.exchanges().find((x) => x.name === 'dx')!.alternateExchange).toBe('ae');
    // the predeclared exchanges are still there
    expect(f.broker.inspect.exchanges().map((x) => x.name)).toEqual(['', 'amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match', 'dx']);
  });

  it('bindings whose both ends are durable, including exchange-to-exchange bindings', () => {
    const f = new Fixture();
    f.exchange('d1', 'direct', { durable: true });
    f.exchange('d2', 'fanout', { durable: true });
    f.exchange('t', 'fanout');
    f.queue('dq', {}, { durable: true });
    f.queue('tq');
    f.bind('d1', 'dq', 'k');
    f.bind('d1', 'tq', 'k');
    f.bindExchange('d1', 'd2', 'k');
    f.bindExchange('d1', 't', 'k');
    f.bind('d2', 'dq');
    f.bind('amq.direct', 'dq', 'amq');
    f.broker.restart();
    expect(f.broker.inspect.bindings().map((b) => `${b.source}->${b.destination}:${b.routingKey}`)).toEqual(['amq.direct->dq:amq', 'd1->dq:k', 'd1->d2:k', 'd2->dq:']);
  });

  it('re-declaring a lost exchange gives one without bindings', () => {
    const f = new Fixture();
    f.exchange('t', 'direct');
    f.queue('dq', {}, { durable: true });
    f.bind('t', 'dq', 'k');
    f.broker.restart();
    reconnect(f);
    f.exchange('t', 'direct');
    expect(f.routeOf('t', 'k')).toEqual([]);
  });

  it('exclusive queues are gone even when declared durable', () => {
    const f = new Fixture();
    f.queue('ex', {}, { durable: true, exclusive: true });
    f.broker.restart();
    expect(f.exists('ex')).toBe(false);
  });

  it('persistent messages in durable classic queues, in order; transient messages are dropped', () => {
    const f = new Fixture();
    f.queue('dq', {}, { durable: true });
    f.publish('', 'dq', 'p1', persistent);
    f.publish('', 'dq', 't1');
    f.publish('', 'dq', 'p2', persistent);
    f.publish('', 'dq', 't2', { deliveryMode: 1 });
    f.broker.restart();
    expect(f.ready('dq')).toEqual(['p1', 'p2']);
    expect(f.all('dropped').map((d) => [d.msgId, d.queue, d.reason])).toEqual([
      [2, 'dq', 'broker-restart'],
      [4, 'dq', 'broker-restart'],
    ]);
  });

  it('a quorum queue keeps every message, persistent or not', () => {
    const f = new Fixture();
    f.queue('qq', { 'x-queue-type': 'quorum' }, { durable: true });
    f.publish('', 'qq', 't1');
    f.publish('', 'qq', 'p1', persistent);
    f.broker.restart();
    expect(f.ready('qq')).toEqual(['t1', 'p1']);
  });
});

describe('connections, consumers and unacked messages across a restart', () => {
  it('closes every connection with 320 CONNECTION_FORCED; consumers vanish without basic.cancel', () => {
    const f = new Fixture();
    f.queue('dq', {}, { durable: true });
    const other = f.broker.connectionOpen('other');
    f.consume('dq', { ch: f.channel(other), consumerTag: 'c' });
    f.reset();
    f.broker.restart({ downMs: 250 });
    const events = f.take();
    expect(events.filter((e) => e.type === 'connection-closed')).toEqual([
      { type: 'connection-closed', t: 0, connection: f.conn, error: { code: 320, name: 'CONNECTION_FORCED', text: "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", scope: 'connection', method: 'connection.close' } },
      { type: 'connection-closed', t: 0, connection: other, error: expect.objectContaining({ code: 320 }) },
    ]);
    expect(events.filter((e) => e.type === 'consumer-cancelled')).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'broker-restarted', t: 250, downMs: 250 });
    expect(f.broker.inspect.connections()).toEqual([]);
    expect(f.depth('dq')).toEqual({ ready: 0, unacked: 0, consumers: 0 });
    expect(f.broker.isOpen(f.ch)).toBe(false);
  });

  it('unacked messages come back in their original position flagged redelivered; acked ones are gone', () => {
    const f = new Fixture();
    f.queue('dq', {}, { durable: true });
    for (const b of ['a', 'b', 'c', 'd']) f.publish('', 'dq', b, persistent);
    f.consume('dq', { consumerTag: 'c', prefetch: 2 });
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 2 }));
    f.broker.restart();
    expect(f.ready('dq')).toEqual(['a', 'c', 'd']);
    expect(f.broker.inspect.readyMessages('dq').map((m) => m.redelivered)).toEqual([true, true, false]);
    expect(f.all('requeued').map((r) => [r.msgId, r.reason, r.to])).toEqual([
      [1, 'broker-restart', 'position'],
      [3, 'broker-restart', 'position'],
    ]);
  });

  it('quorum: an unacked message returns to the front with x-delivery-count 1', () => {
    const f = new Fixture();
    f.queue('qq', { 'x-queue-type': 'quorum' }, { durable: true });
    f.fill('qq', ['a', 'b']);
    f.get('qq', { noAck: false });
    f.broker.restart();
    reconnect(f);
    const m = f.get('qq')!;
    expect([m.body, m.redelivered, m.properties.headers]).toEqual(['a', true, { 'x-delivery-count': 1 }]);
    expect(f.get('qq')!.properties.headers).toEqual({ 'x-delivery-count': 0 });
  });

  it('channels start again from delivery tag 1 after a restart', () => {
    const f = new Fixture();
    f.queue('dq', {}, { durable: true });
    for (const b of ['a', 'b']) f.publish('', 'dq', b, persistent);
    f.get('dq', { noAck: false });
    f.broker.restart();
    reconnect(f);
    expect(f.get('dq', { noAck: false })!.deliveryTag).toBe(1);
  });
});

describe('time across a restart', () => {
  it('advances the clock by downMs; message TTLs are absolute and expire during recovery', () => {
    const f = new Fixture();
    f.exchange('dlx', 'fanout', { durable: true });
    f.queue('dead', {}, { durable: true });
    f.bind('dlx', 'dead');
    f.queue('dq', { 'x-message-ttl': 1000, 'x-dead-letter-exchange': 'dlx' }, { durable: true });
    f.publish('', 'dq', 'old', persistent);
    f.wait(500);
    f.publish('', 'dq', 'young', persistent);
    f.broker.restart({ downMs: 700 });
    expect(f.broker.now).toBe(1200);
    expect(f.ready('dq')).toEqual(['young']);
    expect(f.ready('dead')).toEqual(['old']);
    expect(f.broker.nextTimerAt()).toBe(1500);
    f.broker.advanceTo(1500);
    expect(f.ready('dq')).toEqual([]);
  });

  it('a recovered message dead-letters without original-expiration (3.10.8 quirk) but keeps its own expiration until then', () => {
    const f = new Fixture();
    f.queue('dq', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' }, { durable: true });
    f.queue('dead', {}, { durable: true });
    f.publish('', 'dq', 'm', { ...persistent, expiration: '5000' });
    f.broker.restart({ downMs: 10 });
    expect(f.broker.inspect.readyMessages('dq')[0]!.properties.expiration).toBe('5000');
    f.broker.advanceTo(5000);
    reconnect(f);
    const death = (f.get('dead')!.properties.headers!['x-death'] as Record<string, unknown>[])[0]!;
    expect(death).toEqual({ count: 1, reason: 'expired', queue: 'dq', time: { $type: 'timestamp', value: 5 }, exchange: '', 'routing-keys': ['dq'] });
  });

  it('x-expires restarts on recovery: an idle queue outlives the downtime', () => {
    const f = new Fixture();
    f.queue('idle', { 'x-expires': 1000 }, { durable: true });
    f.wait(900);
    f.broker.restart({ downMs: 5000 });
    expect(f.exists('idle')).toBe(true);
    expect(f.broker.nextTimerAt()).toBe(6900);
    f.broker.advanceTo(6899);
    expect(f.exists('idle')).toBe(true);
    f.broker.advanceTo(6900);
    expect(f.exists('idle')).toBe(false);
  });

  it('the broker works normally after a restart', () => {
    const f = new Fixture();
    f.exchange('dx', 'direct', { durable: true });
    f.queue('dq', {}, { durable: true });
    f.bind('dx', 'dq', 'k');
    f.broker.restart();
    reconnect(f);
    f.consume('dq', { consumerTag: 'again', prefetch: 1 });
    f.publish('dx', 'k', 'after');
    expect(f.deliveries('again').map((d) => [d.body, d.deliveryTag, d.redelivered])).toEqual([['after', 1, false]]);
  });
});
