import type { TurnOutput, TurnSource } from '../sim/programs';

/** The slowest and fastest playback: virtual ms per wall ms. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

/** A message: by broker id once it reached the broker, or by its publisher's counter before. */
export type MessageRef = { msgId: number } | { publisher: string; seq: number };

/** What the playback store holds: what the header, the timeline and the panels show of the run. */
export interface PlaybackState {
  playing: boolean;
  /** virtual ms per wall ms, 0.1 to 100 */
  speed: number;
  /** virtual time shown, in ms */
  time: number;
  /** the furthest virtual time reached: the end of the timeline */
  horizon: number;
  /** bumps on every reset / rewind: views that keep their own state start over */
  epoch: number;
  /** bumps when new events reached the log (the log panel re-reads it) */
  logTick: number;
  /** the message under inspection */
  selected: MessageRef | null;
  /** a shared run being replayed up to this virtual time, a frame's work at a time (null: none) */
  catchUpTo: number | null;
  /** a skip ahead under way (skipAhead.ts): from and to which virtual time, and how far it got */
  skip: { from: number; to: number; at: number } | null;
  /** the last skip stopped before its end: the broker held too many messages to carry back (skipAhead.ts) */
  skipStopped: { at: number; messages: number } | null;
}

export const INITIAL_PLAYBACK: PlaybackState = {
  playing: false,
  speed: 1,
  time: 0,
  horizon: 0,
  epoch: 0,
  logTick: 0,
  selected: null,
  catchUpTo: null,
  skip: null,
  skipStopped: null,
};

/**
 * Where program turns are computed (src/programs provides one: a turn log over Web Workers). The
 * controller tells it where computed turns go, and clears it when the run starts over.
 */
export interface ProgramTurns extends TurnSource {
  onComputed: ((runKey: string, index: number, out: TurnOutput) => void) | null;
  clear(): void;
}
