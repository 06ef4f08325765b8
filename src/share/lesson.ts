import { z } from 'zod';

/**
 * The minimal shape a shared lesson must have: a title and steps, each with its text and a goal. The
 * lesson module owns what a goal means (it checks goals against the running engine); here a goal is
 * plain JSON data, and unknown fields are kept, so the link format does not have to change when lessons
 * grow. Bounds keep a hostile link from smuggling in a huge lesson.
 */
export const lessonStepSchema = z.looseObject({
  text: z.string().max(5000),
  goal: z.unknown().optional(),
});

export const lessonSchema = z.looseObject({
  title: z.string().max(200),
  steps: z.array(lessonStepSchema).max(100),
});

export type Lesson = z.output<typeof lessonSchema>;
