import { describe, expect, it } from 'vitest';
import { Fixture, failure, unwrap } from './test/harness';

/** Every way a delivery is settled: ack, nack, reject, recover, cancel, channel and connection close. */

/** A queue 'q' with `bodies`, all fetched unacked on a fresh channel; returns the channel and tags by body. */
function holding(bodies: string[]) {
  const f = new Fixture();
  f.queue('q');
  f.fill('q', bodies);
  const ch = f.channel();
  const tags: Record<string, number> = {};
  for (const _ of bodies) {
    const m = f.get('q', { noAck: false, ch })!;
    tags[m.body] = m.deliveryTag;
  }
  f.reset();
  return { f, ch, tags };
}

const state = (f: Fixture) => ({ ready: f.ready('q'), unacked: f.depth('q').unacked, redelivered: f.broker.inspect.readyMessages('q').map((m) => m.redelivered) });

describe('basic.ack', () => {
  it('settles one delivery', () => {
    const { f, ch, tags } = holding(['a', 'b', 'c']);
    unwrap(f.broker.basicAck(ch, { deliveryTag: tags.b! }));
    expect(f.broker.inspect.unacked(ch.connection, ch.channel).map((u) => u.deliveryTag)).toEqual([1, 3]);
    expect(f.all('acked')).toEqual([{ type: 'acked', t: 0, connection: ch.connection, channel: ch.channel, msgId: 2, queue: 'q', deliveryTag: 2, consumerTag: undefined }]);
    expect(f.broker.inspect.queue('q')!.stats.acked).toBe(1);
  });

  it('multiple settles every outstanding delivery up to the tag, and tag 0 settles all', () => {
    const { f, ch } = holding(['a', 'b', 'c', 'd']);
    unwrap(f.broker.basicAck(ch, { deliveryTag: 3, multiple: true }));
    expect(f.all('acked').map((a) => a.deliveryTag)).toEqual([1, 2, 3]);
    expect(f.depth('q').unacked).toBe(1);
    unwrap(f.broker.basicAck(ch, { deliveryTag: 0, multiple: true }));
    expect(f.depth('q').unacked).toBe(0);
    // nothing left: multiple with tag 0 on an empty channel is fine too
    unwrap(f.broker.basicAck(ch, { deliveryTag: 0, multiple: true }));
  });

  it('multiple skips tags already settled', () => {
    const { f, ch } = holding(['a', 'b', 'c']);
    unwrap(f.broker.basicAck(ch, { deliveryTag: 2 }));
    unwrap(f.broker.basicAck(ch, { deliveryTag: 3, multiple: true }));
    expect(f.all('acked').map((a) => a.deliveryTag)).toEqual([2, 1, 3]);
  });

  it('an unknown tag is 406, closes the channel and requeues its other deliveries in their original order', () => {
    const { f, ch, tags } = holding(['a', 'b', 'c']);
    unwrap(f.broker.basicAck(ch, { deliveryTag: tags.b! }));
    const e = failure(f.broker.basicAck(ch, { deliveryTag: 5 }));
    expect(e).toEqual({ code: 406, name: 'PRECONDITION_FAILED', text: 'PRECONDITION_FAILED - unknown delivery tag 5', scope: 'channel', method: 'basic.ack' });
    expect(f.broker.isOpen(ch)).toBe(false);
    expect(f.all('channel-closed')).toEqual([{ type: 'channel-closed', t: 0, connection: ch.connection, channel: ch.channel, error: e }]);
    expect(state(f)).toEqual({ ready: ['a', 'c'], unacked: 0, redelivered: [true, true] });
    expect(f.all('requeued').map((r) => [r.msgId, r.reason, r.to])).toEqual([
      [1, 'channel-closed', 'position'],
      [3, 'channel-closed', 'position'],
    ]);
  });

  it('acking the same tag twice is 406 unknown delivery tag', () => {
    const { f, ch } = holding(['a', 'b']);
    unwrap(f.broker.basicAck(ch, { deliveryTag: 1 }));
    expect(failure(f.broker.basicAck(ch, { deliveryTag: 1 })).text).toBe('PRECONDITION_FAILED - unknown delivery tag 1');
    expect(state(f)).toEqual({ ready: ['b'], unacked: 0, redelivered: [true] });
  });

  it('tag 0 without multiple, or a multiple ack above every tag, is unknown', () => {
    const a = holding(['a']);
    expect(failure(a.f.broker.basicAck(a.ch, { deliveryTag: 0 })).text).toBe('PRECONDITION_FAILED - unknown delivery tag 0');
    const b = holding(['a']);
    expect(failure(b.f.broker.basicAck(b.ch, { deliveryTag: 9, multiple: true })).text).toBe('PRECONDITION_FAILED - unknown delivery tag 9');
    expect(state(b.f).ready).toEqual(['a']);
  });

  it('a no-ack delivery has nothing to ack (406)', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a']);
    const m = f.get('q', { noAck: true })!;
    expect(failure(f.broker.basicAck(f.ch, { deliveryTag: m.deliveryTag })).code).toBe(406);
  });

  it('deliveries are per channel: a tag from another channel is unknown here', () => {
    const { f, ch } = holding(['a']);
    const other = f.channel();
    expect(failure(f.broker.basicAck(other, { deliveryTag: 1 })).code).toBe(406);
    expect(f.broker.isOpen(ch)).toBe(true);
    expect(f.depth('q').unacked).toBe(1);
  });
});

describe('basic.nack and basic.reject', () => {
  it('requeue (the default) puts messages back at their original position, flagged redelivered, whatever the nack order', () => {
    const { f, ch, tags } = holding(['a', 'b', 'c', 'd']);
    f.fill('q', ['e']);
    unwrap(f.broker.basicNack(ch, { deliveryTag: tags.c! }));
    unwrap(f.broker.basicReject(ch, { deliveryTag: tags.a!, requeue: true }));
    unwrap(f.broker.basicNack(ch, { deliveryTag: tags.b!, requeue: true }));
    expect(state(f)).toEqual({ ready: ['a', 'b', 'c', 'e'], unacked: 1, redelivered: [true, true, true, false] });
    expect(f.all('nacked').map((n) => [n.method, n.deliveryTag, n.requeue])).toEqual([
      ['basic.nack', 3, true],
      ['basic.reject', 1, true],
      ['basic.nack', 2, true],
    ]);
    expect(f.all('requeued').map((r) => [r.msgId, r.reason])).toEqual([
      [3, 'nack'],
      [1, 'reject'],
      [2, 'nack'],
    ]);
  });

  it('requeue=false drops (or dead-letters) the message', () => {
    const { f, ch, tags } = holding(['a', 'b']);
    unwrap(f.broker.basicReject(ch, { deliveryTag: tags.a!, requeue: false }));
    unwrap(f.broker.basicNack(ch, { deliveryTag: tags.b!, requeue: false }));
    expect(state(f)).toEqual({ ready: [], unacked: 0, redelivered: [] });
    expect(f.all('dropped').map((d) => [d.msgId, d.reason])).toEqual([
      [1, 'rejected'],
      [2, 'rejected'],
    ]);
  });

  it('nack multiple settles every outstanding delivery up to the tag; requeued ones go back in order', () => {
    const { f, ch } = holding(['a', 'b', 'c', 'd']);
    unwrap(f.broker.basicNack(ch, { deliveryTag: 3, multiple: true, requeue: true }));
    expect(state(f)).toEqual({ ready: ['a', 'b', 'c'], unacked: 1, redelivered: [true, true, true] });
    unwrap(f.broker.basicNack(ch, { deliveryTag: 0, multiple: true, requeue: false }));
    expect(state(f)).toEqual({ ready: ['a', 'b', 'c'], unacked: 0, redelivered: [true, true, true] });
  });

  it('basic.reject has no multiple: only the named delivery is settled', () => {
    const { f, ch } = holding(['a', 'b', 'c']);
    unwrap(f.broker.basicReject(ch, { deliveryTag: 2, requeue: false }));
    expect(f.depth('q').unacked).toBe(2);
  });

  it('nack multiple across queues requeues each queue in its own order', () => {
    const f = new Fixture();
    f.queue('q1');
    f.queue('q2');
    f.fill('q1', ['1a', '1b']);
    f.fill('q2', ['2a']);
    const ch = f.channel();
    f.get('q2', { noAck: false, ch });
    f.get('q1', { noAck: false, ch });
    f.get('q1', { noAck: false, ch });
    unwrap(f.broker.basicNack(ch, { deliveryTag: 3, multiple: true }));
    expect(f.ready('q1')).toEqual(['1a', '1b']);
    expect(f.ready('q2')).toEqual(['2a']);
  });

  it('an unknown tag is 406 for nack and reject too', () => {
    const a = holding(['a']);
    expect(failure(a.f.broker.basicNack(a.ch, { deliveryTag: 7 }))).toMatchObject({ code: 406, method: 'basic.nack' });
    const b = holding(['a']);
    expect(failure(b.f.broker.basicReject(b.ch, { deliveryTag: 7 }))).toMatchObject({ code: 406, method: 'basic.reject' });
  });

  it('a requeued message goes straight back to a consumer with free capacity, after what it already has', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'c', prefetch: 2 });
    f.fill('q', ['a', 'b', 'c']);
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: f.tagOf('a') }));
    expect(f.deliveries('c').map((d) => [d.body, d.deliveryTag, d.redelivered])).toEqual([
      ['a', 1, false],
      ['b', 2, false],
      ['a', 3, true],
    ]);
    expect(f.ready('q')).toEqual(['c']);
  });
});

describe('basic.recover', () => {
  it('requeue=true gives every unacked delivery of the channel back, and its consumers get them again in order', () => {
    const f = new Fixture();
    f.queue('q');
    f.queue('other');
    f.fill('q', ['a', 'b', 'c']);
    f.fill('other', ['o']);
    f.consume('q', { consumerTag: 'c', prefetch: 2 });
    f.get('other', { noAck: false });
    unwrap(f.broker.basicRecover(f.ch, { requeue: true }));
    expect(f.deliveries('c').map((d) => [d.body, d.deliveryTag, d.redelivered])).toEqual([
      ['a', 1, false],
      ['b', 2, false],
      ['a', 4, true],
      ['b', 5, true],
    ]);
    expect(f.ready('q')).toEqual(['c']);
    expect(f.ready('other')).toEqual(['o']);
    expect(f.all('requeued').map((r) => [r.msgId, r.reason])).toEqual([
      [1, 'recover'],
      [2, 'recover'],
      [4, 'recover'],
    ]);
  });

  it('puts every message of the channel back before redelivering any (the trace never shows prefetch exceeded)', () => {
    const f = new Fixture();
    f.queue('q1');
    f.queue('q2');
    f.fill('q1', ['1']);
    f.fill('q2', ['2']);
    f.consume('q1', { consumerTag: 'c1' });
    f.consume('q2', { consumerTag: 'c2' });
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 1, global: true }));
    f.reset();
    unwrap(f.broker.basicRecover(f.ch));
    expect(f.take().map((e) => (e.type === 'requeued' || e.type === 'delivered' ? `${e.type} ${e.msgId}` : e.type))).toEqual(['requeued 1', 'requeued 2', 'delivered 1']);
  });

  it('does nothing to no-ack deliveries, or with nothing unacked', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'c', noAck: true });
    f.fill('q', ['a']);
    unwrap(f.broker.basicRecover(f.ch));
    expect(f.delivered('c')).toEqual(['a']);
    expect(f.all('requeued')).toEqual([]);
  });

  it('requeue=false is 540 NOT_IMPLEMENTED, a connection error (its close requeues)', () => {
    const { f, ch } = holding(['a']);
    const e = failure(f.broker.basicRecover(ch, { requeue: false }));
    expect(e).toMatchObject({ code: 540, name: 'NOT_IMPLEMENTED', text: 'NOT_IMPLEMENTED - requeue=false', scope: 'connection' });
    expect(f.broker.isOpen(f.ch)).toBe(false);
    expect(f.broker.inspect.connections()).toEqual([]);
    expect(state(f)).toEqual({ ready: ['a'], unacked: 0, redelivered: [true] });
  });
});

describe('closing a channel or connection', () => {
  it('channel close requeues unacked messages in their original queue order, redelivered, ahead of the rest', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c', 'd', 'e']);
    const ch = f.channel();
    f.consume('q', { ch, prefetch: 3, consumerTag: 'c' });
    unwrap(f.broker.basicAck(ch, { deliveryTag: 2 }));
    unwrap(f.broker.channelClose(ch));
    expect(state(f)).toEqual({ ready: ['a', 'c', 'd', 'e'], unacked: 0, redelivered: [true, true, true, false] });
    expect(f.depth('q').consumers).toBe(0);
    expect(f.all('channel-closed').at(-1)).toEqual({ type: 'channel-closed', t: 0, connection: ch.connection, channel: ch.channel });
  });

  it('delivers nothing to the closing channel, even a message dead-lettered by its own requeue', () => {
    const f = new Fixture();
    // q1 keeps nothing ready: a requeued message is dropped at once and dead-lettered to q2
    f.queue('q1', { 'x-max-length': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q2' });
    f.queue('q2');
    const ch = f.channel();
    f.consume('q1', { ch, consumerTag: 'on-q1' });
    f.consume('q2', { ch, consumerTag: 'on-q2' });
    f.fill('q1', ['m']);
    expect(f.delivered('on-q1')).toEqual(['m']);
    f.reset();
    unwrap(f.broker.channelClose(ch));
    expect(f.all('delivered')).toEqual([]);
    expect(f.ready('q2')).toEqual(['m']);
    expect(f.all('consumer-cancelled').map((c) => c.consumerTag)).toEqual(['on-q1', 'on-q2']);
  });

  it('requeued messages go to another consumer that has room', () => {
    const f = new Fixture();
    f.queue('q');
    const ch1 = f.channel();
    const ch2 = f.channel();
    f.consume('q', { ch: ch1, prefetch: 1, consumerTag: 'c1' });
    f.fill('q', ['a']);
    f.consume('q', { ch: ch2, prefetch: 1, consumerTag: 'c2' });
    unwrap(f.broker.channelClose(ch1));
    expect(f.deliveries('c2').map((d) => [d.body, d.redelivered])).toEqual([['a', true]]);
  });

  it('connection close requeues the unacked messages of every channel and removes the connection', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c']);
    const conn = f.broker.connectionOpen('worker');
    const ch1 = f.channel(conn);
    const ch2 = f.channel(conn);
    f.get('q', { noAck: false, ch: ch2 });
    f.get('q', { noAck: false, ch: ch1 });
    unwrap(f.broker.connectionClose(conn));
    expect(state(f)).toEqual({ ready: ['a', 'b', 'c'], unacked: 0, redelivered: [true, true, false] });
    expect(f.all('requeued').map((r) => r.reason)).toEqual(['connection-closed', 'connection-closed']);
    expect(f.broker.inspect.connections().map((c) => c.name)).toEqual(['test']);
    // closing it again, or a connection that never existed, is harmless
    unwrap(f.broker.connectionClose(conn));
    unwrap(f.broker.connectionClose(999));
  });

  it('closing a closed channel is an error value, nothing changes', () => {
    const f = new Fixture();
    unwrap(f.broker.channelClose(f.ch));
    const before = f.broker.snapshot();
    const e = failure(f.broker.channelClose(f.ch));
    expect(e.code).toBe(504);
    expect(f.broker.snapshot()).toEqual(before);
  });
});

describe('basic.cancel', () => {
  it('stops deliveries but keeps the unacked ones: they can still be acked, and are requeued only on close', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c']);
    f.consume('q', { consumerTag: 'c', prefetch: 2 });
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'c' }));
    expect(state(f)).toEqual({ ready: ['c'], unacked: 2, redelivered: [false] });
    expect(f.all('consumer-cancelled')).toEqual([{ type: 'consumer-cancelled', t: 0, connection: f.conn, channel: f.ch.channel, queue: 'q', consumerTag: 'c', byServer: false }]);
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 1 }));
    expect(f.depth('q').unacked).toBe(1);
    unwrap(f.broker.channelClose(f.ch));
    expect(state(f)).toEqual({ ready: ['b', 'c'], unacked: 0, redelivered: [true, false] });
  });

  it('cancelling an unknown consumer tag is not an error', () => {
    const f = new Fixture();
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'nobody' }));
    expect(f.broker.isOpen(f.ch)).toBe(true);
  });

  it('the messages a cancelled consumer holds still count against the channel-wide prefetch', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b']);
    f.consume('q', { consumerTag: 'c1', prefetch: 1, global: true });
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'c1' }));
    f.consume('q', { consumerTag: 'c2' });
    expect(f.delivered('c2')).toEqual([]);
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 1 }));
    expect(f.delivered('c2')).toEqual(['b']);
  });
});

describe('settling deliveries of a deleted queue', () => {
  it('is accepted and changes nothing; closing the channel requeues nothing', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['a', 'b', 'c']);
    f.get('q', { noAck: false });
    f.get('q', { noAck: false });
    unwrap(f.broker.queueDelete(f.channel(), { queue: 'q' }));
    f.reset();
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 1 }));
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: 2, requeue: true }));
    expect(f.broker.inspect.unacked(f.conn, f.ch.channel)).toEqual([]);
    expect(f.take()).toEqual([]);
    f.queue('q');
    expect(f.ready('q')).toEqual([]);
  });
});
