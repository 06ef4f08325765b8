import type { TraceEvent } from '../trace';

/** The records the trace checker keeps (see traceChecker.ts). */

export type CopyState = 'offered' | 'ready' | 'unacked' | 'expiring' | 'requeueing' | 'rejecting' | 'lost';

export interface Copy {
  key: string;
  msgId: number;
  queue: string;
  state: CopyState;
  /** was requeued at least once (redelivered flag) */
  requeued: boolean;
  /** quorum: returns so far (x-delivery-count) */
  returns: number;
  /** order of arrival in its queue (set when enqueued) */
  seq: number;
  holder?: Held;
}

export interface Held {
  chan: Chan;
  tag: number;
  copy: Copy;
  /** the consumer it was delivered to (kept after a cancel: it still counts channel-wide) */
  consumer?: Consumer;
}

export interface Consumer {
  tag: string;
  queue: string;
  prefetch: number;
  noAck: boolean;
  unacked: number;
}

export interface Chan {
  key: string;
  connection: number;
  channel: number;
  open: boolean;
  nextTag: number;
  prefetch: number;
  globalPrefetch: number;
  /** consumer deliveries not yet settled, what the global limit counts */
  globalUnacked: number;
  nextPublishSeqNo: number;
  consumers: Map<string, Consumer>;
  held: Map<number, Held>;
  /** direct reply-to consumer and its generation (replyBook.ts) */
  reply?: { tag: string; gen: number };
}

export interface Msg {
  id: number;
  mandatory: boolean;
  deadLetteredFrom?: number;
  publishSeqNo?: number;
  outcome?: 'routed' | 'unroutable';
  refused: boolean;
  confirmed: boolean;
  returned: boolean;
  /** dead-letter copies that went nowhere must be dropped */
  droppedUnroutable: boolean;
}

export class TraceViolation extends Error {}

export function fail(why: string, e?: TraceEvent): never {
  throw new TraceViolation(e ? `${why}\n  at event ${JSON.stringify(e)}` : why);
}

export const chanKey = (connection: number, channel: number) => `${connection}/${channel}`;
export const copyKey = (msgId: number, queue: string) => `${msgId}\u0000${queue}`;

