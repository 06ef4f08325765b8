import { describe, expect, it } from 'vitest';
import type { ChannelRef } from './broker';
import { REPLY_TO_QUEUE } from './replyTo';
import { Fixture, failure, unwrap } from './test/harness';

/** Direct reply-to (RabbitMQ 3.10.8; conformance/golden/replyto/* pin each rule). */

function rpc() {
  const f = new Fixture();
  f.queue('rpc');
  const client = f.channel();
  const server = f.channel();
  unwrap(f.broker.basicConsume(client, { queue: REPLY_TO_QUEUE, consumerTag: 'client', noAck: true }));
  const request = (body: string, ch: ChannelRef = client) => f.broker.basicPublish(ch, { exchange: '', routingKey: 'rpc', body, properties: { replyTo: REPLY_TO_QUEUE, correlationId: body } });
  const replyTo = () => f.get('rpc', { ch: server })!.properties.replyTo!;
  const reply = (to: string, body: string, mandatory = false) => unwrap(f.broker.basicPublish(server, { exchange: '', routingKey: to, body, mandatory }));
  return { f, client, server, request, replyTo, reply };
}

describe('direct reply-to', () => {
  it("rewrites reply_to to the channel's address and delivers the reply to the reply consumer only", () => {
    const { f, client, request, replyTo, reply } = rpc();
    unwrap(request('req1'));
    const address = replyTo();
    expect(address.startsWith(`${REPLY_TO_QUEUE}.`)).toBe(true);
    reply(address, 'rep1');
    const d = f.deliveries('client');
    expect(d.map((x) => [x.body, x.queue, x.exchange, x.routingKey, x.connection, x.channel])).toEqual([['rep1', REPLY_TO_QUEUE, '', address, client.connection, client.channel]]);
    expect(f.all('unroutable')).toEqual([]);
  });

  it('replies use the next delivery tag without consuming it', () => {
    const { f, client, request, replyTo, reply } = rpc();
    unwrap(request('req1'));
    const address = replyTo();
    reply(address, 'a');
    reply(address, 'b');
    f.queue('side');
    f.consume('side', { ch: client, consumerTag: 'side' });
    f.publish('', 'side', 's1');
    expect(f.deliveries().filter((d) => d.channel === client.channel).map((d) => [d.body, d.deliveryTag])).toEqual([
      ['a', 1],
      ['b', 1],
      ['s1', 1],
    ]);
  });

  it('the reply consumer must be no-ack, and one per channel', () => {
    const f = new Fixture();
    expect(failure(f.broker.basicConsume(f.channel(), { queue: REPLY_TO_QUEUE })).text).toBe('PRECONDITION_FAILED - reply consumer cannot acknowledge');
    const ch = f.channel();
    unwrap(f.broker.basicConsume(ch, { queue: REPLY_TO_QUEUE, noAck: true }));
    expect(failure(f.broker.basicConsume(ch, { queue: REPLY_TO_QUEUE, noAck: true })).text).toBe('PRECONDITION_FAILED - reply consumer already set');
  });

  it('a request without a reply consumer on its channel is a channel error', () => {
    const { f, request } = rpc();
    const other = f.channel();
    expect(failure(request('r', other)).text).toBe('PRECONDITION_FAILED - fast reply consumer does not exist');
    expect(f.broker.isOpen(other)).toBe(false);
  });

  it('a mandatory reply is delivered and returned; replies to a gone requester are dropped', () => {
    const { f, client, request, replyTo, reply } = rpc();
    unwrap(request('req1'));
    const address = replyTo();
    reply(address, 'rep1', true);
    expect(f.delivered('client')).toEqual(['rep1']);
    expect(f.all('returned').map((r) => r.replyText)).toEqual(['NO_ROUTE']);
    unwrap(f.broker.channelClose(client));
    reply(address, 'rep2');
    expect(f.delivered('client')).toEqual(['rep1']);
    expect(failure(f.broker.queueDeclare(f.channel(), { queue: address, passive: true })).code).toBe(404);
  });

  it('consuming again gives a new address; the old one is dead', () => {
    const { f, client, request, replyTo, reply } = rpc();
    unwrap(request('req1'));
    const first = replyTo();
    unwrap(f.broker.basicCancel(client, { consumerTag: 'client' }));
    unwrap(f.broker.basicConsume(client, { queue: REPLY_TO_QUEUE, consumerTag: 'again', noAck: true }));
    unwrap(request('req2'));
    const second = replyTo();
    expect(second).not.toBe(first);
    reply(first, 'lost');
    reply(second, 'found');
    expect(f.delivered()).toEqual(['req1', 'req2', 'found']);
  });

  it('declaring the pseudo-queue answers 0 messages and 1 consumer; basic.get knows no such queue', () => {
    const f = new Fixture();
    expect(unwrap(f.broker.queueDeclare(f.ch, { queue: REPLY_TO_QUEUE, passive: true }))).toEqual({ queue: REPLY_TO_QUEUE, messageCount: 0, consumerCount: 1 });
    expect(unwrap(f.broker.queueDeclare(f.ch, { queue: REPLY_TO_QUEUE, durable: true }))).toEqual({ queue: REPLY_TO_QUEUE, messageCount: 0, consumerCount: 1 });
    expect(failure(f.broker.queueDeclare(f.ch, { queue: `${REPLY_TO_QUEUE}.garbage` })).code).toBe(404);
    expect(failure(f.broker.basicGet(f.channel(), { queue: REPLY_TO_QUEUE })).code).toBe(404);
  });
});
