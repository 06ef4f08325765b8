import { REPLY_TO_QUEUE } from '../replyTo';
import type { ConsumerAdded, ConsumerCancelled, Delivered, Published, TraceEvent } from '../trace';
import { type Chan, fail } from './traceModel';

const PREFIX = `${REPLY_TO_QUEUE}.`;

/**
 * The trace checker's model of direct reply-to, kept apart from the copy bookkeeping (a reply is
 * no copy in any queue). Its invariant: a reply reaches only the channel that asked, and always
 * reaches it while that channel's reply consumer is the one the request was sent under.
 *
 * - A request's rewritten reply_to names its channel and that channel's current reply consumer
 *   (a "generation": consuming again starts a new one); one address per generation, never reused.
 * - A message published to the default exchange with live addresses among its routing keys is
 *   delivered, once, to each of those channels and to no other; dead or unknown addresses get
 *   nothing. Replies use the channel's next delivery tag without consuming it, no-ack, not
 *   redelivered.
 */
export class ReplyBook {
  private nextGen = 1;
  /** address → the channel and generation it was issued to */
  private owners = new Map<string, { chan: string; gen: number }>();
  /** "chan#gen" → its address */
  private issued = new Map<string, string>();
  /** replies published during the current operation: the channels that must get them */
  private expected = new Map<number, { want: Set<string>; got: Set<string> }>();
  /** messages delivered as replies (they may be routed to no queue at all) */
  readonly replied = new Set<number>();

  consumerAdded(ch: Chan, e: ConsumerAdded): void {
    if (ch.reply) fail('a second reply consumer on the channel', e);
    if (!e.noAck) fail('a reply consumer is always no-ack', e);
    ch.reply = { tag: e.consumerTag, gen: this.nextGen++ };
  }

  consumerCancelled(ch: Chan, e: ConsumerCancelled): void {
    if (ch.reply?.tag !== e.consumerTag) fail('cancelled a reply consumer the channel does not have', e);
    ch.reply = undefined;
  }

  /** A message entered the broker: learn the address of a request, expect the deliveries of a reply. */
  published(e: Published, chans: ReadonlyMap<string, Chan>): void {
    const replyTo = e.properties?.replyTo;
    if (replyTo?.startsWith(PREFIX) && e.deadLetteredFrom === undefined && e.connection !== undefined) {
      const key = `${e.connection}/${e.channel}`;
      const r = chans.get(key)?.reply;
      if (!r) fail('a request left with a reply address from a channel without a reply consumer', e);
      const owner = this.owners.get(replyTo);
      if (owner && (owner.chan !== key || owner.gen !== r.gen)) fail(`reply address reused (issued to ${owner.chan} #${owner.gen})`, e);
      const mine = this.issued.get(`${key}#${r.gen}`);
      if (mine !== undefined && mine !== replyTo) fail('two reply addresses for one reply consumer', e);
      this.owners.set(replyTo, { chan: key, gen: r.gen });
      this.issued.set(`${key}#${r.gen}`, replyTo);
    }
    if (e.exchange !== '') return;
    const cc = e.properties?.headers?.CC;
    const keys = [e.routingKey, ...(Array.isArray(cc) ? cc.filter((k): k is string => typeof k === 'string') : [])];
    const want = new Set<string>();
    for (const k of keys) {
      const o = this.owners.get(k);
      const ch = o ? chans.get(o.chan) : undefined;
      if (o && ch?.open && ch.reply?.gen === o.gen) want.add(o.chan);
    }
    if (want.size || keys.some((k) => k.startsWith(PREFIX))) this.expected.set(e.msgId, { want, got: new Set() });
  }

  delivered(ch: Chan, e: Delivered): void {
    if (!ch.open) fail('reply on a closed channel', e);
    if (!ch.reply || ch.reply.tag !== e.consumerTag) fail('reply to a channel without that reply consumer', e);
    if (!e.noAck || e.redelivered) fail('replies are no-ack and never redelivered', e);
    if (e.deliveryTag !== ch.nextTag) fail(`a reply carries the channel's next delivery tag ${ch.nextTag} (not consumed)`, e);
    const x = this.expected.get(e.msgId);
    if (!x?.want.has(ch.key)) fail('a reply reached a channel that did not ask for it', e);
    if (x.got.has(ch.key)) fail('a reply delivered twice to one channel', e);
    x.got.add(ch.key);
    this.replied.add(e.msgId);
  }

  /** After a client operation: every reply reached every channel that asked. */
  afterOp(): void {
    for (const [msgId, x] of this.expected) {
      for (const c of x.want) if (!x.got.has(c)) fail(`reply ${msgId} never reached channel ${c}, whose request named its address`);
    }
    this.expected.clear();
  }

  static isReply(e: TraceEvent): boolean {
    return (e.type === 'delivered' || e.type === 'consumer-added' || e.type === 'consumer-cancelled') && e.queue === REPLY_TO_QUEUE;
  }
}
