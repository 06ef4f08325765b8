import type { PublishParams } from '../engine';
import type { PublishOverrides } from './publishing';
import type { ProgramItem } from './programs/state';

/**
 * The clients' runtime state: plain, serialisable data (it goes into world snapshots). The
 * scenario document says what each client is configured to do; this says what it is doing.
 */
export interface DeliveryInfo {
  msgId: number;
  queue: string;
  deliveryTag: number;
  redelivered: boolean;
  noAck: boolean;
  /**
   * the channel it arrived on (ChannelRt.instance): its ack goes back there, and is lost with it if
   * that channel closes, as on a real socket
   */
  ch: number;
  /** while being processed: when the work is done */
  until?: number;
  /** dots in the body (only counted for a consumer that works longer per dot) */
  dots?: number;
  /** what an RPC server needs to answer */
  replyTo?: string;
  correlationId?: string;
  body?: string;
}

export interface ChannelRt {
  /** the model connection it belongs to */
  conn: string;
  number: number;
  open: boolean;
  /** which opening of the channel this is (unique in the world): deliveries and acks belong to one */
  instance: number;
}

export interface AppRt {
  id: string;
  /** model connection id → broker connection id (null while closed) */
  conns: Record<string, number | null>;
  /** model channel id → channel state */
  channels: Record<string, ChannelRt>;
  /** during a broker restart: the connections that were open, to be opened again when it is back */
  resume?: string[];
}

export interface PublisherRt {
  id: string;
  app: string;
  /** messages sent (basic.publish issued) */
  sent: number;
  /** of which the broker received */
  arrived: number;
  routed: number;
  unroutable: number;
  confirmed: number;
  nacked: number;
  returned: number;
  failed: number;
  /** publishes that failed in the current broker outage (the first is logged, the recovery counts them all) */
  downFailed?: number;
  /** next routing key index (round-robin) */
  keyIndex: number;
  /** rate mode: ticks of an older schedule are ignored */
  tickGen: number;
  /** rate mode: when the current schedule started and how many it sent since */
  rateStart: number;
  rateCount: number;
  /** with confirms: messages sent whose confirm has not come back yet */
  outstanding: number;
  /** waitForConfirms 'batch': messages sent in the current batch */
  inBatch: number;
  /** rate mode: the schedule stopped while the client waits for confirms (it resumes when they come) */
  stalled: boolean;
  /** messages the client will send once it stops waiting for confirms (a burst, a manual publish) */
  backlog: PublishOverrides[];
  /** a burst being published with confirms: how many, since when (its end is logged with the time it took) */
  run: { count: number; startedAt: number } | null;
}

export type ConsumerState = 'running' | 'stopped' | 'crashed' | 'error';

export interface ConsumerRt {
  id: string;
  app: string;
  tag: string;
  state: ConsumerState;
  /**
   * changed (to a number unique in the world, see World.seq) whenever the work in progress is voided:
   * a processing-done of an older generation is ignored
   */
  gen: number;
  /** deliveries received and waiting to be processed (the client's prefetch buffer) */
  inbox: DeliveryInfo[];
  /** the delivery being processed (its `until` says when it will be done) */
  busy: DeliveryInfo | null;
  /** the broker channel it consumes on while running: deliveries from any other are stale */
  on: { connection: number; channel: number; instance: number } | null;
  received: number;
  redelivered: number;
  acked: number;
  nacked: number;
  rejected: number;
  /** RPC replies sent */
  replied: number;
  /** last error the broker sent (channel closed, consumer cancelled) */
  error?: string;
  /** subscribe again when the broker is back after a restart */
  resume?: boolean;
}

/** Work scheduled on the clients' side of the wire. */
export type SimItem =
  | { kind: 'publish-tick'; publisher: string; gen: number }
  | { kind: 'publish-arrive'; publisher: string; seq: number; params: PublishParams }
  | { kind: 'delivery-arrive'; consumer: string; d: DeliveryInfo }
  | { kind: 'processing-done'; consumer: string; gen: number }
  | { kind: 'settle-arrive'; consumer: string; ch: number; action: 'ack' | 'nack' | 'reject'; requeue: boolean; deliveryTag: number }
  | { kind: 'reply-arrive'; consumer: string; ch: number; seq: number; params: PublishParams }
  | { kind: 'return-arrive'; publisher: string; msgId: number; replyText: string }
  | { kind: 'confirm-arrive'; publisher: string; msgId: number; ack: boolean }
  /** the channel closed with confirms outstanding: they will never come (waitForConfirms ends in an error) */
  | { kind: 'confirms-lost'; publisher: string }
  | { kind: 'reconnect' }
  /** a program's turn, timer or method (src/sim/programs) */
  | { kind: 'program'; item: ProgramItem };

export function newPublisherRt(id: string, app: string): PublisherRt {
  return {
    id, app, sent: 0, arrived: 0, routed: 0, unroutable: 0, confirmed: 0, nacked: 0, returned: 0, failed: 0, keyIndex: 0, tickGen: 0, rateStart: 0, rateCount: 0,
    outstanding: 0, inBatch: 0, stalled: false, backlog: [], run: null,
  };
}

export function newConsumerRt(id: string, app: string, tag: string): ConsumerRt {
  return { id, app, tag, state: 'stopped', gen: 0, inbox: [], busy: null, on: null, received: 0, redelivered: 0, acked: 0, nacked: 0, rejected: 0, replied: 0 };
}
