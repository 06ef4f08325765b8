import {
  type AmqpTable,
  channelQosCalls,
  exchangeArgumentsToAmqp,
  findChannel,
  type FailOutcome,
  type KEY_ORDERS,
  type MessageTemplate,
  type Outcome,
  predeclaredExchange,
  type PUBLISH_MODES,
  type QosCall,
  queueArgumentsToAmqp,
  type Scenario,
} from '../../model';
import { slug } from './escape';
import type { CodeLocale } from './headerText';

/**
 * What the generated programs do, independent of the language: the same plan feeds the amqplib and
 * the pika generators, so both always agree with each other and with the scenario.
 */

export interface ExchangeDecl {
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: AmqpTable;
}
export interface QueueDecl {
  name: string;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: AmqpTable;
}
export interface BindingDecl {
  destinationType: 'queue' | 'exchange';
  source: string;
  destination: string;
  routingKey: string;
  arguments: AmqpTable;
}
export interface Declarations {
  exchanges: ExchangeDecl[];
  queues: QueueDecl[];
  bindings: BindingDecl[];
}

export interface ProducerPlan {
  file: string;
  app: string;
  /** createConfirmChannel / confirm_delivery: the channel is in confirm mode. */
  confirmChannel: boolean;
  /** Report each broker ack or nack. */
  confirms: boolean;
  exchange: string;
  routingKeys: string[];
  keyOrder: (typeof KEY_ORDERS)[number];
  mode: (typeof PUBLISH_MODES)[number];
  ratePerSec: number;
  burstCount: number;
  message: MessageTemplate;
  mandatory: boolean;
}

export interface ConsumerPlan {
  file: string;
  app: string;
  queue: string;
  noAck: boolean;
  /** basic.qos calls in order: the channel's own (global or not), then this consumer's. */
  qos: QosCall[];
  /** Other consumers of the app share this channel in the scenario (their global prefetch is shared). */
  sharedChannel: boolean;
  processingMs: number;
  jitterMs: number;
  outcome: Outcome;
  failPercent: number;
  failOutcome: FailOutcome;
  priority: number;
  exclusive: boolean;
  /** RPC server: answer each request that has a reply-to (after processing it successfully). */
  replyToRequests: boolean;
  /** Exclusive queues belong to the connection that declares them: this program declares these. */
  own: Declarations;
}

export interface CodePlan {
  title: string;
  /** the language of the programs' header comment (the page's) */
  locale: CodeLocale;
  /** Everything but the exclusive queues a consumer owns (and their bindings). */
  shared: Declarations;
  producers: ProducerPlan[];
  consumers: ConsumerPlan[];
}

export function planCode(s: Scenario, locale: CodeLocale = 'en'): CodePlan {
  const exchangeName = new Map(s.exchanges.map((e) => [e.id, e.name]));
  const queueName = new Map(s.queues.map((q) => [q.id, q.name]));
  const queueDecl = (q: Scenario['queues'][number]): QueueDecl => ({ name: q.name, durable: q.durable, exclusive: q.exclusive, autoDelete: q.autoDelete, arguments: queueArgumentsToAmqp(q) });
  const bindingDecl = (b: Scenario['bindings'][number]): BindingDecl | null => {
    const source = exchangeName.get(b.source);
    const destination = b.destinationType === 'queue' ? queueName.get(b.destination) : exchangeName.get(b.destination);
    return source === undefined || destination === undefined ? null : { destinationType: b.destinationType, source, destination, routingKey: b.routingKey, arguments: { ...b.arguments } };
  };

  // An exclusive queue is declared by the first consumer program that reads it (if any).
  const owner = new Map<string, string>();
  for (const a of s.apps) for (const c of a.consumers) if (!owner.has(c.queue) && s.queues.some((q) => q.exclusive && q.name === c.queue)) owner.set(c.queue, c.id);
  const owned = (name: string) => owner.has(name);
  const declarations = (pick: (queueName: string) => boolean, withExchanges: boolean): Declarations => ({
    // amq.topic and the like exist on every broker: bound from, never declared
    exchanges: withExchanges ? s.exchanges.filter((e) => !predeclaredExchange(e.name)).map((e) => ({ name: e.name, type: e.type, durable: e.durable, autoDelete: e.autoDelete, internal: e.internal, arguments: exchangeArgumentsToAmqp(e) })) : [],
    queues: s.queues.filter((q) => pick(q.name)).map(queueDecl),
    bindings: s.bindings
      .filter((b) => (b.destinationType === 'exchange' ? withExchanges : pick(queueName.get(b.destination) ?? '')))
      .map(bindingDecl)
      .filter((b): b is BindingDecl => b !== null),
  });

  const files = new Set<string>();
  const fileName = (role: string, app: string, n: number) => {
    const base = `${role}-${slug(app) || `app${n}`}`;
    let name = base;
    for (let i = 2; files.has(name); i++) name = `${base}-${i}`;
    files.add(name);
    return name;
  };

  const producers: ProducerPlan[] = [];
  const consumers: ConsumerPlan[] = [];
  s.apps.forEach((a, n) => {
    for (const p of a.publishers) {
      const channel = findChannel(a, p.channelId)?.channel;
      producers.push({
        file: fileName('producer', a.name, n + 1),
        app: a.name,
        confirmChannel: (channel?.confirmSelect ?? false) || p.confirms,
        confirms: p.confirms,
        exchange: p.exchange,
        routingKeys: p.routingKeys,
        keyOrder: p.keyOrder,
        mode: p.mode,
        ratePerSec: p.ratePerSec,
        burstCount: p.burstCount,
        message: p.message,
        mandatory: p.mandatory,
      });
    }
    // a consumer not subscribed to any queue has nothing to run
    for (const c of a.consumers.filter((x) => x.queue !== '')) {
      const qos = channelQosCalls(a, c.channelId);
      consumers.push({
        file: fileName('consumer', a.name, n + 1),
        app: a.name,
        queue: c.queue,
        noAck: c.noAck,
        qos: [...(qos.atOpen ? [qos.atOpen] : []), qos.perConsumer[c.id]!],
        sharedChannel: a.consumers.some((o) => o.id !== c.id && o.channelId === c.channelId),
        processingMs: c.processingMs,
        jitterMs: c.jitterMs,
        outcome: c.outcome,
        failPercent: c.failPercent,
        failOutcome: c.failOutcome,
        priority: c.priority,
        exclusive: c.exclusive,
        replyToRequests: c.replyToRequests,
        own: declarations((name) => owner.get(name) === c.id, false),
      });
    }
  });
  return { title: s.title, locale, shared: declarations((name) => !owned(name), true), producers, consumers };
}
