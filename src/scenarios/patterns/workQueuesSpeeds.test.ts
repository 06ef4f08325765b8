import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { workQueuesSpeeds as workQueues } from './workQueuesSpeeds';

const FAST = 'app-worker-fast-sub';
const SLOW = 'app-worker-slow-sub';
const [, crashFast, startFast] = workQueues.tryThis;

const slowPrefetch = (n: number) => (d: Scenario) => ({
  ...d,
  apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => (c.id === SLOW ? { ...c, prefetchCount: n } : c)) })),
});

describe('gallery: Work queues, a fast and a slow worker', () => {
  it('gives the fast worker most of the work with prefetch 1, and keeps the queue short', () => {
    const r = new Run(workQueues.scenario).until(30_000);
    const fast = r.consumer(FAST).acked;
    const slow = r.consumer(SLOW).acked;
    expect(fast).toBeGreaterThan(4 * slow);
    expect(slow).toBeGreaterThanOrEqual(4);
    expect(r.queue('task_queue')!.ready).toBeLessThanOrEqual(2);
    // never more than one unacked task per worker
    expect(r.queue('task_queue')!.unacked).toBeLessThanOrEqual(2);
  });

  it('deals round-robin once worker-slow has no prefetch limit: its unacked tasks pile up', () => {
    const r = new Run(workQueues.scenario).until(2000).edit(slowPrefetch(0)).for(30_000);
    const slow = r.consumer(SLOW);
    expect(slow.inbox.length).toBeGreaterThan(10);
    expect(r.queue('task_queue')!.unacked).toBeGreaterThan(10);
  });

  it('lets the queue grow while worker-fast is down and drains it when it is back', () => {
    const r = new Run(workQueues.scenario).until(3000).input(crashFast!.action!).for(8000);
    expect(r.queue('task_queue')!.ready).toBeGreaterThan(10);
    r.input(startFast!.action!).for(40_000);
    expect(r.queue('task_queue')!.ready).toBeLessThanOrEqual(2);
  });

  it('is a lesson a student can complete by doing what it says', () => {
    const r = new Run(workQueues.scenario, workQueues.lesson).until(10_000);
    expect(r.tracker!.progress.done).toEqual([true, false, false, false]);
    r.input(crashFast!.action!).for(5000);
    expect(r.tracker!.progress.current).toBe(2);
    r.input(startFast!.action!).for(30_000);
    expect(r.tracker!.progress.current).toBe(3);
    r.edit(slowPrefetch(0)).for(30_000);
    expect(r.tracker!.progress.complete).toBe(true);
  });
});
