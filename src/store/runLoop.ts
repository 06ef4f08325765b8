import type { World } from '../sim';
import type { Series } from './series';
import type { TimedInput, Timeline } from './timeline';

/**
 * How a run moves forward, shared by the animation-frame driver (SimController) and the
 * fast-forward worker (skipAhead.ts): one loop, so that skipping ahead is the same run as playing.
 */
export interface Run {
  world: World;
  timeline: Timeline;
  series: Series;
}

/**
 * Runs the world up to `target`, applying recorded inputs, taking chart samples and checkpoints
 * at their exact virtual times. Stops early (deterministically, at an event boundary) when the
 * frame's work budget is spent: a slow machine shows fewer frames, not a different run. Returns
 * true when it stopped for the budget.
 */
export function advanceRun(r: Run, target: number, overBudget: () => boolean, maxSteps = Number.POSITIVE_INFINITY): boolean {
  const { world: w, timeline, series } = r;
  for (;;) {
    const input = timeline.nextInput(target);
    const stop = Math.min(target, input?.t ?? Number.POSITIVE_INFINITY, series.nextDue());
    // an input recorded after more events than this run may take (a shared run's moment) waits
    const due = input && input.t <= stop && !((input.steps ?? 0) > maxSteps) ? input : undefined;
    // events one at a time up to `stop` (or up to the recorded input's moment), watching the frame's budget
    // (stepUpTo last: it runs the event when one is due, with one look at the schedules)
    while (w.steps < maxSteps && !(due && inputComesFirst(w, due)) && w.stepUpTo(stop)) {
      if (overBudget()) return true;
    }
    if (due) applyInput(r, due);
    else if (w.steps >= maxSteps) w.moveClockTo(stop);
    else w.advanceTo(stop);
    if (series.nextDue() <= w.now) series.take(w);
    timeline.maybeCheckpoint(w);
    if (w.now >= target && (w.steps >= maxSteps || !timeline.nextInput(target))) return false;
  }
}

/**
 * Whether the recorded input happens before the world's next event: at its time, and after as many
 * events as had run when it was recorded (events can share an instant).
 */
export function inputComesFirst(w: World, i: TimedInput): boolean {
  if (w.nextEventAt() > i.t) return true;
  return i.steps !== undefined && w.steps >= i.steps;
}

/** Applies the recorded input at the cursor, at its moment. */
export function applyInput(r: Run, i: TimedInput): void {
  r.world.moveClockTo(i.t);
  r.world.input(i.input);
  r.timeline.cursor++;
}
