import type { App } from '../model';
import { wantsConfirms } from './connections';
import type { WorldEvent } from './events';
import type { AppRt } from './runtime';
import type { World } from './world';

/**
 * The AMQP methods a client sent for an edit, read back from what they did: every method the
 * broker traces (channel.open → channel-opened, basic.qos → qos, …) and the client's own
 * settlements. confirm.select leaves no trace of its own: it is added where the channel that
 * opened is in confirm mode, and by the caller where it is sent on a live channel.
 */
export class MethodLog {
  private mark: number;
  /** with the connection of a channel.close: closing a connection closes its channels, and that is one method */
  private readonly calls: { m: string; conn?: number }[] = [];
  /** channels closed: the basic.cancel the broker traces for their consumers is part of the channel.close */
  private readonly closed = new Set<string>();

  constructor(
    private readonly w: World,
    private readonly app: App,
    private readonly rt: AppRt | undefined,
  ) {
    this.mark = w.traceMark;
  }

  /** Reads what happened since the last call (the broker's trace must have been collected). */
  sync(): void {
    this.w.collect();
    for (const e of this.w.eventsSince(this.mark)) {
      let m = methodOf(e);
      if (e.type === 'channel-closed') this.closed.add(`${e.connection}:${e.channel}`);
      if (e.type === 'consumer-cancelled' && this.closed.has(`${e.connection}:${e.channel}`)) m = undefined;
      if (e.type === 'connection-closed' && m) {
        for (let i = this.calls.length - 1; i >= 0; i--) if (this.calls[i]!.conn === e.connection) this.calls.splice(i, 1);
      }
      if (m) this.calls.push(e.type === 'channel-closed' ? { m, conn: e.connection } : { m });
      if (e.type === 'channel-opened' && this.confirming(e.connection, e.channel)) this.calls.push({ m: 'confirm.select' });
    }
    this.mark = this.w.traceMark;
  }

  /** A method with no trace of its own, sent now. */
  add(method: string): void {
    this.sync();
    this.calls.push({ m: method });
  }

  /** The methods in order, consecutive repeats counted ("basic.nack ×3"). */
  summary(): string[] {
    this.sync();
    const out: string[] = [];
    let last = '';
    let n = 0;
    const flush = () => {
      if (n) out.push(n > 1 ? `${last} ×${n}` : last);
    };
    for (const { m } of this.calls) {
      if (m === last) n++;
      else {
        flush();
        last = m;
        n = 1;
      }
    }
    flush();
    return out;
  }

  private confirming(connection: number, channel: number): boolean {
    const rt = this.rt ?? this.w.apps.get(this.app.id);
    if (!rt) return false;
    for (const [id, ch] of Object.entries(rt.channels)) {
      if (ch.number === channel && rt.conns[ch.conn] === connection) return wantsConfirms(this.app, id);
    }
    return false;
  }
}

function methodOf(e: WorldEvent): string | undefined {
  switch (e.type) {
    case 'connection-opened':
      return 'connection.open';
    case 'connection-closed':
      return e.error ? undefined : 'connection.close';
    case 'channel-opened':
      return 'channel.open';
    case 'channel-closed':
      return e.error ? undefined : 'channel.close';
    case 'qos':
      return 'basic.qos';
    case 'consumer-added':
      return 'basic.consume';
    case 'consumer-cancelled':
      return e.byServer ? undefined : 'basic.cancel';
    case 'settle-sent':
      return `basic.${e.action}`;
    case 'queue-declared':
      return 'queue.declare';
    case 'bound':
      return e.destinationType === 'queue' ? 'queue.bind' : 'exchange.bind';
    default:
      return undefined;
  }
}
