import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { brokerRestart } from './brokerRestart';

const restart = brokerRestart.tryThis[0]!.action!;
const bodies = (r: Run, q: string) => r.w.broker.inspect.readyMessages(q, 1000).map((m) => m.body.split(' ')[0]);

describe('gallery: Broker restart', () => {
  it('loses the transient queue, and the transient messages of the durable one', () => {
    const r = new Run(brokerRestart.scenario).until(10_000);
    const before = bodies(r, 'durable-events');
    expect(before.filter((b) => b === 'persistent').length).toBeGreaterThanOrEqual(9);
    expect(before.filter((b) => b === 'transient').length).toBeGreaterThanOrEqual(9);
    expect(r.queue('transient-events')!.ready).toBeGreaterThanOrEqual(18);
    r.input(restart);
    // right after the restart (the broker is still down)
    expect(r.queue('transient-events')).toBeUndefined();
    const after = r.w.broker.inspect.readyMessages('durable-events', 1000);
    expect(after.length).toBe(before.filter((b) => b === 'persistent').length);
    expect(after.every((m) => m.properties.deliveryMode === 2)).toBe(true);
  });

  it('keeps the durable exchange and its binding to the durable queue; publishing fails while the broker is down', () => {
    const r = new Run(brokerRestart.scenario).until(5000).input(restart).for(1500);
    expect(r.of('publish-failed', 5000).length).toBeGreaterThan(0);
    r.for(5000);
    expect(r.w.broker.inspect.bindings().filter((b) => b.source === 'events').map((b) => b.destination)).toEqual(['durable-events']);
    // the apps reconnected and publish again, into the durable queue only
    expect(r.keysIn('durable-events', 8000).length).toBeGreaterThan(4);
    expect(r.queue('transient-events')).toBeUndefined();
  });

  it('keeps a queue made durable, with only its persistent messages', () => {
    const durable = (d: Scenario) => ({ ...d, queues: d.queues.map((q) => ({ ...q, durable: true })) });
    const r = new Run(brokerRestart.scenario).edit(durable).until(6000).input(restart);
    expect(r.w.broker.inspect.readyMessages('transient-events', 100).every((m) => m.properties.deliveryMode === 2)).toBe(true);
    expect(r.queue('transient-events')!.ready).toBeGreaterThanOrEqual(5);
  });
});
