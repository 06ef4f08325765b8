import type { FieldTable } from '../../engine';
import { expirationSchema, MAX_PRIORITY, type Publisher } from '../../model';
import type { PublishOverrides } from '../../sim';
import type { HeaderRow, HeaderType } from '../form/bindingDraft';

/**
 * The message composer's draft: what a person types, as text, turned into basic.publish
 * overrides only when sent. It starts from the publisher's template (routing key: the first of
 * its keys), so "Publish" without touching anything sends what the schedule would.
 */
export interface ComposerDraft {
  routingKey: string;
  body: string;
  headers: HeaderRow[];
  deliveryMode: '1' | '2';
  priority: string;
  expiration: string;
  mandatory: boolean;
}

export type ComposerError = { field: 'priority' | 'expiration' | 'headers'; key: 'composer.priorityInvalid' | 'composer.expirationInvalid' | 'validation.headerKeyEmpty' | 'composer.headerNumber' };

export function draftFromPublisher(p: Publisher): ComposerDraft {
  const m = p.message;
  return {
    routingKey: p.routingKeys[0] ?? '',
    body: m.body,
    headers: Object.entries(m.headers).map(([key, v]) => ({ key, type: typeof v as HeaderType, value: String(v) })),
    deliveryMode: m.deliveryMode === 1 ? '1' : '2',
    priority: m.priority === undefined ? '' : String(m.priority),
    expiration: m.expiration ?? '',
    mandatory: p.mandatory,
  };
}

/** The overrides to publish with, or the first thing that is wrong. */
export function draftToOverrides(d: ComposerDraft): { overrides: PublishOverrides } | { error: ComposerError } {
  const headers: FieldTable = {};
  for (const row of d.headers) {
    const key = row.key.trim();
    if (key === '') return { error: { field: 'headers', key: 'validation.headerKeyEmpty' } };
    if (row.type === 'number') {
      const n = Number(row.value);
      if (row.value.trim() === '' || !Number.isFinite(n)) return { error: { field: 'headers', key: 'composer.headerNumber' } };
      headers[key] = n;
    } else if (row.type === 'boolean') headers[key] = row.value === 'true';
    else headers[key] = row.value;
  }
  const overrides: PublishOverrides = { routingKey: d.routingKey, body: d.body, headers, deliveryMode: d.deliveryMode === '1' ? 1 : 2, mandatory: d.mandatory };
  const priority = d.priority.trim();
  if (priority !== '') {
    const n = Number(priority);
    // the priority property is an octet; queues cap it at their x-max-priority
    if (!/^\d+$/.test(priority) || n > MAX_PRIORITY) return { error: { field: 'priority', key: 'composer.priorityInvalid' } };
    overrides.priority = n;
  }
  const expiration = d.expiration.trim();
  if (expiration !== '') {
    // AMQP carries expiration as a string; RabbitMQ accepts only a whole number of milliseconds
    if (!expirationSchema.safeParse(expiration).success) return { error: { field: 'expiration', key: 'composer.expirationInvalid' } };
    overrides.expiration = expiration;
  }
  return { overrides };
}
