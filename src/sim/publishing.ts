import { CLIENT_FAILURE } from './events';
import { type BasicProperties, type FieldTable, nextFloat, nextInt, type PublishParams } from '../engine';
import type { App, Publisher } from '../model';
import { openChannel } from './connections';
import { findPublisher } from './lookup';
import type { PublisherRt } from './runtime';
import { fillTemplate } from './template';
import type { World } from './world';

/** What a manual publish may change from the publisher's template (the message composer). */
export interface PublishOverrides {
  routingKey?: string;
  body?: string;
  headers?: FieldTable;
  deliveryMode?: 1 | 2;
  priority?: number;
  expiration?: string;
  mandatory?: boolean;
  correlationId?: string;
  replyTo?: string;
  messageId?: string;
}

/** A message sent as the template says (shared: overrides are only read, and this is every rate tick). */
const NO_OVERRIDES: PublishOverrides = Object.freeze({});

/** Starts a publisher's schedule: rate mode publishes steadily, burst mode sends its burst now. */
export function startPublisher(w: World, id: string): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!found || !rt) return;
  rt.tickGen++;
  const { pub } = found;
  if (pub.mode === 'rate') {
    rt.rateStart = w.now;
    rt.rateCount = 0;
    w.schedule(w.now, { kind: 'publish-tick', publisher: id, gen: rt.tickGen });
  } else if (pub.mode === 'burst') {
    burst(w, id, pub.burstCount);
  }
}

/** A burst: `count` messages as fast as the client may (one after the other when it waits for confirms). */
export function burst(w: World, id: string, count: number): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!found || !rt || count <= 0) return;
  if (found.pub.confirms) {
    if (rt.run) rt.run.count += count;
    else rt.run = { count, startedAt: w.now };
  }
  for (let i = 0; i < count; i++) publish(w, id);
}

/** Is the client blocked in waitForConfirms (after its last message, or its last batch)? */
function blocked(rt: PublisherRt, pub: Publisher): boolean {
  if (!pub.confirms) return false;
  if (pub.waitForConfirms === 'each') return rt.outstanding > 0;
  if (pub.waitForConfirms === 'batch') return rt.inBatch >= pub.confirmBatchSize;
  return false;
}

/** One message from the client: sent now, or kept until the confirms it waits for have come. */
export function publish(w: World, id: string, o: PublishOverrides = NO_OVERRIDES): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!found || !rt) return;
  if (blocked(rt, found.pub) || rt.backlog.length) rt.backlog.push(o);
  else send(w, id, o);
}

/**
 * A confirm came back (or will never come: the publish failed, the channel closed): one fewer to
 * wait for. A client blocked in waitForConfirms goes on at once with what it had left to send.
 */
export function confirmSettled(w: World, id: string, all = false): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!rt) return;
  rt.outstanding = all ? 0 : Math.max(0, rt.outstanding - 1);
  if (!found) return;
  const { pub } = found;
  if (rt.outstanding === 0) rt.inBatch = 0;
  while (rt.backlog.length && !blocked(rt, pub)) send(w, id, rt.backlog.shift());
  if (rt.stalled && !blocked(rt, pub) && pub.mode === 'rate') {
    rt.stalled = false;
    rt.rateStart = w.now;
    rt.rateCount = 0;
    w.schedule(w.now, { kind: 'publish-tick', publisher: id, gen: rt.tickGen });
  }
  if (rt.run && rt.backlog.length === 0 && rt.outstanding === 0) {
    w.emit({ type: 'publish-run-done', t: w.now, app: rt.app, publisher: id, count: rt.run.count, ms: w.now - rt.run.startedAt, wait: pub.waitForConfirms, ...(pub.waitForConfirms === 'batch' ? { batchSize: pub.confirmBatchSize } : {}) });
    rt.run = null;
  }
}

/** A rate tick: publish one message and schedule the next, without drifting (k-th tick at start + k/rate). */
export function onTick(w: World, id: string, gen: number): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!found || !rt || rt.tickGen !== gen || found.pub.mode !== 'rate') return;
  // blocked in waitForConfirms: the schedule waits (confirmSettled starts it again)
  if (blocked(rt, found.pub) || rt.backlog.length) {
    rt.stalled = true;
    return;
  }
  sendOf(w, found, rt, NO_OVERRIDES);
  rt.rateCount++;
  w.schedule(rt.rateStart + (rt.rateCount * 1000) / found.pub.ratePerSec, { kind: 'publish-tick', publisher: id, gen });
}

function pickKey(w: World, pub: Publisher, index: number): string {
  const keys = pub.routingKeys.length ? pub.routingKeys : [''];
  return pub.keyOrder === 'random' ? keys[nextInt(w.rng, keys.length)]! : keys[index % keys.length]!;
}

/** The client sends basic.publish: it travels to the broker and arrives one hop later. */
export function send(w: World, id: string, o: PublishOverrides = NO_OVERRIDES): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (found && rt) sendOf(w, found, rt, o);
}

/** send for a publisher already looked up (a rate tick, a thousand times a second in a busy run). */
function sendOf(w: World, found: { app: App; pub: Publisher }, rt: PublisherRt, o: PublishOverrides): void {
  const { pub, app } = found;
  const id = rt.id;
  const n = ++rt.sent;
  const routingKey = o.routingKey ?? pickKey(w, pub, rt.keyIndex++);
  const t = pub.message;
  const properties: BasicProperties = { deliveryMode: o.deliveryMode ?? t.deliveryMode, timestamp: Math.floor(w.now / 1000) };
  const headers = o.headers ?? t.headers;
  if (hasAny(headers)) properties.headers = { ...headers };
  if (t.contentType !== undefined) properties.contentType = t.contentType;
  const priority = o.priority ?? t.priority;
  if (priority !== undefined) properties.priority = priority;
  const expiration = o.expiration ?? t.expiration;
  if (expiration !== undefined) properties.expiration = expiration;
  const messageId = o.messageId ?? t.messageId;
  if (messageId !== undefined) properties.messageId = fillTemplate(messageId, n, routingKey);
  const correlationId = o.correlationId ?? t.correlationId;
  if (correlationId !== undefined) properties.correlationId = fillTemplate(correlationId, n, routingKey);
  const replyTo = o.replyTo ?? t.replyTo;
  if (replyTo !== undefined) properties.replyTo = replyTo;
  const body = fillTemplate(o.body ?? t.body, n, routingKey);
  const params: PublishParams = { exchange: pub.exchange, routingKey, mandatory: o.mandatory ?? pub.mandatory, body, properties };

  if (!w.channelRef(app.id, pub.channelId) && !reopen(w, app.id, pub.channelId)) {
    if (brokerDown(w, app.id)) {
      failWhileDown(w, rt, app.id, n);
      return;
    }
    rt.failed++;
    w.emit({ type: 'publish-failed', t: w.now, app: app.id, publisher: id, seq: n, reason: CLIENT_FAILURE.connectionClosed });
    return;
  }
  const arriveAt = w.now + w.latency;
  if (w.traceAll) w.emit({ type: 'publish-sent', t: w.now, arriveAt, app: app.id, publisher: id, seq: n, exchange: pub.exchange, routingKey, body, deliveryMode: properties.deliveryMode === 2 ? 2 : 1 });
  w.schedule(arriveAt, { kind: 'publish-arrive', publisher: id, seq: n, params });
  if (pub.confirms) {
    rt.outstanding++;
    rt.inBatch++;
  }
}

/**
 * The broker is unreachable (restarting), or the app's recovery has not reconnected it yet: a real
 * client's basicPublish fails at once (Java: AlreadyClosedException), each time it is called.
 */
function brokerDown(w: World, appId: string): boolean {
  return w.now < w.brokerDownUntil || (w.apps.get(appId)?.resume?.length ?? 0) > 0;
}

/** A publish that failed in an outage: counted; the first one of the outage is the one the log shows. */
function failWhileDown(w: World, rt: PublisherRt, appId: string, seq: number): void {
  rt.failed++;
  const first = !rt.downFailed;
  rt.downFailed = (rt.downFailed ?? 0) + 1;
  w.emit({ type: 'publish-failed', t: w.now, app: appId, publisher: rt.id, seq, reason: CLIENT_FAILURE.brokerRestarting, ...(first ? {} : { repeat: true as const }) });
}

/** A client library re-opens a channel the broker closed (after a channel error) when it next publishes. */
function reopen(w: World, appId: string, channelId: string): boolean {
  const app = w.scenario.apps.find((a) => a.id === appId);
  const rt = w.apps.get(appId);
  return !!app && !!rt && openChannel(w, app, rt, channelId);
}

/** basic.publish reaches the broker. */
export function onPublishArrive(w: World, id: string, seq: number, params: PublishParams): void {
  const found = findPublisher(w.scenario, id);
  const rt = w.publishers.get(id);
  if (!rt) return;
  const appId = found?.app.id ?? rt.app;
  const channelId = found?.pub.channelId;
  const ref = channelId === undefined ? undefined : (w.channelRef(appId, channelId) ?? (reopen(w, appId, channelId) ? w.channelRef(appId, channelId) : undefined));
  const waits = found?.pub.confirms === true;
  if (!ref || w.now < w.brokerDownUntil) {
    if (brokerDown(w, appId)) {
      failWhileDown(w, rt, appId, seq);
      if (waits) confirmSettled(w, id);
      return;
    }
    rt.failed++;
    w.emit({ type: 'publish-failed', t: w.now, app: appId, publisher: id, seq, reason: w.now < w.brokerDownUntil ? CLIENT_FAILURE.brokerRestarting : CLIENT_FAILURE.connectionClosed });
    if (waits) confirmSettled(w, id);
    return;
  }
  const r = w.broker.basicPublish(ref, params);
  if (!r.ok) {
    rt.failed++;
    w.emit({ type: 'publish-failed', t: w.now, app: appId, publisher: id, seq, reason: r.error.text, code: r.error.code });
    if (waits) confirmSettled(w, id);
    return;
  }
  rt.arrived++;
  if (r.value.routed) rt.routed++;
  else rt.unroutable++;
  const waitsForConfirm = r.value.publishSeqNo !== undefined;
  // on a channel not in confirm mode no confirm will come: the client does not wait for one
  if (waits && !waitsForConfirm) confirmSettled(w, id);
  if (waitsForConfirm || params.mandatory) {
    w.pendingByMsg.set(r.value.msgId, id);
    if (waitsForConfirm) w.publishExchange.set(r.value.msgId, params.exchange);
    // a return (mandatory, unroutable) is sent during basic.publish itself: let the client see it now
    w.collect();
    if (!waitsForConfirm) w.pendingByMsg.delete(r.value.msgId);
  }
}

/** Whether a table has any field (without building the list of keys for every message sent). */
function hasAny(table: FieldTable): boolean {
  for (const _ in table) return true;
  return false;
}

/** Random draw in [0, 1) from the clients' seeded stream. */
export function draw(w: World): number {
  return nextFloat(w.rng);
}
