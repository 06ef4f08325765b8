import { DIRECT_REPLY_TO, PREDECLARED_EXCHANGES } from './amq';
import { appSchema, findChannel } from './app';
import { bindingSchema } from './binding';
import type { Explanation } from './explanation';
import { exchangeSchema } from './exchange';
import { checkName } from './names';
import { queueSchema } from './queue';
import type { Scenario } from './scenario';
import { check, type FieldIssue } from './zodIssues';

export type EntityKind = 'exchange' | 'queue' | 'binding' | 'app' | 'publisher' | 'consumer';

/** A problem found in a document, attached to the entity the UI should show it on. */
export interface DocIssue {
  severity: 'error' | 'warning';
  kind: EntityKind;
  id: string;
  path: (string | number)[];
  explanation: Explanation;
}

/** Does an exchange of this name exist in the vhost (declared, predeclared, or the default one)? */
export function exchangeExists(s: Scenario, name: string): boolean {
  return name === '' || s.exchanges.some((e) => e.name === name) || PREDECLARED_EXCHANGES.some((e) => e.name === name);
}

/**
 * Everything wrong with a document: errors (it breaks a rule RabbitMQ or the editor enforces; the
 * editor's operations never produce them, but imported or restored documents can) and warnings (AMQP
 * accepts it, but the run will show a failure the user may not expect).
 */
export function validateScenario(s: Scenario): DocIssue[] {
  return [...structuralErrors(s), ...runtimeWarnings(s)];
}

function structuralErrors(s: Scenario): DocIssue[] {
  const out: DocIssue[] = [];
  const add = (kind: EntityKind, id: string, issues: FieldIssue[]) => {
    for (const i of issues) out.push({ severity: 'error', kind, id, path: i.path, explanation: i.explanation });
  };
  const seen = new Set<string>();
  const dup = (kind: EntityKind, id: string) => {
    if (seen.has(id)) out.push({ severity: 'error', kind, id, path: ['id'], explanation: { key: 'validation.duplicateId', params: { id } } });
    seen.add(id);
  };
  for (const e of s.exchanges) {
    dup('exchange', e.id);
    const r = check(exchangeSchema, e);
    if (!r.ok) add('exchange', e.id, r.errors);
    const n = checkName(s, 'exchange', e.name, e.id);
    if (n) add('exchange', e.id, [{ path: ['name'], explanation: n }]);
  }
  for (const q of s.queues) {
    dup('queue', q.id);
    const r = check(queueSchema, q);
    if (!r.ok) add('queue', q.id, r.errors);
    const n = checkName(s, 'queue', q.name, q.id);
    if (n) add('queue', q.id, [{ path: ['name'], explanation: n }]);
  }
  for (const a of s.apps) {
    dup('app', a.id);
    const r = check(appSchema, a);
    if (!r.ok) add('app', a.id, r.errors);
    const n = checkName(s, 'app', a.name, a.id);
    if (n) add('app', a.id, [{ path: ['name'], explanation: n }]);
  }
  for (const b of s.bindings) {
    dup('binding', b.id);
    const r = check(bindingSchema, b);
    if (!r.ok) add('binding', b.id, r.errors);
    if (!s.exchanges.some((e) => e.id === b.source)) add('binding', b.id, [{ path: ['source'], explanation: { key: 'op.notFound' } }]);
    const dest = b.destinationType === 'queue' ? s.queues : s.exchanges;
    if (!dest.some((d) => d.id === b.destination)) add('binding', b.id, [{ path: ['destination'], explanation: { key: 'op.notFound' } }]);
  }
  return out;
}

/** Only the warnings: cheap (no schema parsing), so the canvas can recompute them on every edit. */
export function runtimeWarnings(s: Scenario): DocIssue[] {
  const out: DocIssue[] = [];
  const warn = (kind: EntityKind, id: string, path: string[], explanation: Explanation) =>
    out.push({ severity: 'warning', kind, id, path, explanation });
  for (const e of s.exchanges) {
    if (e.alternateExchange !== undefined && !exchangeExists(s, e.alternateExchange)) {
      warn('exchange', e.id, ['alternateExchange'], { key: 'warning.aeMissing', params: { name: e.alternateExchange } });
    }
  }
  for (const q of s.queues) {
    if (q.arguments.queueType === 'stream') warn('queue', q.id, ['arguments', 'queueType'], { key: 'warning.streamNotSimulated' });
    const dlx = q.arguments.deadLetterExchange;
    if (dlx !== undefined && !exchangeExists(s, dlx)) {
      warn('queue', q.id, ['arguments', 'deadLetterExchange'], { key: 'warning.dlxMissing', params: { name: dlx } });
    }
  }
  const consumersByQueue = new Map<string, number>();
  for (const a of s.apps) for (const c of a.consumers) if (c.queue) consumersByQueue.set(c.queue, (consumersByQueue.get(c.queue) ?? 0) + 1);
  for (const a of s.apps) {
    for (const p of a.publishers) {
      const ex = s.exchanges.find((e) => e.name === p.exchange);
      if (!exchangeExists(s, p.exchange)) warn('publisher', p.id, ['exchange'], { key: 'warning.publishMissingExchange', params: { name: p.exchange } });
      else if (ex?.internal) warn('publisher', p.id, ['exchange'], { key: 'warning.publishInternalExchange', params: { name: p.exchange } });
      if (p.confirms && !findChannel(a, p.channelId)?.channel.confirmSelect) {
        warn('publisher', p.id, ['confirms'], { key: 'warning.confirmsWithoutConfirmSelect' });
      }
      // direct reply-to: the channel that sends the request must be the one consuming the pseudo-queue
      if (p.message.replyTo === DIRECT_REPLY_TO && !a.consumers.some((c) => c.channelId === p.channelId && c.queue === DIRECT_REPLY_TO)) {
        warn('publisher', p.id, ['message', 'replyTo'], { key: 'warning.replyToWithoutReplyConsumer' });
      }
    }
    for (const c of a.consumers) {
      if (c.queue === '') continue;
      if (c.queue === DIRECT_REPLY_TO) {
        if (!c.noAck) warn('consumer', c.id, ['noAck'], { key: 'warning.replyConsumerNeedsNoAck' });
        continue;
      }
      if (!s.queues.some((q) => q.name === c.queue)) warn('consumer', c.id, ['queue'], { key: 'warning.consumeMissingQueue', params: { name: c.queue } });
      else if (c.exclusive && (consumersByQueue.get(c.queue) ?? 0) > 1) {
        warn('consumer', c.id, ['exclusive'], { key: 'warning.exclusiveConsumerShared', params: { name: c.queue } });
      }
    }
  }
  return out;
}

/** Issues attached to one entity (for the inspector and for badges on nodes). */
export function issuesFor(issues: DocIssue[], id: string): DocIssue[] {
  return issues.filter((i) => i.id === id);
}
