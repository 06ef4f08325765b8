import { describe, expect, it } from 'vitest';
import { galleryList } from '../scenarios';
import { World } from '../sim';
import { workQueue } from '../sim/fixtures';
import { SimController } from './simController';
import { skipAhead } from './skipAhead';
import { inProcessSkipRunner } from './skipRunner';

const noBudget = () => false;

/** Plays `ms` of virtual time in 16 ms frames at `speed` (as the animation-frame driver does). */
function play(c: SimController, ms: number, speed = 10) {
  c.setSpeed(speed);
  c.play();
  const end = c.ui.getState().time + ms;
  while (c.ui.getState().time < end) c.tick(Math.min(16, (end - c.ui.getState().time) / speed), noBudget);
  c.pause();
}

/**
 * Everything a person can see of a run, in comparable form (token ids are per tracker, so left out).
 * The log is a bounded tail: after a skip it holds the traced end of the skipped time, so runs are
 * compared on the rows both hold (`logRows`).
 */
function seen(c: SimController, logRows = c.log.size) {
  const now = c.ui.getState().time;
  return {
    world: c.world.snapshot(),
    live: JSON.parse(JSON.stringify(c.live.getState())),
    samples: c.series.samples,
    log: c.log.entries().slice(-logRows).map((x) => x.e),
    tokens: c.tokens.active(now).map(({ id: _id, ...s }) => s),
    effects: c.tokens.effects.map(({ id: _id, ...e }) => e),
    time: now,
  };
}

describe('World.setTraceAll(false): a run nobody watches is the same run', { timeout: 30_000 }, () => {
  it.each(galleryList().map((g) => [g.id, g] as const))('%s', (_id, g) => {
    const full = World.create(g.scenario);
    const quiet = World.create(g.scenario);
    quiet.drainEvents(); // what creating the world did (before it went quiet)
    quiet.setTraceAll(false);
    // the scenario's "Try it" actions, one every two seconds: crashes, restarts, bursts, stops…
    const actions = g.tryThis.flatMap((x) => (x.action ? [x.action] : []));
    // (the stress scenario, thousands of messages in flight, for a shorter time)
    const until = g.id === 'stress' ? 3500 : 12_000;
    for (let t = 0; t <= until; t += 500) {
      full.advanceTo(t);
      quiet.advanceTo(t);
      const action = t % 2000 === 0 ? actions[t / 2000 - 1] : undefined;
      if (action) {
        full.input(action);
        quiet.input(action);
      }
      full.drainEvents();
      expect(quiet.drainEvents()).toEqual([]);
    }
    expect(quiet.snapshot()).toEqual(full.snapshot());
  });
});

// each test runs a minute or an hour of simulation (twice, to compare): a generous timeout for a busy machine
describe('SimController.skipAhead', { timeout: 30_000 }, () => {
  it('gives the state playing the same time gives: world, figures, charts, log and tokens', async () => {
    const doc = workQueue({ rate: 40, consumers: 3, prefetch: 4, processingMs: 60, jitterMs: 30, latency: 40, seed: 3 });
    doc.apps[1]!.consumers[0]!.failPercent = 20; // nacks with requeue: redeliveries
    const played = new SimController(doc);
    play(played, 3000);
    played.input({ type: 'consumer-crash', consumer: 'app-c2-sub' });
    play(played, 45_000, 100);

    const skipped = new SimController(doc);
    play(skipped, 3000);
    skipped.input({ type: 'consumer-crash', consumer: 'app-c2-sub' });
    expect(await skipped.skipAhead(45_000, inProcessSkipRunner)).toBe(true);
    // the skip traced the end: enough rows to fill most of the log
    expect(skipped.log.size).toBeGreaterThan(2500);
    expect(seen(skipped)).toEqual(seen(played, skipped.log.size));
    expect(skipped.ui.getState()).toMatchObject({ time: 48_000, horizon: 48_000, skip: null, playing: false });
  });

  // the gallery's scenarios (confirms, returns, dead-lettering, TTL, priorities, restarts…), skipped
  // and played: the same world (its whole state) and chart samples
  it.each(['publisher-confirms', 'dead-letter-retry', 'mandatory-returns', 'priority-queue', 'max-length-overflow', 'work-queues-speeds'])('gives the world playing gives: %s', async (id) => {
    const g = galleryList().find((x) => x.id === id)!;
    const played = new SimController(g.scenario);
    // (longer than the traced end of a skip, at most a minute: most of it runs untraced)
    play(played, 150_000, 100);
    const skipped = new SimController(g.scenario);
    expect(await skipped.skipAhead(150_000, inProcessSkipRunner)).toBe(true);
    expect(skipped.world.snapshot()).toEqual(played.world.snapshot());
    expect(skipped.series.samples).toEqual(played.series.samples);
    expect(skipped.ui.getState()).toMatchObject({ time: 150_000, horizon: 150_000 });
  });

  it('replays the inputs recorded in the skipped time (a rewound run), and the timeline rewinds into it', async () => {
    const doc = workQueue({ rate: 30, consumers: 2, prefetch: 2, processingMs: 50, jitterMs: 20, latency: 30, seed: 9 });
    const c = new SimController(doc);
    play(c, 2000);
    c.input({ type: 'consumer-stop', consumer: 'app-c1-sub' });
    play(c, 40_000, 100);
    c.input({ type: 'burst', publisher: 'app-p-pub', count: 50 });
    play(c, 20_000, 100);
    const played = seen(c);

    c.seek(1000);
    expect(await c.skipAhead(61_000, inProcessSkipRunner)).toBe(true);
    const rows = Math.min(c.log.size, 2000);
    expect(seen(c, rows)).toEqual({ ...played, log: played.log.slice(-rows) });
    // back into the skipped span and forward again: the same run (the log, a bounded tail, depends
    // on the checkpoint a rewind starts from, so it is left out)
    const atMid = (x: SimController) => ({ ...seen(x), log: null });
    c.seek(30_000);
    const mid = atMid(c);
    c.seek(61_000);
    c.seek(30_000);
    expect(atMid(c)).toEqual(mid);
  });

  it('can be cancelled: the simulation stays where it was', async () => {
    const c = new SimController(workQueue({ rate: 50, consumers: 2, latency: 20 }));
    play(c, 1000);
    const before = seen(c);
    const world = c.world;
    let reports = 0;
    const runner: typeof inProcessSkipRunner = (req, onProgress) => {
      const job = inProcessSkipRunner(req, (t) => {
        onProgress(t);
        expect(c.ui.getState().skip).toMatchObject({ from: 1000, to: 601_000, at: t });
        if (++reports === 5) c.cancelSkip();
      });
      return job;
    };
    const cancel = runner;
    expect(await c.skipAhead(600_000, cancel)).toBe(false);
    expect(reports).toBe(5);
    expect(c.world).toBe(world);
    expect(c.ui.getState().skip).toBeNull();
    expect(seen(c)).toEqual(before);
  });

  it('stops early, and says so, when the broker holds more messages than a skip carries back', async () => {
    // a producer and no consumer: the queue only grows
    const doc = workQueue({ rate: 500, consumers: 0, latency: 20 });
    const c = new SimController(doc);
    const runner: typeof inProcessSkipRunner = (req, onProgress) => inProcessSkipRunner({ ...req, maxMessages: 10_000 }, onProgress);
    expect(await c.skipAhead(3_600_000, runner)).toBe(true);
    const { time, skipStopped } = c.ui.getState();
    expect(time).toBeGreaterThan(19_000);
    expect(time).toBeLessThan(23_000);
    expect(skipStopped).toEqual({ at: time, messages: c.world.broker.inspect.queue('work')!.ready });
    expect(skipStopped!.messages).toBeGreaterThan(10_000);
    c.play();
    expect(c.ui.getState().skipStopped).toBeNull();
  });

  it('drops a result when the run changed meanwhile', async () => {
    const c = new SimController(workQueue({ rate: 5, consumers: 1, latency: 20 }));
    const pending = c.skipAhead(10_000, inProcessSkipRunner);
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    expect(await pending).toBe(false);
    expect(c.ui.getState().time).toBe(0);
  });

  it('is not offered while a program runs (its turns come from the page), nor when a recorded start is ahead', async () => {
    const c = new SimController(workQueue({ rate: 5, consumers: 1, latency: 20 }));
    // a program runtime that is still computing every turn (as a Web Worker would be)
    c.attachPrograms({ onComputed: null, clear: () => {}, release: () => {}, turn: () => null });
    play(c, 1000);
    expect(c.programsInRun).toBe(false);
    c.input({ type: 'program-start', program: { file: 'worker.js', source: '', args: [], seed: 1 } });
    expect(c.programsInRun).toBe(true);
    await expect(c.skipAhead(10_000, inProcessSkipRunner)).rejects.toThrow(/programs/);
    expect(c.ui.getState().skip).toBeNull();
    // rewound to before the start: it is ahead in the recorded run, and a skip would replay it
    c.seek(500);
    expect([...c.world.programs.values()].some((p) => p.state === 'running')).toBe(false);
    expect(c.programsInRun).toBe(true);
  });

  it('keeps bounded summaries of an hour: checkpoints, chart samples and the end of the trace', () => {
    const doc = workQueue({ rate: 20, consumers: 2, prefetch: 5, processingMs: 40, jitterMs: 10, latency: 30 });
    const c = new SimController(doc);
    const w = c.world;
    const result = skipAhead({ world: w.snapshot(), inputs: [], lastSample: c.series.samples[0]!, lastCheckpointAt: 0, to: 3_600_000, margin: 181, logCapacity: 5000 });
    expect(result).not.toBeNull();
    const r = result!;
    expect(r.world.now).toBe(3_600_000);
    // about sixty over the span, the last one at the end
    expect(r.checkpoints.length).toBeGreaterThanOrEqual(59);
    expect(r.checkpoints.length).toBeLessThanOrEqual(61);
    expect(r.checkpoints.at(-1)!.t).toBe(3_600_000);
    expect(r.samples.length).toBeLessThanOrEqual(c.series.capacity);
    // the samples still span the hour (older ones thinned), ending at the end
    expect(r.samples[0]!.t).toBeLessThan(60_000);
    expect(r.samples.at(-1)!.t).toBe(3_600_000);
    expect(r.events.length).toBeLessThanOrEqual(5000);
    expect(r.events.length).toBeGreaterThan(4000);
    expect(r.events[0]!.t).toBeGreaterThan(3_600_000 - 60_000);
  });
});
