import type { FieldTable } from './fields';
import type { Message } from './message';
import type { QueueArgs } from './queueArgs';
import type { ExchangeType } from './routing';
import type { Queue } from './entities';
import type { ReplyConsumer } from './replyTo';
import type { Timer } from './schedule';
import type { PendingConfirm, Transit } from './transit';

/**
 * The whole broker as plain JSON data, and back. Restoring a snapshot and carrying on gives
 * exactly the trace the original broker would have produced (a property test checks it): this
 * is what makes rewind a replay from snapshots.
 */
export interface BrokerSnapshot {
  version: 1;
  now: number;
  rng: number;
  counters: { connection: number; msg: number; consumerOrder: number; timerToken: number };
  schedule: { seq: number; timers: Timer[] };
  messages: Message[];
  exchanges: SnapExchange[];
  queues: SnapQueue[];
  connections: SnapConnection[];
  hopLatencyMs: number;
  nextTransitId: number;
  /** messages travelling inside the broker (by message id) */
  transits: (Omit<Transit, 'msg'> & { msg: number })[];
  pendingConfirms: PendingConfirm[];
  /**
   * The bindings that end at each queue or exchange, in the order they were made: deleting the
   * destination removes them in that order. [destination key, [source, binding key][]].
   */
  bindingsTo?: [string, [string, string][]][];
}

export interface SnapEntry {
  msg: number;
  seq: number;
  enqueuedAt: number;
  expiresAt: number | null;
  redelivered: boolean;
  deliveryCount: number;
  level: number;
}
export interface SnapExchange {
  name: string;
  type: ExchangeType;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  args: FieldTable;
  bindings: { destination: string; destinationType: 'queue' | 'exchange'; routingKey: string; arguments: FieldTable }[];
}
export interface SnapConsumer {
  tag: string;
  connection: number;
  channel: number;
  noAck: boolean;
  exclusive: boolean;
  priority: number;
  prefetch: number;
  args: FieldTable;
  order: number;
  counts: [number, number, number, number];
}
export interface SnapQueue {
  name: string;
  durable: boolean;
  autoDelete: boolean;
  owner: number | null;
  args: FieldTable;
  parsed: QueueArgs;
  lines: SnapEntry[][];
  unacked: number;
  consumers: SnapConsumer[];
  active: string[];
  blocked: string[];
  exclusiveConsumer: string | null;
  hadConsumers: boolean;
  nextSeq: number;
  expiryToken: number;
  expiryAt: number | null;
  idleToken: number;
  lastUsedAt: number;
  getHolders: [number, number, number][];
  stats: Queue['stats'];
  /** quorum reject-publish state (quorumLimit.ts); absent in older snapshots */
  enqueuers?: [string, boolean][];
  wasBelowSoftLimit?: boolean;
}
export interface SnapChannel {
  number: number;
  nextDeliveryTag: number;
  consumerPrefetch: number;
  globalPrefetch: number;
  globalUnacked: number;
  confirm: boolean;
  nextPublishSeqNo: number;
  lastQueue: string | null;
  /** direct reply-to consumer (absent when none, and in older snapshots) */
  replyConsumer?: ReplyConsumer;
  /**
   * `consumer` is the consumer tag and `consumerOrder` the consumer's registration number: a
   * consumer that was cancelled may share its tag with a newer one on the same channel.
   */
  unacked: { tag: number; queue: string; queueDeleted: boolean; entry: SnapEntry; consumer: string | null; consumerOrder?: number }[];
}
export interface SnapConnection {
  id: number;
  name: string;
  user: string;
  nextChannel: number;
  channels: SnapChannel[];
}
