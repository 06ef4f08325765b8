import { describe, expect, it } from 'vitest';
import type { Delivered } from '../../engine';
import type { Scenario } from '../../model';
import { deathCount } from '../goals/checkers';
import { Run } from '../testing/run';
import { deadLetterRetry } from './deadLetterRetry';

const failures = (pct: number) => (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, failPercent: pct })) })) });
const deaths = (d: Delivered) => (d.properties.headers?.['x-death'] ?? []) as { queue: string; reason: string; count: number }[];

describe('gallery: Dead-lettering and retry', () => {
  it('brings a rejected task back through work.retry, with x-death counting each trip', () => {
    const r = new Run(deadLetterRetry.scenario).until(40_000);
    expect(r.of('dead-lettered').some((e) => e.queue === 'work' && e.reason === 'rejected' && e.exchange === 'work.dlx')).toBe(true);
    expect(r.of('dead-lettered').some((e) => e.queue === 'work.retry' && e.reason === 'expired' && e.exchange === 'work')).toBe(true);
    const second = r.deliveries({ queue: 'work' }).find((d) => deathCount(d.properties.headers) === 2)!;
    expect(second).toBeDefined();
    expect(second.routingKey).toBe('task');
    expect(deaths(second).map((x) => [x.queue, x.reason, x.count])).toEqual([
      ['work.retry', 'expired', 2],
      ['work', 'rejected', 2],
    ]);
  });

  it('waits the TTL in work.retry before a retry', () => {
    const r = new Run(deadLetterRetry.scenario).until(20_000);
    const rejected = r.of('dead-lettered').find((e) => e.queue === 'work')!;
    const expired = r.of('dead-lettered').find((e) => e.queue === 'work.retry' && e.msgId === rejected.newMsgId)!;
    // one hop to the retry queue, then the 3 s TTL
    expect(expired.t - rejected.t).toBeGreaterThanOrEqual(3000);
    expect(expired.t - rejected.t).toBeLessThan(4000);
  });

  it('loses no task: each is acked, waiting or on its way', () => {
    const r = new Run(deadLetterRetry.scenario).until(30_000).edit(failures(0)).for(15_000);
    const sent = r.publisher('app-orders-api-pub').sent;
    const acked = r.consumer('app-worker-sub').acked;
    expect(r.of('dropped')).toEqual([]);
    expect(r.queue('work.retry')!.ready).toBe(0);
    expect(sent - acked).toBeLessThanOrEqual(2);
  });

  it('drops rejected tasks once work has no dead-letter exchange', () => {
    const noDlx = (d: Scenario) => ({ ...d, queues: d.queues.map((q) => (q.name === 'work' ? { ...q, arguments: { queueType: 'classic' as const } } : q)) });
    const r = new Run(deadLetterRetry.scenario).until(1000).edit(noDlx).for(10_000);
    expect(r.of('dropped').filter((e) => e.queue === 'work' && e.reason === 'rejected').length).toBeGreaterThan(0);
  });

  it('is a lesson a student can complete by doing what it says', () => {
    const r = new Run(deadLetterRetry.scenario, deadLetterRetry.lesson).until(40_000);
    expect(r.tracker!.progress.current).toBe(3);
    r.for(20_000);
    expect(r.tracker!.progress.current).toBe(3); // 50% failures do not fill work.retry
    r.edit(failures(100)).for(15_000);
    expect(r.tracker!.progress.current).toBe(4);
    r.edit(failures(0)).for(10_000);
    expect(r.tracker!.progress.complete).toBe(true);
  });
});
