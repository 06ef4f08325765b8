import { World, type WorldEvent, type WorldSnapshot } from '../sim';
import { advanceRun, type Run } from './runLoop';
import { type Sample, Series } from './series';
import { type Checkpoint, type TimedInput, Timeline } from './timeline';

/**
 * "Skip ahead": the run goes on for a minute, ten minutes or an hour of virtual time without
 * being animated, in a worker (skipAhead.worker.ts), and the app then shows the state at that
 * moment. It is the same run as playing that long: the same loop (runLoop.ts) from the same world
 * with the same recorded inputs, every simulated client, jitter draw and broker timer included.
 *
 * What makes it fast is what nobody watches: until the last stretch the world records no trace
 * (World.setTraceAll(false): the clients still get everything the broker sends them). What comes
 * back is bounded, however long the span: the chart samples (thinned past their capacity), about
 * sixty checkpoints to rewind to, the final world, and the end of the trace, traced for real (the
 * log's last rows, and every event the tokens in flight at the end come from).
 */
export const SKIP_SPANS = [60_000, 600_000, 3_600_000] as const;

/**
 * The traced stretch at the end is long enough to fill the log (estimated from the events run so
 * far) and to hold every token in flight at the end, and at most this long (a quiet run's log may
 * then be short: its earlier rows were never recorded).
 */
export const MAX_TRACED_TAIL_MS = 60_000;
/** Virtual time between progress reports (and cancel checks). */
const CHUNK_MS = 1000;
/** Checkpoints no closer than playing takes them. */
const MIN_CHECKPOINT_MS = 2000;
/** About this many checkpoints over the span, so that a rewind into it replays at most span / 60. */
const CHECKPOINTS_PER_SPAN = 60;
/**
 * The most messages the checkpoints may hold together: they are copied to the page, so a run with
 * a deep queue (every checkpoint copies it) comes back with fewer of them (a rewind into the
 * skipped time then replays further).
 */
const CHECKPOINT_WEIGHT = 100_000;
/**
 * A skip stops early when the broker holds more messages than this (queues that only grow: no
 * consumer, or consumers far slower than the producers): every one must be carried back to the page
 * and kept in its checkpoints, and a few million would not fit in the browser's memory.
 */
export const MAX_SKIP_MESSAGES = 300_000;

/** Trace events per event run, at least (about 1.5 in a work queue): the estimate errs on the long side. */
const EVENTS_PER_STEP = 1;

export interface SkipRequest {
  /** the world at the moment the skip starts */
  world: WorldSnapshot;
  /** recorded inputs not applied yet (the future of a rewound run), in order */
  inputs: TimedInput[];
  /** the last chart sample taken (the next is due one interval later), if any */
  lastSample: Sample | null;
  lastCheckpointAt: number;
  /** the virtual time to reach */
  to: number;
  /** every event of this many ms before `to` comes back (the tokens in flight at `to` started within it) */
  margin: number;
  /** at least this many of the last events come back (the log's capacity) */
  logCapacity: number;
  /** stop early past this many messages held by the broker (default MAX_SKIP_MESSAGES) */
  maxMessages?: number;
}

export interface SkipResult {
  world: WorldSnapshot;
  /** how many of the request's inputs were applied */
  inputsApplied: number;
  checkpoints: Checkpoint[];
  /** chart samples taken after the request's last one */
  samples: Sample[];
  /** the end of the trace, oldest first */
  events: WorldEvent[];
  /** set when the skip stopped before `to` because the broker held too many messages (see MAX_SKIP_MESSAGES) */
  stoppedEarly?: { messages: number };
}

/** Messages the broker holds: ready and unacked in its queues. */
function messagesHeld(w: World): number {
  let n = 0;
  for (const q of w.broker.inspect.queues()) n += q.ready + q.unacked;
  return n;
}

/**
 * Runs the skip. `progress` is told the virtual time reached after each chunk; returning false
 * cancels (the result is then null). Pure apart from that: a unit test runs it in-process.
 */
export function skipAhead(req: SkipRequest, progress?: (t: number) => boolean | undefined): SkipResult | null {
  const world = World.restore(req.world);
  const from = world.now;
  let to = Math.max(from, req.to);
  let stoppedEarly: SkipResult['stoppedEarly'];
  /** Stops the skip here when the broker holds too many messages (the end moves to now). */
  const tooBig = () => {
    const messages = messagesHeld(world);
    if (messages <= (req.maxMessages ?? MAX_SKIP_MESSAGES)) return false;
    stoppedEarly = { messages };
    to = world.now;
    return true;
  };
  const timeline = new Timeline(req.world.scenario, Math.max(MIN_CHECKPOINT_MS, Math.round((to - from) / CHECKPOINTS_PER_SPAN)), 2 * CHECKPOINTS_PER_SPAN, CHECKPOINT_WEIGHT);
  timeline.inputs = req.inputs.map((i) => ({ ...i }));
  timeline.lastCheckpointAt = req.lastCheckpointAt;
  const series = new Series();
  if (req.lastSample) series.samples = [req.lastSample];
  const run: Run = { world, timeline, series };
  const never = () => false;

  // the traced tail: the log's worth of events at the rate seen so far, within the margin and the maximum
  const steps0 = world.steps;
  const tracedFrom = () => {
    const ran = world.now - from;
    const perMs = ran > 0 ? (world.steps - steps0) / ran : 0;
    const forLog = perMs > 0 ? req.logCapacity / (perMs * EVENTS_PER_STEP) : MAX_TRACED_TAIL_MS;
    return Math.max(from, to - Math.max(req.margin, Math.min(MAX_TRACED_TAIL_MS, forLog)));
  };
  world.setTraceAll(false);
  for (let until = tracedFrom(); world.now < until; until = tracedFrom()) {
    advanceRun(run, Math.min(until, world.now + CHUNK_MS), never);
    world.drainEvents();
    if (tooBig()) break;
    // a deep queue makes every checkpoint heavy: take them further apart rather than take and drop them
    if (timeline.weight > CHECKPOINT_WEIGHT / 2) timeline.checkpointEveryMs *= 2;
    if (progress?.(world.now) === false) return null;
  }

  world.setTraceAll(true);
  let events: WorldEvent[] = [];
  const keepFrom = to - req.margin;
  while (world.now < to) {
    advanceRun(run, Math.min(to, world.now + CHUNK_MS), never);
    for (const e of world.drainEvents()) events.push(e);
    if (tooBig()) break;
    if (events.length > 2 * req.logCapacity) events = trimmed(events, keepFrom, req.logCapacity);
    if (progress?.(world.now) === false) return null;
  }

  return {
    world: world.snapshot(),
    inputsApplied: timeline.cursor,
    checkpoints: [...timeline.taken],
    samples: req.lastSample ? series.samples.slice(1) : series.samples,
    events: trimmed(events, keepFrom, req.logCapacity),
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
}

/** Drops the oldest events that are neither within the margin nor among the last `capacity`. */
function trimmed(events: WorldEvent[], keepFrom: number, capacity: number): WorldEvent[] {
  let cut = events.length - capacity;
  if (cut <= 0) return events;
  const firstKept = events.findIndex((e) => e.t >= keepFrom);
  if (firstKept >= 0) cut = Math.min(cut, firstKept);
  return cut > 0 ? events.slice(cut) : events;
}
