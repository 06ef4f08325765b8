import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { alternateExchange } from './alternateExchange';

const addKey = (key: string) => (d: Scenario) => ({
  ...d,
  apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: [...p.routingKeys, key] })) })),
});

describe('gallery: Alternate exchange', () => {
  it('keeps what orders cannot route in the unrouted queue, and nothing else', () => {
    const r = new Run(alternateExchange.scenario).until(10_000);
    expect(new Set(r.keysIn('unrouted'))).toEqual(new Set(['order.refunded']));
    expect(new Set(r.keysIn('created'))).toEqual(new Set(['order.created']));
    // each went orders -> unrouted (alternate exchange) -> queue unrouted; one may still be on its way
    const viaAe = r.of('routed').filter((e) => e.hops?.some((h) => h.from === 'orders' && h.to === 'unrouted' && h.via === 'alternate-exchange'));
    expect(viaAe.length - r.keysIn('unrouted').length).toBeGreaterThanOrEqual(0);
    expect(viaAe.length - r.keysIn('unrouted').length).toBeLessThanOrEqual(1);
    expect(r.of('dropped')).toEqual([]);
    expect(r.of('unroutable')).toEqual([]);
  });

  it('drops unroutable messages once orders has no alternate exchange', () => {
    const noAe = (d: Scenario) => ({ ...d, exchanges: d.exchanges.map(({ alternateExchange: _, ...e }) => e) });
    const r = new Run(alternateExchange.scenario).until(1000).edit(noAe).for(8000);
    expect(r.of('unroutable').filter((e) => e.exchange === 'orders').length).toBeGreaterThan(0);
    expect(r.keysIn('unrouted', 1500)).toEqual([]);
  });

  it('does not return mandatory messages the alternate exchange took', () => {
    const mandatory = (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, mandatory: true })) })) });
    const r = new Run(alternateExchange.scenario).edit(mandatory).until(8000);
    expect(r.keysIn('unrouted').length).toBeGreaterThan(0);
    expect(r.of('returned')).toEqual([]);
  });

  it('is a lesson a student can complete by doing what it says', () => {
    const r = new Run(alternateExchange.scenario, alternateExchange.lesson).until(5000);
    expect(r.tracker!.progress.current).toBe(1);
    r.bind('orders', 'refunds', 'order.refunded').for(5000);
    expect(r.tracker!.progress.current).toBe(3);
    r.edit(addKey('order.shipped')).for(6000);
    expect(r.tracker!.progress.complete).toBe(true);
  });
});
