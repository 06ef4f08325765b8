import type { AmqpBroker } from '../../engine';
import type { Goal, Lesson } from '../../model/lesson';
import type { WorldEvent } from '../../sim';
import { GOAL_CHECKERS, type GoalChecker, type GoalContext } from './checkers';

/** How far a lesson has come: steps are done in order; `current` is the first one not done. */
export interface LessonProgress {
  /** index of the current step; equal to the number of steps once the lesson is complete */
  current: number;
  done: boolean[];
  /** events counted towards each step's goal (0 or 1 for state goals) */
  counts: number[];
  complete: boolean;
}

/** How many matching events an event goal needs (state goals: 1, "holds"). */
export function goalTarget(goal: Goal | undefined): number {
  return goal && 'count' in goal && typeof goal.count === 'number' ? goal.count : 1;
}

const KEYS_KEPT = 50_000;

/**
 * Follows a running simulation and ticks a lesson's steps in order. Only the current step is
 * checked: an event goal counts what happens while it is current (so the student sees the effect
 * of what the step asked), a state goal is checked against the broker whenever the tracker looks.
 * A step without a goal is a reading step: markDone() ticks it. Pure: feed it the world's events
 * and a broker to inspect (tests do it with a World; the app with the simulation's log).
 */
export class LessonTracker {
  readonly lesson: Lesson;
  private state: LessonProgress;
  private keys = new Map<number, string>();

  constructor(lesson: Lesson) {
    this.lesson = lesson;
    const n = lesson.steps.length;
    this.state = { current: 0, done: new Array(n).fill(false), counts: new Array(n).fill(0), complete: n === 0 };
  }

  get progress(): LessonProgress {
    return this.state;
  }

  /** Reads a batch of world events (oldest first); true if the progress changed. */
  ingest(events: readonly WorldEvent[], broker: AmqpBroker): boolean {
    const ctx = this.context(broker);
    let changed = this.settleState(ctx);
    for (const e of events) {
      if (e.type === 'published') this.remember(e.msgId, e.routingKey);
      if (this.state.complete) continue;
      const goal = this.lesson.steps[this.state.current]?.goal;
      if (!goal) continue;
      const checker = GOAL_CHECKERS[goal.type] as GoalChecker<Goal>;
      if (checker.kind !== 'event' || !checker.counts(goal, e, ctx)) continue;
      changed = true;
      const counts = [...this.state.counts];
      counts[this.state.current]!++;
      this.state = { ...this.state, counts };
      if (counts[this.state.current]! >= goalTarget(goal)) {
        this.tick(this.state.current);
        this.settleState(ctx);
      }
    }
    return this.settleState(ctx) || changed;
  }

  /** Checks the current step if its goal is about the broker's state (and the ones after it that hold too). */
  evaluate(broker: AmqpBroker): boolean {
    return this.settleState(this.context(broker));
  }

  /** Ticks the current step if it has no goal (a reading step). */
  markDone(step: number): boolean {
    if (step !== this.state.current || this.state.complete || this.lesson.steps[step]?.goal) return false;
    this.tick(step);
    return true;
  }

  private settleState(ctx: GoalContext): boolean {
    let changed = false;
    while (!this.state.complete) {
      const goal = this.lesson.steps[this.state.current]?.goal;
      if (!goal) break;
      const checker = GOAL_CHECKERS[goal.type] as GoalChecker<Goal>;
      if (checker.kind !== 'state' || !checker.holds(goal, ctx)) break;
      const counts = [...this.state.counts];
      counts[this.state.current] = 1;
      this.state = { ...this.state, counts };
      this.tick(this.state.current);
      changed = true;
    }
    return changed;
  }

  private tick(step: number): void {
    const done = [...this.state.done];
    done[step] = true;
    const current = step + 1;
    this.state = { ...this.state, done, current, complete: current >= this.lesson.steps.length };
  }

  private remember(msgId: number, key: string): void {
    this.keys.set(msgId, key);
    if (this.keys.size > KEYS_KEPT) {
      // Map keeps insertion order: forget the oldest tenth
      let drop = KEYS_KEPT / 10;
      for (const k of this.keys.keys()) {
        this.keys.delete(k);
        if (--drop <= 0) break;
      }
    }
  }

  private context(broker: AmqpBroker): GoalContext {
    return { inspect: broker.inspect, keyOf: (id) => this.keys.get(id) };
  }
}
