import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmqpBroker } from './api';
import type { BrokerSnapshot } from './snapshot';
import type { TraceEvent } from './trace';
import { TraceChecker } from './test/traceChecker';
import { CONSUMERS, workloadArb } from './test/arbitraries';
import { type ClientState, newClient, type Op, runOp, setup, type Workload } from './test/workload';

/**
 * Property tests over random topologies and operation sequences (see test/workload.ts and
 * test/traceChecker.ts). Each property runs with a fixed seed, named in its title, so that a
 * failure replays exactly: fast-check prints the counterexample and the path to it.
 */

interface Run {
  broker: AmqpBroker;
  client: ClientState;
  trace: TraceEvent[];
}

function start(w: Workload, checker?: TraceChecker): Run {
  const run: Run = { broker: new AmqpBroker({ seed: 3 }), client: newClient(), trace: [] };
  setup(run.broker, run.client, w.topology);
  flush(run, checker);
  return run;
}

function flush(run: Run, checker?: TraceChecker): void {
  const events = run.broker.drainTrace();
  checker?.check(events);
  run.trace.push(...events);
  checker?.afterOp(run.broker);
}

function continueWith(run: Run, w: Workload, ops: readonly Op[], checker?: TraceChecker): void {
  for (const op of ops) {
    runOp(run.broker, run.client, w.topology, op, {
      settling: (ref, tags) => checker?.clientSettling(ref, tags),
      settled: (ref, tags) => {
        // the events of the settle itself first, then what the client says it settled
        const events = run.broker.drainTrace();
        checker?.check(events);
        run.trace.push(...events);
        checker?.clientSettled(ref, tags);
      },
    });
    flush(run, checker);
  }
}

/** What the broker shows: compared after a restore as well as the trace. */
function views(b: AmqpBroker) {
  const i = b.inspect;
  return {
    now: b.now,
    nextTimer: b.nextTimerAt(),
    queues: i.queues(),
    ready: i.queues().map((q) => i.readyMessages(q.name, Number.POSITIVE_INFINITY)),
    exchanges: i.exchanges(),
    bindings: i.bindings(),
    connections: i.connections(),
    unacked: i.connections().flatMap((c) => c.channels.map((ch) => i.unacked(c.id, ch.number))),
  };
}

describe('random workloads (property tests)', () => {
  /** Every way a copy can end, summed over all runs: the workloads must reach each of them. */
  function tally(into: Map<string, number>, checker: TraceChecker): void {
    for (const [how, n] of checker.ended) into.set(how, (into.get(how) ?? 0) + n);
  }

  it('account for every message copy exactly once, never exceed prefetch, number delivery tags per channel, keep counters exact (seed 20240611)', () => {
    const ends = new Map<string, number>();
    fc.assert(
      fc.property(workloadArb(), (w) => {
        const checker = new TraceChecker();
        const run = start(w, checker);
        continueWith(run, w, w.ops, checker);
        const { copies, live, ended } = checker.balance();
        expect(live + ended).toBe(copies);
        tally(ends, checker);
      }),
      { seed: 20240611, numRuns: 250 },
    );
    // a property over workloads that never get there would prove nothing
    expect([...ends.keys()].sort()).toEqual([
      'acked',
      'consumed no-ack',
      'dead-lettered delivery_limit',
      'dead-lettered expired',
      'dead-lettered maxlen',
      'dead-lettered rejected',
      'dropped broker-restart',
      'dropped delivery_limit',
      'dropped expired',
      'dropped maxlen',
      'dropped no-dlx-exchange',
      'dropped reject-publish',
      'dropped rejected',
      'lost with queue',
      'purged',
    ]);
    expect(ends.get('acked')).toBeGreaterThan(200);
  }, 60_000);

  it('with consumers, prefetch and acks in the foreground, and no topology churn: the same invariants (seed 4242)', () => {
    const ends = new Map<string, number>();
    fc.assert(
      fc.property(workloadArb(CONSUMERS), (w) => {
        const checker = new TraceChecker();
        continueWith(start(w, checker), w, w.ops, checker);
        tally(ends, checker);
      }),
      { seed: 4242, numRuns: 150 },
    );
    expect(ends.get('acked')).toBeGreaterThan(200);
    expect(ends.get('dropped rejected')).toBeGreaterThan(20);
  }, 60_000);

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
  }, 60_000);

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
  }, 60_000);
});

