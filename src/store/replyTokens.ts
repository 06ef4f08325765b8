import { isReplyAddress, REPLY_TO_QUEUE } from '../engine';
import { linkId } from '../model';

/** A reply's flight along the direct reply-to line: from the server's app to the client's. */
export interface ReplyFlight {
  from: string;
  to: string;
  link: string;
  t0: number;
  t1: number;
}

/**
 * Direct reply-to on the canvas (tokens.ts): a reply published to a reply address travels the
 * "direct reply-to" line from the RPC server to the client (model/directReply.ts), not to a queue.
 * Once an address has been seen delivered to a client, later replies to it are drawn as soon as
 * they are sent (from send to arrival); the first one to a new address is drawn when the broker
 * delivers it. A reply the broker drops (its client is gone: unroutable) un-learns its address.
 */
export class ReplyTokens {
  /** reply address → the client consumer and app it reaches */
  private known = new Map<string, { consumer: string; app: string }>();
  /** address → replies already drawn, awaiting their delivery */
  private drawn = new Map<string, number>();
  /** address → server sends not drawn yet (first replies to a new address), in order */
  private pending = new Map<string, { app: string; publisher: string }[]>();
  /** broker message id → reply address (to match an unroutable reply) */
  private byMsg = new Map<number, string>();

  reset(): void {
    this.known.clear();
    this.drawn.clear();
    this.pending.clear();
    this.byMsg.clear();
  }

  /** A client sent a message; true if it is a reply (nothing else to draw for it). */
  sent(e: { app: string; publisher: string; exchange: string; routingKey: string; t: number; arriveAt: number }, L: number, draw: (f: ReplyFlight) => void): boolean {
    if (e.exchange !== '' || !isReplyAddress(e.routingKey)) return false;
    const to = this.known.get(e.routingKey);
    if (to) {
      this.drawn.set(e.routingKey, (this.drawn.get(e.routingKey) ?? 0) + 1);
      draw({ from: e.app, to: to.app, link: linkId.directReply(e.publisher, to.consumer), t0: e.t, t1: e.arriveAt + L });
    } else {
      const q = this.pending.get(e.routingKey) ?? [];
      q.push({ app: e.app, publisher: e.publisher });
      this.pending.set(e.routingKey, q.slice(-64));
    }
    return true;
  }

  published(msgId: number, routingKey: string): void {
    if (!isReplyAddress(routingKey)) return;
    this.byMsg.set(msgId, routingKey);
    if (this.byMsg.size > 4096) this.byMsg.delete(this.byMsg.keys().next().value!);
  }

  /** The broker handed a reply to a client's reply consumer. */
  delivered(e: { queue: string; consumerTag?: string; routingKey: string; msgId: number; t: number }, clientApp: string | undefined, L: number, draw: (f: ReplyFlight) => void): void {
    if (e.queue !== REPLY_TO_QUEUE || e.consumerTag === undefined || !clientApp) return;
    this.byMsg.delete(e.msgId);
    this.known.set(e.routingKey, { consumer: e.consumerTag, app: clientApp });
    const ahead = this.drawn.get(e.routingKey) ?? 0;
    if (ahead > 0) {
      this.drawn.set(e.routingKey, ahead - 1);
      return;
    }
    const from = this.pending.get(e.routingKey)?.shift();
    if (from) draw({ from: from.app, to: clientApp, link: linkId.directReply(from.publisher, e.consumerTag), t0: e.t, t1: e.t + L });
  }

  /** Nobody got the message: if it was a reply, its address is dead. */
  unroutable(msgId: number): void {
    const address = this.byMsg.get(msgId);
    if (address === undefined) return;
    this.byMsg.delete(msgId);
    this.known.delete(address);
    this.drawn.delete(address);
  }

  /** A client consumer stopped: the addresses it had are dead. */
  stopped(consumer: string): void {
    for (const [address, to] of this.known) if (to.consumer === consumer) this.known.delete(address);
  }
}
