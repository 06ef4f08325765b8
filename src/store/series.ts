import type { World } from '../sim';

/**
 * Time series for the charts, sampled at fixed virtual times (every `interval` ms), so that the
 * same run always gives the same curves, whatever the frame rate. Like RabbitMQ's management UI:
 * queue depth (ready / unacked) and per-consumer delivered / acked counts (rates are derived).
 */
export interface Sample {
  t: number;
  queues: Record<string, { ready: number; unacked: number }>;
  consumers: Record<string, { received: number; acked: number; nacked: number }>;
  publishers: Record<string, { sent: number; confirmed: number; returned: number }>;
}

export class Series {
  samples: Sample[] = [];
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
    for (const c of w.consumers.values()) consumers[c.id] = { received: c.received, acked: c.acked, nacked: c.nacked + c.rejected };
    const publishers: Sample['publishers'] = {};
    for (const p of w.publishers.values()) publishers[p.id] = { sent: p.sent, confirmed: p.confirmed, returned: p.returned };
    this.samples.push({ t: w.now, queues, consumers, publishers });
    if (this.samples.length > this.capacity) this.samples.splice(0, this.samples.length - this.capacity);
  }

  truncateAfter(t: number): void {
    let i = this.samples.length;
    while (i > 0 && this.samples[i - 1]!.t > t) i--;
    this.samples.length = i;
  }

  clear(): void {
    this.samples = [];
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
