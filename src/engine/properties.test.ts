import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSUMERS, REPLIES, workloadArb } from './test/arbitraries';
import { continueWith, start } from './test/replay';
import { TraceChecker } from './test/traceChecker';

/**
 * Property tests over random topologies and operation sequences (test/arbitraries.ts,
 * test/workload.ts), every event checked by an independent model of the trace
 * (test/traceChecker.ts) and every operation followed by an audit of the broker's own books
 * (test/brokerAudit.ts). Each property runs with a fixed seed, named in its title, so that a
 * failure replays exactly: fast-check prints the counterexample and the path to it.
 */

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
      { seed: 20240611, numRuns: 200 },
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
    expect(ends.get('acked')).toBeGreaterThan(100);
  }, 120_000);

  it('with consumers, prefetch and acks in the foreground, and no topology churn: the same invariants (seed 4242)', () => {
    const ends = new Map<string, number>();
    fc.assert(
      fc.property(workloadArb(CONSUMERS), (w) => {
        const checker = new TraceChecker();
        continueWith(start(w, checker), w, w.ops, checker);
        tally(ends, checker);
      }),
      { seed: 4242, numRuns: 120 },
    );
    expect(ends.get('acked')).toBeGreaterThan(200);
    expect(ends.get('dropped rejected')).toBeGreaterThan(20);
  }, 120_000);

  it('direct reply-to: a reply reaches only the channel that asked, always while it still listens, once (seed 777)', () => {
    let replies = 0;
    let replyOnly = 0;
    fc.assert(
      fc.property(workloadArb(REPLIES), (w) => {
        const checker = new TraceChecker();
        continueWith(start(w, checker), w, w.ops, checker);
        replies += checker.counts.replies;
        replyOnly += checker.counts.replied;
      }),
      { seed: 777, numRuns: 120 },
    );
    // the workloads do reach the interesting cases: replies delivered, and replies that went to no queue at all
    expect(replies).toBeGreaterThan(150);
    expect(replyOnly).toBeGreaterThan(100);
  }, 120_000);
});
