import type { GetOk } from '../ack';
import { AmqpBroker } from '../api';
import type { BrokerOptions, ChannelRef } from '../broker';
import type { ConsumeParams } from '../consume';
import type { AmqpError, Result } from '../errors';
import type { FieldTable } from '../fields';
import type { BasicProperties } from '../message';
import type { QueueDeclareParams } from '../queueDeclare';
import type { Delivered, TraceEvent } from '../trace';

/**
 * A small test fixture around the public API: one broker, one connection and one channel to
 * start with, short helpers for the common protocol calls, and the trace collected as it goes.
 * Helpers that must succeed throw with the broker's error text, so a failing test says why.
 */

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.text} (${r.error.method})`);
  return r.value;
}

export function failure<T>(r: Result<T>): AmqpError {
  if (r.ok) throw new Error(`expected an AMQP error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

export type EventOf<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

export function ofType<K extends TraceEvent['type']>(events: readonly TraceEvent[], type: K): EventOf<K>[] {
  return events.filter((e): e is EventOf<K> => e.type === type);
}

export class Fixture {
  readonly broker: AmqpBroker;
  conn: number;
  ch: ChannelRef;
  /** every trace event since the fixture was made (or since `reset()`) */
  events: TraceEvent[] = [];

  constructor(opts: BrokerOptions = {}) {
    this.broker = new AmqpBroker({ seed: 7, ...opts });
    this.conn = this.broker.connectionOpen('test');
    this.ch = this.broker.channelOpen(this.conn);
  }

  /** Pulls the broker's trace into `events`; returns what was new. */
  take(): TraceEvent[] {
    const fresh = this.broker.drainTrace();
    this.events.push(...fresh);
    return fresh;
  }

  /** Forgets the events collected so far (after the setup of a test, say). */
  reset(): void {
    this.take();
    this.events = [];
  }

  all<K extends TraceEvent['type']>(type: K): EventOf<K>[] {
    this.take();
    return ofType(this.events, type);
  }

  channel(conn = this.conn): ChannelRef {
    return this.broker.channelOpen(conn);
  }

  exchange(name: string, type: string, opts: { durable?: boolean; autoDelete?: boolean; internal?: boolean; arguments?: FieldTable } = {}): void {
    unwrap(this.broker.exchangeDeclare(this.ch, { exchange: name, type, ...opts }));
  }

  queue(name: string, args: FieldTable = {}, flags: Omit<QueueDeclareParams, 'queue' | 'arguments'> = {}): string {
    return unwrap(this.broker.queueDeclare(this.ch, { queue: name, arguments: args, ...flags })).queue;
  }

  bind(exchange: string, queue: string, routingKey = '', args?: FieldTable): void {
    unwrap(this.broker.queueBind(this.ch, { exchange, queue, routingKey, arguments: args }));
  }

  bindExchange(source: string, destination: string, routingKey = '', args?: FieldTable): void {
    unwrap(this.broker.exchangeBind(this.ch, { source, destination, routingKey, arguments: args }));
  }

  /** basic.publish; returns the message id. */
  publish(exchange: string, routingKey: string, body = 'm', properties?: BasicProperties, opts: { mandatory?: boolean; ch?: ChannelRef } = {}): number {
    return unwrap(this.broker.basicPublish(opts.ch ?? this.ch, { exchange, routingKey, body, properties, mandatory: opts.mandatory })).msgId;
  }

  /** Publishes each body to the default exchange (straight into `queue`). */
  fill(queue: string, bodies: string[], properties?: BasicProperties): number[] {
    return bodies.map((b) => this.publish('', queue, b, properties));
  }

  /** The queues a message published now would be routed to (sorted), from the trace. */
  routeOf(exchange: string, routingKey: string, headers?: FieldTable): string[] {
    const msgId = this.publish(exchange, routingKey, 'probe', headers ? { headers } : undefined);
    const routed = this.all('routed').find((e) => e.msgId === msgId);
    return routed ? routed.queues : [];
  }

  get(queue: string, opts: { noAck?: boolean; ch?: ChannelRef } = {}): GetOk | null {
    return unwrap(this.broker.basicGet(opts.ch ?? this.ch, { queue, noAck: opts.noAck ?? true }));
  }

  /** Bodies of a queue's ready messages, in delivery order (the queue is not changed). */
  ready(queue: string): string[] {
    return this.broker.inspect.readyMessages(queue, Number.POSITIVE_INFINITY).map((m) => m.body);
  }

  /** Takes every ready message out of a queue with no-ack basic.get; returns the bodies. */
  drain(queue: string, ch = this.ch): string[] {
    const out: string[] = [];
    for (let m = this.get(queue, { ch }); m; m = this.get(queue, { ch })) out.push(m.body);
    return out;
  }

  consume(queue: string, opts: Omit<ConsumeParams, 'queue'> & { ch?: ChannelRef; prefetch?: number; global?: boolean } = {}): string {
    const { ch = this.ch, prefetch, global, ...rest } = opts;
    if (prefetch !== undefined) unwrap(this.broker.basicQos(ch, { prefetchCount: prefetch, global }));
    return unwrap(this.broker.basicConsume(ch, { queue, ...rest })).consumerTag;
  }

  /** Consumer (and basic.get) deliveries so far, optionally for one consumer tag. */
  deliveries(consumerTag?: string): Delivered[] {
    return this.all('delivered').filter((d) => consumerTag === undefined || d.consumerTag === consumerTag);
  }

  /** Bodies delivered so far, optionally to one consumer. */
  delivered(consumerTag?: string): string[] {
    return this.deliveries(consumerTag).map((d) => d.body);
  }

  /** Delivery tag of the latest delivery of `body` (to anyone). */
  tagOf(body: string, consumerTag?: string): number {
    const d = this.deliveries(consumerTag).filter((x) => x.body === body).at(-1);
    if (!d) throw new Error(`'${body}' was never delivered`);
    return d.deliveryTag;
  }

  /** Moves virtual time forward by `ms`. */
  wait(ms: number): void {
    this.broker.advanceTo(this.broker.now + ms);
  }

  depth(queue: string): { ready: number; unacked: number; consumers: number } {
    const q = this.broker.inspect.queue(queue);
    if (!q) throw new Error(`no queue '${queue}'`);
    return { ready: q.ready, unacked: q.unacked, consumers: q.consumers };
  }

  exists(queue: string): boolean {
    return this.broker.inspect.queue(queue) !== undefined;
  }

  exchangeExists(name: string): boolean {
    return this.broker.inspect.exchanges().some((x) => x.name === name);
  }
}
