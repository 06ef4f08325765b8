import { describe, expect, it } from 'vitest';
import { Fixture, failure, unwrap } from './test/harness';

/** basic.consume / basic.qos: round robin, prefetch, priorities, exclusivity, no-ack, single active consumer. */

function ackAll(f: Fixture, ch = f.ch): void {
  unwrap(f.broker.basicAck(ch, { deliveryTag: 0, multiple: true }));
}

describe('round robin', () => {
  it('alternates strictly between consumers, starting with the first registered', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'c1', noAck: true });
    f.consume('q', { consumerTag: 'c2', noAck: true });
    f.consume('q', { consumerTag: 'c3', noAck: true });
    f.fill('q', ['1', '2', '3', '4', '5', '6', '7']);
    expect(f.delivered('c1')).toEqual(['1', '4', '7']);
    expect(f.delivered('c2')).toEqual(['2', '5']);
    expect(f.delivered('c3')).toEqual(['3', '6']);
  });

  it('skips consumers without room', () => {
    const f = new Fixture();
    f.queue('q');
    const ch1 = f.channel();
    const ch2 = f.channel();
    f.consume('q', { ch: ch1, consumerTag: 'c1', prefetch: 1 });
    f.consume('q', { ch: ch2, consumerTag: 'c2', prefetch: 3 });
    f.fill('q', ['1', '2', '3', '4', '5']);
    expect(f.delivered('c1')).toEqual(['1']);
    expect(f.delivered('c2')).toEqual(['2', '3', '4']);
    expect(f.ready('q')).toEqual(['5']);
    ackAll(f, ch1);
    expect(f.delivered('c1')).toEqual(['1', '5']);
  });

  it('a consumer without prefetch that registers on a preloaded queue takes every ready message', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3']);
    f.consume('q', { consumerTag: 'first' });
    f.consume('q', { consumerTag: 'second' });
    expect(f.delivered('first')).toEqual(['1', '2', '3']);
    expect(f.delivered('second')).toEqual([]);
  });

  it('a consumer whose room comes back rejoins at the back of the line', () => {
    const f = new Fixture();
    f.queue('q');
    const chs = [f.channel(), f.channel(), f.channel()];
    chs.forEach((ch, i) => {
      f.consume('q', { ch, consumerTag: `c${i + 1}`, prefetch: 1 });
    });
    f.fill('q', ['1', '2', '3', '4', '5', '6']);
    ackAll(f, chs[1]);
    ackAll(f, chs[0]);
    ackAll(f, chs[2]);
    expect(f.deliveries().map((d) => `${d.consumerTag}:${d.body}`)).toEqual(['c1:1', 'c2:2', 'c3:3', 'c2:4', 'c1:5', 'c3:6']);
  });
});

describe('basic.qos prefetch', () => {
  it('global=false limits each consumer created afterwards on the channel, separately', () => {
    const f = new Fixture();
    f.queue('q1');
    f.queue('q2');
    f.fill('q1', ['a1', 'a2', 'a3']);
    f.fill('q2', ['b1', 'b2', 'b3']);
    f.consume('q1', { consumerTag: 'c1', prefetch: 2 });
    f.consume('q2', { consumerTag: 'c2' });
    expect(f.delivered('c1')).toEqual(['a1', 'a2']);
    expect(f.delivered('c2')).toEqual(['b1', 'b2']);
    const view = f.broker.inspect.connections()[0]!.channels[0]!;
    expect(view.prefetchCount).toBe(2);
    expect(view.consumers.map((c) => [c.consumerTag, c.prefetchCount, c.unacked])).toEqual([
      ['c1', 2, 2],
      ['c2', 2, 2],
    ]);
  });

  it('a later global=false qos does not change existing consumers', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3', '4']);
    f.consume('q', { consumerTag: 'c', prefetch: 1 });
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 3 }));
    ackAll(f);
    expect(f.delivered('c')).toEqual(['1', '2']);
  });

  it('global=true is shared by all consumers of the channel', () => {
    const f = new Fixture();
    f.queue('q1');
    f.queue('q2');
    f.fill('q1', ['a1', 'a2', 'a3']);
    f.fill('q2', ['b1', 'b2', 'b3']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 3, global: true }));
    f.consume('q1', { consumerTag: 'c1' });
    f.consume('q2', { consumerTag: 'c2' });
    expect(f.delivered('c1')).toEqual(['a1', 'a2', 'a3']);
    expect(f.delivered('c2')).toEqual([]);
    unwrap(f.broker.basicAck(f.ch, { deliveryTag: 2, multiple: true }));
    expect(f.delivered('c2')).toEqual(['b1', 'b2']);
  });

  it('per-consumer and global limits combine when set in that order: the tighter one wins', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3', '4', '5']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 2 }));
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 3, global: true }));
    f.consume('q', { consumerTag: 'a' });
    f.consume('q', { consumerTag: 'b' });
    expect(f.delivered('a')).toEqual(['1', '2']);
    expect(f.delivered('b')).toEqual(['3']);
  });

  it('a per-consumer qos after a global one lifts the global limit (RabbitMQ 3.10, recorded)', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3', '4', '5']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 3, global: true }));
    f.consume('q', { consumerTag: 'a', prefetch: 2 });
    f.consume('q', { consumerTag: 'b' });
    expect(f.delivered('a')).toEqual(['1', '2']);
    expect(f.delivered('b')).toEqual(['3', '4']);
  });

  it('raising the global limit resumes deliveries at once; prefetch 0 means unlimited', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 1, global: true }));
    f.consume('q', { consumerTag: 'c' });
    expect(f.delivered('c')).toEqual(['1']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 0, global: true }));
    expect(f.delivered('c')).toEqual(['1', '2', '3']);
  });

  it('basic.get ignores prefetch and does not count against it', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3']);
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 1, global: true }));
    expect(f.get('q', { noAck: false })!.body).toBe('1');
    expect(f.get('q', { noAck: false })!.body).toBe('2');
    f.consume('q', { consumerTag: 'c' });
    expect(f.delivered('c')).toEqual(['3']);
  });

  it('no-ack consumers are never limited by prefetch', () => {
    const f = new Fixture();
    f.queue('q');
    f.fill('q', ['1', '2', '3']);
    f.consume('q', { consumerTag: 'c', prefetch: 1, noAck: true });
    expect(f.deliveries('c').map((d) => [d.body, d.noAck])).toEqual([
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    expect(f.depth('q')).toEqual({ ready: 0, unacked: 0, consumers: 1 });
    expect(f.broker.inspect.unacked(f.conn, f.ch.channel)).toEqual([]);
  });
});

describe('consumer priority (x-priority)', () => {
  it('the highest-priority consumer gets everything while it has room, then the next', () => {
    const f = new Fixture();
    f.queue('q');
    const [lo, hi, hi2] = [f.channel(), f.channel(), f.channel()];
    f.consume('q', { ch: lo, consumerTag: 'low', prefetch: 10 });
    f.consume('q', { ch: hi, consumerTag: 'high', prefetch: 2, arguments: { 'x-priority': 10 } });
    f.consume('q', { ch: hi2, consumerTag: 'high2', prefetch: 1, arguments: { 'x-priority': 10 } });
    f.fill('q', ['1', '2', '3', '4', '5']);
    expect(f.delivered('high')).toEqual(['1', '3']);
    expect(f.delivered('high2')).toEqual(['2']);
    expect(f.delivered('low')).toEqual(['4', '5']);
    ackAll(f, hi);
    f.fill('q', ['6']);
    expect(f.delivered('high')).toEqual(['1', '3', '6']);
  });

  it('x-priority must be an integer (406, as rabbit_amqqueue:check_consume_arguments); any integer width is fine', () => {
    const f = new Fixture();
    f.queue('q');
    const e = failure(f.broker.basicConsume(f.ch, { queue: 'q', consumerTag: 'c', arguments: { 'x-priority': 'high' } }));
    expect(e).toMatchObject({ code: 406, scope: 'channel', text: `PRECONDITION_FAILED - invalid arg 'x-priority' for queue 'q' in vhost '/': "expected integer, got longstr"` });
    expect(f.depth('q').consumers).toBe(0);
    const e2 = failure(f.broker.basicConsume(f.channel(), { queue: 'q', arguments: { 'x-priority': 1.5 } }));
    expect(e2.text).toContain('"expected integer, got double"');
    f.consume('q', { ch: f.channel(), consumerTag: 'long', arguments: { 'x-priority': { $type: 'long', value: 3 } } });
    expect(f.all('consumer-added').map((c) => [c.consumerTag, c.priority])).toEqual([['long', 3]]);
  });

  it('negative priorities rank below the default 0', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'neg', noAck: true, arguments: { 'x-priority': -5 } });
    f.consume('q', { consumerTag: 'zero', noAck: true });
    f.fill('q', ['1', '2']);
    expect(f.delivered('zero')).toEqual(['1', '2']);
    expect(f.broker.inspect.connections()[0]!.channels[0]!.consumers.map((c) => [c.consumerTag, c.priority])).toEqual([
      ['neg', -5],
      ['zero', 0],
    ]);
  });
});

describe('exclusive consumers and consumer tags', () => {
  it('an exclusive consumer refuses other consumers (403) and cannot join a queue that has consumers', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'only', exclusive: true });
    const ch = f.channel();
    const e = failure(f.broker.basicConsume(ch, { queue: 'q', consumerTag: 'second' }));
    expect(e).toMatchObject({ code: 403, text: "ACCESS_REFUSED - queue 'q' in vhost '/' in exclusive use", scope: 'channel' });
    f.queue('q2');
    f.consume('q2', { consumerTag: 'plain' });
    expect(failure(f.broker.basicConsume(f.channel(), { queue: 'q2', exclusive: true })).code).toBe(403);
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: 'only' }));
    f.consume('q', { ch: f.channel(), consumerTag: 'after' });
  });

  it('generates amq.ctag-… tags; reusing a tag on the channel is 530 NOT_ALLOWED, a connection error', () => {
    const f = new Fixture();
    f.queue('q');
    const tag = f.consume('q');
    expect(tag).toMatch(/^amq\.ctag-[A-Za-z0-9_-]{22}$/);
    f.consume('q', { consumerTag: 'mine' });
    const e = failure(f.broker.basicConsume(f.ch, { queue: 'q', consumerTag: 'mine' }));
    expect(e).toMatchObject({ code: 530, name: 'NOT_ALLOWED', text: "NOT_ALLOWED - attempt to reuse consumer tag 'mine'", scope: 'connection' });
    expect(f.broker.inspect.connections()).toEqual([]);
    expect(f.depth('q').consumers).toBe(0);
  });

  it('a reused tag is 530 before anything else is checked, even for a missing queue (rabbit_channel order)', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'mine' });
    const e = failure(f.broker.basicConsume(f.ch, { queue: 'nope', consumerTag: 'mine' }));
    expect([e.code, e.scope]).toEqual([530, 'connection']);
  });

  it('the same tag may be used on different channels', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'same' });
    f.consume('q', { ch: f.channel(), consumerTag: 'same' });
    expect(f.depth('q').consumers).toBe(2);
  });

  it('consuming from a missing queue is 404', () => {
    const f = new Fixture();
    expect(failure(f.broker.basicConsume(f.ch, { queue: 'nope' }))).toMatchObject({ code: 404, text: "NOT_FOUND - no queue 'nope' in vhost '/'" });
  });

  it('trace tells who consumes what', () => {
    const f = new Fixture();
    f.queue('q');
    f.consume('q', { consumerTag: 'c', prefetch: 5, arguments: { 'x-priority': 2 } });
    expect(f.all('consumer-added')).toEqual([
      { type: 'consumer-added', t: 0, connection: f.conn, channel: f.ch.channel, queue: 'q', consumerTag: 'c', noAck: false, exclusive: false, priority: 2, prefetchCount: 5 },
    ]);
    expect(f.all('qos')).toEqual([{ type: 'qos', t: 0, connection: f.conn, channel: f.ch.channel, prefetchCount: 5, global: false }]);
  });
});

describe('single active consumer (x-single-active-consumer)', () => {
  it('delivers only to the first registered consumer; the next takes over when it goes', () => {
    const f = new Fixture();
    f.queue('sac', { 'x-single-active-consumer': true });
    const [ch1, ch2] = [f.channel(), f.channel()];
    f.consume('sac', { ch: ch1, consumerTag: 'first', prefetch: 1 });
    f.consume('sac', { ch: ch2, consumerTag: 'second', prefetch: 1 });
    f.fill('sac', ['1']);
    unwrap(f.broker.basicAck(ch1, { deliveryTag: 1 }));
    expect(f.delivered('first')).toEqual(['1']);
    const active = () => f.broker.inspect.connections()[0]!.channels.flatMap((c) => c.consumers.map((x) => [x.consumerTag, x.active]));
    expect(active()).toEqual([
      ['first', true],
      ['second', false],
    ]);
    // the active consumer is blocked by its prefetch: the other one still waits
    f.fill('sac', ['2', '3']);
    expect(f.delivered('second')).toEqual([]);
    unwrap(f.broker.basicAck(ch1, { deliveryTag: 2 }));
    unwrap(f.broker.basicCancel(ch1, { consumerTag: 'first' }));
    expect(f.delivered('first')).toEqual(['1', '2', '3']);
    f.fill('sac', ['4']);
    expect(f.delivered('second')).toEqual(['4']);
    expect(active()).toEqual([['second', true]]);
  });

  it('refuses an exclusive consumer, even as the first one (403, as rabbit_amqqueue_process does)', () => {
    const f = new Fixture();
    f.queue('sac', { 'x-single-active-consumer': true });
    const e = failure(f.broker.basicConsume(f.ch, { queue: 'sac', exclusive: true }));
    expect(e).toMatchObject({ code: 403, text: "ACCESS_REFUSED - queue 'sac' in vhost '/' in exclusive use" });
    expect(f.depth('sac').consumers).toBe(0);
  });

  it('hands over when the active consumer channel closes, with its unacked messages requeued to the new one', () => {
    const f = new Fixture();
    f.queue('sac', { 'x-single-active-consumer': true });
    const [ch1, ch2] = [f.channel(), f.channel()];
    f.consume('sac', { ch: ch1, consumerTag: 'first' });
    f.consume('sac', { ch: ch2, consumerTag: 'second' });
    f.fill('sac', ['1', '2']);
    unwrap(f.broker.channelClose(ch1));
    expect(f.deliveries('second').map((d) => [d.body, d.redelivered])).toEqual([
      ['1', true],
      ['2', true],
    ]);
  });
});
