import { EventEmitter } from 'events';
import type { Kernel } from '../kernel';
import { Args } from './args';
import { BaseChannel, type Message, type Reply } from './channel';
import type { Connection } from './connection';
import { openConnection } from './connect';
import { IllegalOperationError } from './errors';
import { CREDENTIALS, deliveryTagOf, getResult } from './promiseApi';

/**
 * require('amqplib/callback_api'): the callback API (lib/callback_model.js). Callbacks are called
 * `(err)` or `(null, value)`, straight from the broker's reply, as amqplib calls them; most methods
 * return the channel so that calls can be chained.
 */

type Fields = Record<string, unknown>;
type Cb<T = Fields> = ((err: Error | null, value?: T) => void) | undefined;

/** amqplib's callbackWrapper: a missing callback becomes a no-op; a value is never passed with an error. */
function wrap<T>(cb: Cb<T>): (err: Error | null, value?: T) => void {
  return typeof cb === 'function' ? (err, value) => (err === null ? cb(null, value) : cb(err)) : () => {};
}

export class CallbackModel extends EventEmitter {
  readonly connection: Connection;
  constructor(connection: Connection) {
    super();
    this.connection = connection;
    for (const ev of ['error', 'close', 'blocked', 'unblocked']) connection.on(ev, (...args: unknown[]) => this.emit(ev, ...args));
  }

  close(cb?: Cb<void>): void {
    const k = wrap(cb);
    try {
      this.connection.close(() => k(null));
    } catch (e) {
      k(e as Error);
    }
  }

  createChannel(cb?: Cb<CbChannel>): CbChannel {
    const ch = new CbChannel(this.connection);
    const k = wrap(cb);
    ch.open((err) => (err === null ? k(null, ch) : k(err)));
    return ch;
  }

  createConfirmChannel(cb?: Cb<CbConfirmChannel>): CbConfirmChannel {
    const ch = new CbConfirmChannel(this.connection);
    const k = wrap(cb);
    ch.open((err) => {
      if (err !== null) return k(err);
      ch.rpc('confirm.select', {}, (e) => (e === null ? k(null, ch) : k(e)));
    });
    return ch;
  }
}

export class CbChannel extends BaseChannel {
  /** A plain RPC: the callback gets the reply's fields. */
  rpc(method: Parameters<BaseChannel['_rpc']>[0], args: unknown, cb: Cb): this {
    const k = wrap(cb);
    const reply: Reply = (err, value) => k(err, (value ?? {}) as Fields);
    this._rpc(method, args, reply);
    return this;
  }

  open(cb: (err: Error | null) => void): this {
    try {
      this.allocate();
    } catch (e) {
      cb(e as Error);
      return this;
    }
    return this.rpc('channel.open', {}, (err) => cb(err));
  }

  close(cb?: Cb<void>): this {
    const k = wrap(cb);
    this.closeBecause(() => k(null));
    return this;
  }

  assertQueue(queue?: unknown, options?: Fields, cb?: Cb): this {
    return this.rpc('queue.declare', Args.assertQueue(queue, options), cb);
  }
  checkQueue(queue: unknown, cb?: Cb): this {
    return this.rpc('queue.declare', Args.checkQueue(queue), cb);
  }
  deleteQueue(queue: unknown, options?: Fields, cb?: Cb): this {
    return this.rpc('queue.delete', Args.deleteQueue(queue, options), cb);
  }
  purgeQueue(queue: unknown, cb?: Cb): this {
    return this.rpc('queue.purge', Args.purgeQueue(queue), cb);
  }
  bindQueue(queue: unknown, source: unknown, pattern: unknown, argt?: unknown, cb?: Cb): this {
    return this.rpc('queue.bind', Args.bindQueue(queue, source, pattern, argt), cb);
  }
  unbindQueue(queue: unknown, source: unknown, pattern: unknown, argt?: unknown, cb?: Cb): this {
    return this.rpc('queue.unbind', Args.bindQueue(queue, source, pattern, argt), cb);
  }
  assertExchange(exchange: unknown, type: unknown, options?: Fields, cb?: Cb): this {
    const k = wrap(cb);
    this._rpc('exchange.declare', Args.assertExchange(exchange, type, options), (e) => k(e, { exchange }));
    return this;
  }
  checkExchange(exchange: unknown, cb?: Cb): this {
    return this.rpc('exchange.declare', Args.checkExchange(exchange), cb);
  }
  deleteExchange(exchange: unknown, options?: Fields, cb?: Cb): this {
    return this.rpc('exchange.delete', Args.deleteExchange(exchange, options), cb);
  }
  bindExchange(destination: unknown, source: unknown, pattern: unknown, argt?: unknown, cb?: Cb): this {
    return this.rpc('exchange.bind', Args.bindExchange(destination, source, pattern, argt), cb);
  }
  unbindExchange(destination: unknown, source: unknown, pattern: unknown, argt?: unknown, cb?: Cb): this {
    return this.rpc('exchange.unbind', Args.bindExchange(destination, source, pattern, argt), cb);
  }

  publish(exchange: unknown, routingKey: unknown, content: unknown, options?: Fields): boolean {
    const f = Args.publish(exchange, routingKey, options);
    return this.sendMessage(f.exchange, f.routingKey, f.mandatory, f.properties, content);
  }
  sendToQueue(queue: unknown, content: unknown, options?: Fields): boolean {
    return this.publish('', queue, content, options);
  }

  consume(queue: unknown, callback: (msg: Message | null) => void, options?: Fields, cb?: Cb): this {
    const k = wrap(cb);
    this._rpc('basic.consume', Args.consume(queue, options), (err, ok) => {
      if (err !== null) return k(err);
      const tag = (ok as { consumerTag: string }).consumerTag;
      this.registerConsumer(tag, callback);
      k(null, { consumerTag: tag });
    });
    return this;
  }

  cancel(consumerTag: unknown, cb?: Cb): this {
    const k = wrap(cb);
    this._rpc('basic.cancel', { consumerTag: String(consumerTag) }, (err, ok) => {
      if (err !== null) return k(err);
      this.unregisterConsumer(String(consumerTag));
      k(null, (ok ?? { consumerTag }) as Fields);
    });
    return this;
  }

  get(queue: unknown, options?: Fields, cb?: Cb<Message | false>): this {
    const k = wrap(cb);
    this._rpc('basic.get', Args.get(queue, options), (err, ok) => (err !== null ? k(err) : k(null, getResult(this, ok ?? null))));
    return this;
  }

  ack(message: Message, allUpTo?: boolean): this {
    this.sendSettle('basic.ack', deliveryTagOf(message), !!allUpTo, false);
    return this;
  }
  ackAll(): this {
    this.sendSettle('basic.ack', 0, true, false);
    return this;
  }
  nack(message: Message, allUpTo?: boolean, requeue?: boolean): this {
    this.sendSettle('basic.nack', deliveryTagOf(message), !!allUpTo, requeue === undefined ? true : !!requeue);
    return this;
  }
  nackAll(requeue?: boolean): this {
    this.sendSettle('basic.nack', 0, true, requeue === undefined ? true : !!requeue);
    return this;
  }
  reject(message: Message, requeue?: boolean): this {
    this.sendSettle('basic.reject', deliveryTagOf(message), false, requeue === undefined ? true : !!requeue);
    return this;
  }
  prefetch(count?: unknown, global?: unknown, cb?: Cb): this {
    return this.rpc('basic.qos', Args.prefetch(count, global), cb);
  }
  qos(count?: unknown, global?: unknown, cb?: Cb): this {
    return this.prefetch(count, global, cb);
  }
  recover(cb?: Cb): this {
    return this.rpc('basic.recover', { requeue: true }, cb);
  }
}

export class CbConfirmChannel extends CbChannel {
  override publish(exchange: unknown, routingKey: unknown, content: unknown, options?: Fields, cb?: (err: Error | null) => void): boolean {
    this.pushConfirmCallback(cb);
    return super.publish(exchange, routingKey, content, options);
  }
  override sendToQueue(queue: unknown, content: unknown, options?: Fields, cb?: (err: Error | null) => void): boolean {
    return this.publish('', queue, content, options, cb);
  }
  waitForConfirms(k?: (err?: Error) => void): void {
    const awaiting: Promise<void>[] = [];
    this.unconfirmed.forEach((val, index) => {
      if (val === null) return;
      awaiting.push(
        new Promise<void>((resolve, reject) => {
          this.unconfirmed[index] = (err) => {
            if (val) val(err);
            if (err === null) resolve();
            else reject(err);
          };
        }),
      );
    });
    Promise.all(awaiting).then(
      () => k?.(),
      (err: Error) => k?.(err),
    );
  }
}

/** The module object of require('amqplib/callback_api'). */
export function callbackApi(kernel: Kernel) {
  const connect = (url?: unknown, options?: unknown, cb?: unknown): void => {
    let k = cb;
    let opts = options;
    let u = url;
    if (typeof u === 'function') {
      k = u;
      u = undefined;
      opts = undefined;
    } else if (typeof opts === 'function') {
      k = opts;
      opts = undefined;
    }
    const done = typeof k === 'function' ? (k as (err: Error | null, c?: CallbackModel) => void) : () => {};
    openConnection(kernel, u, opts, (err, c) => (err ? done(err) : done(null, new CallbackModel(c!))));
  };
  return { connect, credentials: CREDENTIALS, IllegalOperationError, CallbackModel, Channel: CbChannel, ConfirmChannel: CbConfirmChannel };
}
