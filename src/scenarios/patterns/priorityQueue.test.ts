import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { priorityQueue } from './priorityQueue';

/** Mean time from entering `jobs` to being delivered, per body prefix. */
function waits(r: Run, since: number) {
  const enq = new Map(r.of('enqueued').map((e) => [e.msgId, e.t]));
  const out: Record<string, number[]> = { bulk: [], VIP: [] };
  for (const d of r.deliveries({ queue: 'jobs' }, since)) out[d.body.split(' ')[0]!]!.push(d.t - enq.get(d.msgId)!);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { bulk: mean(out.bulk!), vip: mean(out.VIP!), vipCount: out.VIP!.length };
}

describe('gallery: Priority queue', () => {
  it('delivers VIP messages almost at once while bulk messages wait in a growing backlog', () => {
    const r = new Run(priorityQueue.scenario).until(40_000);
    const w = waits(r, 10_000);
    expect(w.vipCount).toBeGreaterThan(8);
    expect(w.vip).toBeLessThan(1500);
    expect(w.bulk).toBeGreaterThan(5000);
    expect(r.queue('jobs')!.ready).toBeGreaterThan(10);
  });

  it('puts a VIP message ahead of a burst of 20 bulk messages', () => {
    const r = new Run(priorityQueue.scenario).until(5000).input(priorityQueue.tryThis[0]!.action!).for(5000);
    const firstVip = r.deliveries({ queue: 'jobs' }, 5000).find((d) => d.body.startsWith('VIP'))!;
    const enqueuedAt = r.of('enqueued').find((e) => e.msgId === firstVip.msgId)!.t;
    expect(firstVip.t - enqueuedAt).toBeLessThan(1500);
  });

  it('treats priorities as nothing once the queue is a plain FIFO', () => {
    const fifo = (d: Scenario) => ({ ...d, queues: d.queues.map((q) => ({ ...q, arguments: { queueType: 'classic' as const } })) });
    const r = new Run(priorityQueue.scenario).until(100).edit(fifo).for(40_000);
    const w = waits(r, 10_000);
    expect(w.vip).toBeGreaterThan(5000);
  });
});
