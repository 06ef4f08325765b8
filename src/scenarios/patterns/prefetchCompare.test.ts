import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { prefetchCompare } from './prefetchCompare';

const id = (name: string) => `app-${name}-sub`;

describe('gallery: Prefetch 1 vs unlimited', () => {
  it('lets the fast consumer do the work with prefetch 1, while with no limit the slow one hoards unacked jobs', () => {
    const r = new Run(prefetchCompare.scenario).until(30_000);
    expect(r.consumer(id('fast-1')).acked).toBeGreaterThan(3 * r.consumer(id('slow-1')).acked);
    expect(r.queue('jobs.prefetch-1')).toMatchObject({ ready: 0 });
    expect(r.queue('jobs.prefetch-1')!.unacked).toBeLessThanOrEqual(2);
    // round-robin: both unlimited consumers were sent the same number of jobs
    const sent = (c: string) => r.deliveries({ consumerTag: id(c) }).length;
    expect(Math.abs(sent('fast-unlimited') - sent('slow-unlimited'))).toBeLessThanOrEqual(1);
    expect(r.consumer(id('slow-unlimited')).inbox.length).toBeGreaterThan(10);
    expect(r.queue('jobs.unlimited')!.unacked).toBeGreaterThan(10);
  });

  it('makes jobs wait far longer on the unlimited side', () => {
    const r = new Run(prefetchCompare.scenario).until(30_000);
    const enq = new Map(r.of('published').map((e) => [e.msgId, e.t]));
    const latency = (queue: string) => {
      const acks = r.of('acked').filter((a) => a.queue === queue);
      return acks.reduce((s, a) => s + a.t - enq.get(a.msgId)!, 0) / acks.length;
    };
    expect(latency('jobs.unlimited')).toBeGreaterThan(3 * latency('jobs.prefetch-1'));
  });

  it('redelivers what the crashed slow consumer hoarded to the fast one', () => {
    const r = new Run(prefetchCompare.scenario).until(20_000);
    const held = r.consumer(id('slow-unlimited')).inbox.length + 1;
    r.input(prefetchCompare.tryThis[0]!.action!).for(5000);
    const again = r.deliveries({ consumerTag: id('fast-unlimited') }, 20_000).filter((d) => d.redelivered);
    expect(again.length).toBeGreaterThanOrEqual(held - 1);
    expect(r.queue('jobs.unlimited')!.ready).toBe(0);
  });
});
