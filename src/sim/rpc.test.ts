import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../model';
import { consumerApp, publisherApp, queue } from './fixtures';
import { World } from './world';

describe('RPC: reply-to and correlation-id', () => {
  it('the server answers each request on the client reply queue with the request correlation-id', () => {
    const s = emptyScenario(5);
    s.broker.hopLatencyMs = 20;
    s.queues = [queue('q-req', 'rpc_queue'), queue('q-rep', 'replies', { durable: false, exclusive: true })];
    const client = publisherApp('client', 'client', {
      routingKeys: ['rpc_queue'],
      message: { body: 'fib({n})', deliveryMode: 1, headers: {}, replyTo: 'replies', correlationId: 'req-{n}' },
    });
    // the client also consumes its replies, on the same connection
    const listener = consumerApp('x', 'x', { queue: 'replies', prefetchCount: 0, processingMs: 0 }).consumers[0]!;
    client.consumers = [{ ...listener, id: 'client-sub', channelId: 'client-ch' }];
    s.apps = [client, consumerApp('server', 'server', { queue: 'rpc_queue', processingMs: 30, replyToRequests: true })];
    const w = World.create(s);
    for (let i = 0; i < 3; i++) w.input({ type: 'publish', publisher: 'client-pub' });
    w.advanceTo(2000);
    const replies = w.drainEvents().flatMap((e) => (e.type === 'delivered' && e.queue === 'replies' ? [[e.properties.correlationId, e.body]] : []));
    expect(replies).toEqual([
      ['req-1', 'reply to fib(1)'],
      ['req-2', 'reply to fib(2)'],
      ['req-3', 'reply to fib(3)'],
    ]);
    expect(w.consumers.get('server-sub')!.replied).toBe(3);
  });
});

describe('RPC with direct reply-to (amq.rabbitmq.reply-to)', () => {
  it('the client consumes the pseudo-queue no-ack; each reply goes to its generated address and reaches that client only', () => {
    const s = emptyScenario(5);
    s.broker.hopLatencyMs = 20;
    s.queues = [queue('q-req', 'rpc_queue')];
    const clientApp = (id: string) => {
      const app = publisherApp(id, id, {
        routingKeys: ['rpc_queue'],
        message: { body: `${id}({n})`, deliveryMode: 1, headers: {}, replyTo: 'amq.rabbitmq.reply-to', correlationId: `${id}-{n}` },
      });
      // the reply consumer lives on the channel that publishes the requests
      const listener = consumerApp('x', 'x', { queue: 'amq.rabbitmq.reply-to', noAck: true, prefetchCount: 0, processingMs: 0 }).consumers[0]!;
      app.consumers = [{ ...listener, id: `${id}-sub`, channelId: `${id}-ch` }];
      return app;
    };
    s.apps = [clientApp('a'), clientApp('b'), consumerApp('server', 'server', { queue: 'rpc_queue', processingMs: 30, replyToRequests: true })];
    const w = World.create(s);
    for (let i = 0; i < 2; i++) {
      w.input({ type: 'publish', publisher: 'a-pub' });
      w.input({ type: 'publish', publisher: 'b-pub' });
    }
    w.advanceTo(2000);
    const events = w.drainEvents();
    const requests = events.flatMap((e) => (e.type === 'delivered' && e.queue === 'rpc_queue' ? [e.properties.replyTo!] : []));
    expect(requests).toHaveLength(4);
    // one generated address per client channel, never the pseudo-queue name itself
    expect(new Set(requests).size).toBe(2);
    for (const to of requests) expect(to.startsWith('amq.rabbitmq.reply-to.')).toBe(true);
    const replies = events.flatMap((e) => (e.type === 'delivered' && e.queue === 'amq.rabbitmq.reply-to' ? [[e.consumerTag, e.properties.correlationId, e.noAck]] : []));
    expect(replies).toEqual([
      ['a-sub', 'a-1', true],
      ['b-sub', 'b-1', true],
      ['a-sub', 'a-2', true],
      ['b-sub', 'b-2', true],
    ]);
    expect(events.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(w.consumers.get('server-sub')!.replied).toBe(4);
  });
});
