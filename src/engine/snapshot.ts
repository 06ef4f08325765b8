import { addBinding } from './bindings';
import { Broker } from './broker';
import { type Channel, Connection, Consumer, Exchange, Queue, type Unacked } from './entities';
import type { Message, QueueEntry } from './message';
import type { Binding } from './routing';
import { Schedule } from './schedule';
import type { Transit } from './transit';
import type { BrokerSnapshot, SnapConnection, SnapEntry, SnapExchange, SnapQueue } from './snapshotTypes';

export type { BrokerSnapshot } from './snapshotTypes';

const fin = (n: number) => (Number.isFinite(n) ? n : null);
const inf = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : n);
// consumer identity across the snapshot: connection/channel/tag
const cKey = (conn: number, ch: number, tag: string) => `${conn}/${ch}/${tag}`;

export function snapshotBroker(b: Broker): BrokerSnapshot {
  const messages = new Map<number, Message>();
  const entry = (e: QueueEntry): SnapEntry => {
    messages.set(e.msg.id, e.msg);
    return { msg: e.msg.id, seq: e.seq, enqueuedAt: e.enqueuedAt, expiresAt: fin(e.expiresAt), redelivered: e.redelivered, deliveryCount: e.deliveryCount, level: e.level };
  };
  const consumerKey = (c: Consumer) => cKey(c.channel.connection.id, c.channel.number, c.tag);
  const queues: SnapQueue[] = [...b.queues.values()].map((q) => ({
    name: q.name,
    durable: q.durable,
    autoDelete: q.autoDelete,
    owner: q.exclusiveOwner?.id ?? null,
    args: q.args,
    parsed: q.parsed,
    lines: q.ready.lines().map((l) => l.map(entry)),
    unacked: q.unacked,
    consumers: q.consumers.map((c) => ({
      tag: c.tag,
      connection: c.channel.connection.id,
      channel: c.channel.number,
      noAck: c.noAck,
      exclusive: c.exclusive,
      priority: c.priority,
      prefetch: c.prefetch,
      args: c.args,
      order: c.order,
      counts: [c.unacked, c.delivered, c.acked, c.nacked],
    })),
    active: q.active.map(consumerKey),
    blocked: q.blocked.map(consumerKey),
    exclusiveConsumer: q.exclusiveConsumer ? consumerKey(q.exclusiveConsumer) : null,
    hadConsumers: q.hadConsumers,
    nextSeq: q.nextSeq,
    expiryToken: q.expiryToken,
    expiryAt: fin(q.expiryAt),
    idleToken: q.idleToken,
    lastUsedAt: q.lastUsedAt,
    getHolders: [...q.getHolders].map(([ch, n]) => [ch.connection.id, ch.number, n] as [number, number, number]),
    stats: { ...q.stats },
    ...(q.enqueuers.size ? { enqueuers: [...q.enqueuers] } : {}),
    ...(q.wasBelowSoftLimit ? {} : { wasBelowSoftLimit: false }),
  }));
  const connections: SnapConnection[] = [...b.connections.values()].map((conn) => ({
    id: conn.id,
    name: conn.name,
    user: conn.user,
    nextChannel: conn.nextChannel,
    channels: [...conn.channels.values()].map((ch) => ({
      number: ch.number,
      nextDeliveryTag: ch.nextDeliveryTag,
      consumerPrefetch: ch.consumerPrefetch,
      globalPrefetch: ch.globalPrefetch,
      globalUnacked: ch.globalUnacked,
      confirm: ch.confirm,
      nextPublishSeqNo: ch.nextPublishSeqNo,
      lastQueue: ch.lastQueue,
      ...(ch.replyConsumer ? { replyConsumer: { ...ch.replyConsumer } } : {}),
      unacked: [...ch.unacked.values()].map((u) => ({
        tag: u.tag,
        queue: u.queue.name,
        queueDeleted: u.queue.deleted,
        entry: entry(u.entry),
        consumer: u.consumer?.tag ?? null,
        ...(u.consumer ? { consumerOrder: u.consumer.order } : {}),
      })),
    })),
  }));
  const exchanges: SnapExchange[] = [...b.exchanges.values()].map((x) => ({
    name: x.name,
    type: x.type,
    durable: x.durable,
    autoDelete: x.autoDelete,
    internal: x.internal,
    args: x.args,
    bindings: [...x.bindings.values()].map((bd) => ({ destination: bd.destination, destinationType: bd.destinationType, routingKey: bd.routingKey, arguments: bd.arguments })),
  }));
  const transits = [...b.transits.values()].map((tr) => {
    messages.set(tr.msg.id, tr.msg);
    return { ...tr, msg: tr.msg.id };
  });
  // What grows with the messages held is built here of fresh flat records (entries, unacked
  // deliveries, transits, timers) and the messages themselves are shared: a Message is immutable
  // once published (a dead-lettered or recovered message is a new object). The rest (tens of queues,
  // exchanges, channels) is copied through JSON so that nothing in it is the live broker's.
  // A run takes a checkpoint every few seconds: copying 30,000 messages and their records through
  // JSON took a third of a second, a frozen frame; now the copy is of the small part only.
  const schedule = b.schedule.toJSON();
  const small = {
    counters: { connection: b.nextConnectionId, msg: b.nextMsgId, consumerOrder: b.nextConsumerOrder, timerToken: b.nextTimerToken },
    exchanges,
    queues: queues.map(({ lines: _, ...q }) => q),
    connections: connections.map((c) => ({ ...c, channels: c.channels.map(({ unacked: _, ...ch }) => ch) })),
    pendingConfirms: [...b.pendingConfirms.values()],
    // by destination: the map's own order depends on how the bindings came (a restored broker adds
    // them exchange by exchange), and a snapshot of the same state must be the same
    bindingsTo: [...b.bindingsTo].filter(([, set]) => set.size > 0).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([dest, set]): [string, [string, string][]] => [dest, [...set].map((bd): [string, string] => [bd.source, bd.key])]),
  };
  const plain = JSON.parse(JSON.stringify(small)) as typeof small;
  return {
    version: 1,
    now: b.now,
    rng: b.rng.s,
    counters: plain.counters,
    schedule: { seq: schedule.seq, timers: schedule.timers },
    messages: [...messages.values()].sort((x, y) => x.id - y.id),
    exchanges: plain.exchanges,
    queues: plain.queues.map((q, i) => ({ ...q, lines: queues[i]!.lines })),
    connections: plain.connections.map((c, i) => ({ ...c, channels: c.channels.map((ch, j) => ({ ...ch, unacked: connections[i]!.channels[j]!.unacked })) })),
    hopLatencyMs: b.hopLatencyMs,
    nextTransitId: b.nextTransitId,
    transits,
    pendingConfirms: plain.pendingConfirms,
    bindingsTo: plain.bindingsTo,
  };
}

export function restoreBroker(s: BrokerSnapshot, traceEnabled = true): Broker {
  if (s.version !== 1) throw new Error(`unsupported broker snapshot version ${String(s.version)}`);
  const b = new Broker({ now: s.now, trace: false });
  b.exchanges.clear();
  b.rng.s = s.rng;
  b.nextConnectionId = s.counters.connection;
  b.nextMsgId = s.counters.msg;
  b.nextConsumerOrder = s.counters.consumerOrder;
  b.nextTimerToken = s.counters.timerToken;
  b.schedule = Schedule.fromJSON(s.schedule);
  b.hopLatencyMs = s.hopLatencyMs;
  b.nextTransitId = s.nextTransitId;
  // shared with the snapshot (and with the world it was taken from): messages are never changed in place
  const messages = new Map(s.messages.map((m) => [m.id, m] as const));
  const entry = (e: SnapEntry): QueueEntry => ({ ...e, msg: messages.get(e.msg)!, expiresAt: inf(e.expiresAt) });

  for (const x of s.exchanges) b.exchanges.set(x.name, new Exchange(x.name, x.type, x.durable, x.autoDelete, x.internal, x.args));
  for (const x of s.exchanges) for (const bd of x.bindings) addBinding(b, b.exchanges.get(x.name)!, bd.destination, bd.destinationType, bd.routingKey, bd.arguments);
  // addBinding indexed them exchange by exchange; put each destination's back in creation order
  for (const [dest, order] of s.bindingsTo ?? []) {
    const set = b.bindingsTo.get(dest);
    if (!set) continue;
    const ordered = order.map(([source, key]) => b.exchanges.get(source)?.bindings.get(key)).filter((bd): bd is Binding => bd !== undefined && set.has(bd));
    for (const bd of ordered) set.delete(bd);
    const rest = [...set];
    set.clear();
    for (const bd of [...ordered, ...rest]) set.add(bd);
  }

  const channels = new Map<string, Channel>();
  for (const c of s.connections) {
    const conn = new Connection(c.id, c.name, c.user);
    conn.nextChannel = c.nextChannel;
    b.connections.set(conn.id, conn);
    for (const sc of c.channels) {
      const ch = b.openChannel(conn, sc.number);
      Object.assign(ch, { nextDeliveryTag: sc.nextDeliveryTag, consumerPrefetch: sc.consumerPrefetch, globalPrefetch: sc.globalPrefetch, globalUnacked: sc.globalUnacked, confirm: sc.confirm, nextPublishSeqNo: sc.nextPublishSeqNo, lastQueue: sc.lastQueue, replyConsumer: sc.replyConsumer ? { ...sc.replyConsumer } : null });
      conn.nextChannel = c.nextChannel;
      channels.set(`${c.id}/${sc.number}`, ch);
    }
  }

  const consumers = new Map<string, Consumer>();
  /** live consumers by registration number (the identity of a consumer) */
  const byOrder = new Map<number, Consumer>();
  for (const sq of s.queues) {
    const owner = sq.owner === null ? null : (b.connections.get(sq.owner) ?? null);
    const q = new Queue(sq.name, sq.durable, sq.autoDelete, owner, sq.args, sq.parsed, sq.lastUsedAt);
    q.ready.restoreLines(sq.lines.map((l) => l.map(entry)));
    Object.assign(q, { unacked: sq.unacked, hadConsumers: sq.hadConsumers, nextSeq: sq.nextSeq, expiryToken: sq.expiryToken, expiryAt: inf(sq.expiryAt), idleToken: sq.idleToken, lastUsedAt: sq.lastUsedAt, stats: { ...sq.stats } });
    for (const c of sq.consumers) {
      const ch = channels.get(`${c.connection}/${c.channel}`)!;
      const con = new Consumer(c.tag, q, ch, c.noAck, c.exclusive, c.priority, c.prefetch, c.args, c.order);
      [con.unacked, con.delivered, con.acked, con.nacked] = c.counts;
      q.consumers.push(con);
      ch.consumers.set(c.tag, con);
      consumers.set(cKey(c.connection, c.channel, c.tag), con);
      byOrder.set(c.order, con);
    }
    q.active = sq.active.map((k) => consumers.get(k)!);
    q.blocked = sq.blocked.map((k) => consumers.get(k)!);
    q.exclusiveConsumer = sq.exclusiveConsumer ? consumers.get(sq.exclusiveConsumer)! : null;
    for (const [conn, chn, n] of sq.getHolders) q.getHolders.set(channels.get(`${conn}/${chn}`)!, n);
    for (const [k, rejecting] of sq.enqueuers ?? []) q.enqueuers.set(k, rejecting);
    q.wasBelowSoftLimit = sq.wasBelowSoftLimit ?? true;
    b.queues.set(q.name, q);
  }
  // A channel lists its consumers in registration order (resuming after an ack, closing and
  // requeueing go through them in that order); the loop above added them queue by queue.
  for (const ch of channels.values()) {
    const mine = [...ch.consumers.values()].sort((x, y) => x.order - y.order);
    ch.consumers.clear();
    for (const c of mine) ch.consumers.set(c.tag, c);
  }

  // deliveries from a queue that was deleted meanwhile still sit on their channel
  const detached = new Map<string, Queue>();
  const detachedQueue = (name: string) => {
    let q = detached.get(name);
    if (!q) {
      q = new Queue(name, false, false, null, {}, { overflow: 'drop-head', singleActiveConsumer: false, queueType: 'classic' }, s.now);
      q.deleted = true;
      detached.set(name, q);
    }
    return q;
  };
  for (const c of s.connections) {
    for (const sc of c.channels) {
      const ch = channels.get(`${c.id}/${sc.number}`)!;
      for (const u of sc.unacked) {
        const q = u.queueDeleted ? detachedQueue(u.queue) : b.queues.get(u.queue)!;
        let consumer: Consumer | null = null;
        if (u.consumer !== null && u.consumerOrder !== undefined) {
          // the live consumer with that number, or the cancelled one that still owns the delivery
          consumer = byOrder.get(u.consumerOrder) ?? null;
          if (!consumer) byOrder.set(u.consumerOrder, (consumer = detachedConsumer(q, ch, u.consumer, u.consumerOrder)));
        } else if (u.consumer !== null) {
          // snapshots without consumerOrder: by tag
          const key = cKey(c.id, sc.number, u.consumer);
          if (!consumers.has(key)) consumers.set(key, detachedConsumer(q, ch, u.consumer, 0));
          consumer = consumers.get(key)!;
        }
        const un: Unacked = { tag: u.tag, queue: q, entry: entry(u.entry), consumer };
        ch.unacked.set(u.tag, un);
      }
    }
  }
  for (const tr of s.transits) b.transits.set(tr.id, { ...tr, msg: messages.get(tr.msg)! } as Transit);
  for (const pc of s.pendingConfirms) b.pendingConfirms.set(pc.id, { ...pc });
  b.trace = [];
  b.traceEnabled = traceEnabled;
  return b;
}

/** A cancelled consumer whose deliveries are still unacked: kept only as their owner. */
function detachedConsumer(q: Queue, ch: Channel, tag: string, order: number): Consumer {
  return new Consumer(tag, q, ch, false, false, 0, 0, {}, order);
}
