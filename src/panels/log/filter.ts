import type { WorldEvent } from '../../sim';
import { EVENT_GROUPS, type EventGroup, groupOf, type LogEntry } from '../../store/eventLog';
import { msgIdsOf } from '../../store/messageStory';
import { withoutIsolates } from '../Name';
import { severity } from './sentence';

/** What the event log shows: groups of events, and optionally one queue, consumer, message or text. */
export interface LogFilter {
  groups: readonly EventGroup[];
  queue: string;
  consumer: string;
  /** "42" or "m42" */
  message: string;
  text: string;
}

export const ALL_GROUPS = Object.keys(EVENT_GROUPS) as EventGroup[];

export const NO_FILTER: LogFilter = { groups: ALL_GROUPS, queue: '', consumer: '', message: '', text: '' };

export function isFiltered(f: LogFilter): boolean {
  return f.groups.length !== ALL_GROUPS.length || f.queue !== '' || f.consumer !== '' || f.message.trim() !== '' || f.text.trim() !== '';
}

/** The queues an event is about. */
export function queuesOf(e: WorldEvent): string[] {
  switch (e.type) {
    case 'routed':
      return e.queues;
    case 'bound':
    case 'unbound':
      return e.destinationType === 'queue' ? [e.destination] : [];
    default:
      return 'queue' in e && typeof e.queue === 'string' ? [e.queue] : [];
  }
}

/** The consumer an event is about: client events name it, broker events by its tag (= its id). */
export function consumerOf(e: WorldEvent): string | undefined {
  if ('consumer' in e && typeof e.consumer === 'string') return e.consumer;
  if ('consumerTag' in e && typeof e.consumerTag === 'string') return e.consumerTag;
  return undefined;
}

/** "m42", "42", " M42 " → 42; anything else → undefined. */
export function parseMessageId(s: string): number | undefined {
  const m = /^\s*m?(\d+)\s*$/i.exec(s);
  return m ? Number(m[1]) : undefined;
}

/**
 * An event's groups for filtering: its own, plus "error" for every error (a failed publish or a
 * channel closed by the broker is an error wherever it is filed).
 */
function inGroups(e: WorldEvent, groups: ReadonlySet<EventGroup>): boolean {
  return groups.has(groupOf(e)) || (groups.has('error') && severity(e) === 'error');
}

/** The entries that pass the filter, in log order. `text(e)` is the row's sentence (free-text search). */
export function filterEntries(entries: readonly LogEntry[], f: LogFilter, text: (e: WorldEvent) => string): LogEntry[] {
  if (!isFiltered(f)) return entries as LogEntry[];
  const groups = new Set(f.groups);
  const msgId = parseMessageId(f.message);
  const badId = f.message.trim() !== '' && msgId === undefined;
  const needle = f.text.trim().toLocaleLowerCase();
  return entries.filter(({ e }) => {
    if (!inGroups(e, groups)) return false;
    if (f.queue && !queuesOf(e).includes(f.queue)) return false;
    if (f.consumer && consumerOf(e) !== f.consumer) return false;
    if (badId || (msgId !== undefined && !msgIdsOf(e).includes(msgId))) return false;
    return needle === '' || withoutIsolates(text(e)).toLocaleLowerCase().includes(needle);
  });
}
