import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmqpBroker } from './api';
import type { BrokerSnapshot } from './snapshot';
import { workloadArb } from './test/arbitraries';
import { continueWith, type Run, start, views } from './test/replay';

/**
 * Determinism over random workloads: a snapshot taken anywhere, sent through JSON and restored,
 * carries on exactly as the original broker; the same seed and operations replay the same
 * trace. Fixed seeds, named in the titles.
 */

describe('replaying random workloads (property tests)', () => {
  it('snapshot → JSON → restore → carry on gives exactly the trace of not snapshotting (seed 7031)', () => {
    fc.assert(
      fc.property(workloadArb(), fc.nat(), fc.nat(), (w, cut1, cut2) => {
        const [a, b] = [cut1 % (w.ops.length + 1), cut2 % (w.ops.length + 1)].sort((x, y) => x - y) as [number, number];
        // the reference: straight through
        const ref = start(w);
        continueWith(ref, w, w.ops.slice(0, a));
        const mark = ref.trace.length;
        continueWith(ref, w, w.ops.slice(a));

        // the same, with a round trip through JSON at `a` and again at `b`
        let run = start(w);
        continueWith(run, w, w.ops.slice(0, a));
        const restored = (r: Run): Run => {
          const json = JSON.stringify(r.broker.snapshot());
          return { broker: AmqpBroker.restore(JSON.parse(json) as BrokerSnapshot), client: structuredClone(r.client), trace: [] };
        };
        const before = views(run.broker);
        run = restored(run);
        expect(views(run.broker)).toEqual(before);
        continueWith(run, w, w.ops.slice(a, b));
        const firstPart = run.trace;
        run = restored(run);
        continueWith(run, w, w.ops.slice(b));
        expect([...firstPart, ...run.trace]).toEqual(ref.trace.slice(mark));
        expect(views(run.broker)).toEqual(views(ref.broker));
      }),
      { seed: 7031, numRuns: 150 },
    );
  }, 120_000);

  it('the same seed and the same operations give the same trace (seed 99)', () => {
    fc.assert(
      fc.property(workloadArb(), (w) => {
        const one = start(w);
        continueWith(one, w, w.ops);
        const two = start(w);
        continueWith(two, w, w.ops);
        expect(two.trace).toEqual(one.trace);
        expect(views(two.broker)).toEqual(views(one.broker));
      }),
      { seed: 99, numRuns: 100 },
    );
  }, 120_000);
});

