import type { Queue } from './queue';

/** 60000 -> "1m", 1500 -> "1.5s", 250 -> "250ms": badges must stay short. */
export function formatMs(ms: number): string {
  if (ms >= 3_600_000 && ms % 60_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 1000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/**
 * The texts of a queue's feature badges under its name, in the order the canvas draws them
 * (canvas/nodes/QueueNode.tsx). `quorum` and `defaultExchange` are the words in the page's language.
 */
export function queueBadgeTexts(q: Queue, quorum = 'quorum', defaultExchange = '(AMQP default)'): string[] {
  const a = q.arguments;
  const out: string[] = [];
  if (q.exclusive) out.push('Excl');
  if (q.autoDelete) out.push('AD');
  if (a.queueType === 'quorum') out.push(quorum);
  if (a.messageTtl !== undefined) out.push(`TTL ${formatMs(a.messageTtl)}`);
  if (a.expires !== undefined) out.push(`exp ${formatMs(a.expires)}`);
  if (a.deadLetterExchange !== undefined) out.push(`DLX ${a.deadLetterExchange || defaultExchange}`);
  if (a.maxLength !== undefined) out.push(`max-len ${a.maxLength}`);
  if (a.maxLengthBytes !== undefined) out.push(`max-bytes ${a.maxLengthBytes}`);
  if (a.maxPriority !== undefined) out.push(`prio ${a.maxPriority}`);
  if (a.singleActiveConsumer) out.push('SAC');
  if (a.deliveryLimit !== undefined) out.push(`limit ${a.deliveryLimit}`);
  return out;
}

/**
 * Badges are drawn at 16 px (12 px on screen at the smallest zoom a gallery scenario opens at): about
 * 9.6 px a character in the widest common fonts, 5 px of padding each side and a 1 px border; 3 px
 * apart, wrapping in a `room` px wide row. Returns how many rows they take (an estimate that errs on
 * the large side, used until the node is measured).
 */
export function badgeRows(texts: readonly string[], room: number): number {
  let rows = 0;
  let used = Number.POSITIVE_INFINITY;
  for (const t of texts) {
    const w = Math.min(room, Math.ceil(t.length * 9.6) + 12);
    if (used + 3 + w > room) {
      rows++;
      used = w;
    } else used += 3 + w;
  }
  return rows;
}

/** A row of badges: 17 px of text and their borders; rows are 3 px apart, 4 px under what is above. */
export const BADGE_ROW = 19;
export const badgesHeight = (rows: number) => (rows === 0 ? 0 : 4 + rows * BADGE_ROW + (rows - 1) * 3);
