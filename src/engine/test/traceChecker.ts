import type { AmqpBroker } from '../api';
import type { ChannelRef } from '../broker';
import type { TraceEvent } from '../trace';
import { auditAgainstBroker } from './brokerAudit';
import { ReplyBook } from './replyBook';
import { type Chan, type Consumer, type Copy, type CopyState, chanKey, copyKey, fail, type Held, type Msg } from './traceModel';

/**
 * An independent bookkeeper for the broker's trace. It replays every event against a model of
 * where each message copy is — a copy is one message in one queue, named (msgId, queue) — and
 * fails loudly on anything AMQP does not allow: a copy delivered twice, acked when nobody holds
 * it, a delivery tag out of sequence, a prefetch limit exceeded, a confirm that does not match
 * what the queues did, a message both routed and unroutable. After each client operation,
 * `afterOp` compares the model with what the broker itself reports (`inspect`).
 *
 * Every copy ends in exactly one way: acked, consumed no-ack, dead-lettered, dropped (length
 * limit, refused, rejected, expired without DLX, delivery limit, restart), purged, or lost with
 * its deleted queue; until then it is ready in its queue or unacked on one channel.
 */

export class TraceChecker {
  private msgs = new Map<number, Msg>();
  /** messages published during the current operation, checked by afterOp */
  private fresh: Msg[] = [];
  private live = new Map<string, Copy>();
  private chans = new Map<string, Chan>();
  private quorumQueues = new Set<string>();
  private pendingDeadLetter = new Map<number, number>();
  private lastT = Number.NEGATIVE_INFINITY;
  private enqueueSeq = 1;
  private replies = new ReplyBook();
  /** how each copy ended, by reason */
  readonly ended = new Map<string, number>();
  counts = { published: 0, routed: 0, unroutable: 0, replied: 0, copies: 0, deliveries: 0, replies: 0 };

  private end(c: Copy, how: string): void {
    this.live.delete(c.key);
    this.ended.set(how, (this.ended.get(how) ?? 0) + 1);
  }

  private copy(msgId: number, queue: string, e: TraceEvent, states: CopyState[]): Copy {
    const c = this.live.get(copyKey(msgId, queue));
    if (!c) fail(`no live copy of message ${msgId} in '${queue}'`, e);
    if (!states.includes(c.state)) fail(`copy of ${msgId} in '${queue}' is ${c.state}, expected ${states.join('|')}`, e);
    return c;
  }

  private chan(connection: number, channel: number, e: TraceEvent): Chan {
    const ch = this.chans.get(chanKey(connection, channel));
    if (!ch) fail(`unknown channel ${connection}/${channel}`, e);
    return ch;
  }

  /** Takes a delivery off its channel's books. */
  private release(h: Held): void {
    h.chan.held.delete(h.tag);
    if (h.consumer) {
      h.consumer.unacked--;
      h.chan.globalUnacked--;
    }
    h.copy.holder = undefined;
  }

  check(events: readonly TraceEvent[]): void {
    for (const e of events) this.event(e);
  }

  private event(e: TraceEvent): void {
    if (e.t < this.lastT) fail(`time went back from ${this.lastT}`, e);
    this.lastT = e.t;
    if (ReplyBook.isReply(e)) {
      this.replyEvent(e);
      return;
    }
    switch (e.type) {
      case 'published': {
        if (this.msgs.has(e.msgId)) fail('message id reused', e);
        const m: Msg = { id: e.msgId, mandatory: e.mandatory, refused: false, confirmed: false, returned: false, droppedUnroutable: false };
        if (e.deadLetteredFrom !== undefined) {
          if (this.pendingDeadLetter.get(e.msgId) !== e.deadLetteredFrom) fail('dead-letter copy without its dead-lettered event', e);
          this.pendingDeadLetter.delete(e.msgId);
          m.deadLetteredFrom = e.deadLetteredFrom;
        } else {
          const ch = this.chan(e.connection!, e.channel!, e);
          if (!ch.open) fail('publish on a closed channel', e);
          if (e.publishSeqNo !== undefined && e.publishSeqNo !== ch.nextPublishSeqNo++) fail(`publish sequence number should be ${ch.nextPublishSeqNo - 1}`, e);
          m.publishSeqNo = e.publishSeqNo;
        }
        this.replies.published(e, this.chans);
        this.msgs.set(e.msgId, m);
        this.fresh.push(m);
        this.counts.published++;
        break;
      }
      case 'routed': {
        const m = this.msgs.get(e.msgId);
        if (!m || m.outcome) fail('routed twice or never published', e);
        m.outcome = 'routed';
        this.counts.routed++;
        const sorted = [...new Set(e.queues)].sort();
        if (e.queues.length === 0 || JSON.stringify(sorted) !== JSON.stringify(e.queues)) fail('routed queues must be distinct, sorted, non-empty', e);
        for (const q of e.queues) {
          const key = copyKey(e.msgId, q);
          this.live.set(key, { key, msgId: e.msgId, queue: q, state: 'offered', requeued: false, returns: 0, seq: 0 });
          this.counts.copies++;
        }
        break;
      }
      case 'unroutable': {
        const m = this.msgs.get(e.msgId);
        if (!m || m.outcome) fail('unroutable twice or never published', e);
        m.outcome = 'unroutable';
        this.counts.unroutable++;
        break;
      }
      case 'returned': {
        const m = this.msgs.get(e.msgId);
        const repliedOnly = m !== undefined && m.outcome === undefined && this.replies.replied.has(m.id);
        if ((m?.outcome !== 'unroutable' && !repliedOnly) || !m.mandatory || m.deadLetteredFrom !== undefined || m.returned) fail('only an unroutable mandatory message is returned, once', e);
        if (e.replyCode !== 312 || e.replyText !== 'NO_ROUTE') fail('basic.return is 312 NO_ROUTE', e);
        m.returned = true;
        break;
      }
      case 'confirmed': {
        const m = this.msgs.get(e.msgId);
        if (!m || m.publishSeqNo !== e.publishSeqNo || m.confirmed) fail('confirm for the wrong message, or twice', e);
        if (e.ack === m.refused) fail(`confirm ack=${e.ack} but a queue ${m.refused ? 'refused' : 'took'} the message`, e);
        m.confirmed = true;
        break;
      }
      case 'enqueued': {
        const c = this.copy(e.msgId, e.queue, e, ['offered']);
        c.state = 'ready';
        c.seq = this.enqueueSeq++;
        const ready = this.readyCount(e.queue);
        if (e.depth !== ready) fail(`enqueued depth ${e.depth}, model has ${ready} ready`, e);
        break;
      }
      case 'delivered': {
        const c = this.copy(e.msgId, e.queue, e, ['ready']);
        const ch = this.chan(e.connection, e.channel, e);
        if (!ch.open) fail('delivery on a closed channel', e);
        if (e.deliveryTag !== ch.nextTag) fail(`delivery tag should be ${ch.nextTag}`, e);
        ch.nextTag++;
        if (e.redelivered !== c.requeued) fail(`redelivered should be ${c.requeued}`, e);
        if (this.quorumQueues.has(e.queue)) {
          const count = e.properties.headers?.['x-delivery-count'];
          const want = e.consumerTag === undefined || c.returns > 0 ? c.returns : undefined;
          if (count !== want) fail(`x-delivery-count should be ${want}`, e);
        }
        let consumer: Consumer | undefined;
        if (e.consumerTag !== undefined) {
          consumer = ch.consumers.get(e.consumerTag);
          if (!consumer || consumer.queue !== e.queue) fail('delivery to a consumer that is not consuming this queue', e);
          if (consumer.noAck !== e.noAck) fail('noAck differs from the consumer', e);
        }
        this.counts.deliveries++;
        if (e.noAck) {
          this.end(c, 'consumed no-ack');
          break;
        }
        if (consumer) {
          consumer.unacked++;
          ch.globalUnacked++;
          if (consumer.prefetch > 0 && consumer.unacked > consumer.prefetch) fail(`consumer prefetch ${consumer.prefetch} exceeded`, e);
          if (ch.globalPrefetch > 0 && ch.globalUnacked > ch.globalPrefetch) fail(`channel prefetch ${ch.globalPrefetch} exceeded`, e);
        }
        c.state = 'unacked';
        const h: Held = { chan: ch, tag: e.deliveryTag, copy: c, consumer };
        c.holder = h;
        ch.held.set(e.deliveryTag, h);
        break;
      }
      case 'acked': {
        const h = this.held(e.connection, e.channel, e.deliveryTag, e);
        if (h.copy.msgId !== e.msgId || h.copy.queue !== e.queue) fail('acked the wrong message', e);
        this.release(h);
        this.end(h.copy, 'acked');
        break;
      }
      case 'nacked': {
        const h = this.held(e.connection, e.channel, e.deliveryTag, e);
        if (h.copy.msgId !== e.msgId || h.copy.queue !== e.queue) fail('nacked the wrong message', e);
        this.release(h);
        h.copy.state = e.requeue ? 'requeueing' : 'rejecting';
        break;
      }
      case 'requeued': {
        const c = this.copy(e.msgId, e.queue, e, ['unacked', 'requeueing']);
        if (c.holder) this.release(c.holder);
        if (c.state === 'requeueing' ? !['nack', 'reject'].includes(e.reason) : ['nack', 'reject'].includes(e.reason)) fail('requeue reason does not fit', e);
        c.state = 'ready';
        c.requeued = true;
        if (this.quorumQueues.has(e.queue)) c.returns++;
        break;
      }
      case 'expired': {
        const c = this.copy(e.msgId, e.queue, e, ['ready']);
        c.state = 'expiring';
        break;
      }
      case 'dead-lettered':
      case 'dropped': {
        if (e.queue === undefined) {
          // a dead-letter copy that went nowhere
          const m = this.msgs.get(e.msgId);
          if (!m || m.deadLetteredFrom === undefined || m.outcome !== 'unroutable' || m.droppedUnroutable) fail('only an unroutable dead-letter is dropped without a queue', e);
          m.droppedUnroutable = true;
          break;
        }
        const c = this.copy(e.msgId, e.queue, e, ['offered', 'ready', 'unacked', 'expiring', 'requeueing', 'rejecting']);
        const reason = e.reason;
        const from: Record<string, CopyState[]> = {
          maxlen: ['offered', 'ready'],
          'reject-publish': ['offered'],
          expired: ['expiring'],
          rejected: ['rejecting'],
          delivery_limit: ['unacked', 'requeueing'],
          'broker-restart': ['ready'],
          'no-dlx-exchange': ['offered', 'ready', 'expiring', 'rejecting', 'unacked', 'requeueing'],
        };
        if (!from[reason]?.includes(c.state)) fail(`${e.type} (${reason}) from state ${c.state}`, e);
        if (c.state === 'offered') this.msgs.get(e.msgId)!.refused = true;
        if (c.holder) this.release(c.holder);
        if (e.type === 'dead-lettered') {
          if (e.newMsgId === undefined || this.msgs.has(e.newMsgId)) fail('dead-letter copy id', e);
          this.pendingDeadLetter.set(e.newMsgId, e.msgId);
        }
        this.end(c, `${e.type} ${reason}`);
        break;
      }
      case 'purged': {
        const ready = [...this.live.values()].filter((c) => c.queue === e.queue && c.state === 'ready');
        const ids = ready.map((c) => c.msgId).sort((a, b) => a - b);
        if (JSON.stringify(ids) !== JSON.stringify([...e.msgIds].sort((a, b) => a - b))) fail(`purge should take exactly the ready copies ${JSON.stringify(ids)}`, e);
        for (const c of ready) this.end(c, 'purged');
        break;
      }
      case 'queue-declared':
        if (e.arguments['x-queue-type'] === 'quorum') this.quorumQueues.add(e.queue);
        else this.quorumQueues.delete(e.queue);
        break;
      case 'queue-deleted': {
        for (const c of [...this.live.values()]) {
          if (c.queue !== e.queue) continue;
          if (c.state !== 'unacked') fail(`copy of ${c.msgId} is ${c.state} when its queue is deleted`, e);
          // still on its channel until settled or the channel closes, but gone for good
          c.state = 'lost';
          this.end(c, 'lost with queue');
        }
        break;
      }
      case 'consumer-added': {
        const ch = this.chan(e.connection, e.channel, e);
        if (ch.consumers.has(e.consumerTag)) fail('consumer tag in use', e);
        if (e.prefetchCount !== ch.prefetch) fail('consumer prefetch should be the channel basic.qos(global=false)', e);
        ch.consumers.set(e.consumerTag, { tag: e.consumerTag, queue: e.queue, prefetch: e.prefetchCount, noAck: e.noAck, unacked: 0 });
        break;
      }
      case 'consumer-cancelled': {
        const ch = this.chan(e.connection, e.channel, e);
        const c = ch.consumers.get(e.consumerTag);
        if (!c || c.queue !== e.queue) fail('cancelled an unknown consumer', e);
        ch.consumers.delete(e.consumerTag);
        break;
      }
      case 'qos': {
        const ch = this.chan(e.connection, e.channel, e);
        if (e.global) ch.globalPrefetch = e.prefetchCount;
        else {
          ch.prefetch = e.prefetchCount;
          // RabbitMQ 3.10: a per-consumer qos lifts a channel-wide limit set before it (recorded case)
          ch.globalPrefetch = 0;
        }
        break;
      }
      case 'channel-opened': {
        const key = chanKey(e.connection, e.channel);
        if (this.chans.get(key)?.open) fail('channel opened twice', e);
        this.chans.set(key, { key, connection: e.connection, channel: e.channel, open: true, nextTag: 1, prefetch: 0, globalPrefetch: 0, globalUnacked: 0, nextPublishSeqNo: 1, consumers: new Map(), held: new Map() });
        break;
      }
      case 'channel-closed': {
        const ch = this.chan(e.connection, e.channel, e);
        if (!ch.open) fail('channel closed twice', e);
        // its consumers go next, each with a consumer-cancelled event (or silently in a restart)
        ch.open = false;
        break;
      }
      case 'broker-restarted':
        for (const ch of this.chans.values()) {
          if (ch.open) continue;
          ch.consumers.clear();
          ch.reply = undefined;
        }
        break;
      case 'connection-closed':
        for (const ch of this.chans.values()) if (ch.connection === e.connection && ch.open) fail(`channel ${ch.key} still open when its connection closed`, e);
        break;
      default:
        break;
    }
  }

  /** Direct reply-to consumers and replies (replyBook.ts). */
  private replyEvent(e: TraceEvent): void {
    if (e.type !== 'delivered' && e.type !== 'consumer-added' && e.type !== 'consumer-cancelled') return;
    const ch = this.chan(e.connection, e.channel, e);
    if (e.type === 'consumer-added') this.replies.consumerAdded(ch, e);
    else if (e.type === 'consumer-cancelled') this.replies.consumerCancelled(ch, e);
    else {
      this.replies.delivered(ch, e);
      this.counts.replies++;
    }
  }

  private held(connection: number, channel: number, tag: number, e: TraceEvent): Held {
    const h = this.chan(connection, channel, e).held.get(tag);
    if (h?.copy.state !== 'unacked') fail(`delivery tag ${tag} is not held`, e);
    return h;
  }

  private readyCount(queue: string): number {
    let n = 0;
    for (const c of this.live.values()) if (c.queue === queue && c.state === 'ready') n++;
    return n;
  }

  /**
   * The client is about to settle deliveries. Those of deleted queues leave the channel without
   * an event (and free their share of the channel's prefetch at once).
   */
  clientSettling(ref: ChannelRef, tags: number[]): void {
    const ch = this.chans.get(chanKey(ref.connection, ref.channel));
    if (!ch) return;
    for (const tag of tags) {
      const h = ch.held.get(tag);
      if (h?.copy.state === 'lost') this.release(h);
    }
  }

  /** The broker accepted the settle: each delivery must be off the channel now (a requeued message may come back under a new tag). */
  clientSettled(ref: ChannelRef, tags: number[]): void {
    const ch = this.chans.get(chanKey(ref.connection, ref.channel));
    if (!ch) fail(`settled on unknown channel ${ref.connection}/${ref.channel}`);
    for (const tag of tags) {
      const h = ch.held.get(tag);
      if (h) fail(`delivery ${ch.key}#${tag} (message ${h.copy.msgId}) is still held after the client settled it`);
    }
  }

  /** After a client operation: nothing half-done, and the model agrees with the broker's own books. */
  afterOp(broker: AmqpBroker): void {
    for (const c of this.live.values()) {
      if (c.state !== 'ready' && c.state !== 'unacked') fail(`copy of ${c.msgId} in '${c.queue}' left ${c.state}`);
    }
    if (this.pendingDeadLetter.size) fail(`dead-letter copies never published: ${[...this.pendingDeadLetter.keys()]}`);
    this.replies.afterOp();
    for (const m of this.fresh) {
      if (!m.outcome && this.replies.replied.has(m.id)) this.counts.replied++;
      else if (!m.outcome) fail(`message ${m.id} neither routed nor unroutable`);
      if (m.publishSeqNo !== undefined && !m.confirmed) fail(`message ${m.id} never confirmed`);
      if (m.deadLetteredFrom === undefined && m.mandatory && m.outcome === 'unroutable' && !m.returned) fail(`mandatory message ${m.id} not returned`);
      if (m.deadLetteredFrom !== undefined && m.outcome === 'unroutable' && !m.droppedUnroutable) fail(`dead-letter ${m.id} went nowhere silently`);
    }
    this.fresh = [];
    if (this.counts.published !== this.counts.routed + this.counts.unroutable + this.counts.replied) fail('published != routed + unroutable + replied only');

    auditAgainstBroker(this.live, this.chans, broker);
  }

  /** Live copies (ready or unacked) plus every ended copy: equals every copy ever routed. */
  balance(): { copies: number; live: number; ended: number } {
    let ended = 0;
    for (const n of this.ended.values()) ended += n;
    return { copies: this.counts.copies, live: this.live.size, ended };
  }
}
