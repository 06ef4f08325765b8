import type { MessageKey, Translate } from '../../i18n/translate';
import type { Scenario } from '../../model';
import type { Goal, GoalType, LessonExplanation, LessonMessageKey } from '../../model/lesson';

// Compile-time proof that the dictionaries have every key the lesson model explains itself with.
const everyLessonKeyIsTranslated: (key: LessonMessageKey) => MessageKey = (key) => key;

export function explainLesson(t: Translate, e: LessonExplanation): string {
  return t(everyLessonKeyIsTranslated(e.key), e.params);
}

export const goalTypeLabel = (t: Translate, type: GoalType | 'none'): string => t(`goal.type.${type}` as MessageKey);

/** Consumers and publishers by id, named after their app ("worker", or "worker #2" when an app has several). */
export function clientNames(doc: Scenario): { consumers: Map<string, string>; publishers: Map<string, string> } {
  const consumers = new Map<string, string>();
  const publishers = new Map<string, string>();
  for (const a of doc.apps) {
    for (const [i, c] of a.consumers.entries()) consumers.set(c.id, a.consumers.length > 1 ? `${a.name} #${i + 1}` : a.name);
    for (const [i, p] of a.publishers.entries()) publishers.set(p.id, a.publishers.length > 1 ? `${a.name} #${i + 1}` : a.name);
  }
  return { consumers, publishers };
}

/** A goal in words, for the lesson panel: what it asks and its parameters ("A message lands in a queue · Queue: kern · …"). */
export function describeGoal(t: Translate, goal: Goal, doc: Scenario): string {
  const names = clientNames(doc);
  const g = goal as Record<string, unknown>;
  const parts: string[] = [];
  const add = (param: string, value: unknown) => {
    if (value === undefined) return;
    let text = String(value);
    if (param === 'consumer') text = names.consumers.get(text) ?? text;
    if (param === 'publisher') text = names.publishers.get(text) ?? text;
    if (param === 'of') text = t(value === 'unacked' ? 'goal.opt.unacked' : 'goal.opt.ready');
    if (typeof value === 'boolean') text = t(param === 'ack' ? (value ? 'goal.opt.ack' : 'goal.opt.nack') : value ? 'goal.opt.yes' : 'goal.opt.no');
    parts.push(`${t(param === 'routingKey' ? 'goal.short.routingKey' : (`goal.param.${param}` as MessageKey))}: ${text}`);
  };
  for (const param of ['queue', 'exchange', 'consumer', 'publisher', 'routingKey', 'key', 'reason', 'requeue', 'ack', 'of', 'atLeast', 'atMost', 'exists', 'minDeaths', 'count']) add(param, g[param]);
  return [goalTypeLabel(t, goal.type), ...parts].join(' · ');
}
