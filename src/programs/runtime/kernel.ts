import type { Buffer } from 'buffer';
import type { ProgramEvent, ProgramRequest, ReplyValue, WireError } from '../../sim/programs/protocol';

/** What amqplib's facade needs from the program's runtime: the wire to the broker, and Buffer. */
export interface Kernel {
  /** Sends a method to the broker (recorded in the turn's output). */
  send(req: ProgramRequest): void;
  /** A fresh request id whose reply (or failure) is handed to `cb`. */
  expect(cb: (err: WireError | null, value: ReplyValue) => void): number;
  /** The next connection number of this program (1, 2, …). */
  nextConnection(): number;
  /** Routes the broker's events for a connection to its handler. */
  attach(conn: number, handler: (e: ConnectionEvent) => void): void;
  detach(conn: number): void;
  /** How many publishes this channel sent in the current turn (amqplib's write buffer fills up). */
  published(conn: number, ch: number): number;
  /** The name the program's connections get in the broker ("worker.js #2"). */
  readonly clientName: string;
  readonly Buffer: typeof Buffer;
}

export type ConnectionEvent = Exclude<ProgramEvent, { type: 'start' | 'reply' | 'reply-error' | 'timer' | 'signal' }>;
