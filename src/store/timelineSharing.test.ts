import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model';
import { galleryList } from '../scenarios';
import { World, type WorldInput } from '../sim';
import { workQueue } from '../sim/fixtures';
import { Timeline } from './timeline';

/**
 * Checkpoints share the immutable parts of the world with the run (messages, scheduled items): a
 * checkpoint of 30,000 messages in flight used to copy all of them and freeze a frame. Sharing is
 * only right if nothing shared is ever changed in place. Every simulated gallery scenario (dead
 * letters, TTL, priorities, quorum delivery limits, RPC, confirms, streams of work) runs with
 * checkpoints every half second, a broker restart and a consumer crash on the way; at the end every
 * checkpoint must still be exactly what it was when taken, and seeking to any moment must give
 * exactly the state the run had then.
 */
const scenarios = galleryList().filter((g) => !g.tags.includes('code'));

function inputsFor(doc: Scenario): { t: number; input: WorldInput }[] {
  const consumer = doc.apps.flatMap((a) => a.consumers ?? [])[0];
  return [
    { t: 2_300, input: { type: 'broker-restart', downMs: 400 } },
    ...(consumer ? [{ t: 4_100, input: { type: 'consumer-crash', consumer: consumer.id } as WorldInput }] : []),
  ];
}

describe('Timeline checkpoints share the run’s messages and scheduled items', { timeout: 60_000 }, () => {
  it.each(scenarios.map((g) => [g.id, g.scenario] as const))('%s: checkpoints never change, and seeking gives the run’s state', (_, scenario) => {
    const doc = structuredClone(scenario) as Scenario;
    const tl = new Timeline(doc, 500);
    const w = World.create(doc);
    const inputs = inputsFor(doc);
    const taken = new Map<number, string>();
    const seen: Record<number, string> = {};
    for (let t = 0; t <= 5_000; t += 100) {
      for (const i of inputs) {
        if (i.t > t - 100 && i.t <= t) {
          w.advanceTo(i.t);
          w.drainEvents();
          tl.record(i.t, i.input, w.steps);
          w.input(i.input);
        }
      }
      w.advanceTo(t);
      w.drainEvents();
      tl.maybeCheckpoint(w);
      const last = tl.taken.at(-1);
      if (last && !taken.has(last.t)) taken.set(last.t, JSON.stringify(last.snap));
      if (t % 500 === 300 || t === 5_000) seen[t] = JSON.stringify(w.snapshot());
    }
    expect(taken.size).toBeGreaterThanOrEqual(8);
    // what each checkpoint held when it was taken, it still holds after the run went on
    for (const c of tl.taken) expect(JSON.stringify(c.snap)).toBe(taken.get(c.t));
    // a rewind to any moment, played on from its checkpoint, is the same run
    for (const [t, snap] of Object.entries(seen)) {
      const r = tl.rewindTo(Number(t));
      for (let next = tl.nextInput(Number(t)); next; next = tl.nextInput(Number(t))) {
        r.advanceTo(next.t);
        r.input(next.input);
        tl.cursor++;
      }
      r.advanceTo(Number(t));
      expect(JSON.stringify(r.snapshot())).toBe(snap);
    }
  });

  it('share the messages: a checkpoint holds the very message objects the broker holds', () => {
    // consumers slower than the producer: messages wait in the queue
    const w = World.create(workQueue({ rate: 20, consumers: 1, prefetch: 1, processingMs: 200, latency: 10 }));
    w.advanceTo(3_000);
    const a = w.snapshot();
    const b = w.snapshot();
    expect(a.broker.messages.length).toBeGreaterThan(20);
    expect(a.broker.messages.every((m, i) => m === b.broker.messages[i])).toBe(true);
  });
});
