import type { Sample } from './series';

/**
 * Chart data from the sampled series (src/store/series.ts), as columns ready for a plotting
 * library: times in seconds and one array per line. Like RabbitMQ's management UI, counters are
 * also shown as rates (msg/s) over a short sliding window, so that a burst does not look like a
 * spike of infinite height and a steady flow reads as a flat line.
 */
export interface Columns {
  /** virtual time of each sample, in seconds */
  t: number[];
  /** one array per line, same length as `t`; null where the thing did not exist */
  lines: (number | null)[][];
}

/**
 * Samples covering a window: the sampler works on the virtual clock every 250 ms, so 20 samples are
 * 5 s, as RabbitMQ's management UI averages its rates. Over 1 s a steady 1.5 msg/s read as a square
 * wave between 0 and 2.
 */
export const RATE_WINDOW_SAMPLES = 20;

/**
 * Per-second rate of a cumulative counter at each sample: the change over the last `window`
 * samples (fewer at the start) divided by the time they span. A counter that went down (a
 * consumer that was recreated) restarts from its new value rather than showing a negative rate.
 */
export function rateSeries(samples: readonly Sample[], pick: (s: Sample) => number | undefined, window = RATE_WINDOW_SAMPLES): (number | null)[] {
  const out: (number | null)[] = new Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const b = samples[i]!;
    const vb = pick(b);
    if (vb === undefined) {
      out[i] = null;
      continue;
    }
    const a = samples[Math.max(0, i - window)]!;
    const va = pick(a) ?? 0;
    const dt = (b.t - a.t) / 1000;
    out[i] = dt > 0 ? Math.max(0, vb - va) / dt : 0;
  }
  return out;
}

/** Ready and unacked messages of one queue over time. */
export function queueDepthColumns(samples: readonly Sample[], queue: string): Columns {
  return {
    t: samples.map((s) => s.t / 1000),
    lines: [samples.map((s) => s.queues[queue]?.ready ?? null), samples.map((s) => s.queues[queue]?.unacked ?? null)],
  };
}

/** Delivered (received) and acked rates of one consumer over time, in msg/s. */
export function consumerRateColumns(samples: readonly Sample[], consumer: string): Columns {
  return {
    t: samples.map((s) => s.t / 1000),
    lines: [rateSeries(samples, (s) => s.consumers[consumer]?.received), rateSeries(samples, (s) => s.consumers[consumer]?.acked)],
  };
}

/** Names of the queues and consumers that appear anywhere in the samples, sorted. */
export function seriesNames(samples: readonly Sample[]): { queues: string[]; consumers: string[] } {
  const queues = new Set<string>();
  const consumers = new Set<string>();
  for (const s of samples) {
    for (const q of Object.keys(s.queues)) queues.add(q);
    for (const c of Object.keys(s.consumers)) consumers.add(c);
  }
  return { queues: [...queues].sort(), consumers: [...consumers].sort() };
}

/** The latest figures of a consumer: counts and current rates. */
export interface ConsumerFigures {
  received: number;
  acked: number;
  nacked: number;
  redelivered: number;
  receivedRate: number;
  ackedRate: number;
}

export function consumerFigures(samples: readonly Sample[], consumer: string): ConsumerFigures {
  const last = samples[samples.length - 1]?.consumers[consumer];
  const tail = samples.slice(-(RATE_WINDOW_SAMPLES + 1));
  const rates = (pick: (s: Sample) => number | undefined) => rateSeries(tail, pick).at(-1) ?? 0;
  return {
    received: last?.received ?? 0,
    acked: last?.acked ?? 0,
    nacked: last?.nacked ?? 0,
    redelivered: last?.redelivered ?? 0,
    receivedRate: rates((s) => s.consumers[consumer]?.received) ?? 0,
    ackedRate: rates((s) => s.consumers[consumer]?.acked) ?? 0,
  };
}

/** The latest depth of a queue and the rate its consumers take messages from it. */
export interface QueueFigures {
  ready: number;
  unacked: number;
  deliverRate: number;
}

/** `consumersOf` names the consumers subscribed to the queue (from the scenario). */
export function queueFigures(samples: readonly Sample[], queue: string, consumersOf: readonly string[]): QueueFigures {
  const last = samples[samples.length - 1]?.queues[queue];
  const tail = samples.slice(-(RATE_WINDOW_SAMPLES + 1));
  let deliverRate = 0;
  for (const c of consumersOf) deliverRate += rateSeries(tail, (s) => s.consumers[c]?.received).at(-1) ?? 0;
  return { ready: last?.ready ?? 0, unacked: last?.unacked ?? 0, deliverRate };
}
