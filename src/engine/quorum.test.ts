import { describe, expect, it } from 'vitest';
import type { FieldTable } from './fields';
import { Fixture, failure, unwrap } from './test/harness';

/** Quorum queues (x-queue-type: quorum) as RabbitMQ 3.10 runs them on one node. */

const QQ = { 'x-queue-type': 'quorum' } as const;

function quorum(args: FieldTable = {}): Fixture {
  const f = new Fixture();
  f.queue('qq', { ...QQ, ...args }, { durable: true });
  return f;
}

describe('declaring quorum queues', () => {
  it('refuses non-durable, exclusive and auto-delete queues, x-max-priority and x-queue-mode (406)', () => {
    const tries: [FieldTable, { durable?: boolean; exclusive?: boolean; autoDelete?: boolean }, string][] = [
      [QQ, {}, "invalid property 'non-durable' for queue 'q' in vhost '/'"],
      [QQ, { durable: true, exclusive: true }, "invalid property 'exclusive-owner' for queue 'q' in vhost '/'"],
      [QQ, { durable: true, autoDelete: true }, "invalid property 'auto-delete' for queue 'q' in vhost '/'"],
      [{ ...QQ, 'x-max-priority': 5 }, { durable: true }, "invalid arg 'x-max-priority' for queue 'q' in vhost '/' of queue type rabbit_quorum_queue"],
      [{ ...QQ, 'x-queue-mode': 'lazy' }, { durable: true }, "invalid arg 'x-queue-mode' for queue 'q' in vhost '/' of queue type rabbit_quorum_queue"],
    ];
    for (const [args, flags, text] of tries) {
      const f = new Fixture();
      const e = failure(f.broker.queueDeclare(f.ch, { queue: 'q', arguments: args, ...flags }));
      expect(e.code).toBe(406);
      expect(e.text).toBe(`PRECONDITION_FAILED - ${text}`);
      expect(f.exists('q')).toBe(false);
    }
  });

  it('a redeclare must repeat x-queue-type and x-delivery-limit', () => {
    const f = quorum();
    expect(failure(f.broker.queueDeclare(f.channel(), { queue: 'qq', durable: true })).text).toBe(
      "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'qq' in vhost '/': received none but current is the value 'quorum' of type 'longstr'",
    );
    expect(failure(f.broker.queueDeclare(f.channel(), { queue: 'qq', durable: true, arguments: { 'x-queue-type': 'classic' } })).text).toBe(
      "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'qq' in vhost '/': received 'classic' but current is 'quorum'",
    );
    expect(failure(f.broker.queueDeclare(f.channel(), { queue: 'qq', durable: true, arguments: { ...QQ, 'x-delivery-limit': 3 } })).text).toBe(
      "PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit' for queue 'qq' in vhost '/': received the value '3' of type 'byte' but current is none",
    );
    expect(unwrap(f.broker.queueDeclare(f.channel(), { queue: 'qq', durable: true, arguments: QQ }))).toEqual({ queue: 'qq', messageCount: 0, consumerCount: 0 });
    expect(f.broker.inspect.queue('qq')!.type).toBe('quorum');
  });

  it('accepts x-overflow reject-publish-dlx but behaves as drop-head (confirm ack, oldest dropped)', () => {
    const f = quorum({ 'x-max-length': 1, 'x-overflow': 'reject-publish-dlx' });
    unwrap(f.broker.confirmSelect(f.ch));
    f.fill('qq', ['a', 'b']);
    expect(f.ready('qq')).toEqual(['b']);
    expect(f.all('confirmed').map((c) => c.ack)).toEqual([true, true]);
  });
});

describe('x-delivery-count', () => {
  it('basic.get always carries it (0 on a first delivery); consumer deliveries only once the message came back', () => {
    const f = quorum();
    f.fill('qq', ['a', 'b']);
    expect(f.get('qq')!.properties.headers).toEqual({ 'x-delivery-count': 0 });
    f.consume('qq', { consumerTag: 'c', prefetch: 1 });
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: f.tagOf('b', 'c'), requeue: true }));
    expect(f.deliveries('c').map((d) => [d.body, d.redelivered, d.properties.headers])).toEqual([
      ['b', false, undefined],
      ['b', true, { 'x-delivery-count': 1 }],
    ]);
  });

  it('keeps the message headers next to it', () => {
    const f = quorum();
    f.publish('', 'qq', 'a', { headers: { app: 'x' } });
    expect(f.get('qq')!.properties.headers).toEqual({ app: 'x', 'x-delivery-count': 0 });
  });
});

describe('returning messages to a quorum queue', () => {
  it('without a delivery limit, nack/reject with requeue re-appends at the back', () => {
    const f = quorum();
    f.fill('qq', ['a', 'b', 'c']);
    const a = f.get('qq', { noAck: false })!;
    unwrap(f.broker.basicReject(f.ch, { deliveryTag: a.deliveryTag, requeue: true }));
    expect(f.ready('qq')).toEqual(['b', 'c', 'a']);
    expect(f.all('requeued').map((r) => [r.reason, r.to])).toEqual([['reject', 'back']]);
  });

  it('basic.recover also re-appends at the back with x-delivery-count 1', () => {
    const f = quorum();
    f.fill('qq', ['a', 'b']);
    f.get('qq', { noAck: false });
    unwrap(f.broker.basicRecover(f.ch));
    expect(f.ready('qq')).toEqual(['b', 'a']);
    expect(f.broker.inspect.readyMessages('qq').map((m) => m.deliveryCount)).toEqual([0, 1]);
  });

  it('with a delivery limit, a requeued message goes back to the front', () => {
    const f = quorum({ 'x-delivery-limit': 5 });
    f.fill('qq', ['a', 'b', 'c']);
    const a = f.get('qq', { noAck: false })!;
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: a.deliveryTag, requeue: true }));
    expect(f.ready('qq')).toEqual(['a', 'b', 'c']);
  });

  it('a channel close returns its messages to the front in both cases, counting the return', () => {
    const f = quorum();
    f.fill('qq', ['a', 'b', 'c']);
    const ch = f.channel();
    f.get('qq', { noAck: false, ch });
    f.get('qq', { noAck: false, ch });
    unwrap(f.broker.channelClose(ch));
    expect(f.ready('qq')).toEqual(['a', 'b', 'c']);
    expect(f.broker.inspect.readyMessages('qq').map((m) => [m.redelivered, m.deliveryCount])).toEqual([
      [true, 1],
      [true, 1],
      [false, 0],
    ]);
    expect(f.all('requeued').map((r) => r.to)).toEqual(['front', 'front']);
  });

  it('round-robins across prefetch-1 consumers', () => {
    const f = quorum();
    const [c1, c2] = [f.channel(), f.channel()];
    f.consume('qq', { ch: c1, consumerTag: 'c1', prefetch: 1 });
    f.consume('qq', { ch: c2, consumerTag: 'c2', prefetch: 1 });
    f.fill('qq', ['1', '2', '3', '4']);
    unwrap(f.broker.basicAck(c1, { deliveryTag: 1 }));
    unwrap(f.broker.basicAck(c2, { deliveryTag: 1 }));
    expect(f.delivered('c1')).toEqual(['1', '3']);
    expect(f.delivered('c2')).toEqual(['2', '4']);
  });
});

describe('x-delivery-limit', () => {
  it('allows at most limit + 1 deliveries, then drops the message', () => {
    const f = quorum({ 'x-delivery-limit': 2 });
    f.fill('qq', ['m']);
    f.consume('qq', { consumerTag: 'c' });
    for (let i = 0; i < 3; i++) unwrap(f.broker.basicNack(f.ch, { deliveryTag: f.tagOf('m', 'c'), requeue: true }));
    expect(f.deliveries('c').map((d) => d.properties.headers?.['x-delivery-count'])).toEqual([undefined, 1, 2]);
    expect(f.ready('qq')).toEqual([]);
    expect(f.all('dropped')).toEqual([{ type: 'dropped', t: 0, msgId: 1, queue: 'qq', reason: 'delivery_limit' }]);
  });

  it('dead-letters over the limit with reason delivery_limit, without x-delivery-count on the copy', () => {
    const f = quorum({ 'x-delivery-limit': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' });
    f.queue('dead');
    f.publish('', 'qq', 'm', { headers: { k: 1 } });
    const m = f.get('qq', { noAck: false })!;
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: m.deliveryTag, requeue: true }));
    const d = f.get('dead')!;
    expect(d.properties.headers).toEqual({
      k: 1,
      'x-death': [{ count: 1, reason: 'delivery_limit', queue: 'qq', time: { $type: 'timestamp', value: 0 }, exchange: '', 'routing-keys': ['qq'] }],
      'x-first-death-reason': 'delivery_limit',
      'x-first-death-queue': 'qq',
      'x-first-death-exchange': '',
    });
  });

  it('counts returns by channel close too', () => {
    const f = quorum({ 'x-delivery-limit': 1 });
    f.fill('qq', ['m']);
    for (let i = 0; i < 2; i++) {
      const ch = f.channel();
      f.get('qq', { noAck: false, ch });
      unwrap(f.broker.channelClose(ch));
    }
    expect(f.ready('qq')).toEqual([]);
    expect(f.all('dropped').map((d) => d.reason)).toEqual(['delivery_limit']);
  });

  it('reject without requeue dead-letters with reason rejected', () => {
    const f = quorum({ 'x-delivery-limit': 3, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' });
    f.queue('dead');
    f.fill('qq', ['m']);
    const m = f.get('qq', { noAck: false })!;
    unwrap(f.broker.basicReject(f.ch, { deliveryTag: m.deliveryTag, requeue: false }));
    expect(f.get('dead')!.properties.headers!['x-first-death-reason']).toBe('rejected');
  });
});

describe('quorum-only rules', () => {
  it('an unacked basic.get counts as a consumer until settled', () => {
    const f = quorum();
    f.fill('qq', ['a', 'b']);
    const m = f.get('qq', { noAck: false })!;
    f.get('qq', { noAck: false });
    expect(unwrap(f.broker.queueDeclare(f.ch, { queue: 'qq', passive: true })).consumerCount).toBe(1);
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: m.deliveryTag }));
    expect(f.depth('qq').consumers).toBe(1);
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 0, multiple: true }));
    expect(f.depth('qq').consumers).toBe(0);
  });

  it('basic.get on a single-active-consumer quorum queue is 405', () => {
    const f = quorum({ 'x-single-active-consumer': true });
    const e = failure(f.broker.basicGet(f.ch, { queue: 'qq' }));
    expect(e).toMatchObject({ code: 405, scope: 'channel' });
    expect(e.text).toBe(
      "RESOURCE_LOCKED - cannot obtain access to locked queue 'qq' in vhost '/'. basic.get operations are not supported by quorum queues with single active consumer",
    );
  });

  it('ignores x-delivery-limit on classic queues', () => {
    const f = new Fixture();
    f.queue('cq', { 'x-delivery-limit': 0 });
    f.fill('cq', ['m']);
    for (let i = 0; i < 3; i++) {
      const m = f.get('cq', { noAck: false })!;
      unwrap(f.broker.basicNack(f.ch, { deliveryTag: m.deliveryTag, requeue: true }));
    }
    expect(f.ready('cq')).toEqual(['m']);
    expect(f.get('cq')!.properties.headers).toBeUndefined();
  });
});

describe('quorum queues and a broker restart', () => {
  function held(limit: number | undefined, hopLatencyMs: number) {
    const f = new Fixture();
    f.broker.setHopLatency(hopLatencyMs);
    f.exchange('dlx', 'fanout', { durable: true });
    f.queue('dlq', {}, { durable: true });
    f.bind('dlx', 'dlq');
    f.queue('qq', { ...QQ, 'x-dead-letter-exchange': 'dlx', ...(limit === undefined ? {} : { 'x-delivery-limit': limit }) }, { durable: true });
    f.fill('qq', ['m1', 'm2', 'm3'], { deliveryMode: 2 });
    f.wait(10 * hopLatencyMs);
    f.consume('qq', { prefetch: 2 });
    f.wait(10 * hopLatencyMs);
    f.take();
    f.broker.restart();
    return f;
  }

  it('the return at the restart counts against x-delivery-limit (recorded: quorum/restart-delivery-limit-*)', () => {
    expect(held(1, 0).ready('qq')).toEqual(['m1', 'm2', 'm3']);
    const over = held(0, 0);
    expect(over.ready('qq')).toEqual(['m3']);
    expect(over.all('dead-lettered').map((e) => [e.reason, e.queue])).toEqual([
      ['delivery_limit', 'qq'],
      ['delivery_limit', 'qq'],
    ]);
  });

  it('with a hop latency the dead-lettered copies are still on their way when the node goes down, and are lost', () => {
    const f = held(0, 100);
    expect(f.ready('qq')).toEqual(['m3']);
    expect(f.all('dropped').map((e) => e.reason)).toEqual(['broker-restart', 'broker-restart']);
    expect(f.ready('dlq')).toEqual([]);
  });
});
