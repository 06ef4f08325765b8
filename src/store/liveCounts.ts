import { createStore } from 'zustand/vanilla';
import type { ConnectionLive } from './liveLanes';

/**
 * Live figures from the running simulation, refreshed once per animation frame by the sim
 * controller. Objects are replaced only when their values change, so a component that selects
 * one queue's counts re-renders only when that queue changes.
 */
export interface QueueCounts {
  ready: number;
  unacked: number;
  consumers: number;
  /** single active consumer: how many of the consumers wait on standby (absent when none) */
  standby?: number;
}

/** A message at the head of a queue, drawn as a chip in the queue's buffer. */
export interface Chip {
  msgId: number;
  key: string;
  redelivered: boolean;
  /** delivery mode 2: drawn as a square, a transient one as a circle */
  persistent: boolean;
}

export interface ConsumerLive {
  state: 'running' | 'stopped' | 'crashed' | 'error';
  received: number;
  acked: number;
  nacked: number;
  rejected: number;
  redelivered: number;
  /** deliveries it holds unacked (being processed + waiting in its prefetch buffer) */
  holding: number[];
  /** the message being processed, if any */
  busy: number | null;
  error?: string;
  /** subscribed to a single-active-consumer queue, but not the active one: it waits its turn */
  standby?: true;
}

export interface PublisherLive {
  sent: number;
  arrived: number;
  routed: number;
  unroutable: number;
  confirmed: number;
  nacked: number;
  returned: number;
  failed: number;
  /** how many routing keys it has taken from its list: the next is keys[keyIndex % keys.length] */
  keyIndex?: number;
}

export interface LiveState {
  queues: Record<string, QueueCounts>;
  /** the first ready messages of each queue (at most CHIP_LIMIT) */
  chips: Record<string, Chip[]>;
  consumers: Record<string, ConsumerLive>;
  publishers: Record<string, PublisherLive>;
  /** queue names declared in the broker right now (a non-durable queue is gone after a restart) */
  declared: Record<string, true>;
  /** exchange names declared in the broker right now (after a rewind, an exchange deleted then is absent) */
  exchanges: Record<string, true>;
  /** model connection id → its broker number and its channels (the canvas's cables and lanes) */
  connections: Record<string, ConnectionLive>;
  /** exchange name → the messages it routed to no queue in this run (the loss badge on the exchange) */
  unroutable: Record<string, UnroutableLive>;
}

/** Messages an exchange could not route: how many, how many went back (mandatory), the last one's key. */
export interface UnroutableLive {
  count: number;
  returned: number;
  key: string;
}

export const CHIP_LIMIT = 20;

export const ZERO_COUNTS: QueueCounts = Object.freeze({ ready: 0, unacked: 0, consumers: 0 });

export const createLiveStore = () => createStore<LiveState>(() => ({ queues: {}, chips: {}, consumers: {}, publishers: {}, declared: {}, exchanges: {}, connections: {}, unroutable: {} }));
export type LiveStore = ReturnType<typeof createLiveStore>;

/** The counts of one queue; ZERO_COUNTS (a stable object) while the engine reports nothing. */
export function selectQueueCounts(state: LiveState, queueName: string): QueueCounts {
  return state.queues[queueName] ?? ZERO_COUNTS;
}

/** `next` if it differs from `prev` (shallowly, arrays by element), else `prev`: keeps references stable. */
export function keep<T>(prev: T | undefined, next: T): T {
  if (prev === undefined || prev === null || typeof prev !== 'object') return next;
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return next;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i] && JSON.stringify(v) !== JSON.stringify(y[i]))) return next;
    } else if (x !== y) return next;
  }
  return prev;
}
