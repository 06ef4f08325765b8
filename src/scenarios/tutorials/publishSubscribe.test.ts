import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { publishSubscribe } from './publishSubscribe';

const [q1, q2] = publishSubscribe.scenario.queues.map((q) => q.name) as [string, string];

describe('gallery: Publish/Subscribe', () => {
  it('copies every message to both subscribers, whatever its routing key', () => {
    const r = new Run(publishSubscribe.scenario).until(6000);
    const ids = (q: string) => r.of('enqueued').filter((e) => e.queue === q).map((e) => e.msgId);
    expect(ids(q1).length).toBeGreaterThanOrEqual(7);
    expect(ids(q1)).toEqual(ids(q2));
    expect(r.of('routed').every((e) => e.queues.length === 2)).toBe(true);
  });

  it('deletes a subscriber\'s exclusive queue when its connection closes; later logs reach the other one only', () => {
    const r = new Run(publishSubscribe.scenario).until(3000).input(publishSubscribe.tryThis[0]!.action!);
    expect(r.of('queue-deleted').map((e) => [e.queue, e.reason])).toEqual([[q2, 'exclusive-owner-closed']]);
    r.for(4000);
    expect(r.queue(q2)).toBeUndefined();
    const later = r.of('routed', 3001);
    expect(later.length).toBeGreaterThanOrEqual(5);
    expect(later.every((e) => e.queues.join() === q1)).toBe(true);
  });

  it('declares the queue again, bound and empty, when the subscriber starts again; it then gets every new log', () => {
    const r = new Run(publishSubscribe.scenario).until(3000).input(publishSubscribe.tryThis[0]!.action!).for(2000);
    r.input(publishSubscribe.tryThis[1]!.action!);
    expect(r.of('client-error')).toEqual([]);
    expect(r.queue(q2)).toMatchObject({ exclusive: true, ready: 0, consumers: 1 });
    r.for(4000);
    const later = r.of('routed', 5001);
    expect(later.length).toBeGreaterThanOrEqual(5);
    expect(later.every((e) => e.queues.length === 2)).toBe(true);
    // receive_logs-2 gets them (the last one or two may still be on their way)
    expect(r.deliveries({ queue: q2 }, 5001).length).toBeGreaterThanOrEqual(later.length - 2);
  });

  it('declares as the tutorial does: exclusive, non-durable queues; a non-durable exchange; both subscribers on auto-ack', () => {
    const r = new Run(publishSubscribe.scenario).until(5000);
    for (const q of [q1, q2]) expect(r.queue(q)).toMatchObject({ exclusive: true, durable: false, unacked: 0 });
    expect(r.w.broker.inspect.exchanges().find((x) => x.name === 'logs')).toMatchObject({ type: 'fanout', durable: false });
    expect(r.of('delivered').every((d) => d.noAck)).toBe(true);
    expect(r.of('publish-sent')[0]!.body).toBe('info: Hello World! #1');
  });
});
