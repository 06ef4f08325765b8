import { describe, expect, it } from 'vitest';
import { workQueue } from '../sim/fixtures';
import { consumerFigures, consumerRateColumns, queueDepthColumns, queueFigures, rateSeries, seriesNames } from './chartData';
import type { Sample } from './series';
import { SimController } from './simController';

const sample = (t: number, received: number, ready = 0): Sample => ({
  t,
  queues: { q: { ready, unacked: 1 } },
  consumers: { c: { received, acked: received, nacked: 0, redelivered: 0 } },
  publishers: {},
});

describe('chart data', () => {
  it('turns a counter into a rate over a sliding window', () => {
    // 4 messages every 250 ms = 16 msg/s
    const samples = [0, 1, 2, 3, 4, 5].map((i) => sample(i * 250, i * 4));
    expect(rateSeries(samples, (s) => s.consumers.c?.received)).toEqual([0, 16, 16, 16, 16, 16]);
    expect(rateSeries(samples, (s) => s.consumers.c?.received, 2)).toEqual([0, 16, 16, 16, 16, 16]);
  });

  it('gives null where a thing does not exist and never a negative rate', () => {
    const samples: Sample[] = [sample(0, 10), { t: 250, queues: {}, consumers: {}, publishers: {} }, sample(500, 2)];
    expect(rateSeries(samples, (s) => s.consumers.c?.received)).toEqual([0, null, 0]);
    expect(queueDepthColumns(samples, 'q').lines[0]).toEqual([0, null, 0]);
  });

  it('draws columns from a real run: depth per queue, rates per consumer, summary figures', () => {
    const c = new SimController(workQueue({ rate: 20, consumers: 2, prefetch: 1, processingMs: 50, latency: 10 }));
    c.play();
    for (let t = 0; t < 3000; t += 16) c.tick(16, () => false);
    const samples = c.series.samples;
    expect(seriesNames(samples)).toEqual({ queues: ['work'], consumers: ['app-c1-sub', 'app-c2-sub'] });
    const depth = queueDepthColumns(samples, 'work');
    expect(depth.t).toHaveLength(samples.length);
    expect(depth.t[1]).toBe(0.25);
    const rates = consumerRateColumns(samples, 'app-c1-sub');
    // two consumers share 20 msg/s: each takes about 10
    const late = rates.lines[0]!.slice(-4) as number[];
    for (const r of late) {
      expect(r).toBeGreaterThan(6);
      expect(r).toBeLessThan(14);
    }
    const f = consumerFigures(samples, 'app-c1-sub');
    expect(f.received).toBeGreaterThan(20);
    expect(f.acked).toBeLessThanOrEqual(f.received);
    expect(f.receivedRate).toBeGreaterThan(6);
    const q = queueFigures(samples, 'work', ['app-c1-sub', 'app-c2-sub']);
    expect(q.deliverRate).toBeGreaterThan(15);
    expect(q.deliverRate).toBeLessThan(25);
  });
});
