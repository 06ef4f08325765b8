import { z } from 'zod';
import { DEATH_REASONS, DROP_REASONS, type GoalType, LESSON_STEPS_MAX, LESSON_TEXT_MAX, type LessonExplanation, type LessonRestoreResult, type LessonStep } from '../lesson';
import { shortstrSchema } from './common';

/** The schemas of a lesson (see lesson.ts) and its defensive reader, for what comes from outside. */

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
export const localizedTextSchema = z.union([z.string().max(LESSON_TEXT_MAX), z.record(z.string().regex(LANGUAGE_TAG), z.string().max(LESSON_TEXT_MAX))]);
const name = shortstrSchema;
const id = z.string().min(1).max(64);
const count = z.number().int().min(1).max(1_000_000).optional();
const bound = z.number().int().min(0).max(10_000_000).optional();

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
export const GOAL_TYPES = goalSchema.options.map((o) => o.shape.type.value) as GoalType[];
export const lessonStepSchema = z.looseObject({
  text: localizedTextSchema,
  /** no goal: a reading step the student marks done */
  goal: goalSchema.optional(),
});
export const lessonSchema = z.looseObject({
  title: localizedTextSchema,
  steps: z.array(lessonStepSchema).max(LESSON_STEPS_MAX),
});
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
