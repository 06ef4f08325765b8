import type { PublishParams } from '../engine';
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
  /** while being processed: when the work is done */
  until?: number;
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
}

export interface AppRt {
  id: string;
  /** model connection id → broker connection id (null while closed) */
  conns: Record<string, number | null>;
  /** model channel id → channel state */
  channels: Record<string, ChannelRt>;
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
  /** next routing key index (round-robin) */
  keyIndex: number;
  /** rate mode: ticks of an older schedule are ignored */
  tickGen: number;
  /** rate mode: when the current schedule started and how many it sent since */
  rateStart: number;
  rateCount: number;
}

export type ConsumerState = 'running' | 'stopped' | 'crashed' | 'error';

export interface ConsumerRt {
  id: string;
  app: string;
  tag: string;
  state: ConsumerState;
  /** bumped whenever the consumer's channel goes away: in-flight work of an older generation is void */
  gen: number;
  /** deliveries received and waiting to be processed (the client's prefetch buffer) */
  inbox: DeliveryInfo[];
  /** the delivery being processed (its `until` says when it will be done) */
  busy: DeliveryInfo | null;
  /** the broker channel it consumes on while running: deliveries from any other are stale */
  on: { connection: number; channel: number } | null;
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
  | { kind: 'delivery-arrive'; consumer: string; gen: number; d: DeliveryInfo }
  | { kind: 'processing-done'; consumer: string; gen: number }
  | { kind: 'settle-arrive'; consumer: string; gen: number; action: 'ack' | 'nack' | 'reject'; requeue: boolean; deliveryTag: number }
  | { kind: 'reply-arrive'; consumer: string; gen: number; seq: number; params: PublishParams }
  | { kind: 'return-arrive'; publisher: string; msgId: number; replyText: string }
  | { kind: 'confirm-arrive'; publisher: string; msgId: number; ack: boolean }
  | { kind: 'reconnect' }
  /** a program's turn, timer or method (src/sim/programs) */
  | { kind: 'program'; item: ProgramItem };

export function newPublisherRt(id: string, app: string): PublisherRt {
  return { id, app, sent: 0, arrived: 0, routed: 0, unroutable: 0, confirmed: 0, nacked: 0, returned: 0, failed: 0, keyIndex: 0, tickGen: 0, rateStart: 0, rateCount: 0 };
}

export function newConsumerRt(id: string, app: string, tag: string): ConsumerRt {
  return { id, app, tag, state: 'stopped', gen: 0, inbox: [], busy: null, on: null, received: 0, redelivered: 0, acked: 0, nacked: 0, rejected: 0, replied: 0 };
}
