import type { ProgramEvent, ProgramExit, ProgramRequest, ProgramSpec, WireMessage } from './protocol';

/**
 * A running program as the world knows it: plain, serialisable data (it goes into world snapshots).
 * What the program itself holds in memory lives in its runtime (a Web Worker); the turn log
 * (src/programs) can always rebuild it, since a program is a function of the turns it was given.
 */

export interface ProgramConsumerRt {
  conn: number;
  ch: number;
  queue: string;
  noAck: boolean;
  received: number;
  redelivered: number;
  acked: number;
  nacked: number;
  rejected: number;
}

/** A delivery the program holds unsettled: [deliveryTag, msgId, queue, consumerTag ('' for basic.get)]. */
export type Unsettled = [number, number, string, string];

export interface ProgramPublishRt {
  conn: number;
  ch: number;
  exchange: string;
  /** the last few routing keys used (the line's label) */
  keys: string[];
  /** messages sent on this line, and what came back for them */
  sent: number;
  confirmed: number;
  nacked: number;
  returned: number;
  failed: number;
}

export type ProgramState = 'running' | 'exited' | 'crashed' | 'killed';

export interface ProgramRt {
  /** the instance: "worker.js #2" (also its app's id on the canvas) */
  pid: string;
  /** identity of this run of the program in the turn log (a rewind can start a different one under the same pid) */
  runKey: string;
  spec: ProgramSpec;
  state: ProgramState;
  exit?: ProgramExit;
  startedAt: number;
  /** turns run so far: the index of the next one */
  turn: number;
  /** it listens for SIGINT: Stop asks it to shut down */
  sigint: boolean;
  /** the program's connection number → broker connection id (null once closed) */
  conns: Record<number, number | null>;
  /** open channels, by "conn:ch" */
  channels: Record<string, { conn: number; ch: number; confirm: boolean }>;
  consumers: Record<string, ProgramConsumerRt>;
  /** publish lines, by "conn:ch:exchange" */
  publishes: Record<string, ProgramPublishRt>;
  /** by "conn:ch": what it was delivered and has not settled yet */
  unsettled: Record<string, Unsettled[]>;
  /** virtual timers: id → when due */
  timers: Record<number, number>;
  /** when each connection's wire is free again: a method sent after a publish reaches the broker after it */
  wireFreeAt: Record<number, number>;
  /** and when each connection's wire from the broker is: what the broker sent arrives in order */
  downFreeAt: Record<number, number>;
  /** publishes in confirm mode or mandatory, by broker message id: the exchange (where a confirm or return starts back) */
  inflight: Record<number, { conn: number; ch: number; exchange: string; message?: WireMessage }>;
}

/** Work on the world's clock for programs. */
export type ProgramItem =
  /** events reach the program: a turn */
  | { type: 'turn'; pid: string; event: ProgramEvent }
  /** a virtual timer is due (stale when the timer was cleared or moved) */
  | { type: 'timer'; pid: string; id: number; at: number }
  /** a method reaches the broker (after a hop, or behind earlier frames on its connection) */
  | { type: 'method'; pid: string; req: ProgramRequest };

export const chKey = (conn: number, ch: number) => `${conn}:${ch}`;

/** Ids of what a program's app shows on the canvas (readable: they appear in the log). */
export const programIds = {
  app: (pid: string) => pid,
  connection: (pid: string, conn: number) => `${pid} · connection ${conn}`,
  channel: (pid: string, conn: number, ch: number) => `${pid} · connection ${conn} · channel ${ch}`,
  publisher: (pid: string, conn: number, ch: number, exchange: string) => `${pid} · channel ${conn}.${ch} → ${exchange === '' ? '(default)' : exchange}`,
};

export function newProgramRt(pid: string, runKey: string, spec: ProgramSpec, now: number): ProgramRt {
  return { pid, runKey, spec, state: 'running', startedAt: now, turn: 0, sigint: false, conns: {}, channels: {}, consumers: {}, publishes: {}, unsettled: {}, timers: {}, wireFreeAt: {}, downFreeAt: {}, inflight: {} };
}

/** FNV-1a of a string (a program's identity in the turn log). */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
