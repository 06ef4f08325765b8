import { EventEmitter } from 'events';
import type { ReplyValue } from '../../../sim/programs/protocol';
import type { Kernel } from '../kernel';
import { Args } from './args';
import { BaseChannel, type Message, type Reply } from './channel';
import type { Connection } from './connection';
import { openConnection } from './connect';
import { IllegalOperationError } from './errors';

/**
 * require('amqplib'): the promise API (lib/channel_model.js). Every method maps to the AMQP method a
 * real amqplib sends; replies resolve the promises with the same fields.
 */

type Fields = Record<string, unknown>;

export class ChannelModel extends EventEmitter {
  readonly connection: Connection;
  constructor(connection: Connection) {
    super();
    this.connection = connection;
    for (const ev of ['error', 'close', 'blocked', 'unblocked']) connection.on(ev, (...args: unknown[]) => this.emit(ev, ...args));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        this.connection.close(() => resolve());
      } catch (e) {
        reject(e);
      }
    });
  }

  async createChannel(): Promise<Channel> {
    const ch = new Channel(this.connection);
    await ch.open();
    return ch;
  }

  async createConfirmChannel(): Promise<ConfirmChannel> {
    const ch = new ConfirmChannel(this.connection);
    await ch.open();
    await ch.rpc('confirm.select', {});
    return ch;
  }

  /** amqplib 0.10: the secret of the connection's credentials (accepted, nothing to change here). */
  async updateSecret(): Promise<void> {}
}

export class Channel extends BaseChannel {
  /** An RPC resolving to the reply's fields. */
  rpc(method: Parameters<BaseChannel['_rpc']>[0], args: unknown): Promise<Fields> {
    return new Promise((resolve, reject) => {
      const cb: Reply = (err, value) => (err ? reject(err) : resolve((value ?? {}) as Fields));
      this._rpc(method, args, cb);
    });
  }

  open(): Promise<Fields> {
    return new Promise((resolve, reject) => {
      try {
        this.allocate();
      } catch (e) {
        reject(e);
        return;
      }
      this.rpc('channel.open', {}).then(resolve, reject);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        this.closeBecause(() => resolve());
      } catch (e) {
        reject(e);
      }
    });
  }

  assertQueue(queue?: unknown, options?: Fields) {
    return this.rpc('queue.declare', Args.assertQueue(queue, options));
  }
  checkQueue(queue: unknown) {
    return this.rpc('queue.declare', Args.checkQueue(queue));
  }
  deleteQueue(queue: unknown, options?: Fields) {
    return this.rpc('queue.delete', Args.deleteQueue(queue, options));
  }
  purgeQueue(queue: unknown) {
    return this.rpc('queue.purge', Args.purgeQueue(queue));
  }
  bindQueue(queue: unknown, source: unknown, pattern: unknown, argt?: unknown) {
    return this.rpc('queue.bind', Args.bindQueue(queue, source, pattern, argt));
  }
  unbindQueue(queue: unknown, source: unknown, pattern: unknown, argt?: unknown) {
    return this.rpc('queue.unbind', Args.bindQueue(queue, source, pattern, argt));
  }
  assertExchange(exchange: unknown, type: unknown, options?: Fields) {
    // the reply has no fields; amqplib hands back the exchange's name
    return this.rpc('exchange.declare', Args.assertExchange(exchange, type, options)).then(() => ({ exchange }));
  }
  checkExchange(exchange: unknown) {
    return this.rpc('exchange.declare', Args.checkExchange(exchange));
  }
  deleteExchange(exchange: unknown, options?: Fields) {
    return this.rpc('exchange.delete', Args.deleteExchange(exchange, options));
  }
  bindExchange(destination: unknown, source: unknown, pattern: unknown, argt?: unknown) {
    return this.rpc('exchange.bind', Args.bindExchange(destination, source, pattern, argt));
  }
  unbindExchange(destination: unknown, source: unknown, pattern: unknown, argt?: unknown) {
    return this.rpc('exchange.unbind', Args.bindExchange(destination, source, pattern, argt));
  }

  publish(exchange: unknown, routingKey: unknown, content: unknown, options?: Fields): boolean {
    const f = Args.publish(exchange, routingKey, options);
    return this.sendMessage(f.exchange, f.routingKey, f.mandatory, f.properties, content);
  }
  sendToQueue(queue: unknown, content: unknown, options?: Fields): boolean {
    return this.publish('', queue, content, options);
  }

  consume(queue: unknown, callback: (msg: Message | null) => void, options?: Fields): Promise<Fields> {
    return new Promise((resolve, reject) => {
      // the consumer is registered when consume-ok arrives, before any delivery can reach it
      this._rpc('basic.consume', Args.consume(queue, options), (err, ok) => {
        if (err) return reject(err);
        const tag = (ok as { consumerTag: string }).consumerTag;
        this.registerConsumer(tag, callback);
        resolve({ consumerTag: tag });
      });
    });
  }

  cancel(consumerTag: unknown): Promise<Fields> {
    return new Promise((resolve, reject) => {
      this._rpc('basic.cancel', { consumerTag: String(consumerTag) }, (err, ok) => {
        if (err) return reject(err);
        this.unregisterConsumer(String(consumerTag));
        resolve((ok ?? { consumerTag }) as Fields);
      });
    });
  }

  get(queue: unknown, options?: Fields): Promise<Message | false> {
    return new Promise((resolve, reject) => {
      this._rpc('basic.get', Args.get(queue, options), (err, ok) => {
        if (err) return reject(err);
        resolve(getResult(this, ok ?? null));
      });
    });
  }

  ack(message: Message, allUpTo?: boolean): void {
    this.sendSettle('basic.ack', deliveryTagOf(message), !!allUpTo, false);
  }
  ackAll(): void {
    this.sendSettle('basic.ack', 0, true, false);
  }
  nack(message: Message, allUpTo?: boolean, requeue?: boolean): void {
    this.sendSettle('basic.nack', deliveryTagOf(message), !!allUpTo, requeue === undefined ? true : !!requeue);
  }
  nackAll(requeue?: boolean): void {
    this.sendSettle('basic.nack', 0, true, requeue === undefined ? true : !!requeue);
  }
  reject(message: Message, requeue?: boolean): void {
    this.sendSettle('basic.reject', deliveryTagOf(message), false, requeue === undefined ? true : !!requeue);
  }

  prefetch(count?: unknown, global?: unknown) {
    return this.rpc('basic.qos', Args.prefetch(count, global));
  }
  qos(count?: unknown, global?: unknown) {
    return this.prefetch(count, global);
  }
  recover() {
    return this.rpc('basic.recover', { requeue: true });
  }
}

export class ConfirmChannel extends Channel {
  override publish(exchange: unknown, routingKey: unknown, content: unknown, options?: Fields, cb?: (err: Error | null) => void): boolean {
    this.pushConfirmCallback(cb);
    return super.publish(exchange, routingKey, content, options);
  }
  override sendToQueue(queue: unknown, content: unknown, options?: Fields, cb?: (err: Error | null) => void): boolean {
    return this.publish('', queue, content, options, cb);
  }

  waitForConfirms(): Promise<undefined[]> {
    const awaiting: Promise<undefined>[] = [];
    this.unconfirmed.forEach((val, index) => {
      if (val === null) return;
      awaiting.push(
        new Promise<undefined>((resolve, reject) => {
          this.unconfirmed[index] = (err) => {
            if (val) val(err);
            if (err === null) resolve(undefined);
            else reject(err);
          };
        }),
      );
    });
    return Promise.all(awaiting);
  }
}

/** message.fields.deliveryTag, as amqplib reads it (a missing message is a TypeError there too). */
export function deliveryTagOf(message: Message): number {
  return message.fields.deliveryTag as number;
}

export function getResult(ch: BaseChannel, ok: ReplyValue): Message | false {
  if (ok === null || !('deliveryTag' in ok) || !('body' in ok)) return false;
  const m = ok as Extract<ReplyValue, { body: string }>;
  return ch.message({ deliveryTag: m.deliveryTag, redelivered: m.redelivered, exchange: m.exchange, routingKey: m.routingKey, messageCount: m.messageCount }, m);
}

/** The module object of require('amqplib'). */
export function promiseApi(kernel: Kernel) {
  const connect = (url?: unknown, socketOptions?: unknown): Promise<ChannelModel> =>
    new Promise((resolve, reject) => {
      openConnection(kernel, url, socketOptions, (err, c) => (err ? reject(err) : resolve(new ChannelModel(c!))));
    });
  return { connect, credentials: CREDENTIALS, IllegalOperationError, Connection: ChannelModel, Channel, ConfirmChannel };
}

/** amqplib.credentials: plain(user, password) and external(); only what connect() reads. */
export const CREDENTIALS = {
  plain: (user: string, password: string) => ({ mechanism: 'PLAIN', username: user, password, response: () => `\u0000${user}\u0000${password}` }),
  amqplain: (user: string, password: string) => ({ mechanism: 'AMQPLAIN', username: user, password }),
  external: () => ({ mechanism: 'EXTERNAL' }),
};
