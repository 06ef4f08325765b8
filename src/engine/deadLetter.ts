import type { Broker } from './broker';
import type { Queue } from './entities';
import { type FieldTable, type FieldValue, kindOf, plain } from './fields';
import { allRoutingKeys, deathRoutingKeys, type Message, type MessageDraft, type QueueEntry } from './message';
import { offer } from './queueOps';
import { queueEnqueuer } from './quorumLimit';
import { deliverReplies, mayReply } from './replyTo';
import { route } from './route';
import { hopDepths, schedule as scheduleTransit } from './transit';
import type { DeathReason } from './trace';

/**
 * Dead-lettering (rabbit_dead_letter): a message rejected without requeue, expired, dropped at
 * the length limit or over the delivery limit is republished to the queue's
 * x-dead-letter-exchange, with an x-death header that tells its story. Without a DLX, or when
 * the DLX does not exist or routes nowhere, the message is dropped silently (dead-letters are
 * never returned to a publisher and never confirmed).
 */
export function deadLetter(b: Broker, q: Queue, e: QueueEntry, reason: DeathReason): void {
  const dlxName = q.parsed.deadLetterExchange;
  const m = e.msg;
  if (dlxName === undefined || !b.exchanges.has(dlxName)) {
    q.stats.dropped++;
    b.emit({ type: 'dropped', t: b.now, msgId: m.id, queue: q.name, ...(dlxName === undefined ? { reason } : { reason: 'no-dlx-exchange', cause: reason }) });
    return;
  }
  const copy = deadLetteredCopy(b, q, m, reason, dlxName, q.parsed.deadLetterRoutingKey);
  q.stats.deadLettered++;
  b.emit({ type: 'dead-lettered', t: b.now, msgId: m.id, queue: q.name, reason, exchange: dlxName, routingKeys: allRoutingKeys(copy), newMsgId: copy.id });
  if (b.hopLatencyMs > 0) scheduleTransit(b, { kind: 'dead-letter-route', msg: copy, fromQueue: q.name, dlx: dlxName, reason, id: 0 });
  else routeDeadLetter(b, copy, dlxName, reason, q.name);
}

/** The dead-lettered copy reaches its dead-letter exchange and is routed from there. */
export function routeDeadLetter(b: Broker, copy: Message, dlxName: string, reason: DeathReason, fromQueue?: string): void {
  const dlx = b.exchanges.get(dlxName);
  if (!dlx) {
    b.emit({ type: 'dropped', t: b.now, msgId: copy.id, reason: 'no-dlx-exchange', cause: reason });
    return;
  }
  b.emit({ type: 'published', t: b.now, msgId: copy.id, exchange: dlxName, routingKey: copy.routingKey, mandatory: false, deadLetteredFrom: copy.deadLetteredFrom, body: copy.body, properties: copy.properties });
  // a dead-letter through the default exchange reaches reply addresses as a publish would
  const replies = dlxName === '' && mayReply(copy) ? deliverReplies(b, copy) : 0;
  const result = route(b, dlx, copy, b.traceEnabled || b.hopLatencyMs > 0);
  // An automatic cycle (only expiries / length drops, no rejection on the way) must not loop forever.
  const targets = reason === 'rejected' ? result.queues : result.queues.filter((t) => !isCycle(t.name, copy.properties.headers));
  if (!targets.length) {
    if (replies > 0) return;
    b.emit({ type: 'unroutable', t: b.now, msgId: copy.id, exchange: dlxName, routingKey: copy.routingKey, ...(result.hops ? { hops: result.hops } : {}) });
    b.emit({ type: 'dropped', t: b.now, msgId: copy.id, reason: result.queues.length ? 'dead-letter-cycle' : 'dead-letter-unroutable', cause: reason });
    return;
  }
  b.emit({ type: 'routed', t: b.now, msgId: copy.id, exchange: dlxName, queues: targets.map((t) => t.name), ...(result.hops ? { hops: result.hops } : {}) });
  if (b.hopLatencyMs > 0) {
    const depths = hopDepths(dlxName, result.hops);
    const enqueuer = fromQueue === undefined ? undefined : queueEnqueuer(fromQueue);
    for (const t of targets) scheduleTransit(b, { kind: 'to-queue', msg: copy, queue: t.name, enqueuer, id: 0 }, depths.get(t.name) ?? 1);
  } else {
    const enqueuer = fromQueue === undefined ? undefined : queueEnqueuer(fromQueue);
    for (const t of targets) offer(b, t, copy, enqueuer);
  }
}

/** The republished message: new id, x-death updated, expiration removed, dead-letter routing key applied. */
export function deadLetteredCopy(b: Broker, q: Queue, m: Message, reason: DeathReason, dlx: string, dlrk: string | undefined): Message {
  const headers: FieldTable = { ...(m.properties.headers ?? {}) };
  const info: FieldTable = {
    reason,
    queue: q.name,
    time: { $type: 'timestamp', value: Math.floor(b.now / 1000) },
    exchange: m.exchange,
    'routing-keys': deathRoutingKeys(m),
  };
  // 3.10.8 quirk: messages recovered from disk after a restart lose original-expiration
  if (m.properties.expiration !== undefined && !m.recovered) info['original-expiration'] = m.properties.expiration;

  const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as FieldValue[]) : undefined;
  if (!deaths) {
    headers['x-death'] = [{ count: 1, ...info }];
    headers['x-first-death-reason'] = reason;
    headers['x-first-death-queue'] = q.name;
    headers['x-first-death-exchange'] = m.exchange;
  } else {
    headers['x-death'] = updatedDeaths(deaths, q.name, reason, info);
  }
  if (dlrk !== undefined) delete headers.CC;
  const { expiration: _dropped, ...props } = m.properties;
  const copy: MessageDraft = {
    id: b.nextMsgId++,
    exchange: dlx,
    // the dead-letter routing key replaces every key; without one, all the original keys are kept
    routingKey: dlrk ?? m.routingKey,
    body: m.body,
    properties: { ...props, headers },
    size: m.size,
    deadLetteredFrom: m.id,
    publishedAt: b.now,
  };
  if (dlrk === undefined && m.ccKeys) copy.ccKeys = m.ccKeys;
  return copy;
}

/**
 * x-death after one more dead-lettering, as RabbitMQ 3.10.8 builds it
 * (rabbit_dead_letter:update_x_death_header). One entry per (queue, reason): a repeated one
 * keeps its first exchange, routing keys and original-expiration, counts one more and moves to
 * the front; a new one goes to the front with count 1. The odd part: before that, the existing
 * entries are regrouped by a fold that prepends, which REVERSES their order whenever there are
 * two or more of them (a single entry stays as it is). So after A, B, C rejections the header
 * reads [C, A, B], not [C, B, A]; conformance/golden/xdeath/* pin this hop by hop.
 */
export function updatedDeaths(deaths: FieldValue[], queue: string, reason: DeathReason, info: FieldTable): FieldValue[] {
  const grouped = deaths.length > 1 ? [...deaths].reverse() : deaths;
  const i = grouped.findIndex((d) => isTable(d) && str(d.queue) === queue && str(d.reason) === reason);
  const others = grouped.filter((_, j) => j !== i);
  const entry = i >= 0 ? { ...(grouped[i] as FieldTable), count: Number(plain((grouped[i] as FieldTable).count ?? 0)) + 1 } : { count: 1, ...info };
  return [entry, ...others];
}

function isTable(v: FieldValue): v is FieldTable {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && kindOf(v) === 'table';
}

function str(v: FieldValue | undefined): string | undefined {
  return v === undefined ? undefined : String(plain(v));
}

/**
 * rabbit_dead_letter:is_cycle: the target queue already appears in x-death and no entry up to
 * and including it was a rejection, so the message would go round and round by itself.
 */
export function isCycle(target: string, headers: FieldTable | undefined): boolean {
  const deaths = headers?.['x-death'];
  if (!Array.isArray(deaths)) return false;
  for (const d of deaths) {
    if (!isTable(d)) return false;
    if (str(d.reason) === 'rejected') return false;
    if (str(d.queue) === target) return true;
  }
  return false;
}
