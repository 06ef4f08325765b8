import { createStore } from 'zustand/vanilla';
import type { Position, Scenario } from '../model';
import { World, type WorldEvent, type WorldInput } from '../sim';
import type { TurnOutput } from '../sim/programs';
import { redeclaredQueues } from './editEffects';
import { EventLog } from './eventLog';
import { createLiveStore } from './liveCounts';
import { syncLive } from './liveSync';
import { programConnection } from './liveLanes';
import { INITIAL_PLAYBACK, MAX_SPEED, type MessageRef, MIN_SPEED, type PlaybackState, type ProgramTurns } from './playbackState';
import { loadProgramLayout, NO_EXTRAS, type ProgramExtras, ProgramView, withExtras } from './programView';
import { simRelevantChange } from './relevance';
import { advanceRun, applyInput, inputComesFirst, type Run } from './runLoop';
import { Series } from './series';
import type { SkipRequest, SkipResult } from './skipAhead';
import { type SkipRunner, workerSkipRunner } from './skipRunner';
import { SkipSession } from './skipSession';
import { type TimedInput, Timeline } from './timeline';
import { TokenTracker } from './tokens';

/** World steps one completed program turn may run on at once (the rest waits for the next frame). */
const RESUME_STEPS = 2000;

/**
 * The simulation as the UI drives it: one world, played, paused, stepped, sped up and rewound.
 * The only bridge between the engine and the React components: they read the playback store
 * (`ui`), the live figures (`live`) and, once per frame, the tokens, log and series.
 */
export class SimController {
  readonly ui = createStore<PlaybackState>(() => ({ ...INITIAL_PLAYBACK }));
  readonly live = createLiveStore();
  readonly tokens = new TokenTracker();
  readonly log = new EventLog();
  readonly series = new Series();
  /** what programs add to the picture (their apps, and what they declared), for the canvas */
  readonly extras = createStore<{ extras: ProgramExtras }>(() => ({ extras: NO_EXTRAS }));
  private readonly programView = new ProgramView(() => {
    this.dirty = true;
  });
  private turns: ProgramTurns | null = null;
  /** the work a program turn interrupted: resumed when the turn completes */
  private interrupted: { target: number; maxSteps: number } | null = null;
  /** what the person did while a program turn was being computed: applied when it completes */
  private deferred: WorldInput[] = [];
  /** program turns moved the world since the UI stores were last published (they are, on the next frame) */
  private dirty = false;
  world: World;
  /** What the last edit dropped of the recorded run (it was made while rewound), or null: the app says so. */
  droppedByLastEdit: { at: number; until: number; inputs: number } | null = null;
  /** The run an edit in the past dropped, until something else is done: Undo of that edit brings it back. */
  private dropped: { before: Scenario; inputs: TimedInput[]; horizon: number; index: number } | null = null;
  private doc: Scenario;
  private timeline: Timeline;
  /** virtual ms a token may take: a rewind starts this much earlier so that tokens in flight reappear */
  private get replayMargin(): number {
    return 6 * this.doc.broker.hopLatencyMs + 1;
  }

  constructor(doc: Scenario) {
    this.doc = doc;
    this.timeline = new Timeline(doc);
    this.world = World.create(doc);
    this.absorb(this.world.drainEvents());
    this.series.take(this.world);
    syncLive(this.live, this.world);
  }

  get scenario(): Scenario {
    return this.doc;
  }

  // ---------------------------------------------------------------- playback
  play(): void {
    this.ui.setState({ playing: true, skipStopped: null });
  }
  pause(): void {
    this.ui.setState({ playing: false });
  }
  toggle(): void {
    this.ui.setState((s) => ({ playing: !s.playing }));
  }
  setSpeed(speed: number): void {
    this.ui.setState({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
  }

  /** Runs the next event only (a broker timer, a client action or a recorded input), and pauses. */
  step(): void {
    this.ui.setState({ playing: false, catchUpTo: null });
    const w = this.world;
    // a program is computing the step before: this one waits for it
    if (w.blocked) return;
    const input = this.timeline.inputs[this.timeline.cursor];
    const next = Math.min(w.nextEventAt(), input?.t ?? Number.POSITIVE_INFINITY);
    if (!Number.isFinite(next)) return;
    this.sampleUpTo(next);
    if (input && inputComesFirst(w, input)) applyInput(this.run, input);
    else w.step();
    if (!w.blocked) this.timeline.maybeCheckpoint(w);
    this.absorb(w.drainEvents());
    this.publish();
  }

  /** Back to time 0 with the current document (the recorded run is dropped). */
  reset(): void {
    this.startOver(this.doc, []);
    this.ui.setState((s) => ({ time: 0, horizon: 0, epoch: s.epoch + 1, selected: null, catchUpTo: null, skipStopped: null }));
    this.publish();
  }

  /** A fresh world at time 0 from `initial`, with `inputs` recorded ahead; what was drawn of the old run goes. */
  private startOver(initial: Scenario, inputs: readonly TimedInput[]): void {
    this.dropped = null;
    this.timeline.reset(initial);
    this.timeline.inputs = inputs.map((i) => ({ ...i }));
    this.turns?.clear();
    this.programView.reset();
    this.interrupted = null;
    this.deferred = [];
    this.world = this.adopt(World.create(initial));
    this.tokens.reset();
    this.log.clear();
    this.series.clear();
    this.absorb(this.world.drainEvents());
    this.series.take(this.world);
  }

  /** Moves to virtual time `t` on the recorded timeline (back: restore and replay; forward: run). */
  seek(t: number): void {
    if (this.ui.getState().catchUpTo !== null) this.ui.setState({ catchUpTo: null });
    const target = Math.max(0, Math.min(t, Math.max(this.ui.getState().horizon, this.world.now)));
    if (target < this.world.now || (this.world.blocked && target <= this.world.now)) this.rewindBefore(target);
    this.advance(target, () => false);
    this.publish();
  }

  /** Restores the world from the timeline to a moment before `target` (tokens in flight then reappear). */
  private rewindBefore(target: number): void {
    this.interrupted = null;
    this.world = this.adopt(this.timeline.rewindTo(Math.max(0, target - this.replayMargin)));
    this.tokens.reset();
    const fresh = this.world.drainEvents();
    // a checkpoint holds what happened up to its time; a fresh world replays from scratch
    const keepUpTo = fresh.length ? -1 : this.world.now;
    this.log.truncateAfter(keepUpTo);
    this.series.truncateAfter(keepUpTo);
    this.absorb(fresh);
    if (fresh.length) this.series.take(this.world);
    this.ui.setState((s) => ({ epoch: s.epoch + 1 }));
  }

  /** Something the user did now (publish, stop a consumer, restart the broker…): recorded for replays. Returns what it caused. */
  input(cmd: WorldInput): WorldEvent[] {
    this.dropped = null;
    if (this.ui.getState().catchUpTo !== null) this.ui.setState({ catchUpTo: null });
    // a program turn is being computed: what the person did happens right after it
    if (this.world.blocked) {
      this.deferred.push(cmd);
      return [];
    }
    // a program starting: what draws it on the canvas loads while its first turn is computed
    if (cmd.type === 'program-start') void loadProgramLayout();
    this.timeline.record(this.world.now, cmd, this.world.steps);
    this.world.input(cmd);
    this.ui.setState({ horizon: this.world.now });
    const events = this.world.drainEvents();
    this.absorb(events);
    // a program started (or was asked to stop) runs its first turns now, even while paused: it
    // connects and declares at once, as a process does, in no virtual time
    if (cmd.type === 'program-start' || cmd.type === 'program-stop') this.advance(this.world.now, () => false);
    this.publish();
    return events;
  }

  /**
   * The editor's document changed: AMQP operations on the running broker (or a fresh world at time 0).
   * Returns the queues the edit deleted and declared again (AMQP cannot change a queue's arguments in
   * place), with the ready messages each lost, so that the editor can say so.
   */
  setDocument(doc: Scenario): { queue: string; lost: number }[] {
    const before = this.doc;
    this.doc = doc;
    // programs' nodes are placed around the document's (tidy layout moves those): paused, no frame
    // would publish them again, and they would stay where they were, under the moved ones
    this.dirty = true;
    this.droppedByLastEdit = null;
    if (!simRelevantChange(before, doc)) return [];
    if (this.world.now === 0 && this.timeline.inputs.length === 0) {
      this.reset();
      return [];
    }
    const d = this.dropped;
    if (d && this.timeline.inputs.length === d.index + 1 && !simRelevantChange(d.before, doc)) {
      this.restoreDropped(d);
      return [];
    }
    // an edit in the past replaces the recorded future: kept aside until something else is done
    const horizon = this.ui.getState().horizon;
    const now = this.world.now;
    const { inputs, cursor } = this.timeline;
    const drop = now < horizon ? { before, inputs: inputs.map((i) => ({ ...i })), horizon, index: cursor } : null;
    const lost = redeclaredQueues(this.input({ type: 'scenario', scenario: doc }));
    if (drop) {
      this.dropped = drop;
      this.droppedByLastEdit = { at: now, until: horizon, inputs: inputs.length - cursor };
    }
    return lost;
  }

  /** Undo of an edit made in the past: the run it had dropped comes back, at the same moment. */
  private restoreDropped(d: { inputs: TimedInput[]; horizon: number; index: number }): void {
    this.dropped = null;
    const now = this.world.now;
    const edit = this.timeline.inputs[d.index]!;
    this.timeline.restoreInputs(d.inputs, edit.t);
    this.ui.setState({ horizon: Math.max(d.horizon, now) });
    this.rewindBefore(now);
    this.advance(now, () => false);
    this.publish();
  }

  /** Called by the animation-frame driver: moves virtual time by `dtWall × speed` within a work budget. */
  tick(dtWallMs: number, overBudget: () => boolean): void {
    // a program turn is being computed: time waits for it (its completion carries on)
    if (this.world.blocked) {
      if (this.dirty) this.publish();
      return;
    }
    const { playing, speed, catchUpTo, skip } = this.ui.getState();
    if (skip) return;
    if (catchUpTo !== null) {
      this.advance(catchUpTo, overBudget, this.catchUpSteps);
      if (this.world.now >= catchUpTo) this.ui.setState({ catchUpTo: null });
      this.publish();
      return;
    }
    if (!playing) {
      if (this.dirty) this.publish();
      return;
    }
    this.advance(this.world.now + dtWallMs * speed, overBudget);
    this.publish();
  }

  // ---------------------------------------------------------------- a shared run
  /** The run as a link carries it: where it started, what the person did, and the time on screen. */
  runSoFar(): { initial: Scenario; inputs: TimedInput[]; at: number; steps: number } {
    return { initial: this.timeline.initial, inputs: this.timeline.inputs.map((i) => ({ ...i })), at: this.ui.getState().time, steps: this.world.steps };
  }

  /** How many inputs the recorded run holds (what a person did during it). */
  get inputCount(): number {
    return this.timeline.inputs.length;
  }

  /** A shared run catching up stops after as many events as the teacher's world had run (several can share its last instant). */
  private catchUpSteps = Number.POSITIVE_INFINITY;

  /**
   * Opens a shared run paused at `at`: the world starts again from `initial` with the recorded inputs,
   * and catches up over the next frames (a frame's work budget at a time, so a long run never freezes
   * the page). Inputs recorded after `at` happen when the run is played on.
   */
  loadRun(run: { initial: Scenario; inputs: readonly TimedInput[]; at: number; steps?: number }): void {
    this.catchUpSteps = run.steps ?? Number.POSITIVE_INFINITY;
    this.startOver(run.initial, run.inputs);
    this.ui.setState((s) => ({ playing: false, time: 0, horizon: run.at, epoch: s.epoch + 1, selected: null, catchUpTo: run.at }));
    this.publish();
  }

  // ---------------------------------------------------------------- skip ahead
  private readonly skips = new SkipSession(this.ui, {
    request: (ms) => {
      const w = this.world;
      const req: SkipRequest = {
        world: w.snapshot(),
        inputs: this.timeline.inputs.slice(this.timeline.cursor),
        lastSample: this.series.samples[this.series.samples.length - 1] ?? null,
        lastCheckpointAt: this.timeline.lastCheckpointAt,
        to: w.now + ms,
        margin: this.replayMargin,
        logCapacity: this.log.capacity,
      };
      // what the skip starts from: if any of it changed before the result is back, the result is
      // stale (an edit the simulation does not see, a node moved or measured, is no change to the run)
      const started = { steps: w.steps, inputs: this.timeline.inputs.length, cursor: this.timeline.cursor, doc: this.doc };
      const stillSame = () =>
        this.world === w && w.steps === started.steps && this.timeline.inputs.length === started.inputs && this.timeline.cursor === started.cursor && !simRelevantChange(started.doc, this.doc);
      return { req, from: w.now, stillSame };
    },
    adopt: (from, r) => this.adoptSkip(from, r),
  });

  /**
   * Runs the simulation `ms` of virtual time ahead without animating it (in a worker: see
   * skipAhead.ts), then shows the state at that moment, with the charts filled in and the timeline
   * rewindable into the skipped time. Resolves to whether the skip was adopted (false when it was
   * cancelled, or the run changed meanwhile).
   */
  async skipAhead(ms: number, runner: SkipRunner = workerSkipRunner): Promise<boolean> {
    if (ms > 0 && this.programsInRun) throw new Error('programs are running: a skip ahead cannot compute their turns');
    return this.skips.start(ms, runner);
  }

  /**
   * Whether programs run in this run (now, or from a recorded start ahead): their turns come from
   * the page's program runtime (Web Workers, asynchronously), which a skip, run in a worker of its
   * own without animating, does not have. Skip ahead is not offered then.
   */
  get programsInRun(): boolean {
    for (const p of this.world.programs.values()) if (p.state === 'running') return true;
    const { inputs, cursor } = this.timeline;
    for (let i = cursor; i < inputs.length; i++) if (inputs[i]!.input.type === 'program-start') return true;
    return false;
  }

  /** Stops a skip under way; the simulation stays where it was. */
  cancelSkip(): void {
    this.skips.cancel();
  }

  /** The skip's result becomes the run: its world, checkpoints, chart samples and the end of its trace. */
  private adoptSkip(from: number, r: SkipResult): void {
    this.world = this.adopt(World.restore(r.world));
    this.timeline.cursor += r.inputsApplied;
    this.timeline.adopt(from, r.checkpoints);
    this.series.append(r.samples);
    // the log keeps its most recent rows: the skip's last events follow the ones before it
    this.tokens.reset();
    this.absorb(r.events);
    if (r.stoppedEarly) this.ui.setState({ skipStopped: { at: this.world.now, messages: r.stoppedEarly.messages } });
    this.publish();
  }

  // ---------------------------------------------------------------- internals
  /** The run as the shared loop (runLoop.ts) advances it. */
  private get run(): Run {
    return { world: this.world, timeline: this.timeline, series: this.series };
  }

  /** Runs the world up to `target` within the frame's work budget (see advanceRun). */
  private advance(target: number, overBudget: () => boolean, maxSteps = Number.POSITIVE_INFINITY): void {
    // a program computes a turn: carry on from here when it is done
    if (advanceRun(this.run, target, overBudget, maxSteps) === 'blocked') this.interrupted = { target, maxSteps };
    this.absorb(this.world.drainEvents());
  }

  /** Takes the chart samples due before `t` (time moves to each sample's instant; nothing else happens). */
  private sampleUpTo(t: number): void {
    while (!this.world.blocked && this.series.nextDue() < t && this.world.nextEventAt() >= this.series.nextDue()) {
      this.world.advanceTo(this.series.nextDue());
      this.series.take(this.world);
    }
  }

  private absorb(events: WorldEvent[]): void {
    if (!events.length) return;
    this.log.append(events);
    const extras = this.programView.build(this.doc, this.world);
    this.tokens.ingest(events, withExtras(this.doc, extras), this.doc.broker.hopLatencyMs, (n) => this.world.connIndex.get(n) ?? programConnection(this.world, n));
  }

  // ---------------------------------------------------------------- programs
  /** Lets programs run: `turns` computes their turns (the controller's worlds ask it). */
  attachPrograms(turns: ProgramTurns): void {
    this.turns = turns;
    turns.onComputed = (runKey, index, out) => this.turnComputed(runKey, index, out);
    this.world.turns = turns;
  }

  /** What computes program turns (null until programs are attached). */
  get programTurns(): ProgramTurns | null {
    return this.turns;
  }

  private adopt(w: World): World {
    w.turns = this.turns;
    return w;
  }

  /** Moves the program view along with the person's drag (overlay nodes are not in the document). */
  get programPositions(): Map<string, Position> {
    return this.programView.moved;
  }

  /** A program turn the world waited for is ready: the world moves on, and so does what it interrupted. */
  private turnComputed(runKey: string, index: number, out: TurnOutput): void {
    const w = this.world;
    if (!w.completeTurn(runKey, index, out)) return;
    this.absorb(w.drainEvents());
    let steps = 0;
    const overBudget = () => ++steps > RESUME_STEPS;
    while (!w.blocked && this.deferred.length) this.input(this.deferred.shift()!);
    const work = this.interrupted;
    this.interrupted = null;
    if (work && !w.blocked) this.advance(work.target, overBudget, work.maxSteps);
    if (!w.blocked) this.timeline.maybeCheckpoint(w);
    if (this.ui.getState().catchUpTo !== null && w.now >= this.ui.getState().catchUpTo!) this.ui.setState({ catchUpTo: null });
    // the UI hears of it on the next animation frame (turns can complete hundreds of times a second)
    this.dirty = true;
  }

  /** Pushes time, counters and figures to the UI stores (once per frame). */
  private publish(): void {
    this.dirty = false;
    const now = this.world.now;
    this.tokens.prune(now);
    syncLive(this.live, this.world);
    const extras = this.programView.build(this.doc, this.world);
    if (extras !== this.extras.getState().extras) this.extras.setState({ extras });
    this.ui.setState((s) => ({ time: now, horizon: Math.max(s.horizon, now), logTick: this.log.total }));
  }

  select(ref: MessageRef | null): void {
    this.ui.setState({ selected: ref });
  }

  private frameListeners = new Set<(now: number) => void>();

  /** Called once per animation frame (after the tick): layers that draw every frame listen here. */
  onFrame(listener: (now: number) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  frame(): void {
    const now = this.world.now;
    for (const l of this.frameListeners) l(now);
  }
}

// what the UI imports of the run, from one place
export { MAX_SPEED, type MessageRef, MIN_SPEED, type PlaybackState, type ProgramTurns } from './playbackState';
export type { WorldEvent };
