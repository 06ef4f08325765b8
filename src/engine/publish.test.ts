import { describe, expect, it } from 'vitest';
import { Fixture, unwrap } from './test/harness';

/** basic.publish: the trace of one message, publisher confirms, mandatory returns, properties. */

describe('the trace of a publish', () => {
  it('published → routed → enqueued → confirmed, in that order, with the message id', () => {
    const f = new Fixture({ now: 42 });
    unwrap(f.broker.confirmSelect(f.ch));
    f.exchange('x', 'fanout');
    f.queue('b');
    f.queue('a');
    f.bind('x', 'b');
    f.bind('x', 'a');
    f.reset();
    const r = unwrap(f.broker.basicPublish(f.ch, { exchange: 'x', routingKey: 'k', body: 'hello' }));
    expect(r).toEqual({ msgId: 1, publishSeqNo: 1, routed: 2 });
    const c = { connection: f.conn, channel: f.ch.channel };
    expect(f.take()).toEqual([
      { type: 'published', t: 42, ...c, msgId: 1, exchange: 'x', routingKey: 'k', mandatory: false, publishSeqNo: 1, body: 'hello', properties: {} },
      { type: 'routed', t: 42, msgId: 1, exchange: 'x', queues: ['a', 'b'] },
      { type: 'enqueued', t: 42, msgId: 1, queue: 'a', depth: 1 },
      { type: 'enqueued', t: 42, msgId: 1, queue: 'b', depth: 1 },
      { type: 'confirmed', t: 42, ...c, msgId: 1, publishSeqNo: 1, ack: true, multiple: false },
    ]);
  });

  it('an unroutable message: published → unroutable (→ returned if mandatory); nothing else', () => {
    const f = new Fixture();
    f.exchange('x', 'direct');
    f.reset();
    f.publish('x', 'nowhere', 'a');
    f.publish('x', 'nowhere', 'b', undefined, { mandatory: true });
    expect(f.take().map((e) => e.type)).toEqual(['published', 'unroutable', 'published', 'unroutable', 'returned']);
    expect(f.all('returned')).toEqual([
      { type: 'returned', t: 0, connection: f.conn, channel: f.ch.channel, msgId: 2, replyCode: 312, replyText: 'NO_ROUTE', exchange: 'x', routingKey: 'nowhere' },
    ]);
  });

  it('a mandatory message that is routed is not returned', () => {
    const f = new Fixture();
    f.queue('q');
    f.publish('', 'q', 'm', undefined, { mandatory: true });
    expect(f.all('returned')).toEqual([]);
  });

  it('message ids grow by one per message, dead-lettered copies included', () => {
    const f = new Fixture();
    f.queue('q', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dlq' });
    f.queue('dlq');
    expect(f.fill('q', ['a', 'b'])).toEqual([1, 2]);
    const m = f.get('q', { noAck: false })!;
    unwrap(f.broker.basicReject(f.ch, { deliveryTag: m.deliveryTag, requeue: false }));
    expect(f.publish('', 'q', 'c')).toBe(4);
    expect(f.broker.inspect.readyMessages('dlq')[0]).toMatchObject({ msgId: 3, deadLetteredFrom: 1 });
  });
});

describe('publisher confirms', () => {
  it('number publishes per channel from 1, only in confirm mode', () => {
    const f = new Fixture();
    f.queue('q');
    f.publish('', 'q', 'before');
    unwrap(f.broker.confirmSelect(f.ch));
    const other = f.channel();
    unwrap(f.broker.confirmSelect(other));
    const seqs = [f.ch, other, f.ch, f.ch, other].map((ch) => unwrap(f.broker.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'x' })).publishSeqNo);
    expect(seqs).toEqual([1, 1, 2, 3, 2]);
    expect(f.all('confirmed')).toHaveLength(5);
    expect(f.all('published')[0]!.publishSeqNo).toBeUndefined();
  });

  it('ack unroutable messages (mandatory or not); nack only when a queue refused the message', () => {
    const f = new Fixture();
    unwrap(f.broker.confirmSelect(f.ch));
    f.queue('full', { 'x-max-length': 0, 'x-overflow': 'reject-publish' });
    f.publish('amq.direct', 'none', 'a');
    f.publish('amq.direct', 'none', 'b', undefined, { mandatory: true });
    f.publish('', 'full', 'c');
    expect(f.all('confirmed').map((c) => [c.publishSeqNo, c.ack])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it('a lone ack goes out with multiple=false, a lone nack with multiple=true (as rabbit_channel coalesces nacks)', () => {
    const f = new Fixture();
    unwrap(f.broker.confirmSelect(f.ch));
    f.queue('q');
    f.queue('full', { 'x-max-length': 0, 'x-overflow': 'reject-publish' });
    f.publish('', 'q', 'a');
    f.publish('', 'full', 'b');
    expect(f.all('confirmed').map((c) => [c.publishSeqNo, c.ack, c.multiple])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
  });

  it('a publish that fails (channel error) gets no confirm', () => {
    const f = new Fixture();
    unwrap(f.broker.confirmSelect(f.ch));
    expect(f.broker.basicPublish(f.ch, { exchange: 'nope', routingKey: '' }).ok).toBe(false);
    expect(f.all('confirmed')).toEqual([]);
  });
});

describe('message properties', () => {
  it('are delivered as published; body size counts UTF-8 bytes', () => {
    const f = new Fixture();
    f.queue('q');
    const props = {
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      headers: { a: 1, nested: { b: [true, null] } },
      deliveryMode: 2 as const,
      priority: 4,
      correlationId: 'c-1',
      replyTo: 'callback-queue',
      expiration: '60000',
      messageId: 'm-1',
      timestamp: 1_700_000_000,
      type: 'order.created',
      userId: 'guest',
      appId: 'shop',
    };
    f.publish('', 'q', '{"ñ":"€"}', props);
    const m = f.get('q')!;
    expect(m.properties).toEqual(props);
    expect(m.body).toBe('{"ñ":"€"}');
    expect(f.broker.inspect.queue('q')!.stats.enqueued).toBe(1);
    f.publish('', 'q', '{"ñ":"€"}');
    expect(f.broker.inspect.queue('q')!.readyBytes).toBe(Buffer.byteLength('{"ñ":"€"}', 'utf8'));
    expect(f.broker.inspect.queue('q')!.readyBytes).toBe(12);
  });

  it('the same message routed to several queues is one message object, each queue with its own copy state', () => {
    const f = new Fixture();
    f.exchange('x', 'fanout');
    f.queue('a');
    f.queue('b');
    f.bind('x', 'a');
    f.bind('x', 'b');
    const id = f.publish('x', '', 'shared');
    const m = f.get('a', { noAck: false })!;
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: m.deliveryTag, requeue: true }));
    expect(f.broker.inspect.locate(id)).toEqual([
      { where: 'ready', queue: 'a', position: 0 },
      { where: 'ready', queue: 'b', position: 0 },
    ]);
    expect(f.broker.inspect.readyMessages('a')[0]!.redelivered).toBe(true);
    expect(f.broker.inspect.readyMessages('b')[0]!.redelivered).toBe(false);
  });
});

describe('inspect', () => {
  it('locates a message that is unacked on a channel', () => {
    const f = new Fixture();
    f.queue('q');
    const id = f.publish('', 'q', 'm');
    f.consume('q', { consumerTag: 'c' });
    expect(f.broker.inspect.locate(id)).toEqual([{ where: 'unacked', queue: 'q', connection: f.conn, channel: f.ch.channel, deliveryTag: 1, consumerTag: 'c' }]);
    expect(f.broker.inspect.unacked(f.conn, f.ch.channel)).toMatchObject([{ deliveryTag: 1, queue: 'q', consumerTag: 'c', message: { msgId: id, body: 'm' } }]);
    expect(f.broker.inspect.locate(999)).toEqual([]);
  });

  it('describes channels and connections', () => {
    const f = new Fixture();
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 3 }));
    unwrap(f.broker.basicQos(f.ch, { prefetchCount: 7, global: true }));
    unwrap(f.broker.confirmSelect(f.ch));
    expect(f.broker.inspect.connections()).toEqual([
      { id: f.conn, name: 'test', user: 'guest', channels: [{ connection: f.conn, number: 1, unacked: 0, prefetchCount: 3, globalPrefetchCount: 7, confirm: true, consumers: [] }] },
    ]);
  });
});
