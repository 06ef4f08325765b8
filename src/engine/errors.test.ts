import { describe, expect, it } from 'vitest';
import type { AmqpBroker } from './api';
import type { ChannelRef } from './broker';
import { amqpError, describeClose, REPLY_NAMES, type Result } from './errors';
import { Fixture, failure, unwrap } from './test/harness';

/** AMQP exceptions: reply codes, what they close, RabbitMQ-like texts, and that they are values. */

type Call = (b: AmqpBroker, ch: ChannelRef) => Result<unknown>;

/** Every channel method of the API, with arguments that would work on an open channel. */
const EVERY_METHOD: [string, Call][] = [
  ['channelClose', (b, ch) => b.channelClose(ch)],
  ['confirmSelect', (b, ch) => b.confirmSelect(ch)],
  ['exchangeDeclare', (b, ch) => b.exchangeDeclare(ch, { exchange: 'x2', type: 'direct' })],
  ['exchangeDelete', (b, ch) => b.exchangeDelete(ch, { exchange: 'x' })],
  ['exchangeBind', (b, ch) => b.exchangeBind(ch, { source: 'x', destination: 'amq.fanout' })],
  ['exchangeUnbind', (b, ch) => b.exchangeUnbind(ch, { source: 'x', destination: 'amq.fanout' })],
  ['queueDeclare', (b, ch) => b.queueDeclare(ch, { queue: 'q2' })],
  ['queueBind', (b, ch) => b.queueBind(ch, { queue: 'q', exchange: 'x', routingKey: 'k2' })],
  ['queueUnbind', (b, ch) => b.queueUnbind(ch, { queue: 'q', exchange: 'x', routingKey: 'k' })],
  ['queuePurge', (b, ch) => b.queuePurge(ch, { queue: 'q' })],
  ['queueDelete', (b, ch) => b.queueDelete(ch, { queue: 'q' })],
  ['basicQos', (b, ch) => b.basicQos(ch, { prefetchCount: 1 })],
  ['basicConsume', (b, ch) => b.basicConsume(ch, { queue: 'q' })],
  ['basicCancel', (b, ch) => b.basicCancel(ch, { consumerTag: 'c' })],
  ['basicPublish', (b, ch) => b.basicPublish(ch, { exchange: 'x', routingKey: 'k', body: 'b' })],
  ['basicGet', (b, ch) => b.basicGet(ch, { queue: 'q' })],
  ['basicAck', (b, ch) => b.basicAck(ch, { deliveryTag: 1 })],
  ['basicNack', (b, ch) => b.basicNack(ch, { deliveryTag: 1 })],
  ['basicReject', (b, ch) => b.basicReject(ch, { deliveryTag: 1 })],
  ['basicRecover', (b, ch) => b.basicRecover(ch, { requeue: true })],
];

function busyBroker(): { f: Fixture; dead: ChannelRef } {
  const f = new Fixture();
  f.exchange('x', 'direct');
  f.queue('q');
  f.bind('x', 'q', 'k');
  f.fill('q', ['a', 'b', 'c']);
  const worker = f.channel();
  f.consume('q', { ch: worker, consumerTag: 'c', prefetch: 1 });
  const dead = f.channel();
  unwrap(f.broker.channelClose(dead));
  f.reset();
  return { f, dead };
}

describe('methods on a closed channel', () => {
  it.each(EVERY_METHOD)('%s returns a 504 error value and changes nothing', (name, call) => {
    const { f, dead } = busyBroker();
    const before = f.broker.snapshot();
    const r = call(f.broker, dead);
    const e = failure(r);
    expect(e).toEqual({
      code: 504,
      name: 'CHANNEL_ERROR',
      text: `CHANNEL_ERROR - channel ${dead.channel} of connection ${dead.connection} is not open`,
      scope: 'channel',
      method: e.method,
    });
    expect(e.method).toMatch(/^(channel|confirm|exchange|queue|basic)\.[a-z-]+$/);
    expect(name.toLowerCase()).toContain(e.method.split('.')[1]!.toLowerCase());
    expect(f.broker.snapshot()).toEqual(before);
    expect(f.take()).toEqual([]);
  });

  it('on a channel of a closed or unknown connection, too', () => {
    const { f } = busyBroker();
    unwrap(f.broker.connectionClose(f.conn));
    f.reset();
    const before = f.broker.snapshot();
    for (const [, call] of EVERY_METHOD) {
      expect(failure(call(f.broker, f.ch)).code).toBe(504);
      expect(failure(call(f.broker, { connection: 77, channel: 1 })).code).toBe(504);
    }
    expect(f.broker.snapshot()).toEqual(before);
    expect(f.take()).toEqual([]);
  });
});

describe('soft errors close the channel, hard errors the connection', () => {
  /** Each case: a setup on a fresh fixture, the failing call, and what RabbitMQ answers. */
  const cases: [string, (f: Fixture, ch: ChannelRef) => Result<unknown>, number, 'channel' | 'connection', string][] = [
    ['publish to a missing exchange', (f, ch) => f.broker.basicPublish(ch, { exchange: 'nope', routingKey: '' }), 404, 'channel', "NOT_FOUND - no exchange 'nope' in vhost '/'"],
    ['get from a missing queue', (f, ch) => f.broker.basicGet(ch, { queue: 'nope' }), 404, 'channel', "NOT_FOUND - no queue 'nope' in vhost '/'"],
    ['bind a missing queue', (f, ch) => f.broker.queueBind(ch, { queue: 'nope', exchange: 'amq.direct' }), 404, 'channel', "NOT_FOUND - no queue 'nope' in vhost '/'"],
    ['declare an amq. exchange', (f, ch) => f.broker.exchangeDeclare(ch, { exchange: 'amq.x', type: 'fanout' }), 403, 'channel', "ACCESS_REFUSED - exchange name 'amq.x' contains reserved prefix 'amq.*'"],
    ['publish to an internal exchange', (f, ch) => {
      f.exchange('in', 'fanout', { internal: true });
      return f.broker.basicPublish(ch, { exchange: 'in', routingKey: '' });
    }, 403, 'channel', "ACCESS_REFUSED - cannot publish to internal exchange 'in' in vhost '/'"],
    ['consume an exclusive queue of another connection', (f, ch) => {
      const owner = f.broker.connectionOpen('owner');
      unwrap(f.broker.queueDeclare(f.channel(owner), { queue: 'ex', exclusive: true }));
      return f.broker.basicConsume(ch, { queue: 'ex' });
    }, 405, 'channel', "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'ex'"],
    ['ack an unknown tag', (f, ch) => f.broker.basicAck(ch, { deliveryTag: 5 }), 406, 'channel', 'PRECONDITION_FAILED - unknown delivery tag 5'],
    ['redeclare a queue differently', (f, ch) => {
      f.queue('q', { 'x-max-length': 1 });
      return f.broker.queueDeclare(ch, { queue: 'q' });
    }, 406, 'channel', "PRECONDITION_FAILED - inequivalent arg 'x-max-length'"],
    ['publish with a user-id that is not the connection user', (f, ch) => f.broker.basicPublish(ch, { exchange: '', routingKey: 'q', properties: { userId: 'mallory' } }), 406, 'channel', "PRECONDITION_FAILED - user_id property set to 'mallory' but authenticated user was 'guest'"],
    ['declare an unknown exchange type', (f, ch) => f.broker.exchangeDeclare(ch, { exchange: 'x', type: 'nope' }), 503, 'connection', "COMMAND_INVALID - unknown exchange type 'nope'"],
    ['reuse a consumer tag', (f, ch) => {
      f.queue('q');
      f.consume('q', { ch, consumerTag: 't' });
      return f.broker.basicConsume(ch, { queue: 'q', consumerTag: 't' });
    }, 530, 'connection', "NOT_ALLOWED - attempt to reuse consumer tag 't'"],
    ['recover without requeue', (_f, ch) => _f.broker.basicRecover(ch, { requeue: false }), 540, 'connection', 'NOT_IMPLEMENTED - requeue=false'],
    ['consume a quorum queue with global qos', (f, ch) => {
      f.queue('qq', { 'x-queue-type': 'quorum' }, { durable: true });
      unwrap(f.broker.basicQos(ch, { prefetchCount: 1, global: true }));
      return f.broker.basicConsume(ch, { queue: 'qq' });
    }, 540, 'connection', "NOT_IMPLEMENTED - queue 'qq' in vhost '/' does not support global qos"],
  ];

  it.each(cases)('%s', (_name, call, code, scope, text) => {
    const f = new Fixture();
    const ch = f.channel();
    const sibling = f.channel();
    const otherConn = f.broker.connectionOpen('bystander');
    const bystander = f.channel(otherConn);
    const e = failure(call(f, ch));
    expect(e.code).toBe(code);
    expect(e.name).toBe(REPLY_NAMES[code as keyof typeof REPLY_NAMES]);
    expect(e.scope).toBe(scope);
    expect(e.text.startsWith(text)).toBe(true);
    expect(f.broker.isOpen(ch)).toBe(false);
    // a channel error leaves the other channels alone; a connection error takes them all
    expect(f.broker.isOpen(sibling)).toBe(scope === 'channel');
    expect(f.broker.isOpen(bystander)).toBe(true);
    const closes = f.take().filter((ev) => ev.type === 'channel-closed' || ev.type === 'connection-closed');
    if (scope === 'channel') {
      expect(closes).toEqual([{ type: 'channel-closed', t: 0, connection: ch.connection, channel: ch.channel, error: e }]);
    } else {
      // every channel closes without its own error; the connection carries it
      expect(closes.map((c) => c.type)).toEqual([...Array(closes.length - 1).fill('channel-closed'), 'connection-closed']);
      expect(closes.at(-1)).toEqual({ type: 'connection-closed', t: 0, connection: f.conn, error: e });
    }
  });
});

describe('error values', () => {
  it('amqpError builds RabbitMQ-style texts with the scope from the code', () => {
    expect(amqpError(406, 'basic.ack', 'unknown delivery tag 5')).toEqual({
      code: 406,
      name: 'PRECONDITION_FAILED',
      text: 'PRECONDITION_FAILED - unknown delivery tag 5',
      scope: 'channel',
      method: 'basic.ack',
    });
    expect(amqpError(541, 'x', 'boom').scope).toBe('connection');
    // 320 CONNECTION_FORCED is a connection exception in AMQP 0-9-1 (the broker's shutdown)
    expect(amqpError(320, 'connection.close', 'shutdown').scope).toBe('connection');
    expect(describeClose(amqpError(320, 'connection.close', 'shutdown'), 1)).toBe('connection closed: CONNECTION_FORCED - shutdown');
    expect(amqpError(403, 'x', 'no').scope).toBe('channel');
  });

  it('describeClose says what closed', () => {
    const e = amqpError(406, 'basic.ack', 'unknown delivery tag 5');
    expect(describeClose(e, 1)).toBe('channel 1 closed: PRECONDITION_FAILED - unknown delivery tag 5');
    expect(describeClose(amqpError(503, 'exchange.declare', "unknown exchange type 'x'"), 1)).toBe("connection closed: COMMAND_INVALID - unknown exchange type 'x'");
    expect(describeClose(e)).toBe('connection closed: PRECONDITION_FAILED - unknown delivery tag 5');
  });

  it('a storm of bad calls never throws and leaves the broker usable', () => {
    const f = new Fixture();
    f.queue('q');
    const attempts: (() => Result<unknown>)[] = [];
    for (let i = 0; i < 5; i++) {
      const ch = f.channel();
      attempts.push(
        () => f.broker.basicAck(ch, { deliveryTag: -1 }),
        () => f.broker.basicNack(ch, { deliveryTag: 1e9, multiple: true }),
        () => f.broker.basicPublish(ch, { exchange: '\u0000', routingKey: '' }),
        () => f.broker.queueDeclare(ch, { queue: 'q', arguments: { 'x-max-priority': { $type: 'long', value: 1e12 } } }),
        () => f.broker.queueBind(ch, { queue: 'q', exchange: 'amq.headers', arguments: { 'x-match': { $type: 'bool', value: true } } }),
        () => f.broker.basicConsume(ch, { queue: 'q', arguments: { 'x-priority': 'high' } }),
        () => f.broker.basicConsume(ch, { queue: 'q', consumerTag: '' }),
        () => f.broker.exchangeDeclare(ch, { exchange: 'e', type: 'headers', arguments: { 'alternate-exchange': ['x'] } }),
      );
    }
    for (const a of attempts) expect(a).not.toThrow();
    const ch = f.channel(f.broker.connectionOpen('fresh'));
    f.publish('', 'q', 'still works', undefined, { ch });
    expect(f.ready('q')).toContain('still works');
  });
});
