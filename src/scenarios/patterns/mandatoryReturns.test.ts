import { describe, expect, it } from 'vitest';
import { type Scenario, addNode } from '../../model';
import { Run } from '../testing/run';
import { mandatoryReturns } from './mandatoryReturns';

const CAREFUL = 'app-careful-app-pub';
const CARELESS = 'app-careless-app-pub';

describe('gallery: Mandatory and returned messages', () => {
  it('returns order.asia to careful-app (312 NO_ROUTE) and loses careless-app\'s silently', () => {
    const r = new Run(mandatoryReturns.scenario).until(12_000);
    const returned = r.of('return-received');
    expect(returned.length).toBeGreaterThanOrEqual(3);
    expect(returned.every((e) => e.publisher === CAREFUL && e.replyText === '312 NO_ROUTE')).toBe(true);
    expect(r.of('returned').every((e) => e.routingKey === 'order.asia')).toBe(true);
    expect(r.publisher(CARELESS).returned).toBe(0);
    expect(r.publisher(CARELESS).unroutable).toBeGreaterThanOrEqual(3);
  });

  it('returns nothing once a queue is bound for order.asia', () => {
    const addAsia = (d: Scenario): Scenario => {
      const { doc, id } = addNode(d, 'queue', { x: 0, y: 0 });
      return { ...doc, queues: doc.queues.map((q) => (q.id === id ? { ...q, name: 'asia-orders' } : q)) };
    };
    const r = new Run(mandatoryReturns.scenario).until(500).edit(addAsia).bind('orders', 'asia-orders', 'order.asia').for(10_000);
    expect(r.of('returned', 1000)).toEqual([]);
    expect(r.keysIn('asia-orders').length).toBeGreaterThanOrEqual(5);
  });
});
