import { createStore } from 'zustand/vanilla';

/**
 * Live figures from the running broker, keyed by queue NAME (the engine's identity for a queue).
 * Nothing writes them yet: the simulation driver (issue 5) sets them from the engine's inspection API
 * once per animation frame, and every queue node reads its own counts through useQueueCounts().
 */
export interface QueueCounts {
  ready: number;
  unacked: number;
  consumers: number;
}

export interface LiveState {
  queues: Record<string, QueueCounts>;
}

export const ZERO_COUNTS: QueueCounts = Object.freeze({ ready: 0, unacked: 0, consumers: 0 });

export const createLiveStore = () => createStore<LiveState>(() => ({ queues: {} }));

/** The counts of one queue; ZERO_COUNTS (a stable object) while the engine reports nothing. */
export function selectQueueCounts(state: LiveState, queueName: string): QueueCounts {
  return state.queues[queueName] ?? ZERO_COUNTS;
}
