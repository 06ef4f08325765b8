import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../model';
import { World, type WorldEvent } from '../../sim';
import type { ProgramSpec, TurnInput, TurnOutput } from '../../sim/programs';
import { InProcessEngine } from './inProcess';
import { type ProgramEngine, TurnLog } from './turnLog';

const PRODUCER = `
const amqp = require('amqplib');
(async () => {
  const c = await amqp.connect();
  const ch = await c.createChannel();
  await ch.assertQueue('work', { durable: false });
  let n = 0;
  setInterval(() => ch.sendToQueue('work', Buffer.from('job ' + (++n) + ' ' + Math.random().toFixed(3))), 250);
})();`;

const WORKER = `
const amqp = require('amqplib');
(async () => {
  const c = await amqp.connect();
  const ch = await c.createChannel();
  await ch.assertQueue('work', { durable: false });
  await ch.prefetch(2);
  ch.consume('work', (msg) => {
    console.log('got', msg.content.toString());
    setTimeout(() => ch.ack(msg), 200 + Math.floor(Math.random() * 600));
  });
})();`;

/** Counts the turns the engine really computes (the rest come from the log). */
class Counting implements ProgramEngine {
  computed = 0;
  constructor(private readonly inner: ProgramEngine) {}
  compute(run: { runKey: string; pid: string; spec: ProgramSpec }, index: number, input: TurnInput, history: readonly TurnInput[]): Promise<TurnOutput> {
    this.computed++;
    return this.inner.compute(run, index, input, history);
  }
  release(k: string) {
    this.inner.release(k);
  }
  dispose() {
    this.inner.dispose();
  }
}

/** Drives a world like the page does: frames, and turns completing asynchronously. */
class Driver {
  w: World;
  events: WorldEvent[] = [];
  private wake: (() => void) | null = null;
  constructor(
    readonly log: TurnLog,
    w: World,
  ) {
    this.w = w;
    w.turns = log;
  }
  done(runKey: string, index: number, out: TurnOutput) {
    this.w.completeTurn(runKey, index, out);
    this.wake?.();
  }
  async until(t: number) {
    for (;;) {
      while (this.w.blocked) await new Promise<void>((r) => (this.wake = r));
      if (this.w.now >= t && !(this.w.nextEventAt() <= t)) break;
      this.w.advanceTo(Math.min(t, this.w.now + 100));
      this.events.push(...this.w.drainEvents());
    }
    this.events.push(...this.w.drainEvents());
  }
}

function setup() {
  const engine = new Counting(new InProcessEngine());
  let d: Driver;
  const log = new TurnLog(engine, (k, i, o) => d.done(k, i, o));
  d = new Driver(log, World.create(emptyScenario(3)));
  return { engine, log, d: () => d, swap: (w: World) => (d = new Driver(log, w)) };
}

const trace = (es: WorldEvent[]) => es.map((e) => JSON.stringify(e));

describe('the turn log: programs replay deterministically on the virtual clock', () => {
  it('a rewind replays the programs from the log (no turn is computed again) and gives the same trace', async () => {
    const s = setup();
    const d1 = s.d();
    d1.w.input({ type: 'program-start', program: { file: 'worker.js', source: WORKER, args: [], seed: 11 } });
    d1.w.input({ type: 'program-start', program: { file: 'new_task.js', source: PRODUCER, args: [], seed: 12 } });
    await d1.until(4000);
    const snap = d1.w.snapshot();
    const eventsAt4 = d1.events.length;
    await d1.until(12_000);
    const computed = s.engine.computed;
    const original = trace(d1.events.slice(eventsAt4));
    expect(d1.w.broker.inspect.queue('work')).toBeDefined();

    // back to 4 s: restore the checkpoint and play forward again
    const d2 = s.swap(World.restore(snap));
    await d2.until(12_000);
    expect(trace(d2.events)).toEqual(original);
    expect(s.engine.computed).toBe(computed);
  });

  it('the same programs and seed from scratch give the same trace (fresh engines)', async () => {
    const runOnce = async () => {
      const s = setup();
      const d = s.d();
      d.w.input({ type: 'program-start', program: { file: 'worker.js', source: WORKER, args: [], seed: 11 } });
      d.w.input({ type: 'program-start', program: { file: 'new_task.js', source: PRODUCER, args: [], seed: 12 } });
      await d.until(8000);
      return trace(d.events);
    };
    expect(await runOnce()).toEqual(await runOnce());
  });

  it('a different future after a rewind: the log forgets it, a fresh instance catches up from the turns before', async () => {
    const s = setup();
    const d1 = s.d();
    d1.w.input({ type: 'program-start', program: { file: 'worker.js', source: WORKER, args: [], seed: 11 } });
    d1.w.input({ type: 'program-start', program: { file: 'new_task.js', source: PRODUCER, args: [], seed: 12 } });
    await d1.until(3000);
    const snap = d1.w.snapshot();
    await d1.until(6000);
    // rewind to 3 s and stop the producer there: the worker's future differs from the one logged
    const d2 = s.swap(World.restore(snap));
    d2.w.input({ type: 'program-stop', pid: 'new_task.js #1', signal: 'SIGKILL' });
    await d2.until(9000);
    const w = d2.w;
    expect(w.programs.get('new_task.js #1')!.state).toBe('killed');
    // the worker drained the queue: what the producer sent until 3 s, no more
    expect(w.broker.inspect.queue('work')!.ready).toBe(0);
    expect(w.broker.inspect.queue('work')!.unacked).toBe(0);
    const got = s.log.output(w.programs.get('worker.js #1')!.runKey, w.programs.get('worker.js #1')!.turn).filter((l) => l.text.startsWith('got'));
    expect(got.length).toBeGreaterThanOrEqual(11);
    expect(got.length).toBeLessThanOrEqual(12);
  });
});
