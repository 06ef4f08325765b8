import { describe, expect, it } from 'vitest';
import { World } from '../sim';
import { workQueue } from '../sim/fixtures';
import { Timeline } from './timeline';

describe('Timeline checkpoints over a long run', () => {
  it('keep within their count, cover the whole run, and rewind to the same state', () => {
    const doc = workQueue({ rate: 5, consumers: 2, prefetch: 1, processingMs: 100, jitterMs: 50, latency: 20 });
    const tl = new Timeline(doc, 2000, 20);
    const w = World.create(doc);
    const at: Record<number, string> = {};
    for (let t = 0; t <= 600_000; t += 250) {
      w.advanceTo(t);
      w.drainEvents();
      tl.maybeCheckpoint(w);
      if (t % 100_000 === 50_000) at[t] = JSON.stringify(w.snapshot());
    }
    const times = tl.taken.map((c) => c.t);
    expect(times.length).toBeLessThanOrEqual(20);
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    // the oldest is from the first minute, the newest from the end: rewinding anywhere replays little
    expect(times[0]).toBeLessThan(60_000);
    expect(times.at(-1)).toBe(600_000);
    expect(Math.max(...times.slice(1).map((t, i) => t - times[i]!))).toBeLessThanOrEqual(600_000 / 4);
    for (const [t, snap] of Object.entries(at)) {
      const r = tl.rewindTo(Number(t));
      r.advanceTo(Number(t));
      expect(JSON.stringify(r.snapshot())).toBe(snap);
    }
  });

  it('hold at most maxWeight messages together: a deep queue keeps fewer checkpoints', () => {
    // consumers far slower than the producer: the queue grows by about 45 messages a second
    const doc = workQueue({ rate: 50, consumers: 1, prefetch: 1, processingMs: 200, latency: 10 });
    const tl = new Timeline(doc, 2000, 120, 20_000);
    const w = World.create(doc);
    for (let t = 0; t <= 120_000; t += 500) {
      w.advanceTo(t);
      w.drainEvents();
      tl.maybeCheckpoint(w);
      expect(tl.weight).toBeLessThanOrEqual(20_000 + w.broker.inspect.queue('work')!.ready + 100);
    }
    expect(w.broker.inspect.queue('work')!.ready).toBeGreaterThan(4000);
    expect(tl.taken.length).toBeGreaterThan(1);
    expect(tl.taken.length).toBeLessThan(20);
    expect(tl.taken.at(-1)!.t).toBe(120_000);
    // two virtual minutes of a growing queue: seconds of CPU, more on a shared machine
  }, 30_000);
});
