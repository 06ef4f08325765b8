import { z } from 'zod';
import { localizedTextSchema } from '../model/schemas/lesson';

/**
 * The minimal shape a shared lesson must have: a title and steps, each with its text and a goal. Texts
 * are the lesson module's localized texts (one string, or texts by language: the gallery's lessons are
 * written in English and Spanish). The lesson module owns what a goal means (it checks goals against the
 * running engine, and its restoreLesson reads them defensively); here a goal is plain JSON data, and
 * unknown fields are kept, so the link format does not have to change when lessons grow. Bounds keep a
 * hostile link from smuggling in a huge lesson.
 */
export const lessonStepSchema = z.looseObject({
  text: localizedTextSchema,
  goal: z.unknown().optional(),
});

export const lessonSchema = z.looseObject({
  title: localizedTextSchema,
  steps: z.array(lessonStepSchema).max(100),
});

export type Lesson = z.output<typeof lessonSchema>;
