import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { maxLengthOverflow } from './maxLengthOverflow';

const numbers = (r: Run, queue: string) => r.deliveries({ queue }).map((d) => Number(d.body.split('#')[1]));
const gaps = (xs: number[]) => xs.slice(1).filter((x, i) => x !== xs[i]! + 1).length;

describe('gallery: Max length overflow', () => {
  it('drop-head drops the oldest and confirms everything; reject-publish refuses the newest with nacks', () => {
    const r = new Run(maxLengthOverflow.scenario).until(30_000);
    const a = r.publisher('app-sensor-a-pub');
    const b = r.publisher('app-sensor-b-pub');
    expect(a.nacked).toBe(0);
    expect(a.confirmed).toBeGreaterThan(50);
    expect(b.nacked).toBeGreaterThan(20);
    const dropped = (q: string) => r.of('dropped').filter((e) => e.queue === q);
    expect(dropped('readings.drop-head').length).toBeGreaterThan(20);
    expect(dropped('readings.drop-head').every((e) => e.reason === 'maxlen')).toBe(true);
    expect(dropped('readings.reject-publish').every((e) => e.reason === 'reject-publish')).toBe(true);
    // one nack per refused message (the last ones may still be on their way back)
    const refused = dropped('readings.reject-publish').length;
    expect(refused - b.nacked).toBeGreaterThanOrEqual(0);
    expect(refused - b.nacked).toBeLessThanOrEqual(1);
    for (const q of ['readings.drop-head', 'readings.reject-publish']) expect(r.queue(q)!.ready).toBeLessThanOrEqual(5);
  });

  it('shows dashboard-a fresh readings with gaps, dashboard-b old readings in order', () => {
    const r = new Run(maxLengthOverflow.scenario).until(30_000);
    const a = numbers(r, 'readings.drop-head');
    const b = numbers(r, 'readings.reject-publish');
    expect(gaps(a)).toBeGreaterThan(5);
    expect(a.at(-1)).toBeGreaterThan(b.at(-1)! + 10);
  });

  it('keeps the 5 newest in drop-head and the 5 oldest in reject-publish once nobody reads', () => {
    const stopA = maxLengthOverflow.tryThis[0]!.action!;
    const stopB = maxLengthOverflow.tryThis[1]!.action!;
    const r = new Run(maxLengthOverflow.scenario).input(stopA).input(stopB).until(10_000);
    const bodies = (q: string) => r.w.broker.inspect.readyMessages(q).map((m) => Number(m.body.split('#')[1]));
    // sensor-a is the only publisher to its queue: the n-th message to arrive there is reading #n
    const n = r.of('enqueued').filter((e) => e.queue === 'readings.drop-head').length;
    expect(n).toBeGreaterThan(15);
    expect(bodies('readings.drop-head')).toEqual([n - 4, n - 3, n - 2, n - 1, n]);
    expect(bodies('readings.reject-publish')).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('gallery: Max length overflow, dashboard-b stopped while running', () => {
  it('its full queue shows 6: the reading it was processing comes back, and reject-publish trims nothing on requeue', () => {
    const stopB = maxLengthOverflow.tryThis[1]!.action!;
    const r = new Run(maxLengthOverflow.scenario).until(8_000);
    expect(r.queue('readings.reject-publish')!.ready).toBe(5);
    r.input(stopB).until(11_000);
    expect(r.queue('readings.reject-publish')!.ready).toBe(6);
    expect(r.of('requeued').filter((e) => e.queue === 'readings.reject-publish')).toHaveLength(1);
  });
});
