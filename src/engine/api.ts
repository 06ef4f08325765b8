import type { Channel } from './entities';
import { type GetOk, basicAck, basicGet, basicNack, basicRecover } from './ack';
import { Broker, type BrokerOptions, type ChannelRef } from './broker';
import { basicCancel, basicConsume, basicQos, type ConsumeParams } from './consume';
import { type BindParams, bind, type ExchangeDeclareParams, exchangeDeclare, exchangeDelete } from './declare';
import { ok, type Result } from './errors';
import { inspectBroker } from './inspect';
import { advanceTo, closeChannel, closeConnection, nextTimerAt } from './lifecycle';
import { basicPublish, type PublishOk, type PublishParams } from './publish';
import { expandQueueName, type QueueDeclareOk, type QueueDeclareParams, queueDeclare, queueDelete, queuePurge } from './queueDeclare';
import { restartBroker } from './restart';
import { type BrokerSnapshot, restoreBroker, snapshotBroker } from './snapshot';
import type { TraceEvent } from './trace';

/**
 * An AMQP 0-9-1 broker (RabbitMQ 3.10 semantics) on a virtual clock. Methods are named after
 * the protocol and take the channel they are sent on. Protocol errors are returned as values
 * (`{ ok: false, error }`) and close the channel or connection as RabbitMQ would; everything
 * the broker does is recorded in its trace.
 *
 * @example
 * const broker = new AmqpBroker({ seed: 42 });
 * const conn = broker.connectionOpen('app');
 * const ch = broker.channelOpen(conn);
 * broker.queueDeclare(ch, { queue: 'orders' });
 * broker.basicPublish(ch, { exchange: '', routingKey: 'orders', body: 'hello' });
 * broker.basicGet(ch, { queue: 'orders', noAck: true }); // { ok: true, value: { body: 'hello', … } }
 */
export class AmqpBroker {
  private b: Broker;

  constructor(opts: BrokerOptions = {}) {
    this.b = new Broker(opts);
  }

  /** Virtual time, in milliseconds. */
  get now(): number {
    return this.b.now;
  }

  /** The state, for inspection code in this folder. */
  get state(): Broker {
    return this.b;
  }

  // ---- time ----
  /** Moves virtual time forward to `t`, firing every timer due (TTL expiry, x-expires). */
  advanceTo(t: number): void {
    advanceTo(this.b, t);
  }
  /** Time one hop takes inside the broker (exchange → queue, queue → dead-letter exchange); 0 = instantaneous. */
  get hopLatencyMs(): number {
    return this.b.hopLatencyMs;
  }
  setHopLatency(ms: number): void {
    this.b.hopLatencyMs = Math.max(0, ms);
  }
  /** When the next broker timer is due (Infinity if none). */
  nextTimerAt(): number {
    return nextTimerAt(this.b);
  }

  // ---- connections and channels ----
  connectionOpen(name = '', user = 'guest'): number {
    return this.b.openConnection(name, user).id;
  }
  connectionClose(connection: number): Result<void> {
    const conn = this.b.connection(connection);
    if (conn) closeConnection(this.b, conn, undefined);
    return ok(undefined);
  }
  channelOpen(connection: number, number?: number): ChannelRef {
    const conn = this.b.connection(connection);
    if (!conn) throw new Error(`connection ${connection} is not open`);
    return { connection, channel: this.b.openChannel(conn, number).number };
  }
  channelClose(ref: ChannelRef): Result<void> {
    return this.b.run(ref, 'channel.close', (ch) => closeChannel(this.b, ch, undefined, 'client'));
  }
  isOpen(ref: ChannelRef): boolean {
    return this.b.channel(ref) !== undefined;
  }
  confirmSelect(ref: ChannelRef): Result<void> {
    return this.b.run(ref, 'confirm.select', (ch) => {
      ch.confirm = true;
    });
  }

  // ---- exchanges, queues, bindings ----
  exchangeDeclare(ref: ChannelRef, p: ExchangeDeclareParams): Result<void> {
    return this.b.run(ref, 'exchange.declare', (ch) => exchangeDeclare(this.b, ch, p));
  }
  exchangeDelete(ref: ChannelRef, p: { exchange: string; ifUnused?: boolean }): Result<void> {
    return this.b.run(ref, 'exchange.delete', (ch) => exchangeDelete(this.b, ch, p));
  }
  /** exchange.bind: messages routed by `source` with a matching key also go through `destination`. */
  exchangeBind(ref: ChannelRef, p: BindParams): Result<void> {
    return this.b.run(ref, 'exchange.bind', (ch) => bind(this.b, ch, p, 'exchange', false));
  }
  exchangeUnbind(ref: ChannelRef, p: BindParams): Result<void> {
    return this.b.run(ref, 'exchange.unbind', (ch) => bind(this.b, ch, p, 'exchange', true));
  }
  queueDeclare(ref: ChannelRef, p: QueueDeclareParams): Result<QueueDeclareOk> {
    return this.b.run(ref, 'queue.declare', (ch) => queueDeclare(this.b, ch, p));
  }
  queueBind(ref: ChannelRef, p: { queue: string; exchange: string; routingKey?: string; arguments?: BindParams['arguments'] }): Result<void> {
    return this.b.run(ref, 'queue.bind', (ch) => bind(this.b, ch, { source: p.exchange, ...queueShortcut(ch, p, 'queue.bind'), arguments: p.arguments }, 'queue', false));
  }
  queueUnbind(ref: ChannelRef, p: { queue: string; exchange: string; routingKey?: string; arguments?: BindParams['arguments'] }): Result<void> {
    return this.b.run(ref, 'queue.unbind', (ch) => bind(this.b, ch, { source: p.exchange, ...queueShortcut(ch, p, 'queue.unbind'), arguments: p.arguments }, 'queue', true));
  }
  queuePurge(ref: ChannelRef, p: { queue: string }): Result<{ messageCount: number }> {
    return this.b.run(ref, 'queue.purge', (ch) => queuePurge(this.b, ch, p));
  }
  queueDelete(ref: ChannelRef, p: { queue: string; ifUnused?: boolean; ifEmpty?: boolean }): Result<{ messageCount: number }> {
    return this.b.run(ref, 'queue.delete', (ch) => queueDelete(this.b, ch, p));
  }

  // ---- basic ----
  basicQos(ref: ChannelRef, p: { prefetchCount: number; prefetchSize?: number; global?: boolean }): Result<void> {
    return this.b.run(ref, 'basic.qos', (ch) => basicQos(this.b, ch, p));
  }
  basicConsume(ref: ChannelRef, p: ConsumeParams): Result<{ consumerTag: string }> {
    return this.b.run(ref, 'basic.consume', (ch) => basicConsume(this.b, ch, p));
  }
  basicCancel(ref: ChannelRef, p: { consumerTag: string }): Result<void> {
    return this.b.run(ref, 'basic.cancel', (ch) => basicCancel(this.b, ch, p));
  }
  basicPublish(ref: ChannelRef, p: PublishParams): Result<PublishOk> {
    return this.b.runWith(ref, 'basic.publish', basicPublish, p);
  }
  basicGet(ref: ChannelRef, p: { queue: string; noAck?: boolean }): Result<GetOk | null> {
    return this.b.run(ref, 'basic.get', (ch) => basicGet(this.b, ch, p));
  }
  basicAck(ref: ChannelRef, p: { deliveryTag: number; multiple?: boolean }): Result<void> {
    return this.b.runWith(ref, 'basic.ack', basicAck, p);
  }
  basicNack(ref: ChannelRef, p: { deliveryTag: number; multiple?: boolean; requeue?: boolean }): Result<void> {
    return this.b.run(ref, 'basic.nack', (ch) => basicNack(this.b, ch, p, 'basic.nack'));
  }
  basicReject(ref: ChannelRef, p: { deliveryTag: number; requeue?: boolean }): Result<void> {
    return this.b.run(ref, 'basic.reject', (ch) => basicNack(this.b, ch, { ...p, multiple: false }, 'basic.reject'));
  }
  basicRecover(ref: ChannelRef, p: { requeue?: boolean } = {}): Result<void> {
    return this.b.run(ref, 'basic.recover', (ch) => basicRecover(this.b, ch, p));
  }

  // ---- the broker itself ----
  /** Stops and starts the node: see restart.ts for what survives. */
  restart(opts: { downMs?: number } = {}): void {
    restartBroker(this.b, opts.downMs ?? 0);
  }
  /** The trace recorded since the last call. */
  drainTrace(): TraceEvent[] {
    return this.b.drainTrace();
  }
  /** How many trace events are waiting to be drained. */
  get pendingTrace(): number {
    return this.b.trace.length;
  }
  /**
   * The trace recorded since the last call, for a caller that reads it at once and then gives the
   * array back, emptied, as `into` of a later call (see Broker.swapTrace): no array per call.
   */
  swapTrace(into: TraceEvent[]): TraceEvent[] {
    return this.b.swapTrace(into);
  }
  setTraceEnabled(on: boolean): void {
    this.b.traceEnabled = on;
  }
  /** Record only the events a client receives (true), or everything (false, the default). */
  setTraceClientOnly(on: boolean): void {
    this.b.traceClientOnly = on;
  }
  snapshot(): BrokerSnapshot {
    return snapshotBroker(this.b);
  }
  static restore(s: BrokerSnapshot, opts: { trace?: boolean } = {}): AmqpBroker {
    const broker = new AmqpBroker();
    broker.b = restoreBroker(s, opts.trace ?? true);
    return broker;
  }
  /** Read-only views of queues, exchanges, bindings, connections and messages. */
  get inspect() {
    return inspectBroker(this.b);
  }
}

/**
 * queue.bind / queue.unbind with an empty queue name: the channel's most recently declared queue,
 * and, when the routing key is empty too, that queue's name as the key (rabbit_channel's
 * expand_routing_key_shortcut).
 */
function queueShortcut(ch: Channel, p: { queue: string; routingKey?: string }, method: string): { destination: string; routingKey?: string } {
  if (p.queue !== '') return { destination: p.queue, routingKey: p.routingKey };
  const destination = expandQueueName(ch, '', method);
  return { destination, routingKey: (p.routingKey ?? '') === '' ? destination : p.routingKey };
}
