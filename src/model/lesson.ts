import { z } from 'zod';
import { topicWords } from '../engine';
import { shortstrSchema } from './common';
import type { Scenario } from './scenario';

/**
 * A lesson: a title and steps, each a text and, usually, a goal checked against the running
 * simulation ("bind queue B so that it receives kern.* messages" is ticked when such a message
 * lands in B). Lessons travel with the scenario (autosave, links), so this is plain data with a
 * defensive reader (restoreLesson). The checkers that evaluate goals live in src/scenarios/goals/.
 *
 * Texts (title, step text) are either one string — the same in every language, which is what a
 * teacher writing in one language produces and what a minimal link carries — or a record of texts
 * by language tag: `{ en: 'Bind…', es: 'Enlaza…' }`. textIn() picks the reader's language, falling
 * back to English, then to any text there is. Unknown fields of a lesson or step are kept.
 *
 * Goals name queues and exchanges by NAME (as AMQP methods do) and consumers and publishers by the
 * document's id (their app's name is what the UI shows).
 */

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
/** Longest text of a lesson title or step, in each language (the editor refuses longer, as links and files do). */
export const LESSON_TEXT_MAX = 5000;

export const localizedTextSchema = z.union([z.string().max(LESSON_TEXT_MAX), z.record(z.string().regex(LANGUAGE_TAG), z.string().max(LESSON_TEXT_MAX))]);
export type LocalizedText = z.output<typeof localizedTextSchema>;

const name = shortstrSchema;
const id = z.string().min(1).max(64);
const count = z.number().int().min(1).max(1_000_000).optional();
const bound = z.number().int().min(0).max(10_000_000).optional();

export const DEATH_REASONS = ['rejected', 'expired', 'maxlen', 'delivery_limit'] as const;
export const DROP_REASONS = ['maxlen', 'reject-publish', 'rejected', 'expired', 'delivery_limit', 'no-dlx-exchange', 'dead-letter-unroutable', 'dead-letter-cycle', 'queue-deleted', 'broker-restart'] as const;

/**
 * What a step asks for. Event goals (count, default 1) are met by what happens while the step is the
 * current one; state goals (binding-exists, queue-depth, consumer-count, queue-exists) by how the
 * broker is at that moment.
 */
export const goalSchema = z.discriminatedUnion('type', [
  /** a message (whose routing key matches the topic-style pattern, if given) lands in `queue` */
  z.looseObject({ type: z.literal('message-enqueued'), queue: name, routingKey: name.optional(), count }),
  /** basic.deliver from `queue` and/or to `consumer`; `minDeaths`: its x-death says it died at least this often in one queue */
  z.looseObject({ type: z.literal('delivered'), queue: name.optional(), consumer: id.optional(), minDeaths: z.number().int().min(1).max(1000).optional(), count }),
  z.looseObject({ type: z.literal('acked'), queue: name.optional(), consumer: id.optional(), count }),
  /** basic.nack or basic.reject by a consumer; `requeue` restricts to one kind */
  z.looseObject({ type: z.literal('nacked'), queue: name.optional(), consumer: id.optional(), requeue: z.boolean().optional(), count }),
  /** a delivery flagged redelivered */
  z.looseObject({ type: z.literal('redelivered'), queue: name.optional(), consumer: id.optional(), count }),
  z.looseObject({ type: z.literal('dead-lettered'), queue: name.optional(), reason: z.enum(DEATH_REASONS).optional(), count }),
  z.looseObject({ type: z.literal('expired'), queue: name.optional(), count }),
  /** a message left without being consumed (length limit, no dead-letter exchange, …) */
  z.looseObject({ type: z.literal('dropped'), queue: name.optional(), reason: z.enum(DROP_REASONS).optional(), count }),
  /** a mandatory message came back to its publisher (basic.return) */
  z.looseObject({ type: z.literal('returned'), publisher: id.optional(), count }),
  /** an exchange could route a message nowhere */
  z.looseObject({ type: z.literal('unroutable'), exchange: name.optional(), count }),
  /** a publisher confirm reached its publisher: ack (default) or nack */
  z.looseObject({ type: z.literal('confirmed'), publisher: id.optional(), ack: z.boolean().optional(), count }),
  z.looseObject({ type: z.literal('binding-exists'), exchange: name, queue: name, key: name.optional() }),
  /** ready messages in `queue` (or, with of: 'unacked', messages delivered and not yet acked) */
  z.looseObject({ type: z.literal('queue-depth'), queue: name, of: z.enum(['ready', 'unacked']).optional(), atLeast: bound, atMost: bound }),
  z.looseObject({ type: z.literal('consumer-count'), queue: name, atLeast: bound, atMost: bound }),
  z.looseObject({ type: z.literal('queue-exists'), queue: name, exists: z.boolean() }),
]);
export type Goal = z.output<typeof goalSchema>;
export type GoalType = Goal['type'];
export type GoalOf<T extends GoalType> = Extract<Goal, { type: T }>;

export const GOAL_TYPES = goalSchema.options.map((o) => o.shape.type.value) as GoalType[];
/** Goals about how the broker is now, not about something that happened. */
export const STATE_GOALS: readonly GoalType[] = ['binding-exists', 'queue-depth', 'consumer-count', 'queue-exists'];

export const lessonStepSchema = z.looseObject({
  text: localizedTextSchema,
  /** no goal: a reading step the student marks done */
  goal: goalSchema.optional(),
});
export type LessonStep = z.output<typeof lessonStepSchema>;

export const LESSON_STEPS_MAX = 100;
export const lessonSchema = z.looseObject({
  title: localizedTextSchema,
  steps: z.array(lessonStepSchema).max(LESSON_STEPS_MAX),
});
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

const record = z.record(z.string(), z.unknown());

/**
 * Reads a lesson from untrusted data (autosave, a link, a file) without throwing. A step that cannot
 * be read is left out; a goal that cannot be read (a newer Warren's goal type, bad parameters) is
 * left out and the step kept as a reading step. Each is listed.
 */
export function restoreLesson(input: unknown): LessonRestoreResult {
  if (input === undefined || input === null) return { lesson: null, problems: [] };
  const whole = lessonSchema.safeParse(input);
  if (whole.success) return { lesson: whole.data, problems: [] };
  const top = record.safeParse(input);
  const title = top.success ? localizedTextSchema.safeParse(top.data.title) : null;
  if (!top.success || !title?.success || !Array.isArray(top.data.steps)) return { lesson: null, problems: [{ key: 'lesson.restore.invalid' }] };
  const problems: LessonExplanation[] = [];
  const steps: LessonStep[] = [];
  top.data.steps.slice(0, LESSON_STEPS_MAX).forEach((raw, i) => {
    const r = record.safeParse(raw);
    const text = r.success ? localizedTextSchema.safeParse(r.data.text) : null;
    if (!r.success || !text?.success) {
      problems.push({ key: 'lesson.restore.droppedStep', params: { n: i + 1 } });
      return;
    }
    const { goal, ...rest } = r.data;
    const step: LessonStep = { ...rest, text: text.data };
    if (goal !== undefined) {
      const g = goalSchema.safeParse(goal);
      if (g.success) step.goal = g.data;
      else problems.push({ key: 'lesson.restore.droppedGoal', params: { n: i + 1 } });
    }
    steps.push(step);
  });
  return { lesson: { ...top.data, title: title.data, steps }, problems };
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
