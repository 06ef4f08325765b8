import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { rpc } from './rpc';

const [burst, stop, start] = rpc.tryThis.map((t) => t.action!);

describe('gallery: RPC', () => {
  it('answers each request on the client\'s callback queue with the request\'s correlation id', () => {
    const r = new Run(rpc.scenario).until(12_000);
    const requests = r.deliveries({ queue: 'rpc_queue' }).map((d) => [d.properties.correlationId, d.properties.replyTo, d.body]);
    expect(requests.slice(0, 3)).toEqual([
      ['corr-1', 'rpc_client.callback', 'fib(1)'],
      ['corr-2', 'rpc_client.callback', 'fib(2)'],
      ['corr-3', 'rpc_client.callback', 'fib(3)'],
    ]);
    const replies = r.deliveries({ queue: 'rpc_client.callback', consumerTag: 'app-rpc_client-sub' }).map((d) => [d.properties.correlationId, d.body]);
    expect(replies.length).toBeGreaterThanOrEqual(4);
    for (const [corr, body] of replies) expect(body).toBe(`reply to fib(${corr!.slice('corr-'.length)})`);
    // replies travel through the default exchange, keyed by reply_to
    expect(r.of('published').some((e) => e.exchange === '' && e.routingKey === 'rpc_client.callback')).toBe(true);
  });

  it('serves a burst one request at a time, in order', () => {
    const r = new Run(rpc.scenario).until(100).input(burst!).for(10_000);
    const order = r.deliveries({ queue: 'rpc_client.callback' }).map((d) => d.properties.correlationId);
    expect(order.slice(0, 6)).toEqual(['corr-1', 'corr-2', 'corr-3', 'corr-4', 'corr-5', 'corr-6']);
    expect(r.of('delivered').filter((d) => d.queue === 'rpc_queue').every((d) => d.deliveryTag > 0)).toBe(true);
  });

  it('keeps requests waiting while the server is stopped and answers them when it is back', () => {
    const r = new Run(rpc.scenario).until(1000).input(stop!).input(burst!).for(4000);
    expect(r.queue('rpc_queue')!.ready).toBeGreaterThanOrEqual(5);
    const before = r.deliveries({ queue: 'rpc_client.callback' }).length;
    r.input(start!).for(30_000);
    expect(r.queue('rpc_queue')!.ready).toBeLessThanOrEqual(1);
    expect(r.deliveries({ queue: 'rpc_client.callback' }).length).toBeGreaterThanOrEqual(before + 5);
  });

  it('publishes each reply before it acks the request, as the tutorial\'s server does', () => {
    const r = new Run(rpc.scenario).until(12_000);
    const requests = r.deliveries({ queue: 'rpc_queue' });
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const req of requests.slice(0, 4)) {
      const corr = req.properties.correlationId;
      const reply = r.of('published').find((e) => e.routingKey === 'rpc_client.callback' && r.deliveries({ queue: 'rpc_client.callback' }).some((d) => d.msgId === e.msgId && d.properties.correlationId === corr))!;
      const ack = r.of('acked').find((a) => a.msgId === req.msgId)!;
      const order = r.events.indexOf(reply) < r.events.indexOf(ack);
      expect(order).toBe(true);
      // and on the client's side of the wire, the reply leaves first too
      const sent = r.of('publish-sent').findIndex((e) => e.publisher === 'app-rpc_server-sub' && e.body === `reply to ${req.body}`);
      const settle = r.of('settle-sent').findIndex((e) => e.msgId === req.msgId);
      expect(r.events.indexOf(r.of('publish-sent')[sent]!)).toBeLessThan(r.events.indexOf(r.of('settle-sent')[settle]!));
    }
  });
});
