import { describe, expect, it } from 'vitest';
import { AmqpBroker } from './api';
import type { FieldTable } from './fields';
import { parseQueueArgs } from './queueArgs';
import { Fixture, failure, unwrap } from './test/harness';

/** queue.declare: argument validation, redeclare equivalence, exclusive / auto-delete / server-named queues. */

const declareError = (args: FieldTable, flags: { durable?: boolean; exclusive?: boolean; autoDelete?: boolean } = {}) => {
  const f = new Fixture();
  const e = failure(f.broker.queueDeclare(f.ch, { queue: 'q', arguments: args, ...flags }));
  expect(f.broker.isOpen(f.ch)).toBe(false);
  expect(f.exists('q')).toBe(false);
  expect(e.scope).toBe('channel');
  return `${e.code} ${e.text}`;
};

describe('queue argument validation (406, channel closed, no queue)', () => {
  it('checks integer arguments', () => {
    expect(declareError({ 'x-message-ttl': -1 })).toBe("406 PRECONDITION_FAILED - invalid arg 'x-message-ttl' for queue 'q' in vhost '/': {value_negative,-1}");
    expect(declareError({ 'x-message-ttl': 'soon' })).toBe(
      `406 PRECONDITION_FAILED - invalid arg 'x-message-ttl' for queue 'q' in vhost '/': "expected integer, got longstr"`,
    );
    expect(declareError({ 'x-max-length': 1.5 })).toBe(`406 PRECONDITION_FAILED - invalid arg 'x-max-length' for queue 'q' in vhost '/': "expected integer, got double"`);
    expect(declareError({ 'x-max-length-bytes': -3 })).toBe("406 PRECONDITION_FAILED - invalid arg 'x-max-length-bytes' for queue 'q' in vhost '/': {value_negative,-3}");
  });

  it('checks x-max-priority (at most 255)', () => {
    expect(declareError({ 'x-max-priority': 300 })).toBe("406 PRECONDITION_FAILED - invalid arg 'x-max-priority' for queue 'q' in vhost '/': {max_value_exceeded,300}");
    expect(declareError({ 'x-max-priority': 'high' })).toBe(
      `406 PRECONDITION_FAILED - invalid arg 'x-max-priority' for queue 'q' in vhost '/': "expected integer, got longstr"`,
    );
    const f = new Fixture();
    f.queue('ok', { 'x-max-priority': 255 });
  });

  it('checks x-overflow, x-queue-type, x-single-active-consumer and the dead-letter pair', () => {
    expect(declareError({ 'x-overflow': 'drop-tail' })).toBe("406 PRECONDITION_FAILED - invalid arg 'x-overflow' for queue 'q' in vhost '/': invalid_overflow");
    expect(declareError({ 'x-queue-type': 'stream-ish' })).toBe(
      `406 PRECONDITION_FAILED - invalid arg 'x-queue-type' for queue 'q' in vhost '/': "unsupported queue type 'stream-ish'"`,
    );
    expect(declareError({ 'x-single-active-consumer': 'yes' })).toBe(
      "406 PRECONDITION_FAILED - invalid arg 'x-single-active-consumer' for queue 'q' in vhost '/': {unacceptable_type,longstr}",
    );
    expect(declareError({ 'x-dead-letter-routing-key': 'k' })).toContain("invalid arg 'x-dead-letter-routing-key'");
    expect(declareError({ 'x-dead-letter-exchange': 7 })).toBe("406 PRECONDITION_FAILED - invalid type 'byte' for arg 'x-dead-letter-exchange'");
  });

  it('accepts unknown x- arguments and ignores them', () => {
    const f = new Fixture();
    f.queue('q', { 'x-custom': 'whatever', plain: 1 });
    expect(f.broker.inspect.queue('q')!.arguments).toEqual({ 'x-custom': 'whatever', plain: 1 });
  });

  it('parses arguments into settings', () => {
    const flags = { durable: true, exclusive: false, autoDelete: false };
    expect(
      parseQueueArgs(
        'q',
        { 'x-message-ttl': 5, 'x-expires': { $type: 'long', value: 9 }, 'x-max-length': 2, 'x-overflow': 'reject-publish', 'x-dead-letter-exchange': 'd', 'x-dead-letter-routing-key': 'k', 'x-single-active-consumer': true },
        flags,
      ),
    ).toEqual({
      messageTtl: 5,
      expires: 9,
      maxLength: 2,
      maxLengthBytes: undefined,
      overflow: 'reject-publish',
      deadLetterExchange: 'd',
      deadLetterRoutingKey: 'k',
      maxPriority: undefined,
      singleActiveConsumer: true,
      queueType: 'classic',
      deliveryLimit: undefined,
    });
    // x-delivery-limit only means something on quorum queues
    expect(parseQueueArgs('q', { 'x-delivery-limit': 3 }, flags).deliveryLimit).toBeUndefined();
    expect(parseQueueArgs('q', { 'x-queue-type': 'quorum', 'x-delivery-limit': 3 }, flags).deliveryLimit).toBe(3);
  });
});

describe('redeclaring a queue', () => {
  it('succeeds with the same flags and equivalent arguments (integers of any width), reporting depth and consumers', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 10, 'x-message-ttl': 1000 }, { durable: true });
    f.fill('q', ['a', 'b']);
    f.consume('q', { ch: f.channel(), prefetch: 1 });
    const ok = unwrap(f.broker.queueDeclare(f.ch, { queue: 'q', durable: true, arguments: { 'x-max-length': { $type: 'long', value: 10 }, 'x-message-ttl': { $type: 'short', value: 1000 } } }));
    expect(ok).toEqual({ queue: 'q', messageCount: 1, consumerCount: 1 });
  });

  it('fails with 406 inequivalent arg for a different, missing or extra compared argument', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 10, 'x-overflow': 'drop-head' });
    const tries: [FieldTable, string][] = [
      [{ 'x-max-length': 11, 'x-overflow': 'drop-head' }, "inequivalent arg 'x-max-length' for queue 'q' in vhost '/': received the value '11' of type 'byte' but current is the value '10' of type 'byte'"],
      [{ 'x-overflow': 'drop-head' }, "inequivalent arg 'x-max-length' for queue 'q' in vhost '/': received none but current is the value '10' of type 'byte'"],
      [{ 'x-max-length': 10, 'x-overflow': 'reject-publish' }, "inequivalent arg 'x-overflow' for queue 'q' in vhost '/': received 'reject-publish' but current is 'drop-head'"],
      [{ 'x-max-length': 10, 'x-overflow': 'drop-head', 'x-message-ttl': 5 }, "inequivalent arg 'x-message-ttl' for queue 'q' in vhost '/': received the value '5' of type 'byte' but current is none"],
      [{ 'x-max-length': '10', 'x-overflow': 'drop-head' }, "inequivalent arg 'x-max-length'"],
    ];
    for (const [args, text] of tries) {
      const ch = f.channel();
      const e = failure(f.broker.queueDeclare(ch, { queue: 'q', arguments: args }));
      expect(e.code).toBe(406);
      expect(e.text).toContain(text);
      expect(f.broker.isOpen(ch)).toBe(false);
    }
    // arguments RabbitMQ does not compare may differ
    unwrap(f.broker.queueDeclare(f.channel(), { queue: 'q', arguments: { 'x-max-length': 10, 'x-overflow': 'drop-head', 'x-custom': 1 } }));
  });

  it('fails with 406 for a different durable or auto-delete flag', () => {
    const f = new Fixture();
    f.queue('q', {}, { durable: true });
    const e = failure(f.broker.queueDeclare(f.channel(), { queue: 'q' }));
    expect(e.text).toBe("PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'q' in vhost '/': received 'false' but current is 'true'");
    const e2 = failure(f.broker.queueDeclare(f.channel(), { queue: 'q', durable: true, autoDelete: true }));
    expect(e2.text).toBe("PRECONDITION_FAILED - inequivalent arg 'auto_delete' for queue 'q' in vhost '/': received 'true' but current is 'false'");
  });

  it('passive declare reports a queue or fails with 404', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a']);
    expect(unwrap(f.broker.queueDeclare(f.ch, { queue: 'q', passive: true, durable: true, arguments: { 'x-anything': 1 } }))).toEqual({ queue: 'q', messageCount: 1, consumerCount: 0 });
    const e = failure(f.broker.queueDeclare(f.ch, { queue: 'nope', passive: true }));
    expect(e).toMatchObject({ code: 404, text: "NOT_FOUND - no queue 'nope' in vhost '/'", scope: 'channel' });
  });

  it('refuses reserved amq. names with 403', () => {
    const f = new Fixture();
    const e = failure(f.broker.queueDeclare(f.ch, { queue: 'amq.mine' }));
    expect(e).toMatchObject({ code: 403, text: "ACCESS_REFUSED - queue name 'amq.mine' contains reserved prefix 'amq.*'" });
  });
});

describe('server-named queues', () => {
  it('are named amq.gen-… from the seeded PRNG, distinct, deterministic per seed', () => {
    const names = (seed: number) => {
      const f = new Fixture({ seed });
      return [f.queue(''), f.queue('')];
    };
    const [a, b] = names(3);
    expect(a).toMatch(/^amq\.gen-[A-Za-z0-9_-]{22}$/);
    expect(b).not.toBe(a);
    expect(names(3)).toEqual([a, b]);
    expect(names(4)[0]).not.toBe(a);
  });

  it('are reachable through the default exchange by their name', () => {
    const f = new Fixture();
    const name = f.queue('', {}, { exclusive: true });
    f.publish('', name, 'hi');
    expect(f.ready(name)).toEqual(['hi']);
  });
});

describe('exclusive queues', () => {
  it('belong to one connection: others get 405 RESOURCE_LOCKED for consume, get, passive declare, bind, purge, delete', () => {
    const f = new Fixture();
    f.queue('mine', {}, { exclusive: true });
    const other = f.broker.connectionOpen('other');
    const calls: [string, (ch: ReturnType<typeof f.channel>) => { ok: boolean }][] = [
      ['basic.consume', (ch) => f.broker.basicConsume(ch, { queue: 'mine' })],
      ['basic.get', (ch) => f.broker.basicGet(ch, { queue: 'mine' })],
      ['queue.declare', (ch) => f.broker.queueDeclare(ch, { queue: 'mine', passive: true })],
      ['queue.declare', (ch) => f.broker.queueDeclare(ch, { queue: 'mine', exclusive: true })],
      ['queue.bind', (ch) => f.broker.queueBind(ch, { queue: 'mine', exchange: 'amq.direct', routingKey: 'k' })],
      ['queue.purge', (ch) => f.broker.queuePurge(ch, { queue: 'mine' })],
      ['queue.delete', (ch) => f.broker.queueDelete(ch, { queue: 'mine' })],
    ];
    for (const [method, call] of calls) {
      const ch = f.channel(other);
      const r = call(ch) as ReturnType<typeof f.broker.basicGet>;
      const e = failure(r);
      expect([e.code, e.method, e.scope]).toEqual([405, method, 'channel']);
      expect(e.text).toBe(
        "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'mine' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.",
      );
      expect(f.broker.isOpen(ch)).toBe(false);
    }
    expect(f.exists('mine')).toBe(true);
  });

  it('can be published to from another connection', () => {
    const f = new Fixture();
    f.queue('mine', {}, { exclusive: true });
    const other = f.broker.connectionOpen('other');
    const ch = f.channel(other);
    f.publish('', 'mine', 'from-other', undefined, { ch });
    expect(f.ready('mine')).toEqual(['from-other']);
  });

  it('redeclaring a non-exclusive queue as exclusive is 405', () => {
    const f = new Fixture();
    f.queue('shared');
    expect(failure(f.broker.queueDeclare(f.ch, { queue: 'shared', exclusive: true })).code).toBe(405);
  });

  it('are deleted when the owning connection closes, even durable ones', () => {
    const f = new Fixture();
    const owner = f.broker.connectionOpen('owner');
    const ch = f.channel(owner);
    unwrap(f.broker.queueDeclare(ch, { queue: 'mine', exclusive: true, durable: true }));
    unwrap(f.broker.queueBind(ch, { exchange: 'amq.direct', queue: 'mine', routingKey: 'k' }));
    f.publish('', 'mine', 'x');
    unwrap(f.broker.connectionClose(owner));
    expect(f.exists('mine')).toBe(false);
    expect(f.broker.inspect.bindings()).toEqual([]);
    expect(f.all('queue-deleted')).toEqual([{ type: 'queue-deleted', t: 0, queue: 'mine', reason: 'exclusive-owner-closed', messageCount: 1 }]);
  });
});

describe('auto-delete queues', () => {
  it('are deleted when their last consumer goes, not before they had one', () => {
    const f = new Fixture();
    f.queue('ad', {}, { autoDelete: true });
    expect(f.exists('ad')).toBe(true);
    const c1 = f.consume('ad');
    const c2 = f.consume('ad');
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: c1 }));
    expect(f.exists('ad')).toBe(true);
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: c2 }));
    expect(f.exists('ad')).toBe(false);
    expect(f.all('queue-deleted').map((e) => [e.queue, e.reason])).toEqual([['ad', 'auto-delete']]);
  });

  it('a channel close that takes the last consumer deletes the queue, with the messages it held', () => {
    const f = new Fixture();
    f.queue('ad', {}, { autoDelete: true });
    f.fill('ad', ['a', 'b']);
    const ch = f.channel();
    f.consume('ad', { ch, prefetch: 1 });
    unwrap(f.broker.channelClose(ch));
    expect(f.exists('ad')).toBe(false);
    expect(f.all('requeued')).toEqual([]);
    expect(f.all('purged')).toEqual([{ type: 'purged', t: 0, queue: 'ad', msgIds: [2] }]);
  });
});

describe('queue.purge and queue.delete', () => {
  it('purge removes ready messages only and reports how many', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c']);
    const held = f.get('q', { noAck: false })!;
    expect(unwrap(f.broker.queuePurge(f.ch, { queue: 'q' }))).toEqual({ messageCount: 2 });
    expect(f.depth('q')).toEqual({ ready: 0, unacked: 1, consumers: 0 });
    unwrap(f.broker.basicReject(f.ch, { deliveryTag: held.deliveryTag, requeue: true }));
    expect(f.ready('q')).toEqual(['a']);
    expect(failure(f.broker.queuePurge(f.ch, { queue: 'nope' })).code).toBe(404);
  });

  it('delete reports ready messages, ifEmpty / ifUnused refuse with 406, deleting a missing queue is fine', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b']);
    f.get('q', { noAck: false });
    const e = failure(f.broker.queueDelete(f.ch, { queue: 'q', ifEmpty: true }));
    expect(e.text).toBe("PRECONDITION_FAILED - queue 'q' in vhost '/' not empty");
    const ch = f.channel();
    f.consume('q', { ch, prefetch: 1 });
    const ch2 = f.channel();
    expect(failure(f.broker.queueDelete(ch2, { queue: 'q', ifUnused: true })).text).toBe("PRECONDITION_FAILED - queue 'q' in vhost '/' in use");
    // the 406 closed the first channel, which requeued 'a'; the consumer (prefetch 1) holds it now
    expect(f.depth('q')).toEqual({ ready: 1, unacked: 1, consumers: 1 });
    const ch3 = f.channel();
    expect(unwrap(f.broker.queueDelete(ch3, { queue: 'q' }))).toEqual({ messageCount: 1 });
    expect(unwrap(f.broker.queueDelete(ch3, { queue: 'q' }))).toEqual({ messageCount: 0 });
  });

  it('delete cancels its consumers from the server side and removes its bindings', () => {
    const f = new Fixture();
    f.exchange('x', 'fanout');
    f.queue('q');
    f.bind('x', 'q');
    const ch = f.channel();
    const tag = f.consume('q', { ch });
    unwrap(f.broker.queueDelete(f.ch, { queue: 'q' }));
    expect(f.all('consumer-cancelled')).toEqual([{ type: 'consumer-cancelled', t: 0, connection: f.conn, channel: ch.channel, queue: 'q', consumerTag: tag, byServer: true }]);
    expect(f.broker.inspect.connections()[0]!.channels.find((c) => c.number === ch.channel)!.consumers).toEqual([]);
    expect(f.routeOf('x', '')).toEqual([]);
    // the channel is still usable, and the tag can be reused
    f.queue('q');
    f.consume('q', { ch, consumerTag: tag });
  });
});

describe('timer arguments too large for RabbitMQ', () => {
  it('refuses x-message-ttl and x-expires above 2^32 - 1 ms with 406', () => {
    const b = new AmqpBroker();
    const ch = b.channelOpen(b.connectionOpen());
    const r1 = b.queueDeclare(ch, { queue: 'a', arguments: { 'x-message-ttl': 4294967296 } });
    expect(r1.ok ? 0 : r1.error.code).toBe(406);
    const ch2 = b.channelOpen(b.connectionOpen());
    const r2 = b.queueDeclare(ch2, { queue: 'b', arguments: { 'x-expires': 4294967296 } });
    expect(r2.ok ? 0 : r2.error.text).toContain('value_too_large');
    const ch3 = b.channelOpen(b.connectionOpen());
    expect(b.queueDeclare(ch3, { queue: 'c', arguments: { 'x-message-ttl': 4294967295 } }).ok).toBe(true);
  });
});

describe("the queue-name shortcut ('' = the channel's most recently declared queue)", () => {
  it('follows a server-named queue, survives a snapshot, and is per channel (recorded: queue/name-shortcut)', () => {
    const f = new Fixture();
    const { queue } = unwrap(f.broker.queueDeclare(f.ch, { queue: '', exclusive: true }));
    expect(queue).toMatch(/^amq\.gen-/);
    // an empty routing key too: the queue's own name is the key
    unwrap(f.broker.queueBind(f.ch, { queue: '', exchange: 'amq.direct' }));
    f.publish('amq.direct', queue, 'm1');
    const back = AmqpBroker.restore(JSON.parse(JSON.stringify(f.broker.snapshot())));
    f.publish('amq.direct', queue, 'm2');
    expect(unwrap(back.queuePurge(f.ch, { queue: '' }))).toEqual({ messageCount: 1 });
    expect(unwrap(f.broker.queuePurge(f.ch, { queue: '' }))).toEqual({ messageCount: 2 });
    const other = f.channel();
    expect(failure(f.broker.basicGet(other, { queue: '' }))).toMatchObject({ code: 404, text: 'NOT_FOUND - no previously declared queue' });
  });
});
