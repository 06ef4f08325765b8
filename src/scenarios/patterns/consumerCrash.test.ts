import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { consumerCrash } from './consumerCrash';

const W1 = 'app-worker-1-sub';
const W2 = 'app-worker-2-sub';
const [crash1, start1, crash2] = consumerCrash.tryThis.map((t) => t.action!);

describe('gallery: Consumer crash and redelivery', () => {
  it('requeues what worker-1 held, flagged redelivered, and worker-2 gets it', () => {
    const r = new Run(consumerCrash.scenario).until(10_000);
    const held = r.w.broker.inspect.connections().flatMap((c) => c.channels).flatMap((ch) => ch.consumers).find((c) => c.consumerTag === W1)!.unacked;
    expect(held).toBe(3);
    r.input(crash1!);
    const requeued = r.of('requeued', 10_000);
    expect(requeued.length).toBe(3);
    expect(requeued.every((e) => e.reason === 'connection-closed')).toBe(true);
    r.for(10_000);
    const again = r.deliveries({ consumerTag: W2 }, 10_000).filter((d) => d.redelivered);
    expect(again.map((d) => d.msgId).sort()).toEqual(requeued.map((e) => e.msgId).sort());
    expect(r.consumer(W1).state).toBe('crashed');
  });

  it('loses nothing: every message is acked once both workers are running again', () => {
    const r = new Run(consumerCrash.scenario).until(10_000).input(crash1!).for(5000).input(start1!).for(30_000);
    const acked = new Set(r.of('acked').map((e) => e.msgId));
    const published = r.of('published').filter((e) => e.t < 30_000).map((e) => e.msgId);
    expect(published.every((id) => acked.has(id))).toBe(true);
  });

  it('loses what an auto-ack consumer held when it crashes', () => {
    const autoAck = (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => (c.id === W2 ? { ...c, noAck: true } : c)) })) });
    const r = new Run(consumerCrash.scenario).edit(autoAck).until(10_000);
    const holding = r.consumer(W2).inbox.length + (r.consumer(W2).busy ? 1 : 0);
    expect(holding).toBeGreaterThan(0);
    r.input(crash2!);
    expect(r.of('requeued', 10_000)).toEqual([]);
  });
});
