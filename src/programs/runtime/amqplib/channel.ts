import { EventEmitter } from 'events';
import type { Buffer } from 'buffer';
import type { ProgramRequest, ReplyValue, RpcArgs, RpcMethod, WireError, WireMessage } from '../../../sim/programs/protocol';
import type { ConnectionEvent } from '../kernel';
import type { Connection } from './connection';
import { WRITE_HWM } from './defs';
import { channelClosedError, IllegalOperationError, rpcFailedError, stackCapture } from './errors';

export type Reply = (err: Error | null, value?: ReplyValue) => void;

/** A message as amqplib hands it to a consumer, get() or a 'return' listener. */
export interface Message {
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
  content: Buffer;
}

const PROPERTY_NAMES = ['contentType', 'contentEncoding', 'headers', 'deliveryMode', 'priority', 'correlationId', 'replyTo', 'expiration', 'messageId', 'timestamp', 'type', 'userId', 'appId', 'clusterId'] as const;

/**
 * The channel machinery both amqplib APIs share (lib/channel.js): one RPC outstanding at a time
 * (later ones wait their turn, as AMQP requires), publishes and acks sent at once, consumers by tag,
 * the rolling window of publisher confirms, and the close handshakes (by the client, by the broker,
 * with the connection).
 */
export class BaseChannel extends EventEmitter {
  ch = 0;
  readonly connection: Connection;
  private reply: { method: string; cb: Reply } | null = null;
  private pending: { method: RpcMethod | 'channel.open' | 'channel.close'; args: unknown; cb: Reply }[] | null = [];
  protected consumers = new Map<string, (msg: Message | null) => void>();
  /** the least unconfirmed delivery tag, and the callbacks of the publishes from it on */
  private lwm = 1;
  protected unconfirmed: (((err: Error | null) => void) | false | null)[] = [];
  state: 'new' | 'open' | 'closing' | 'closed' = 'new';
  private invalid: { message: string; stack: string } | null = null;

  constructor(connection: Connection) {
    super();
    this.connection = connection;
    this.on('ack', (tag: number) => this.handleConfirm(tag, (cb) => {
      if (cb) cb(null);
    }));
    this.on('nack', (tag: number) => this.handleConfirm(tag, (cb) => {
      if (cb) cb(new Error('message nacked'));
    }));
    this.on('close', () => {
      for (let cb = this.unconfirmed.shift(); cb !== undefined; cb = this.unconfirmed.shift()) if (cb) cb(new Error('channel closed'));
    });
  }

  get kernel() {
    return this.connection.kernel;
  }

  /** Takes a channel number on the connection (amqplib's allocate). */
  allocate(): this {
    this.ch = this.connection.freshChannel(this);
    return this;
  }

  private checkSend(): void {
    if (this.invalid) throw new IllegalOperationError(this.invalid.message, this.invalid.stack);
    this.connection.checkSend();
  }

  /** An RPC: sent now if none is outstanding, else queued behind it. `cb` gets the reply's fields or an error. */
  _rpc(method: RpcMethod | 'channel.open' | 'channel.close', args: unknown, cb: Reply): void {
    this.checkSend();
    if (this.reply === null) this.sendRpc(method, args, cb);
    else this.pending!.push({ method, args, cb });
  }

  private sendRpc(method: RpcMethod | 'channel.open' | 'channel.close', args: unknown, cb: Reply): void {
    this.reply = { method, cb };
    const rid = this.kernel.expect((err, value) => {
      if (this.reply === null) return;
      const r = this.reply;
      this.reply = null;
      const next = this.pending?.shift();
      if (next) this.sendRpc(next.method, next.args, next.cb);
      if (err) r.cb(new Error(err.text), undefined);
      else {
        if (r.method === 'channel.open') this.state = 'open';
        r.cb(null, value);
      }
    });
    const addr = { conn: this.connection.conn, ch: this.ch };
    const req: ProgramRequest =
      method === 'channel.open' || method === 'channel.close'
        ? { op: method, rid, ...addr }
        : ({ op: 'rpc', rid, ...addr, method, args: args as RpcArgs[typeof method] } as ProgramRequest);
    this.kernel.send(req);
  }

  /** basic.publish: returns false once the channel's write buffer is full ('drain' follows). */
  sendMessage(exchange: string, routingKey: string, mandatory: boolean, properties: WireMessage['properties'], content: unknown): boolean {
    this.checkSend();
    const B = this.kernel.Buffer;
    if (!B.isBuffer(content)) throw new TypeError('content is not a buffer');
    const req: ProgramRequest = { op: 'publish', conn: this.connection.conn, ch: this.ch, exchange, routingKey, mandatory, body: (content as Buffer).toString('utf8'), properties };
    this.kernel.send(req);
    const full = this.kernel.published(this.connection.conn, this.ch) >= WRITE_HWM;
    if (full) this.kernel.send({ op: 'drain-wanted', conn: this.connection.conn, ch: this.ch });
    return !full;
  }

  sendSettle(method: 'basic.ack' | 'basic.nack' | 'basic.reject', deliveryTag: number, multiple: boolean, requeue: boolean): void {
    this.checkSend();
    this.kernel.send({ op: 'settle', conn: this.connection.conn, ch: this.ch, method, deliveryTag: Number(deliveryTag) || 0, multiple, requeue });
  }

  registerConsumer(tag: string, cb: (msg: Message | null) => void): void {
    this.consumers.set(tag, cb);
  }
  unregisterConsumer(tag: string): void {
    this.consumers.delete(tag);
  }

  pushConfirmCallback(cb: unknown): void {
    this.unconfirmed.push(typeof cb === 'function' ? (cb as (err: Error | null) => void) : false);
  }

  private handleConfirm(tag: number, handle: (cb: ((err: Error | null) => void) | false | null | undefined) => void): void {
    let c: ((err: Error | null) => void) | false | null | undefined;
    if (tag === this.lwm) {
      c = this.unconfirmed.shift();
      this.lwm++;
      // move past the slots already confirmed out of order
      while (this.unconfirmed[0] === null) {
        this.unconfirmed.shift();
        this.lwm++;
      }
    } else {
      c = this.unconfirmed[tag - this.lwm];
      this.unconfirmed[tag - this.lwm] = null;
    }
    handle(c);
  }

  /** The channel's close handshake, started by the program. */
  closeBecause(k: () => void): void {
    this.checkSend();
    const stack = stackCapture('closeBecause called: Goodbye');
    // no more methods: only the close-ok is awaited
    this.state = 'closing';
    const rid = this.kernel.expect(() => {
      k();
      this.toClosed(stackCapture('ChannelCloseOk frame received'));
    });
    this.invalid = { message: 'Channel closing', stack };
    this.kernel.send({ op: 'channel.close', rid, conn: this.connection.conn, ch: this.ch });
  }

  /** Closes the channel because the program failed while handling a message (amqplib's closeWithError). */
  closeWithError(error: Error & { code?: number }, code: number): void {
    if (this.state !== 'open') throw error;
    this.closeBecause(() => {
      error.code = code;
      this.emitError(error);
    });
  }

  /** Closed for good: pending RPCs fail, every method throws from now on, 'close' is emitted. */
  toClosed(stack: string, err?: Error): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    const rej = (r: Reply) => r(new Error('Channel ended, no reply will be forthcoming'));
    if (this.reply) rej(this.reply.cb);
    this.reply = null;
    for (const p of this.pending ?? []) rej(p.cb);
    this.pending = null;
    this.invalid = { message: 'Channel closed', stack };
    this.connection.releaseChannel(this.ch);
    this.emit('close', err);
  }

  /**
   * An 'error' event. A channel nobody listens to hands it to its connection, which closes (what
   * amqplib's frame loop does with an exception): unhandled there too, the program crashes.
   */
  emitError(err: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
    else this.connection.onSocketError(err);
  }

  /** What the broker sends on this channel. */
  accept(e: ConnectionEvent): void {
    switch (e.type) {
      case 'deliver': {
        const msg = this.message({ consumerTag: e.consumerTag, deliveryTag: e.deliveryTag, redelivered: e.redelivered, exchange: e.exchange, routingKey: e.routingKey }, e);
        const consumer = this.consumers.get(e.consumerTag);
        if (!consumer) return;
        try {
          consumer(msg);
        } catch (err) {
          // amqplib closes the channel with 541 INTERNAL_ERROR and emits what the callback threw
          this.closeWithError(err instanceof Error ? err : new Error(String(err)), 541);
        }
        return;
      }
      case 'return':
        this.emit('return', this.message({ replyCode: e.replyCode, replyText: e.replyText, exchange: e.exchange, routingKey: e.routingKey }, e));
        return;
      case 'confirm':
        this.emit(e.ack ? 'ack' : 'nack', e.deliveryTag);
        return;
      case 'cancel': {
        this.emit('cancel', { consumerTag: e.consumerTag });
        const consumer = this.consumers.get(e.consumerTag);
        if (consumer) consumer(null);
        return;
      }
      case 'drain':
        this.emit('drain');
        return;
      case 'channel-closed':
        this.serverClose(e.error);
        return;
      default:
        return;
    }
  }

  /** The broker closed the channel: the RPC waiting for a reply fails, 'error' then 'close'. */
  private serverClose(error: WireError): void {
    if (this.state === 'closed') return;
    if (this.reply) {
      const r = this.reply;
      this.reply = null;
      r.cb(rpcFailedError(r.method, error));
    }
    const err = channelClosedError(error);
    const stack = stackCapture(err.message);
    this.invalid = { message: 'Channel closed', stack };
    this.emitError(err);
    this.toClosed(stack, err);
  }

  message(fields: Record<string, unknown>, m: WireMessage): Message {
    const properties: Record<string, unknown> = {};
    const p = m.properties as Record<string, unknown>;
    for (const k of PROPERTY_NAMES) properties[k] = k === 'headers' ? { ...((p.headers as object | undefined) ?? {}) } : p[k];
    return { fields, properties, content: this.kernel.Buffer.from(m.body, 'utf8') };
  }
}
