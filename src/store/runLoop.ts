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

export type RunStop = 'done' | 'budget' | 'blocked';

/**
 * Runs the world up to `target`, applying recorded inputs, taking chart samples and checkpoints
 * at their exact virtual times. Stops early (deterministically, at an event boundary) when the
 * frame's work budget is spent: a slow machine shows fewer frames, not a different run. Says why
 * it stopped: it got there ('done'), the budget was spent ('budget'), or the world waits for a
 * program turn computed elsewhere ('blocked': carry on when World.completeTurn has run).
 */
export function advanceRun(r: Run, target: number, overBudget: () => boolean, maxSteps = Number.POSITIVE_INFINITY): RunStop {
  const { world: w, timeline, series } = r;
  for (;;) {
    const input = timeline.nextInput(target);
    const stop = Math.min(target, input?.t ?? Number.POSITIVE_INFINITY, series.nextDue());
    // an input recorded after more events than this run may take (a shared run's moment) waits
    const due = input && input.t <= stop && !((input.steps ?? 0) > maxSteps) ? input : undefined;
    // events one at a time up to `stop` (or up to the recorded input's moment), watching the frame's budget
    // (stepUpTo last: it runs the event when one is due, with one look at the schedules)
    while (w.steps < maxSteps && !(due && inputComesFirst(w, due)) && w.stepUpTo(stop)) {
      if (w.blocked) return 'blocked';
      if (overBudget()) return 'budget';
    }
    if (w.blocked) return 'blocked';
    if (due) applyInput(r, due);
    else if (w.steps >= maxSteps) w.moveClockTo(stop);
    else w.advanceTo(stop);
    if (w.blocked) return 'blocked';
    if (series.nextDue() <= w.now) series.take(w);
    timeline.maybeCheckpoint(w);
    if (w.now >= target && (w.steps >= maxSteps || !timeline.nextInput(target))) return 'done';
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
