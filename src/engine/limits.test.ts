import { describe, expect, it } from 'vitest';
import { Fixture, unwrap } from './test/harness';

/** x-max-length, x-max-length-bytes and x-overflow. */

function dlxFixture(args: Record<string, unknown>): Fixture {
  const f = new Fixture();
  unwrap(f.broker.confirmSelect(f.ch));
  f.exchange('dlx', 'fanout');
  f.queue('dead');
  f.bind('dlx', 'dead');
  f.queue('q', args as never);
  return f;
}

const confirms = (f: Fixture) => f.all('confirmed').map((c) => [c.publishSeqNo, c.ack]);

describe('x-max-length with drop-head (the default)', () => {
  it('drops the oldest ready messages, dead-lettering them with reason maxlen; confirms stay acks', () => {
    const f = dlxFixture({ 'x-max-length': 2, 'x-dead-letter-exchange': 'dlx' });
    f.fill('q', ['a', 'b', 'c', 'd']);
    expect(f.ready('q')).toEqual(['c', 'd']);
    expect(f.ready('dead')).toEqual(['a', 'b']);
    expect(confirms(f)).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
    const m = f.get('dead')!;
    expect(m.properties.headers!['x-first-death-reason']).toBe('maxlen');
    expect(m.properties.headers!['x-death']).toEqual([
      { count: 1, reason: 'maxlen', queue: 'q', time: { $type: 'timestamp', value: 0 }, exchange: '', 'routing-keys': ['q'] },
    ]);
  });

  it('drops without a DLX (trace says why)', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 1 });
    f.fill('q', ['a', 'b']);
    expect(f.ready('q')).toEqual(['b']);
    expect(f.all('dropped')).toEqual([{ type: 'dropped', t: 0, msgId: 1, queue: 'q', reason: 'maxlen' }]);
  });

  it('counts ready messages only: unacked ones do not use up the limit', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 1 });
    f.consume('q', { prefetch: 2, consumerTag: 'c' });
    f.fill('q', ['a', 'b', 'c', 'd']);
    expect(f.delivered('c')).toEqual(['a', 'b']);
    expect(f.ready('q')).toEqual(['d']);
    expect(f.depth('q')).toEqual({ ready: 1, unacked: 2, consumers: 1 });
  });

  it('x-max-length 0 still hands a message to a waiting consumer and drops everything else', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 0 });
    f.publish('', 'q', 'nobody');
    f.consume('q', { prefetch: 1, consumerTag: 'c' });
    f.fill('q', ['taken', 'dropped']);
    expect(f.delivered('c')).toEqual(['taken']);
    expect(f.ready('q')).toEqual([]);
    expect(f.all('dropped').map((d) => d.msgId)).toEqual([1, 3]);
  });

  it('requeueing into a full queue puts messages back at the head, and the overflow drops those very messages', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 2 });
    f.fill('q', ['a', 'b']);
    const a = f.get('q', { noAck: false })!;
    f.fill('q', ['c']);
    expect(f.ready('q')).toEqual(['b', 'c']);
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: a.deliveryTag, requeue: true }));
    expect(f.ready('q')).toEqual(['b', 'c']);
    expect(f.all('dropped').map((d) => [d.msgId, d.reason])).toEqual([[1, 'maxlen']]);
  });
});

describe('x-max-length-bytes', () => {
  it('limits the total body size (UTF-8 bytes) of ready messages', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length-bytes': 5 });
    f.fill('q', ['abc', 'de']);
    expect(f.broker.inspect.queue('q')!.readyBytes).toBe(5);
    f.fill('q', ['f']);
    expect(f.ready('q')).toEqual(['de', 'f']);
    // "é" is two bytes: 2 + 1 + 2 = 5 still fits, "€" (3 bytes) does not
    f.fill('q', ['é']);
    expect(f.ready('q')).toEqual(['de', 'f', 'é']);
    f.fill('q', ['€']);
    expect(f.ready('q')).toEqual(['é', '€']);
    expect(f.broker.inspect.queue('q')!.readyBytes).toBe(5);
  });

  it('drops a message bigger than the limit on its own', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length-bytes': 3 });
    f.fill('q', ['ok', 'much too big']);
    expect(f.ready('q')).toEqual([]);
  });

  it('combines with x-max-length: whichever limit is hit first', () => {
    const f = new Fixture();
    f.queue('q', { 'x-max-length': 3, 'x-max-length-bytes': 4 });
    f.fill('q', ['a', 'b', 'c', 'd']);
    expect(f.ready('q')).toEqual(['b', 'c', 'd']);
    f.fill('q', ['ee']);
    expect(f.ready('q')).toEqual(['c', 'd', 'ee']);
  });
});

describe('x-overflow reject-publish', () => {
  it('refuses new messages when full: confirm nack, never dead-lettered, the queue keeps its oldest', () => {
    const f = dlxFixture({ 'x-max-length': 2, 'x-overflow': 'reject-publish', 'x-dead-letter-exchange': 'dlx' });
    f.fill('q', ['a', 'b', 'c']);
    expect(f.ready('q')).toEqual(['a', 'b']);
    expect(f.ready('dead')).toEqual([]);
    expect(confirms(f)).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(f.all('dropped')).toEqual([{ type: 'dropped', t: 0, msgId: 3, queue: 'q', reason: 'reject-publish' }]);
    // no enqueued event for the refused message
    expect(f.all('enqueued').map((e) => e.msgId)).toEqual([1, 2]);
  });

  it('accepts again once there is room', () => {
    const f = dlxFixture({ 'x-max-length': 1, 'x-overflow': 'reject-publish' });
    f.fill('q', ['a', 'b']);
    f.get('q');
    f.fill('q', ['c']);
    expect(f.ready('q')).toEqual(['c']);
    expect(confirms(f).map(([, ack]) => ack)).toEqual([true, false, true]);
  });

  it('a fanout to a full queue and a free one enqueues in the free one but the confirm is a nack', () => {
    const f = dlxFixture({ 'x-max-length': 0, 'x-overflow': 'reject-publish' });
    f.exchange('fan', 'fanout');
    f.queue('free');
    f.bind('fan', 'q');
    f.bind('fan', 'free');
    f.publish('fan', '', 'x');
    expect(f.ready('free')).toEqual(['x']);
    expect(f.ready('q')).toEqual([]);
    expect(confirms(f)).toEqual([[1, false]]);
  });

  it('also applies to x-max-length-bytes', () => {
    const f = dlxFixture({ 'x-max-length-bytes': 3, 'x-overflow': 'reject-publish' });
    f.fill('q', ['ab', 'cd', 'e']);
    expect(f.ready('q')).toEqual(['ab', 'e']);
    expect(confirms(f).map(([, ack]) => ack)).toEqual([true, false, true]);
  });
});

describe('x-overflow reject-publish-dlx', () => {
  it('refuses with a nack and dead-letters the refused message with reason maxlen', () => {
    const f = dlxFixture({ 'x-max-length': 1, 'x-overflow': 'reject-publish-dlx', 'x-dead-letter-exchange': 'dlx' });
    f.fill('q', ['a', 'b']);
    expect(f.ready('q')).toEqual(['a']);
    expect(f.ready('dead')).toEqual(['b']);
    expect(confirms(f).map(([, ack]) => ack)).toEqual([true, false]);
    const m = f.get('dead')!;
    expect(m.properties.headers!['x-death']).toEqual([
      { count: 1, reason: 'maxlen', queue: 'q', time: { $type: 'timestamp', value: 0 }, exchange: '', 'routing-keys': ['q'] },
    ]);
  });
});

describe('x-max-priority', () => {
  it('delivers the backlog highest priority first, FIFO within a priority; above max is capped but the property is kept', () => {
    const f = new Fixture();
    f.queue('pq', { 'x-max-priority': 5 });
    f.publish('', 'pq', 'p1', { priority: 1 });
    f.publish('', 'pq', 'p5', { priority: 5 });
    f.publish('', 'pq', 'none');
    f.publish('', 'pq', 'p9', { priority: 9 });
    f.publish('', 'pq', 'p3', { priority: 3 });
    f.publish('', 'pq', 'p5b', { priority: 5 });
    expect(f.ready('pq')).toEqual(['p5', 'p9', 'p5b', 'p3', 'p1', 'none']);
    const got = [];
    for (let m = f.get('pq'); m; m = f.get('pq')) got.push([m.body, m.properties.priority]);
    expect(got).toEqual([
      ['p5', 5],
      ['p9', 9],
      ['p5b', 5],
      ['p3', 3],
      ['p1', 1],
      ['none', undefined],
    ]);
  });

  it('ignores priority in a queue without x-max-priority (FIFO)', () => {
    const f = new Fixture();
    f.queue('q');
    f.publish('', 'q', 'low', { priority: 1 });
    f.publish('', 'q', 'high', { priority: 9 });
    expect(f.drain('q')).toEqual(['low', 'high']);
  });

  it('does not reorder for a consumer with free capacity; with prefetch 1 the backlog goes highest first', () => {
    const f = new Fixture();
    f.queue('pq', { 'x-max-priority': 10 });
    f.consume('pq', { consumerTag: 'free', noAck: true });
    f.publish('', 'pq', 'low', { priority: 1 });
    f.publish('', 'pq', 'high', { priority: 9 });
    expect(f.delivered('free')).toEqual(['low', 'high']);
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'free' }));
    f.publish('', 'pq', 'l', { priority: 1 });
    f.publish('', 'pq', 'm', { priority: 5 });
    f.publish('', 'pq', 'h', { priority: 9 });
    const ch = f.channel();
    f.consume('pq', { ch, prefetch: 1, consumerTag: 'one' });
    for (let i = 0; i < 3; i++) unwrap(f.broker.basicAck(ch, { deliveryTag: f.tagOf(f.delivered('one').at(-1)!, 'one') }));
    expect(f.delivered('one')).toEqual(['h', 'm', 'l']);
  });

  it('puts a requeued low-priority message behind newer high-priority ones', () => {
    const f = new Fixture();
    f.queue('pq', { 'x-max-priority': 5 });
    f.publish('', 'pq', 'low', { priority: 1 });
    const low = f.get('pq', { noAck: false })!;
    f.publish('', 'pq', 'high', { priority: 4 });
    f.publish('', 'pq', 'low2', { priority: 1 });
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: low.deliveryTag, requeue: true }));
    expect(f.ready('pq')).toEqual(['high', 'low', 'low2']);
    expect(f.broker.inspect.readyMessages('pq').map((m) => m.redelivered)).toEqual([false, true, false]);
  });

  it('drop-head drops from the front of the highest priority', () => {
    const f = new Fixture();
    f.queue('pq', { 'x-max-priority': 5, 'x-max-length': 2 });
    f.publish('', 'pq', 'low', { priority: 1 });
    f.publish('', 'pq', 'high', { priority: 5 });
    f.publish('', 'pq', 'mid', { priority: 3 });
    expect(f.ready('pq')).toEqual(['mid', 'low']);
  });

  it('x-max-priority 0 is a plain FIFO queue', () => {
    const f = new Fixture();
    f.queue('q0', { 'x-max-priority': 0 });
    f.publish('', 'q0', 'a', { priority: 0 });
    f.publish('', 'q0', 'b', { priority: 7 });
    expect(f.drain('q0')).toEqual(['a', 'b']);
  });
});
