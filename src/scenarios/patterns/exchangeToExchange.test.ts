import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { exchangeToExchange } from './exchangeToExchange';

describe('gallery: Exchange-to-exchange routing', () => {
  it('forwards order events through orders to billing and shipping; audit gets everything', () => {
    const r = new Run(exchangeToExchange.scenario).until(10_000);
    expect(new Set(r.keysIn('billing'))).toEqual(new Set(['order.created', 'order.paid']));
    expect(r.keysIn('shipping')).toEqual(r.keysIn('billing'));
    expect(new Set(r.keysIn('audit'))).toEqual(new Set(['order.created', 'user.signup', 'order.paid', 'user.login']));
    const viaOrders = r.of('routed').find((e) => e.hops?.some((h) => h.from === 'events' && h.to === 'orders' && h.toType === 'exchange'))!;
    expect(viaOrders.queues).toEqual(['audit', 'billing', 'shipping']);
  });

  it('still delivers once to a queue reached by two paths', () => {
    const r = new Run(exchangeToExchange.scenario).until(500);
    r.edit((d) => {
      const orders = d.exchanges.find((e) => e.name === 'orders')!;
      const audit = d.queues.find((q) => q.name === 'audit')!;
      return { ...d, bindings: [...d.bindings, { id: 'b-extra', source: orders.id, destination: audit.id, destinationType: 'queue' as const, routingKey: '', arguments: {} }] };
    }).for(8000);
    const ids = r.of('enqueued').filter((e) => e.queue === 'audit').map((e) => e.msgId);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a publish to the internal exchange (403)', () => {
    const toOrders = (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, exchange: 'orders' })) })) });
    const r = new Run(exchangeToExchange.scenario).edit(toOrders).until(3000);
    expect(r.of('client-error').some((e) => e.code === 403)).toBe(true);
    expect(r.keysIn('billing')).toEqual([]);
  });
});
