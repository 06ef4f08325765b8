import { DIRECT_REPLY_TO, PREDECLARED_EXCHANGES } from './amq';
import { findChannel } from './app';
import type { Explanation } from './explanation';
import type { Scenario } from './scenario';

/**
 * What a run will show that the user may not expect although AMQP accepts it (a publisher naming an
 * exchange that does not exist, confirms without confirm.select...), attached to the entity the UI
 * shows it on. No schema parsing: the canvas recomputes these on every edit. The errors that break a
 * rule (for imported or restored documents) are validate.ts's.
 */

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
