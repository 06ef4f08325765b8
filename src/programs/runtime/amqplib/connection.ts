import { EventEmitter } from 'events';
import type { WireError } from '../../../sim/programs/protocol';
import type { ConnectionEvent, Kernel } from '../kernel';
import type { BaseChannel } from './channel';
import { CHANNEL_MAX } from './defs';
import { connectionClosedError, IllegalOperationError, stackCapture } from './errors';

/**
 * One connection to the broker (amqplib's lib/connection.js, without the sockets and frames): its
 * channels by number (the lowest free number first), and its close handshakes. Both APIs' models
 * wrap it and re-emit its 'error', 'close', 'blocked' and 'unblocked'.
 */
export class Connection extends EventEmitter {
  readonly kernel: Kernel;
  readonly conn: number;
  private channels = new Map<number, BaseChannel>();
  state: 'open' | 'closing' | 'closed' = 'open';
  private invalid: { message: string; stack: string } | null = null;
  readonly serverProperties = { product: 'RabbitMQ', version: '3.10.8', platform: 'Warren (simulated)', capabilities: { publisher_confirms: true, exchange_exchange_bindings: true, 'basic.nack': true, consumer_cancel_notify: true, 'connection.blocked': true, consumer_priorities: true, per_consumer_qos: true, direct_reply_to: true } };
  readonly channelMax = CHANNEL_MAX;

  constructor(kernel: Kernel, conn: number) {
    super();
    this.kernel = kernel;
    this.conn = conn;
    kernel.attach(conn, (e) => this.accept(e));
  }

  checkSend(): void {
    if (this.invalid) throw new IllegalOperationError(this.invalid.message, this.invalid.stack);
  }

  freshChannel(channel: BaseChannel): number {
    this.checkSend();
    for (let n = 1; n <= CHANNEL_MAX; n++) {
      if (!this.channels.has(n)) {
        this.channels.set(n, channel);
        return n;
      }
    }
    throw new Error('No channels left to allocate');
  }

  releaseChannel(n: number): void {
    this.channels.delete(n);
  }

  /** The close handshake, started by the program; `cb` runs on close-ok, before 'close'. */
  close(cb?: (err: Error | null) => void): void {
    this.checkSend();
    const stack = stackCapture('closeBecause called: Cheers, thanks');
    this.state = 'closing';
    this.invalid = { message: 'Connection closing', stack };
    const rid = this.kernel.expect(() => {
      cb?.(null);
      this.toClosed(stackCapture('ConnectionCloseOk received'));
    });
    this.kernel.send({ op: 'connection.close', rid, conn: this.conn });
  }

  /** The broker closed the connection (a hard error, a broker restart). */
  private serverClose(error: WireError): void {
    if (this.state === 'closed') return;
    const err = connectionClosedError(error);
    const stack = stackCapture(err.message);
    this.invalid = { message: 'Connection closed', stack };
    this.state = 'closed';
    this.emit('error', err);
    this.toClosed(stack, err, false);
  }

  /**
   * Something broke the connection on the client side (amqplib's onSocketError: an exception in its
   * frame loop, such as an 'error' no channel listener took): 'error', then closed, socket dropped.
   */
  onSocketError(err: Error): void {
    if (this.state === 'closed') throw err;
    const stack = stackCapture('Socket error');
    this.invalid = { message: 'Connection closed', stack };
    this.state = 'closed';
    try {
      this.emit('error', err);
    } finally {
      this.toClosed(stack, err, true);
    }
  }

  private toClosed(stack: string, err?: Error, drop = false): void {
    this.state = 'closed';
    this.invalid = { message: 'Connection closed', stack };
    for (const ch of [...this.channels.values()]) ch.toClosed(stack);
    this.channels.clear();
    this.kernel.detach(this.conn);
    if (drop) this.kernel.send({ op: 'connection.drop', conn: this.conn });
    this.emit('close', err);
  }

  private accept(e: ConnectionEvent): void {
    if (e.type === 'connection-closed') {
      this.serverClose(e.error);
      return;
    }
    this.channels.get(e.ch)?.accept(e);
  }
}
