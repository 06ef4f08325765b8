import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { workQueues } from './workQueues';

const W1 = 'app-worker-1-sub';
const W2 = 'app-worker-2-sub';
const [sendFive, crash1, roundRobin, restart] = workQueues.tryThis;

/** The "dispatch without prefetch" suggestion: prefetch 0 on both workers, odd tasks heavy and even ones light. */
const withoutPrefetch = (d: Scenario): Scenario => ({
  ...d,
  apps: d.apps.map((a) => ({
    ...a,
    consumers: a.consumers.map((c) => ({ ...c, prefetchCount: 0 })),
    publishers: a.publishers.map((p) => ({ ...p, message: { ...p.message, body: 'Task {n}{.....|.}' } })),
  })),
});

describe('gallery: Work queues (tutorial 2)', () => {
  it('sends the tutorial\'s five messages in turn, and a worker works a second per dot', () => {
    const r = new Run(workQueues.scenario).until(12_000);
    expect(r.of('publish-sent').map((e) => e.body).slice(0, 5)).toEqual(['First message.', 'Second message..', 'Third message...', 'Fourth message....', 'Fifth message.....']);
    const bodies = new Map(r.of('publish-sent').map((e) => [e.seq, e.body]));
    const published = new Map(r.of('published').map((e) => [e.msgId, e.msgId]));
    expect(published.size).toBeGreaterThan(0);
    for (const p of r.of('processing-started')) {
      const d = r.of('delivered').find((x) => x.msgId === p.msgId)!;
      expect(p.until - p.t).toBe(1000 * [...d.body].filter((c) => c === '.').length);
    }
    expect(bodies.size).toBeGreaterThanOrEqual(5);
  });

  it('gives each worker at most one unacked task, to whichever is free, and keeps up', () => {
    const r = new Run(workQueues.scenario).until(60_000);
    for (const id of [W1, W2]) expect(r.consumer(id).acked).toBeGreaterThanOrEqual(8);
    expect(r.queue('task_queue')!.unacked).toBeLessThanOrEqual(2);
    expect(r.queue('task_queue')!.ready).toBeLessThanOrEqual(2);
    expect(r.of('client-error')).toEqual([]);
  });

  it('keeps the five messages sent at once waiting Ready until a worker is free', () => {
    const r = new Run(workQueues.scenario).until(500).input(sendFive!.action!).for(1000);
    expect(r.queue('task_queue')!.ready).toBeGreaterThanOrEqual(3);
    expect(r.queue('task_queue')!.unacked).toBe(2);
  });

  it('delivers the task a crashed worker held to the other worker, flagged redelivered', () => {
    // worker-1 works on "First message." from 0.45 s to 1.45 s
    const r = new Run(workQueues.scenario).until(1000);
    expect(r.consumer(W1).busy).not.toBeNull();
    const held = r.consumer(W1).busy!.msgId;
    r.input(crash1!.action!).for(12_000);
    expect(r.deliveries({ consumerTag: W2 }).some((d) => d.msgId === held && d.redelivered)).toBe(true);
    expect(r.of('acked').some((a) => a.msgId === held)).toBe(true);
  });

  it('without prefetch, round-robin gives worker-1 every heavy task while worker-2 idles; prefetch 1 shares them fairly', () => {
    const unfair = new Run(workQueues.scenario).edit(withoutPrefetch).until(60_000);
    const work = (r: Run, id: string) => r.of('processing-started').filter((p) => p.consumer === id).reduce((s, p) => s + (p.until - p.t), 0);
    expect(unfair.consumer(W1).inbox.length).toBeGreaterThanOrEqual(3);
    expect(work(unfair, W1)).toBeGreaterThan(3 * work(unfair, W2));
    const fair = new Run(workQueues.scenario).edit((d) => withoutPrefetch(d)).edit((d) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, prefetchCount: 1 })) })) })).until(60_000);
    expect(work(fair, W1)).toBeLessThan(2 * work(fair, W2));
    expect(fair.queue('task_queue')!.unacked).toBeLessThanOrEqual(2);
    expect(roundRobin!.action).toBeUndefined();
  });

  it('keeps the waiting tasks through a broker restart: durable queue, persistent messages', () => {
    const r = new Run(workQueues.scenario).until(300).input(sendFive!.action!).for(700);
    const ready = r.queue('task_queue')!.ready + r.queue('task_queue')!.unacked;
    r.input(restart!.action!).for(100);
    // what was ready and what the workers held (requeued when their connections dropped) is all still there
    expect(r.queue('task_queue')!.ready).toBe(ready);
    r.for(5000);
    expect(r.consumer(W1).state).toBe('running');
    expect(r.of('client-error')).toEqual([]);
  });
});
