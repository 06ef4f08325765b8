import { AmqpBroker } from '../api';
import type { TraceEvent } from '../trace';
import type { TraceChecker } from './traceChecker';
import { type ClientState, newClient, type Op, runOp, setup, type Workload } from './workload';

/** Playing a workload against a broker, optionally under the trace checker (property tests). */

export interface Run {
  broker: AmqpBroker;
  client: ClientState;
  trace: TraceEvent[];
}

export function start(w: Workload, checker?: TraceChecker): Run {
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

export function continueWith(run: Run, w: Workload, ops: readonly Op[], checker?: TraceChecker): void {
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
export function views(b: AmqpBroker) {
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

