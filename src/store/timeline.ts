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

/** A world snapshot at a virtual time, to rewind to. */
export interface Checkpoint {
  t: number;
  snap: WorldSnapshot;
}

export class Timeline {
  inputs: TimedInput[] = [];
  /** index of the next input to apply (inputs before it are in the world already) */
  cursor = 0;
  private checkpoints: Checkpoint[] = [];
  lastCheckpointAt = 0;
  /** older checkpoints are kept one per `checkpointEveryMs × stride` of virtual time */
  private stride = 1;

  constructor(
    public initial: Scenario,
    /** a fast-forward spaces its checkpoints further apart (it keeps about as many for a longer span) */
    public checkpointEveryMs = 2000,
    readonly maxCheckpoints = 120,
    /**
     * The most messages all checkpoints may hold together (each has a record of every message the world
     * holds then; the messages themselves, immutable, are shared with the run and between checkpoints):
     * a run with a deep queue keeps fewer checkpoints rather than running out of memory.
     */
    readonly maxWeight = 300_000,
  ) {}

  /** A new input at the world's current time; anything recorded later is discarded. */
  record(t: number, input: WorldInput, steps?: number): void {
    this.inputs.length = this.cursor;
    this.inputs.push(steps === undefined ? { t, input } : { t, steps, input });
    this.cursor = this.inputs.length;
    // a checkpoint taken at this very time does not contain the new input
    this.setCheckpoints(this.checkpoints.filter((c) => c.t < t));
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
    // in time order: after a rewind, the replay takes checkpoints again among the later ones
    // (the same run: one per instant is enough), and rewindTo wants the latest before its target
    let snap: WorldSnapshot;
    try {
      snap = w.snapshot();
    } catch (e) {
      // a broker holding millions of messages is more than one snapshot can hold (a RangeError: the
      // string is too long): no checkpoint then, a rewind replays from an earlier one
      if (e instanceof RangeError) return;
      throw e;
    }
    const cp = { t: w.now, snap };
    const at = this.checkpoints.findIndex((c) => c.t >= cp.t);
    if (at < 0) this.checkpoints.push(cp);
    else if (this.checkpoints[at]!.t === cp.t) this.weight -= weightOf(this.checkpoints.splice(at, 1, cp)[0]!.snap);
    else this.checkpoints.splice(at, 0, cp);
    this.weight += weightOf(cp.snap);
    this.thin();
  }

  /** The checkpoints taken, oldest first (a fast-forward hands its own over). */
  get taken(): readonly Checkpoint[] {
    return this.checkpoints;
  }

  /**
   * Checkpoints taken elsewhere (by a fast-forward of the same run) for the time after `from`: they
   * replace any this timeline had after `from` (the same run, so either would do).
   */
  adopt(from: number, checkpoints: readonly Checkpoint[]): void {
    this.setCheckpoints([...this.checkpoints.filter((c) => c.t <= from), ...checkpoints]);
    this.thin();
    this.lastCheckpointAt = this.checkpoints[this.checkpoints.length - 1]?.t ?? this.lastCheckpointAt;
  }

  /** The messages all checkpoints hold together (see maxWeight). */
  weight = 0;

  /**
   * Keeps memory bounded over a run of any length: the newest half of `maxCheckpoints` stay as
   * taken (a short rewind replays little); older ones are kept one per bucket of virtual time, the
   * buckets doubling until they are at most a quarter (so they cover the whole run evenly: a
   * rewind anywhere replays at most about a bucket). Past `maxWeight`, the buckets grow further,
   * then the newest half is thinned too; the latest checkpoint always stays.
   */
  private thin(): void {
    if (this.checkpoints.length <= this.maxCheckpoints && this.weight <= this.maxWeight) return;
    const split = Math.max(0, this.checkpoints.length - (this.maxCheckpoints >> 1));
    let older = this.checkpoints.slice(0, split);
    let recent = this.checkpoints.slice(split);
    const decimate = (cs: Checkpoint[]) => {
      const bucket = this.checkpointEveryMs * this.stride;
      return cs.filter((c, i) => i === 0 || Math.floor(c.t / bucket) !== Math.floor(cs[i - 1]!.t / bucket));
    };
    const weigh = () => [...older, ...recent].reduce((sum, c) => sum + weightOf(c.snap), 0);
    older = decimate(older);
    while (older.length > this.maxCheckpoints >> 2 || (older.length > 1 && weigh() > this.maxWeight)) {
      this.stride *= 2;
      older = decimate(older);
    }
    while (weigh() > this.maxWeight && older.length + recent.length > 1) {
      if (older.length) older = [];
      else recent = recent.filter((_, i) => i % 2 === 1 || i === recent.length - 1);
    }
    this.setCheckpoints([...older, ...recent]);
  }

  private setCheckpoints(cs: Checkpoint[]): void {
    this.checkpoints = cs;
    this.weight = cs.reduce((sum, c) => sum + weightOf(c.snap), 0);
  }

  /**
   * A world at the latest checkpoint at or before `t` (or a fresh one from the initial
   * scenario), with the input cursor placed after the inputs it already contains.
   */
  rewindTo(t: number): World {
    let cp: Checkpoint | undefined;
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
    this.setCheckpoints([]);
    this.lastCheckpointAt = 0;
    this.stride = 1;
  }
}

/** What a checkpoint costs, in messages held (a record for each; the message itself is shared), plus one for the rest. */
function weightOf(s: WorldSnapshot): number {
  return s.broker.messages.length + s.queue.items.length + 1;
}
