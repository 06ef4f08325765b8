import { describe, expect, it } from 'vitest';
import { AmqpBroker } from './api';
import type { BrokerSnapshot } from './snapshot';
import { Fixture, unwrap } from './test/harness';
import { views } from './test/replay';

/** snapshot → JSON → restore → carry on gives what the original broker gives. */

function fork(b: AmqpBroker): AmqpBroker {
  return AmqpBroker.restore(JSON.parse(JSON.stringify(b.snapshot())) as BrokerSnapshot);
}

/** Runs `then` on the broker and on a restored copy taken now; both must trace the same. */
function expectSameFuture(f: Fixture, then: (b: AmqpBroker) => void) {
  f.broker.drainTrace();
  const copy = fork(f.broker);
  expect(views(copy)).toEqual(views(f.broker));
  then(f.broker);
  then(copy);
  const original = f.broker.drainTrace();
  expect(copy.drainTrace()).toEqual(original);
  expect(views(copy)).toEqual(views(f.broker));
  return original;
}

/** A broker with a bit of everything in flight. */
function busy(): Fixture {
  const f = new Fixture({ seed: 5, now: 1_000 });
  unwrap(f.broker.confirmSelect(f.ch));
  f.exchange('dlx', 'fanout', { durable: true });
  f.exchange('topic', 'topic', { durable: true, arguments: { 'alternate-exchange': 'dlx' } });
  f.exchange('hdr', 'headers');
  f.queue('dead', {}, { durable: true });
  f.queue('work', { 'x-message-ttl': 500, 'x-dead-letter-exchange': 'dlx', 'x-max-length': 6 }, { durable: true });
  f.queue('prio', { 'x-max-priority': 3 });
  f.queue('qq', { 'x-queue-type': 'quorum', 'x-delivery-limit': 2 }, { durable: true });
  f.queue('idle', { 'x-expires': 2_000 });
  f.bind('dlx', 'dead');
  f.bind('topic', 'work', 'job.#');
  f.bind('topic', 'qq', 'job.*.urgent');
  f.bind('hdr', 'prio', '', { 'x-match': 'any', kind: 'p' });
  f.bindExchange('topic', 'hdr', '#');
  const worker = f.channel();
  f.consume('work', { ch: worker, consumerTag: 'w', prefetch: 2 });
  f.consume('qq', { ch: worker, consumerTag: 'q', arguments: { 'x-priority': 1 } });
  for (let i = 0; i < 10; i++) {
    f.publish('topic', i % 3 ? 'job.x' : 'job.a.urgent', `m${i}`, { headers: { kind: i % 2 ? 'p' : 'n' }, priority: i % 4, expiration: i % 5 ? undefined : '250', deliveryMode: i % 2 ? 2 : 1 });
  }
  f.get('prio', { noAck: false });
  f.wait(100);
  return f;
}

describe('snapshots', () => {
  it('are plain JSON data, detached from the live broker', () => {
    const f = busy();
    const s = f.broker.snapshot();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const copy = JSON.stringify(s);
    f.publish('', 'dead', 'later');
    f.wait(1_000);
    expect(JSON.stringify(s)).toBe(copy);
  });

  it('restore to the same views (queues, messages, bindings, channels, unacked, timers)', () => {
    const f = busy();
    expect(views(fork(f.broker))).toEqual(views(f.broker));
  });

  it('a restored broker carries on exactly as the original: publishes, acks, time, errors, restart', () => {
    const f = busy();
    const worker = { connection: f.conn, channel: 2 };
    const trace = expectSameFuture(f, (b) => {
      b.basicPublish(f.ch, { exchange: 'topic', routingKey: 'job.b.urgent', body: 'n1', properties: { headers: { kind: 'p' } } });
      b.basicAck(worker, { deliveryTag: 1 });
      b.basicNack(worker, { deliveryTag: 0, multiple: true, requeue: true });
      b.advanceTo(b.now + 450);
      b.basicGet(f.ch, { queue: 'prio', noAck: true });
      b.basicAck(f.ch, { deliveryTag: 99 }); // closes the channel, requeues its get
      b.advanceTo(b.now + 3_000);
      b.restart({ downMs: 100 });
      const ch = b.channelOpen(b.connectionOpen('again'));
      b.basicConsume(ch, { queue: 'dead', consumerTag: 'late', noAck: true });
    });
    expect(trace.length).toBeGreaterThan(30);
    expect(trace.some((e) => e.type === 'expired')).toBe(true);
    expect(trace.some((e) => e.type === 'queue-deleted' && e.queue === 'idle')).toBe(true);
  });

  it('keep the PRNG: server-generated names continue the same sequence', () => {
    const f = new Fixture({ seed: 11 });
    f.queue('');
    const copy = fork(f.broker);
    const ref = copy.channelOpen(copy.connectionOpen('c'));
    const a = f.queue('');
    expect(unwrap(copy.queueDeclare(ref, { queue: '' })).queue).toBe(a);
  });

  it('keep deliveries of a deleted queue on their channel (settling them stays harmless)', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b']);
    f.consume('q', { consumerTag: 'c' });
    unwrap(f.broker.queueDelete(f.channel(), { queue: 'q' }));
    expectSameFuture(f, (b) => {
      b.basicAck(f.ch, { deliveryTag: 1 });
      b.queueDeclare(f.ch, { queue: 'q' });
      b.basicNack(f.ch, { deliveryTag: 2, requeue: true });
      b.basicPublish(f.ch, { exchange: '', routingKey: 'q', body: 'c' });
      b.channelClose(f.ch);
    });
  });

  it('tell a cancelled consumer from a newer one with the same tag on the channel', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c', 'd']);
    f.consume('q', { consumerTag: 'c', prefetch: 1 });
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'c' }));
    f.consume('q', { consumerTag: 'c' });
    // 'a' is held by the cancelled consumer, 'b' by the new one (prefetch 1)
    const trace = expectSameFuture(f, (b) => {
      b.basicAck(f.ch, { deliveryTag: 1 });
      b.advanceTo(10);
      b.basicAck(f.ch, { deliveryTag: 2 });
    });
    // acking the old delivery frees nothing for the new consumer; acking its own does
    expect(trace.filter((e) => e.type === 'delivered').map((e) => (e.type === 'delivered' ? [e.t, e.body] : []))).toEqual([[10, 'c']]);
  });

  it('keep the order of a channel consumers across queues (who gets freed channel-wide prefetch first)', () => {
    const f = new Fixture();
    f.queue('q1');
    f.queue('q2');
    f.fill('q1', ['1a', '1b']);
    f.fill('q2', ['2a', '2b']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 1, global: true }));
    // registered on q2 first, although q1 was declared first
    f.consume('q2', { consumerTag: 'on-q2' });
    f.consume('q1', { consumerTag: 'on-q1' });
    const trace = expectSameFuture(f, (b) => {
      b.basicQos(f.ch, { prefetchCount: 2, global: true });
      b.channelClose(f.ch);
    });
    expect(trace.filter((e) => e.type === 'delivered').map((e) => (e.type === 'delivered' ? e.body : ''))).toEqual(['2b']);
    expect(trace.filter((e) => e.type === 'requeued').map((e) => (e.type === 'requeued' ? e.queue : ''))).toEqual(['q2', 'q2']);
  });

  it('keep the order in which a destination got its bindings (the unbind order when it is deleted)', () => {
    const f = new Fixture();
    f.exchange('x1', 'fanout');
    f.exchange('x2', 'fanout', { autoDelete: true });
    f.exchange('x3', 'fanout');
    f.queue('q');
    f.bind('x2', 'q');
    f.bind('x1', 'q');
    f.bind('x3', 'q', 'a');
    unwrap(f.broker.queueUnbind(f.ch, { exchange: 'x1', queue: 'q' }));
    f.bind('x1', 'q');
    const trace = expectSameFuture(f, (b) => {
      b.queueDelete(f.ch, { queue: 'q' });
    });
    expect(trace.map((e) => (e.type === 'unbound' ? `unbound ${e.source}` : e.type))).toEqual(['queue-deleted', 'unbound x2', 'exchange-deleted', 'unbound x3', 'unbound x1']);
  });

  it('refuse an unknown version', () => {
    const s = { ...new AmqpBroker().snapshot(), version: 2 } as unknown as BrokerSnapshot;
    expect(() => AmqpBroker.restore(s)).toThrow('unsupported broker snapshot version 2');
  });
});
