import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { poisonMessages } from './poisonMessages';

const failures = (pct: number) => (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, failPercent: pct })) })) });

describe('gallery: Poison messages', () => {
  it('dead-letters a message to orders.poison once it came back more than the delivery limit', () => {
    const r = new Run(poisonMessages.scenario).until(60_000);
    const parked = r.of('dead-lettered').filter((e) => e.queue === 'orders');
    expect(parked.length).toBeGreaterThan(3);
    expect(parked.every((e) => e.reason === 'delivery_limit' && e.exchange === 'orders.dlx')).toBe(true);
    expect(r.queue('orders.poison')!.ready).toBe(parked.length);
    // no message is delivered from orders more than limit + 1 = 3 times
    const times = new Map<number, number>();
    for (const d of r.deliveries({ queue: 'orders' })) times.set(d.msgId, (times.get(d.msgId) ?? 0) + 1);
    expect(Math.max(...times.values())).toBe(3);
    for (const e of parked) expect(times.get(e.msgId)).toBe(3);
  });

  it('counts returns in x-delivery-count', () => {
    const r = new Run(poisonMessages.scenario).until(20_000);
    const again = r.deliveries({ queue: 'orders' }).filter((d) => d.redelivered);
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again.map((d) => d.properties.headers?.['x-delivery-count']))).toEqual(new Set([1, 2]));
  });

  it('parks every message after three deliveries when the worker always fails', () => {
    const r = new Run(poisonMessages.scenario).edit(failures(100)).until(30_000);
    expect(r.consumer('app-flaky-worker-sub').acked).toBe(0);
    const parked = r.of('dead-lettered').map((e) => e.msgId);
    expect(parked.length).toBeGreaterThanOrEqual(8);
    expect(r.queue('orders.poison')!.ready).toBe(parked.length);
    for (const id of parked) expect(r.deliveries({ queue: 'orders' }).filter((d) => d.msgId === id).length).toBe(3);
  });
});
