import type { FieldTable } from './fields';
import type { QueueEntry } from './message';
import type { QueueArgs } from './queueArgs';
import { channelEnqueuer } from './quorumLimit';
import type { ReplyConsumer } from './replyTo';
import { createReadyStore, type ReadyStore } from './readyStore';
import { UnackedTable } from './unackedTable';
import { type Binding, EXCHANGE_TYPE_IMPLS, type ExchangeType, type Router } from './routing';

export class Exchange {
  /** bindings with this exchange as source, by binding key */
  readonly bindings = new Map<string, Binding>();
  readonly router: Router;
  constructor(
    readonly name: string,
    readonly type: ExchangeType,
    readonly durable: boolean,
    readonly autoDelete: boolean,
    readonly internal: boolean,
    readonly args: FieldTable,
  ) {
    this.router = EXCHANGE_TYPE_IMPLS[type].create();
  }
  get alternateExchange(): string | undefined {
    const ae = this.args['alternate-exchange'];
    return typeof ae === 'string' ? ae : ae && typeof ae === 'object' && '$type' in ae && ae.$type === 'string' ? String(ae.value) : undefined;
  }
}

export class Consumer {
  /** deliveries not yet settled (counted for per-consumer prefetch) */
  unacked = 0;
  delivered = 0;
  acked = 0;
  nacked = 0;
  constructor(
    readonly tag: string,
    readonly queue: Queue,
    readonly channel: Channel,
    readonly noAck: boolean,
    readonly exclusive: boolean,
    readonly priority: number,
    /** basic.qos(global=false) prefetch in force when the consumer was created; 0 = unlimited */
    readonly prefetch: number,
    readonly args: FieldTable,
    /** order of registration on the queue (single active consumer hands over in this order) */
    readonly order: number,
  ) {}
}

/** A message delivered on a channel and not yet settled. */
export interface Unacked {
  tag: number;
  queue: Queue;
  entry: QueueEntry;
  /** null for basic.get */
  consumer: Consumer | null;
}

export class Queue {
  readonly ready: ReadyStore;
  /** delivered, not yet settled */
  unacked = 0;
  /** every consumer, in registration order */
  readonly consumers: Consumer[] = [];
  /** consumers that can be served, highest priority first, round-robin within a priority */
  active: Consumer[] = [];
  /** consumers skipped because their prefetch (or their channel's) is full */
  blocked: Consumer[] = [];
  exclusiveConsumer: Consumer | null = null;
  hadConsumers = false;
  nextSeq = 1;
  /** timer bookkeeping: the token of the live timer of each kind */
  expiryToken = 0;
  expiryAt = Number.POSITIVE_INFINITY;
  idleToken = 0;
  lastUsedAt: number;
  /**
   * quorum with reject-publish: each publisher (channel "c:conn/ch", or dead-lettering queue
   * "q:name") and whether it is told to refuse publishes (quorumLimit.ts)
   */
  readonly enqueuers = new Map<string, boolean>();
  /** quorum with reject-publish: the queue was at or below 80% of its limit at the last check */
  wasBelowSoftLimit = true;
  /** quorum: channels holding basic.get messages count as consumers (one-shot consumers) */
  readonly getHolders = new Map<Channel, number>();
  /** lifetime counters, for charts and inspection */
  stats = { enqueued: 0, delivered: 0, acked: 0, redelivered: 0, expired: 0, deadLettered: 0, dropped: 0 };
  deleted = false;
  /**
   * A route to this queue alone (route.ts), built once: most messages go to one queue, and a new
   * result and list per message were two of a busy run's allocations. Read only.
   */
  readonly routedAlone: { readonly queues: readonly Queue[] } = { queues: [this] };

  constructor(
    readonly name: string,
    readonly durable: boolean,
    readonly autoDelete: boolean,
    /** the connection that owns an exclusive queue, or null */
    readonly exclusiveOwner: Connection | null,
    readonly args: FieldTable,
    readonly parsed: QueueArgs,
    now: number,
  ) {
    this.ready = createReadyStore(parsed.queueType, parsed.maxPriority);
    this.lastUsedAt = now;
  }

  get isQuorum(): boolean {
    return this.parsed.queueType === 'quorum';
  }

  get consumerCount(): number {
    return this.consumers.length + (this.isQuorum ? this.getHolders.size : 0);
  }
}

export class Channel {
  open = true;
  nextDeliveryTag = 1;
  /** unsettled deliveries by delivery tag */
  readonly unacked = new UnackedTable<Unacked>();
  /** basic.qos(global=false): prefetch for consumers created from now on */
  consumerPrefetch = 0;
  /** basic.qos(global=true): limit on all unacked consumer deliveries of the channel */
  globalPrefetch = 0;
  /** consumer deliveries awaiting ack (what the global limit counts) */
  globalUnacked = 0;
  confirm = false;
  nextPublishSeqNo = 1;
  /**
   * The queue most recently declared on this channel: AMQP's shortcut lets queue.bind, queue.unbind,
   * queue.purge, queue.delete, basic.consume and basic.get name it with an empty queue name.
   */
  lastQueue: string | null = null;
  readonly consumers = new Map<string, Consumer>();
  /** direct reply-to: the channel's consumer of amq.rabbitmq.reply-to (not one of `consumers`) */
  replyConsumer: ReplyConsumer | null = null;
  /** this channel as a publisher of quorum queues (quorumLimit.ts), made once rather than per publish */
  readonly enqueuer: string;
  constructor(
    readonly connection: Connection,
    readonly number: number,
  ) {
    this.enqueuer = channelEnqueuer(connection.id, number);
  }
}

export class Connection {
  open = true;
  readonly channels = new Map<number, Channel>();
  nextChannel = 1;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly user: string,
  ) {}
}
