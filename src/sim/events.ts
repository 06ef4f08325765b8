import type { BasicProperties, TraceEvent } from '../engine';
import type { ConfirmWait } from '../model';

/**
 * What the simulated clients do, as events on the virtual clock. Together with the broker's
 * trace (src/engine/trace.ts) they make the world's trace: the animation vocabulary of the
 * canvas. Client events say where a message travels outside the broker (producer → exchange,
 * queue → consumer, ack → queue) and what the applications do with it.
 */
export type ClientEvent =
  | PublishSent
  | PublishFailed
  | ReplyInFlight
  | DeliveryReceived
  | ProcessingStarted
  | SettleSent
  | ReturnReceived
  | ConfirmReceived
  | ClientState
  | ClientError
  | EditApplied
  | PublishRunDone;

export type WorldEvent = TraceEvent | ClientEvent;

/** A publisher sent basic.publish; it reaches the exchange at `arriveAt`. */
export interface PublishSent {
  type: 'publish-sent';
  t: number;
  arriveAt: number;
  app: string;
  publisher: string;
  /** the publisher's own counter: the n-th message it sent */
  seq: number;
  exchange: string;
  routingKey: string;
  body: string;
  /** 2: persistent (the canvas draws its token as a square), 1: transient */
  deliveryMode: 1 | 2;
}

/**
 * Why a publish failed when the client itself says so (the broker's refusals carry its AMQP reply
 * text instead): one name for each, so that the UI can say them in the page's language.
 */
export const CLIENT_FAILURE = {
  brokerRestarting: 'broker unreachable (restarting)',
  connectionClosed: 'connection closed',
  channelClosed: 'channel closed',
} as const;

/** The publish never reached the broker (its connection was down or its channel closed). */
export interface PublishFailed {
  type: 'publish-failed';
  t: number;
  app: string;
  publisher: string;
  seq: number;
  /** when it reached the broker and failed, the message id the broker gave it */
  msgId?: number;
  reason: string;
  /**
   * the AMQP error code when the broker refused it: such errors close the channel, and the channel's
   * closing (a client-error) says what happened, so views need not show it twice
   */
  code?: number;
  /**
   * not the first publish that failed while the broker is unreachable: the application got its error
   * as it did for the first, but the log shows that first one only (the recovery says how many)
   */
  repeat?: true;
}

export interface DeliveryReceived {
  type: 'delivery-received';
  t: number;
  app: string;
  consumer: string;
  msgId: number;
  queue: string;
  deliveryTag: number;
  redelivered: boolean;
}

export interface ProcessingStarted {
  type: 'processing-started';
  t: number;
  app: string;
  consumer: string;
  msgId: number;
  deliveryTag: number;
  /** when the work will be done */
  until: number;
}

export type SettleAction = 'ack' | 'nack' | 'reject';

/** The consumer settled a delivery; the ack/nack/reject reaches the broker at `arriveAt`. */
export interface SettleSent {
  type: 'settle-sent';
  t: number;
  arriveAt: number;
  app: string;
  consumer: string;
  msgId: number;
  queue: string;
  deliveryTag: number;
  action: SettleAction;
  requeue: boolean;
}

/** A basic.return or a publisher confirm leaves the broker for its publisher (arrives at `arriveAt`). */
export interface ReplyInFlight {
  type: 'reply-in-flight';
  t: number;
  arriveAt: number;
  app: string;
  publisher: string;
  msgId: number;
  /** the exchange it was published to: where the reply starts */
  exchange: string;
  kind: 'return' | 'confirm-ack' | 'confirm-nack';
}

export interface ReturnReceived {
  type: 'return-received';
  t: number;
  app: string;
  publisher: string;
  msgId: number;
  replyText: string;
}

export interface ConfirmReceived {
  type: 'confirm-received';
  t: number;
  app: string;
  publisher: string;
  msgId: number;
  ack: boolean;
}

/** A consumer started, stopped or crashed (its connection opened or closed). */
export interface ClientState {
  type: 'client-state';
  t: number;
  app: string;
  consumer?: string;
  /**
   * reconnecting: its connections dropped (a broker restart) and automatic recovery waits for the
   * broker; recovered: an app that publishes is connected again, its channels reopened as before
   */
  state: 'running' | 'stopped' | 'crashed' | 'reconnecting' | 'recovered';
  /**
   * messages an auto-ack consumer held when it stopped or crashed: the broker counted them as acked
   * when it delivered them, so they are lost
   */
  lost?: number;
  /** recovered: how many publishes failed while it was disconnected */
  failed?: number;
}

/**
 * A burst published with confirms is done: every message of it was confirmed (or nacked). How long
 * it took is the figure the publisher confirms tutorial compares between its strategies.
 */
export interface PublishRunDone {
  type: 'publish-run-done';
  t: number;
  app: string;
  publisher: string;
  count: number;
  ms: number;
  wait: ConfirmWait;
  /** waitForConfirms 'batch': the batch size */
  batchSize?: number;
}

/** Why a client had to close a channel and open it again for an edit (it cannot change in place). */
export type ReopenReason = 'confirm-off' | 'number';

/**
 * An edit of a running app, as the AMQP methods its client sent for it (in order, repeats counted:
 * "basic.nack ×3"). An edit only sends what it names: a new channel is a channel.open on the live
 * connection, a consumer's new prefetch a basic.cancel, basic.qos and basic.consume.
 */
export interface EditApplied {
  type: 'edit-applied';
  t: number;
  app: string;
  methods: string[];
  /** channels closed and opened again, and why */
  reopened?: { channel: number; reason: ReopenReason }[];
}

/** Something went wrong on the client side, with the broker's reply when there is one. */
export interface ClientError {
  type: 'client-error';
  t: number;
  app?: string;
  /** i18n-free, protocol-level text, e.g. "channel 1 closed: NOT_FOUND - no exchange 'x' in vhost '/'" */
  text: string;
  code?: number;
}

export type { BasicProperties };
