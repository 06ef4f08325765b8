import type { RestoreResult } from '../model';
import type { LessonRestoreResult } from '../model/lesson';

/**
 * Reading a saved or shared document validates it with the model's zod schemas: a chunk of its own
 * (zod alone is a quarter of the app), which a first visit (nothing saved, no link) does not need to
 * draw its first canvas. `restoring.ts` provides the validators; the app's entry (src/app/main.tsx)
 * loads it before the app starts when something is saved or linked (alongside the app, not after
 * it), and soon after the first canvas otherwise; unit tests load it in their setup.
 */
export interface Validators {
  restoreScenario(input: unknown): RestoreResult;
  restoreLesson(input: unknown): LessonRestoreResult;
}

let provided: Validators | null = null;

export function provideValidators(v: Validators): void {
  provided = v;
}

export function validators(): Validators {
  if (!provided) throw new Error('the document validators are not loaded: import store/restoring first');
  return provided;
}
