import { describe, expect, it } from 'vitest';
import { World } from '../sim';
import { workQueue } from '../sim/fixtures';
import { consumerFigures, rateSeries } from './chartData';
import { type Sample, Series } from './series';

const sample = (t: number): Sample => ({ t, queues: {}, consumers: { c: { received: t / 250, acked: 0, nacked: 0, redelivered: 0 } }, publishers: {} });

describe('Series', () => {
  it('samples redeliveries per consumer (a nack with requeue comes back redelivered)', () => {
    const doc = workQueue({ rate: 20, consumers: 1, prefetch: 2, processingMs: 20, latency: 10 });
    doc.apps[1]!.consumers[0]!.failPercent = 50;
    const w = World.create(doc);
    const s = new Series();
    for (let t = 0; t <= 10_000; t += 250) {
      w.advanceTo(t);
      s.take(w);
    }
    const f = consumerFigures(s.samples, 'app-c1-sub');
    expect(f.redelivered).toBeGreaterThan(20);
    expect(f.redelivered).toBe(w.consumers.get('app-c1-sub')!.redelivered);
    expect(rateSeries(s.samples, (x) => x.consumers['app-c1-sub']?.redelivered).at(-1)).toBeGreaterThan(1);
  });

  it('stays within its capacity over any run, covering all of it: the newest half as taken, older ones at a coarser step the further back', () => {
    const s = new Series(250, 400);
    for (let i = 0; i <= 40_000; i++) s.append([sample(i * 250)]);
    expect(s.samples.length).toBeLessThanOrEqual(400);
    // the whole run, from its start to its end
    expect(s.samples[0]!.t).toBe(0);
    expect(s.samples.at(-1)!.t).toBe(40_000 * 250);
    // the newest 200 every 250 ms
    const recent = s.samples.slice(-200).map((x) => x.t);
    expect(recent.every((t, i) => i === 0 || t - recent[i - 1]! === 250)).toBe(true);
    // never finer further back
    const all = s.samples.map((x) => x.t);
    const steps = all.slice(1).map((t, i) => (t - all[i]!) / 250);
    expect(steps.every((step, i) => i === 0 || step <= steps[i - 1]!)).toBe(true);
    // the oldest part is coarser, but evenly so: at least an eighth of the capacity covers the run
    expect(steps[0]! * 250).toBeLessThanOrEqual((40_000 * 250) / (400 / 8));
  });
});
