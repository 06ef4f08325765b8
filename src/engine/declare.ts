import { addBinding, deleteExchange, removeBinding, bindingKey } from './bindings';
import type { Broker } from './broker';
import { type Channel, Exchange } from './entities';
import { fail } from './errors';
import { type FieldTable, argEquivalent, amqpTypeName, kindOf } from './fields';
import { checkExclusive } from './queueDeclare';
import { EXCHANGE_TYPE_IMPLS, isExchangeType } from './routing';

export interface ExchangeDeclareParams {
  exchange: string;
  type: string;
  passive?: boolean;
  durable?: boolean;
  autoDelete?: boolean;
  internal?: boolean;
  arguments?: FieldTable;
}

const DEFAULT_X = 'operation not permitted on the default exchange';

/** exchange.declare: creates the exchange, or checks that an existing one is equivalent. */
export function exchangeDeclare(b: Broker, _ch: Channel, p: ExchangeDeclareParams): void {
  const M = 'exchange.declare';
  if (p.passive) {
    if (p.exchange === '') fail(403, M, DEFAULT_X);
    if (!b.exchanges.has(p.exchange)) fail(404, M, `no exchange '${p.exchange}' in vhost '/'`);
    return;
  }
  // an unknown type is a hard (connection) error in RabbitMQ
  if (!isExchangeType(p.type)) fail(503, M, `unknown exchange type '${p.type}'`);
  if (p.exchange === '') fail(403, M, DEFAULT_X);
  const args = p.arguments ?? {};
  const durable = !!p.durable;
  const autoDelete = !!p.autoDelete;
  const internal = !!p.internal;
  let x = b.exchanges.get(p.exchange);
  if (!x) {
    if (p.exchange.startsWith('amq.')) fail(403, M, `exchange name '${p.exchange}' contains reserved prefix 'amq.*'`);
    const ae = args['alternate-exchange'];
    if (ae !== undefined && kindOf(ae) !== 'string') fail(406, M, `invalid type '${amqpTypeName(ae)}' for arg 'alternate-exchange'`);
    x = new Exchange(p.exchange, p.type, durable, autoDelete, internal, { ...args });
    b.exchanges.set(x.name, x);
    b.emit({ type: 'exchange-declared', t: b.now, exchange: x.name, exchangeType: x.type, durable, autoDelete, internal, arguments: x.args });
    return;
  }
  const name = x.name;
  const ineq = (what: string, received: unknown, current: unknown) =>
    fail(406, M, `inequivalent arg '${what}' for exchange '${name}' in vhost '/': received '${received}' but current is '${current}'`);
  if (x.type !== p.type) ineq('type', p.type, x.type);
  if (x.durable !== durable) ineq('durable', durable, x.durable);
  if (x.autoDelete !== autoDelete) ineq('auto_delete', autoDelete, x.autoDelete);
  if (x.internal !== internal) ineq('internal', internal, x.internal);
  if (!argEquivalent(x.args['alternate-exchange'], args['alternate-exchange'])) {
    ineq('alternate-exchange', args['alternate-exchange'] ?? 'none', x.args['alternate-exchange'] ?? 'none');
  }
}

export function exchangeDelete(b: Broker, _ch: Channel, p: { exchange: string; ifUnused?: boolean }): void {
  const M = 'exchange.delete';
  if (p.exchange === '') fail(403, M, DEFAULT_X);
  if (p.exchange.startsWith('amq.') && b.exchanges.has(p.exchange) && isPredeclared(p.exchange)) {
    fail(403, M, `deletion of system exchange '${p.exchange}' in vhost '/' not allowed`);
  }
  const x = b.exchanges.get(p.exchange);
  if (!x) return; // deleting a missing exchange is not an error in 3.10
  if (p.ifUnused && x.bindings.size > 0) fail(406, M, `exchange '${p.exchange}' in vhost '/' in use`);
  deleteExchange(b, x, 'deleted');
}

function isPredeclared(name: string): boolean {
  return ['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match'].includes(name);
}

export interface BindParams {
  source: string;
  destination: string;
  routingKey?: string;
  arguments?: FieldTable;
}

function checkBindingArgs(b: Broker, x: Exchange, args: FieldTable, method: string): void {
  const why = EXCHANGE_TYPE_IMPLS[x.type].validateBinding?.(args);
  if (why) fail(406, method, why);
  void b;
}

/** queue.bind / exchange.bind (and their unbind), with RabbitMQ's checks and errors. */
export function bind(b: Broker, ch: Channel, p: BindParams, destinationType: 'queue' | 'exchange', unbind: boolean): void {
  const M = `${destinationType}.${unbind ? 'unbind' : 'bind'}`;
  if (p.source === '' || (destinationType === 'exchange' && p.destination === '')) fail(403, M, DEFAULT_X);
  const args = p.arguments ?? {};
  const key = p.routingKey ?? '';
  if (unbind) {
    unbindOne(b, ch, p, destinationType, key, args, M);
    return;
  }
  const x = b.exchanges.get(p.source);
  if (!x) fail(404, M, `no exchange '${p.source}' in vhost '/'`);
  if (destinationType === 'queue') {
    const q = b.queues.get(p.destination);
    if (!q) fail(404, M, `no queue '${p.destination}' in vhost '/'`);
    checkExclusive(q, ch.connection, M);
  } else if (!b.exchanges.has(p.destination)) {
    fail(404, M, `no exchange '${p.destination}' in vhost '/'`);
  }
  checkBindingArgs(b, x, args, M);
  addBinding(b, x, p.destination, destinationType, key, args);
}

/**
 * queue.unbind / exchange.unbind in RabbitMQ 3.10.8 (rabbit_binding:remove): a binding that is
 * not there is no error, whatever is missing (the source exchange, the destination, or just the
 * binding). Only an existing binding to another connection's exclusive queue is refused (405).
 */
function unbindOne(b: Broker, ch: Channel, p: BindParams, destinationType: 'queue' | 'exchange', key: string, args: FieldTable, method: string): void {
  const bd = b.exchanges.get(p.source)?.bindings.get(bindingKey(p.destination, destinationType, key, args));
  if (!bd) return;
  const q = destinationType === 'queue' ? b.queues.get(p.destination) : undefined;
  if (q) checkExclusive(q, ch.connection, method);
  removeBinding(b, bd);
}
