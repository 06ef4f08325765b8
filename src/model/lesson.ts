import type { z } from 'zod';
import { topicWords } from '../engine';
import type { Scenario } from './scenario';
import type { goalSchema, lessonSchema, lessonStepSchema, localizedTextSchema } from './schemas/lesson';

/**
 * A lesson: a title and steps, each a text and, usually, a goal checked against the running
 * simulation ("bind queue B so that it receives kern.* messages" is ticked when such a message
 * lands in B). Lessons travel with the scenario (autosave, links), so this is plain data with a
 * defensive reader (restoreLesson, with the schemas in schemas/lesson.ts). The checkers that evaluate goals live in src/scenarios/goals/.
 *
 * Texts (title, step text) are either one string — the same in every language, which is what a
 * teacher writing in one language produces and what a minimal link carries — or a record of texts
 * by language tag: `{ en: 'Bind…', es: 'Enlaza…' }`. textIn() picks the reader's language, falling
 * back to English, then to any text there is. Unknown fields of a lesson or step are kept.
 *
 * Goals name queues and exchanges by NAME (as AMQP methods do) and consumers and publishers by the
 * document's id (their app's name is what the UI shows).
 */

/** Longest text of a lesson title or step, in each language (the editor refuses longer, as links and files do). */
export const LESSON_TEXT_MAX = 5000;

export type LocalizedText = z.output<typeof localizedTextSchema>;

export const DEATH_REASONS = ['rejected', 'expired', 'maxlen', 'delivery_limit'] as const;
export const DROP_REASONS = ['maxlen', 'reject-publish', 'rejected', 'expired', 'delivery_limit', 'no-dlx-exchange', 'dead-letter-unroutable', 'dead-letter-cycle', 'queue-deleted', 'broker-restart'] as const;

export type Goal = z.output<typeof goalSchema>;
export type GoalType = Goal['type'];
export type GoalOf<T extends GoalType> = Extract<Goal, { type: T }>;

/** Goals about how the broker is now, not about something that happened. */
export const STATE_GOALS: readonly GoalType[] = ['binding-exists', 'queue-depth', 'consumer-count', 'queue-exists'];

export type LessonStep = z.output<typeof lessonStepSchema>;

export const LESSON_STEPS_MAX = 100;
export type Lesson = z.output<typeof lessonSchema>;

export function emptyLesson(): Lesson {
  return { title: '', steps: [] };
}

// ------------------------------------------------------------------ texts

/** The text in `lang` (or its base language), else English, else the first non-empty one. */
export function textIn(text: LocalizedText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = lang.split('-')[0]!;
  for (const k of [lang, base, 'en']) if (text[k]) return text[k]!;
  return Object.values(text).find((v) => v !== '') ?? '';
}

/**
 * The text with `lang`'s version replaced (an empty value removes it). A single string has no known
 * language: it becomes the text in `lang`.
 */
export function withTextIn(text: LocalizedText, lang: string, value: string): LocalizedText {
  const record: Record<string, string> = typeof text === 'string' ? {} : { ...text };
  if (value === '') delete record[lang];
  else record[lang] = value;
  return Object.keys(record).length ? record : '';
}

// ------------------------------------------------------------------ matching

/** Does a routing key match a topic-style pattern (`*` one word, `#` zero or more)? */
export function matchesTopic(pattern: string, key: string): boolean {
  const p = topicWords(pattern);
  const k = topicWords(key);
  const go = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    if (p[i] === '#') return go(i + 1, j) || (j < k.length && go(i, j + 1));
    return j < k.length && (p[i] === '*' || p[i] === k[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

// ------------------------------------------------------------------ reading and checking

export const LESSON_MESSAGE_KEYS = ['lesson.restore.invalid', 'lesson.restore.droppedStep', 'lesson.restore.droppedGoal', 'lesson.issue.missingQueue', 'lesson.issue.missingExchange', 'lesson.issue.missingConsumer', 'lesson.issue.missingPublisher', 'lesson.issue.emptyText', 'lesson.issue.bounds'] as const;
export type LessonMessageKey = (typeof LESSON_MESSAGE_KEYS)[number];
export interface LessonExplanation {
  key: LessonMessageKey;
  params?: Record<string, string | number>;
}

export interface LessonRestoreResult {
  lesson: Lesson | null;
  problems: LessonExplanation[];
}

export interface LessonIssue {
  step: number;
  explanation: LessonExplanation;
}

/** What in a lesson does not fit the scenario: goals naming things that are not there, empty texts. */
export function lessonIssues(lesson: Lesson, s: Scenario): LessonIssue[] {
  const out: LessonIssue[] = [];
  const queues = new Set(s.queues.map((q) => q.name));
  const exchanges = new Set(s.exchanges.map((e) => e.name));
  const consumers = new Set(s.apps.flatMap((a) => a.consumers.map((c) => c.id)));
  const publishers = new Set(s.apps.flatMap((a) => a.publishers.map((p) => p.id)));
  lesson.steps.forEach((step, i) => {
    const add = (key: LessonMessageKey, params?: Record<string, string | number>) => out.push({ step: i, explanation: params ? { key, params } : { key } });
    if (textIn(step.text, 'en').trim() === '') add('lesson.issue.emptyText');
    const g = step.goal as Record<string, unknown> | undefined;
    if (!g) return;
    if (typeof g.queue === 'string' && !queues.has(g.queue)) add('lesson.issue.missingQueue', { name: g.queue });
    if (typeof g.exchange === 'string' && g.exchange !== '' && !exchanges.has(g.exchange) && !g.exchange.startsWith('amq.')) add('lesson.issue.missingExchange', { name: g.exchange });
    if (typeof g.consumer === 'string' && !consumers.has(g.consumer)) add('lesson.issue.missingConsumer', { name: g.consumer });
    if (typeof g.publisher === 'string' && !publishers.has(g.publisher)) add('lesson.issue.missingPublisher', { name: g.publisher });
    if (typeof g.atLeast === 'number' && typeof g.atMost === 'number' && g.atLeast > g.atMost) add('lesson.issue.bounds');
  });
  return out;
}

// ------------------------------------------------------------------ editing (the lesson editor's operations)

export function addStep(lesson: Lesson, step: LessonStep = { text: '' }): Lesson {
  if (lesson.steps.length >= LESSON_STEPS_MAX) return lesson;
  return { ...lesson, steps: [...lesson.steps, step] };
}

export function removeStep(lesson: Lesson, index: number): Lesson {
  return { ...lesson, steps: lesson.steps.filter((_, i) => i !== index) };
}

/** Moves a step up (by -1) or down (by +1); unchanged at the ends. */
export function moveStep(lesson: Lesson, index: number, by: -1 | 1): Lesson {
  const to = index + by;
  if (index < 0 || index >= lesson.steps.length || to < 0 || to >= lesson.steps.length) return lesson;
  const steps = [...lesson.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...lesson, steps };
}

export function updateStep(lesson: Lesson, index: number, patch: Partial<LessonStep>): Lesson {
  return {
    ...lesson,
    steps: lesson.steps.map((s, i) => {
      if (i !== index) return s;
      const next: LessonStep = { ...s, ...patch };
      if ('goal' in patch && patch.goal === undefined) delete next.goal;
      return next;
    }),
  };
}

/** A goal of `type` with its required names taken from the scenario (the first queue, exchange, …). */
export function defaultGoal(type: GoalType, s: Scenario): Goal {
  const queue = s.queues[0]?.name ?? '';
  const exchange = s.exchanges[0]?.name ?? '';
  switch (type) {
    case 'message-enqueued':
      return { type, queue };
    case 'queue-depth':
      return { type, queue, atLeast: 1 };
    case 'consumer-count':
      return { type, queue, atLeast: 1 };
    case 'binding-exists':
      return { type, exchange, queue };
    case 'queue-exists':
      return { type, queue, exists: true };
    default:
      return { type } as Goal;
  }
}
