import { type FieldTable, type FieldValue, plain } from '../fields';
import type { BasicProperties } from '../message';
import type { MessageRecord } from './scenario';

/** What the recorder writes for a received message (run-real.mjs msgRecord). */
export function messageRecord(
  d: { body: string; redelivered: boolean; exchange: string; routingKey: string; deliveryTag: number; properties: BasicProperties },
  extra: Partial<MessageRecord> = {},
): MessageRecord {
  const p = d.properties;
  const r: MessageRecord = { id: d.body, redelivered: d.redelivered, exchange: d.exchange, routingKey: d.routingKey, deliveryTag: d.deliveryTag };
  if (p.priority !== undefined) r.priority = p.priority;
  if (p.expiration !== undefined) r.expiration = p.expiration;
  if (p.replyTo !== undefined) r.replyTo = p.replyTo;
  if (p.correlationId !== undefined) r.correlationId = p.correlationId;
  const h = p.headers ?? {};
  const keys = Object.keys(h).filter((k) => k !== 'x-death').sort();
  if (keys.length) {
    r.headers = {};
    for (const k of keys) r.headers[k] = normalize(h[k]!);
  }
  const deaths = h['x-death'];
  if (Array.isArray(deaths)) r.deaths = deaths.map((d) => normDeath(d as FieldTable));
  return Object.assign(r, extra);
}

/** Values as a client decodes them: typed wrappers become plain values, tables get sorted keys. */
function normalize(v: FieldValue): unknown {
  const p = plain(v);
  return sortKeys(p);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

function normDeath(d: FieldTable): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(d).sort()) {
    if (k === 'time') continue; // wall-clock timestamp: not compared
    o[k] = normalize(d[k]!);
  }
  return o;
}
