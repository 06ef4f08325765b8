import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { singleActiveConsumer } from './singleActiveConsumer';

const A = 'app-instance-a-sub';
const B = 'app-instance-b-sub';
const C = 'app-instance-c-sub';
const [crashA, startA] = singleActiveConsumer.tryThis.map((t) => t.action!);
const receivers = (r: Run, since = 0) => new Set(r.deliveries({ queue: 'orders' }, since).map((d) => d.consumerTag));

describe('gallery: Single active consumer', () => {
  it('delivers to one consumer only, in order, while three are subscribed', () => {
    const r = new Run(singleActiveConsumer.scenario).until(10_000);
    expect(r.queue('orders')!.consumers).toBe(3);
    expect(receivers(r)).toEqual(new Set([A]));
    const numbers = r.deliveries({ queue: 'orders' }).map((d) => Number(d.body.split('#')[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('hands over to the next consumer when the active one crashes, unacked message first', () => {
    const r = new Run(singleActiveConsumer.scenario).until(10_000);
    const unacked = r.w.broker.inspect.connections().flatMap((c) => c.channels).flatMap((ch) => ch.consumers).find((c) => c.consumerTag === A)!.unacked;
    r.input(crashA!).for(10_000);
    expect(receivers(r, 10_000)).toEqual(new Set([B]));
    const first = r.deliveries({ queue: 'orders' }, 10_000)[0]!;
    expect(unacked).toBe(1);
    expect(first.redelivered).toBe(true);
    r.input(startA!).for(10_000);
    expect(receivers(r, 20_001)).toEqual(new Set([B]));
  });

  it('shares round-robin without single active consumer', () => {
    const plain = (d: Scenario) => ({ ...d, queues: d.queues.map((q) => ({ ...q, arguments: { queueType: 'classic' as const } })) });
    const r = new Run(singleActiveConsumer.scenario).until(100).edit(plain).for(10_000);
    expect(receivers(r, 200)).toEqual(new Set([A, B, C]));
  });
});
