import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import type { WorldEvent } from '../../sim';
import { Run } from '../testing/run';
import { stress } from './stress';

/** Messages travelling at time `t`: on their way to the broker, inside it (exchange → queue), or to a consumer. */
function inFlight(events: readonly WorldEvent[], t: number, hop: number): number {
  let n = 0;
  for (const e of events) {
    if (e.type === 'publish-sent' && e.t <= t && t < e.arriveAt) n++;
    else if (e.type === 'routed' && e.t <= t && t < e.t + hop) n += e.queues.length;
    else if (e.type === 'delivered' && e.consumerTag !== undefined && e.t <= t && t < e.t + hop) n++;
  }
  return n;
}

describe('gallery: Stress', () => {
  it('keeps between 2,000 and 5,000 messages in flight, and the consumers keep up', () => {
    const r = new Run(stress.scenario).until(12_000, 250);
    const hop = stress.scenario.broker.hopLatencyMs;
    for (const t of [8000, 10_000, 11_900]) {
      const n = inFlight(r.events, t, hop);
      expect(n).toBeGreaterThan(2000);
      expect(n).toBeLessThan(5000);
    }
    for (const q of ['shard-1', 'shard-2', 'shard-3', 'shard-4']) expect(r.queue(q)!.ready).toBeLessThan(50);
    expect(r.of('acked').length).toBeGreaterThan(4000);
  });

  it('throttles a consumer whose prefetch cannot cover the round trip', () => {
    const low = (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => (c.queue === 'shard-2' ? { ...c, prefetchCount: 100 } : c)) })) });
    const r = new Run(stress.scenario).edit(low).until(10_000, 250);
    expect(r.queue('shard-2')!.ready).toBeGreaterThan(500);
    expect(r.queue('shard-3')!.ready).toBeLessThan(50);
  });
});
