import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { confirmsNack as publisherConfirms } from './confirmsNack';

const PUB = 'app-publisher-pub';

describe('gallery: Publisher confirms, nacks', () => {
  it('acks what the queue takes and nacks what the full queue refuses, one confirm per message', () => {
    const r = new Run(publisherConfirms.scenario).until(30_000);
    const p = r.publisher(PUB);
    expect(p.confirmed).toBeGreaterThan(10);
    expect(p.nacked).toBeGreaterThan(5);
    // every message the broker received is confirmed one way or the other (allowing those on their way back)
    expect(p.arrived - (p.confirmed + p.nacked)).toBeLessThanOrEqual(1);
    const refused = r.of('dropped').filter((e) => e.reason === 'reject-publish');
    expect(refused.length).toBe(r.of('confirmed').filter((e) => !e.ack).length);
    expect(r.queue('orders')!.ready).toBeLessThanOrEqual(10);
  });

  it('acks everything at first, nacks only once the queue is full', () => {
    const r = new Run(publisherConfirms.scenario).until(30_000);
    const firstNack = r.of('confirmed').find((e) => !e.ack)!;
    const depthThen = r.of('enqueued').filter((e) => e.queue === 'orders' && e.t <= firstNack.t).at(-1)!.depth;
    expect(depthThen).toBe(10);
    expect(r.of('confirmed').filter((e) => e.t < firstNack.t).every((e) => e.ack)).toBe(true);
  });

  it('nacks every publish once the worker is stopped and the queue is full', () => {
    const r = new Run(publisherConfirms.scenario).until(2000).input(publisherConfirms.tryThis[0]!.action!).for(10_000);
    const late = r.of('confirm-received', 9000);
    expect(late.length).toBeGreaterThan(3);
    expect(late.every((e) => !e.ack)).toBe(true);
  });

  it('acks everything with overflow drop-head, dropping the oldest instead', () => {
    const dropHead = (d: Scenario) => ({ ...d, queues: d.queues.map((q) => ({ ...q, arguments: { ...q.arguments, overflow: 'drop-head' as const } })) });
    const r = new Run(publisherConfirms.scenario).until(1000).edit(dropHead).for(30_000);
    expect(r.of('confirm-received', 1500).every((e) => e.ack)).toBe(true);
    expect(r.of('dropped').filter((e) => e.reason === 'maxlen').length).toBeGreaterThan(5);
  });
});
