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
