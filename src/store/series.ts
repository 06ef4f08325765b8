import type { World } from '../sim';

/**
 * Time series for the charts, sampled at fixed virtual times (every `interval` ms), so that the
 * same run always gives the same curves, whatever the frame rate. Like RabbitMQ's management UI:
 * queue depth (ready / unacked) and per-consumer delivered / acked / redelivered counts (rates are
 * derived).
 *
 * Bounded for long runs: the newest half of `capacity` keeps every sample; older ones are kept at
 * a coarser step (every 2nd, 4th, 8th… interval, doubling as the run grows), so the charts still
 * cover the whole run evenly and memory stays the same after an hour as after ten minutes.
 */
export interface Sample {
  t: number;
  queues: Record<string, { ready: number; unacked: number }>;
  consumers: Record<string, { received: number; acked: number; nacked: number; redelivered: number }>;
  publishers: Record<string, { sent: number; confirmed: number; returned: number }>;
}

export class Series {
  samples: Sample[] = [];
  /** older samples are kept at multiples of `interval × stride` */
  private stride = 1;
  constructor(
    readonly interval = 250,
    readonly capacity = 2400,
  ) {}

  /** The next virtual time a sample is due at. */
  nextDue(): number {
    const last = this.samples[this.samples.length - 1];
    return last ? last.t + this.interval : 0;
  }

  take(w: World): void {
    const queues: Sample['queues'] = {};
    for (const q of w.broker.inspect.queues()) queues[q.name] = { ready: q.ready, unacked: q.unacked };
    const consumers: Sample['consumers'] = {};
    for (const c of w.consumers.values()) consumers[c.id] = { received: c.received, acked: c.acked, nacked: c.nacked + c.rejected, redelivered: c.redelivered };
    const publishers: Sample['publishers'] = {};
    for (const p of w.publishers.values()) publishers[p.id] = { sent: p.sent, confirmed: p.confirmed, returned: p.returned };
    this.samples.push({ t: w.now, queues, consumers, publishers });
    if (this.samples.length > this.capacity) this.thin();
  }

  /** Samples taken elsewhere (a fast-forward's), after the ones here. */
  append(samples: readonly Sample[]): void {
    for (const s of samples) {
      this.samples.push(s);
      if (this.samples.length > this.capacity) this.thin();
    }
  }

  /**
   * Keeps the newest half of the capacity as it is, and the older samples at a step that doubles
   * until they take at most a quarter (so that this runs once per quarter of the capacity taken,
   * not on every sample).
   */
  private thin(): void {
    const split = this.samples.length - (this.capacity >> 1);
    let older = this.samples.slice(0, split);
    const onStep = (s: Sample) => Math.round(s.t / this.interval) % this.stride === 0;
    older = older.filter(onStep);
    while (older.length > this.capacity >> 2) {
      this.stride *= 2;
      older = older.filter(onStep);
    }
    this.samples = [...older, ...this.samples.slice(split)];
  }

  truncateAfter(t: number): void {
    let i = this.samples.length;
    while (i > 0 && this.samples[i - 1]!.t > t) i--;
    this.samples.length = i;
  }

  clear(): void {
    this.samples = [];
    this.stride = 1;
  }
}

/** Per-second rate of a cumulative counter between the last two samples (0 with fewer). */
export function rate(samples: readonly Sample[], pick: (s: Sample) => number | undefined, windowSamples = 4): number {
  const n = samples.length;
  if (n < 2) return 0;
  const a = samples[Math.max(0, n - 1 - windowSamples)]!;
  const b = samples[n - 1]!;
  const dt = (b.t - a.t) / 1000;
  return dt > 0 ? ((pick(b) ?? 0) - (pick(a) ?? 0)) / dt : 0;
}
