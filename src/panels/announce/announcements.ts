/**
 * What the polite live region says (a screen reader reads it when the person pauses): the few
 * things that matter while a simulation runs, found by comparing two moments of the run, and a
 * throttle so that it never floods. Pure code: the component (LiveAnnouncer.tsx) feeds it.
 */

export type Announcement =
  | { kind: 'step-done'; step: number; total: number }
  | { kind: 'lesson-complete'; total: number }
  | { kind: 'queue-level'; queue: string; ready: number; level: number; max?: number }
  | { kind: 'consumer-down'; consumer: string; state: 'crashed' | 'error' };

/** The part of a moment of the run that announcements look at. */
export interface Moment {
  queues: Readonly<Record<string, { ready: number }>>;
  consumers: Readonly<Record<string, { state: string }>>;
  /** the lesson's ticked steps, null without a lesson */
  lesson: { done: readonly boolean[]; complete: boolean } | null;
}

/** Queue depths worth saying: 80 % and 100 % of x-max-length, else 100, 1,000, 10,000 ready messages. */
export function queueLevels(maxLength?: number): number[] {
  if (maxLength !== undefined && maxLength > 0) return [...new Set([Math.max(1, Math.ceil(maxLength * 0.8)), maxLength])];
  return [100, 1000, 10_000];
}

/** Per queue, the highest level already said (a level is said again once the queue fell below half of it). */
export type Said = Map<string, number>;

/**
 * What changed between two moments that is worth saying: lesson steps newly ticked (or the whole
 * lesson), a queue whose ready messages passed a level, a consumer that crashed or whose channel was
 * closed by an error. `said` is updated (the levels said per queue).
 */
export function announcementsBetween(prev: Moment | null, next: Moment, maxLengths: Readonly<Record<string, number | undefined>>, said: Said): Announcement[] {
  const out: Announcement[] = [];
  if (prev) {
    const a = prev.lesson;
    const b = next.lesson;
    // the same lesson, moved on (a new lesson or a restart ticks nothing)
    if (a && b && a.done.length === b.done.length) {
      if (b.complete && !a.complete) out.push({ kind: 'lesson-complete', total: b.done.length });
      else
        for (const [i, d] of b.done.entries()) if (d && !a.done[i]) out.push({ kind: 'step-done', step: i + 1, total: b.done.length });
    }
    for (const [id, c] of Object.entries(next.consumers)) {
      const before = prev.consumers[id]?.state;
      if (before !== undefined && before !== c.state && (c.state === 'crashed' || c.state === 'error')) out.push({ kind: 'consumer-down', consumer: id, state: c.state });
    }
  }
  for (const [queue, q] of Object.entries(next.queues)) {
    const max = maxLengths[queue];
    const levels = queueLevels(max);
    const reached = levels.filter((l) => q.ready >= l).pop() ?? 0;
    const last = said.get(queue) ?? 0;
    if (reached > last) {
      // the first moment seen (a page opened mid-run) only takes note: nothing "filled" then
      if (prev) out.push({ kind: 'queue-level', queue, ready: q.ready, level: reached, ...(max ? { max } : {}) });
      said.set(queue, reached);
    } else if (last > 0 && q.ready < last / 2) {
      // drained: the levels above what it holds now may be said again
      said.set(queue, levels.filter((l) => q.ready >= l / 2).pop() ?? 0);
    }
  }
  return out;
}

const PRIORITY: Record<Announcement['kind'], number> = { 'lesson-complete': 0, 'step-done': 1, 'consumer-down': 2, 'queue-level': 3 };

/** What an announcement is about: a newer one about the same thing replaces an older one still waiting. */
function subject(a: Announcement): string {
  switch (a.kind) {
    case 'queue-level':
      return `q:${a.queue}`;
    case 'consumer-down':
      return `c:${a.consumer}`;
    default:
      return 'lesson';
  }
}

export interface ThrottleOptions {
  /** least time between two utterances */
  gapMs: number;
  /** most announcements read in one utterance */
  perUtterance: number;
  /** most announcements kept waiting; beyond, the least important are dropped (and counted) */
  maxWaiting: number;
  /** the same text is not said again within this time */
  repeatMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { gapMs: 2500, perUtterance: 2, maxWaiting: 4, repeatMs: 15_000 };

/**
 * Paces the live region: at most one utterance per `gapMs`, each of at most `perUtterance`
 * announcements (the most important first), a newer word on a subject replacing an older one, and
 * the rest dropped and counted ("and 3 more") rather than queued for ever.
 */
export class AnnouncementThrottle {
  private waiting: Announcement[] = [];
  private dropped = 0;
  private lastAt = Number.NEGATIVE_INFINITY;
  private recent = new Map<string, number>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  push(items: readonly Announcement[]): void {
    for (const a of items) {
      const s = subject(a);
      // a lesson step and the lesson's end are both "lesson" news, and both worth hearing
      const i = s === 'lesson' ? -1 : this.waiting.findIndex((w) => subject(w) === s);
      if (i >= 0) this.waiting[i] = a;
      else this.waiting.push(a);
    }
    this.waiting.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
    if (this.waiting.length > this.options.maxWaiting) {
      this.dropped += this.waiting.length - this.options.maxWaiting;
      this.waiting.length = this.options.maxWaiting;
    }
  }

  /**
   * The announcements to say now (and how many were dropped since the last utterance), or null when
   * it is too soon or there is nothing new. `text` renders an announcement, to skip repeats.
   */
  take(now: number, text: (a: Announcement) => string): { say: string[]; dropped: number } | null {
    if (now - this.lastAt < this.options.gapMs) return null;
    for (const [t, at] of this.recent) if (now - at >= this.options.repeatMs) this.recent.delete(t);
    const say: string[] = [];
    while (this.waiting.length && say.length < this.options.perUtterance) {
      const line = text(this.waiting.shift()!);
      if (this.recent.has(line)) continue;
      this.recent.set(line, now);
      say.push(line);
    }
    const dropped = this.dropped + this.waiting.length;
    // what did not fit in this utterance is not carried on: the next moments bring fresher news
    this.waiting = [];
    this.dropped = 0;
    if (say.length === 0) return null;
    this.lastAt = now;
    return { say, dropped };
  }

  /** Forget everything waiting (a reset or a rewind of the run). */
  clear(): void {
    this.waiting = [];
    this.dropped = 0;
  }
}
