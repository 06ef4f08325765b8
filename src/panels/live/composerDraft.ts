import type { FieldTable } from '../../engine';
import { expirationSchema, MAX_PRIORITY, type Publisher } from '../../model';
import type { PublishOverrides } from '../../sim';
import type { HeaderRow, HeaderType } from '../form/bindingDraft';

/**
 * The message composer: the fields of one basic.publish, as text. The draft holds only what the
 * person changed; every other field shows (and sends) the publisher's template as it is now, so an
 * edit of the publisher in the inspector shows in the composer at once. With no routing key of its
 * own, "Publish" uses the publisher's keys in turn, as its schedule does.
 */
export interface ComposerFields {
  routingKey: string;
  body: string;
  headers: HeaderRow[];
  deliveryMode: '1' | '2';
  priority: string;
  expiration: string;
  mandatory: boolean;
}

export type ComposerDraft = Partial<ComposerFields>;

export type ComposerError = { field: 'priority' | 'expiration' | 'headers'; key: 'composer.priorityInvalid' | 'composer.expirationInvalid' | 'validation.headerKeyEmpty' | 'composer.headerNumber' };

/** What the form shows: the draft over the current template (routing key empty: the keys in turn). */
export function composerFields(p: Publisher, draft: ComposerDraft): ComposerFields {
  const m = p.message;
  return {
    routingKey: '',
    body: m.body,
    headers: Object.entries(m.headers).map(([key, v]) => ({ key, type: typeof v as HeaderType, value: String(v) })),
    deliveryMode: m.deliveryMode === 1 ? '1' : '2',
    priority: m.priority === undefined ? '' : String(m.priority),
    expiration: m.expiration ?? '',
    mandatory: p.mandatory,
    ...draft,
  };
}

/** The key the publisher sends next when the composer has none of its own (null: it picks one at random). */
export function nextRoutingKey(p: Publisher, keyIndex: number): string | null {
  if (p.keyOrder === 'random') return null;
  const keys = p.routingKeys.length ? p.routingKeys : [''];
  return keys[keyIndex % keys.length]!;
}

/** The overrides to publish with (only what the draft changed), or the first thing that is wrong. */
export function draftToOverrides(d: ComposerDraft): { overrides: PublishOverrides } | { error: ComposerError } {
  const overrides: PublishOverrides = {};
  if (d.routingKey !== undefined && d.routingKey !== '') overrides.routingKey = d.routingKey;
  if (d.body !== undefined) overrides.body = d.body;
  if (d.headers !== undefined) {
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
    overrides.headers = headers;
  }
  if (d.deliveryMode !== undefined) overrides.deliveryMode = d.deliveryMode === '1' ? 1 : 2;
  if (d.mandatory !== undefined) overrides.mandatory = d.mandatory;
  const priority = d.priority?.trim() ?? '';
  if (priority !== '') {
    const n = Number(priority);
    // the priority property is an octet; queues cap it at their x-max-priority
    if (!/^\d+$/.test(priority) || n > MAX_PRIORITY) return { error: { field: 'priority', key: 'composer.priorityInvalid' } };
    overrides.priority = n;
  }
  const expiration = d.expiration?.trim() ?? '';
  if (expiration !== '') {
    // AMQP carries expiration as a string; RabbitMQ accepts only a whole number of milliseconds
    if (!expirationSchema.safeParse(expiration).success) return { error: { field: 'expiration', key: 'composer.expirationInvalid' } };
    overrides.expiration = expiration;
  }
  return { overrides };
}
