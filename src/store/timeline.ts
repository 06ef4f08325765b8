import { World, type WorldInput, type WorldSnapshot } from '../sim';
import type { Scenario } from '../model';

/**
 * The run as a timeline: the scenario it started from, every input with its virtual time, and
 * checkpoints (world snapshots) along the way. Going back is restoring the last checkpoint
 * before the target and replaying the recorded inputs up to it: the world is deterministic, so
 * the replay is the same run. Doing something new in the past drops the recorded future.
 */
export interface TimedInput {
  t: number;
  /** events the world had run when the input came (World.steps); absent in old or hand-made runs */
  steps?: number;
  input: WorldInput;
}

export class Timeline {
  inputs: TimedInput[] = [];
  /** index of the next input to apply (inputs before it are in the world already) */
  cursor = 0;
  private checkpoints: { t: number; snap: WorldSnapshot }[] = [];
  private lastCheckpointAt = 0;

  constructor(
    public initial: Scenario,
    readonly checkpointEveryMs = 2000,
    readonly maxCheckpoints = 120,
  ) {}

  /** A new input at the world's current time; anything recorded later is discarded. */
  record(t: number, input: WorldInput, steps?: number): void {
    this.inputs.length = this.cursor;
    this.inputs.push(steps === undefined ? { t, input } : { t, steps, input });
    this.cursor = this.inputs.length;
    // a checkpoint taken at this very time does not contain the new input
    this.checkpoints = this.checkpoints.filter((c) => c.t < t);
    this.lastCheckpointAt = this.checkpoints[this.checkpoints.length - 1]?.t ?? 0;
  }

  /**
   * Puts back inputs an input recorded at `from` had replaced (undoing an edit made in the past):
   * checkpoints taken since hold that input, so they go.
   */
  restoreInputs(inputs: TimedInput[], from: number): void {
    this.inputs = inputs;
    this.checkpoints = this.checkpoints.filter((c) => c.t < from);
    this.lastCheckpointAt = this.checkpoints[this.checkpoints.length - 1]?.t ?? 0;
  }

  /** The next recorded input due at or before `t`, if any. */
  nextInput(t: number): TimedInput | undefined {
    const i = this.inputs[this.cursor];
    return i && i.t <= t ? i : undefined;
  }

  nextInputTime(): number {
    return this.inputs[this.cursor]?.t ?? Number.POSITIVE_INFINITY;
  }

  /** Keeps a snapshot now and then (thinning old ones so that memory stays bounded). */
  maybeCheckpoint(w: World): void {
    // a world waiting for a program turn is between two halves of a step: no snapshot of that
    if (w.blocked || w.now - this.lastCheckpointAt < this.checkpointEveryMs) return;
    this.lastCheckpointAt = w.now;
    this.checkpoints.push({ t: w.now, snap: w.snapshot() });
    if (this.checkpoints.length > this.maxCheckpoints) {
      // keep the recent half dense, thin the older half
      const half = this.checkpoints.length >> 1;
      this.checkpoints = [...this.checkpoints.slice(0, half).filter((_, i) => i % 2 === 0), ...this.checkpoints.slice(half)];
    }
  }

  /**
   * A world at the latest checkpoint at or before `t` (or a fresh one from the initial
   * scenario), with the input cursor placed after the inputs it already contains.
   */
  rewindTo(t: number): World {
    let cp: { t: number; snap: WorldSnapshot } | undefined;
    for (const c of this.checkpoints) if (c.t <= t) cp = c;
    const w = cp ? World.restore(cp.snap) : World.create(this.initial);
    const from = cp?.t ?? 0;
    // inputs at the checkpoint's own time were applied before it was taken (inputs run first)
    this.cursor = this.inputs.findIndex((i) => (cp ? i.t > from : i.t >= 0));
    if (this.cursor < 0) this.cursor = this.inputs.length;
    this.lastCheckpointAt = from;
    return w;
  }

  reset(initial: Scenario): void {
    this.initial = initial;
    this.inputs = [];
    this.cursor = 0;
    this.checkpoints = [];
    this.lastCheckpointAt = 0;
  }
}
