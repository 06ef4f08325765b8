import { describe, expect, it } from 'vitest';
import { programSeed, splitArgs } from '../model';
import { GALLERY, type ScenarioId } from '../scenarios';
import { Run } from '../scenarios/testing/run';
import { ProgramRun } from './testing/programRun';

/**
 * The tutorials as programs against their gallery twins: after the same virtual time, the same
 * queue depths and the same counts per consumer (and per publisher). Queues the broker names
 * (amq.gen-…, "gen-…" in the twin) are compared in the order their consumers are listed.
 */

interface Pair {
  sim: ScenarioId;
  code: ScenarioId;
  /** simulated app name → program instance, in the order to compare */
  consumers: [string, string][];
  publishers: [string, string][];
  /** named queues to compare; `exclusive`: compare the exclusive queues of these consumers' programs */
  queues: string[];
  exclusive?: [string, string][];
}

const PAIRS: Pair[] = [
  { sim: 'hello-world', code: 'hello-world-code', consumers: [['receive', 'receive.js #1']], publishers: [['send', 'send.js #1']], queues: ['hello'] },
  { sim: 'work-queues', code: 'work-queues-code', consumers: [['worker-fast', 'worker.js #1'], ['worker-slow', 'worker.js #2']], publishers: [['new_task', 'new_task.js #1']], queues: ['task_queue'] },
  {
    sim: 'publish-subscribe',
    code: 'publish-subscribe-code',
    consumers: [['receive_logs-1', 'receive_logs.js #1'], ['receive_logs-2', 'receive_logs.js #2']],
    publishers: [['emit_log', 'emit_log.js #1']],
    queues: [],
    exclusive: [['receive_logs-1', 'receive_logs.js #1'], ['receive_logs-2', 'receive_logs.js #2']],
  },
  {
    sim: 'routing',
    code: 'routing-code',
    consumers: [['receive_logs_direct-1', 'receive_logs_direct.js #1'], ['receive_logs_direct-2', 'receive_logs_direct.js #2']],
    publishers: [['emit_log_direct', 'emit_log_direct.js #1']],
    queues: [],
    exclusive: [['receive_logs_direct-1', 'receive_logs_direct.js #1'], ['receive_logs_direct-2', 'receive_logs_direct.js #2']],
  },
  {
    sim: 'topics',
    code: 'topics-code',
    consumers: [['all-logs', 'receive_logs_topic.js #1'], ['critical-alerts', 'receive_logs_topic.js #2']],
    publishers: [['emit_log_topic', 'emit_log_topic.js #1']],
    queues: [],
    exclusive: [['all-logs', 'receive_logs_topic.js #1'], ['critical-alerts', 'receive_logs_topic.js #2']],
  },
  { sim: 'rpc', code: 'rpc-code', consumers: [['rpc_server', 'rpc_server.js #1'], ['rpc_client', 'rpc_client.js #1']], publishers: [['rpc_client', 'rpc_client.js #1']], queues: ['rpc_queue'], exclusive: [['rpc_client', 'rpc_client.js #1']] },
  { sim: 'publisher-confirms', code: 'publisher-confirms-code', consumers: [['order-worker', 'order_worker.js #1']], publishers: [['publisher', 'publisher.js #1']], queues: ['orders'] },
];

const T = 20_250;

/** Starts the code scenario's runs in order at time 0, as the gallery does, and runs to T. */
async function runCode(id: ScenarioId): Promise<ProgramRun> {
  const doc = GALLERY[id].scenario;
  const r = new ProgramRun(doc);
  const counts = new Map<string, number>();
  for (const run of doc.programs!.runs) {
    const f = doc.programs!.files.find((x) => x.name === run.file)!;
    const n = (counts.get(f.name) ?? 0) + 1;
    counts.set(f.name, n);
    await r.input({ type: 'program-start', program: { file: f.name, source: f.source, args: splitArgs(run.args), seed: programSeed(doc.seed, f.name, n) } });
  }
  return r.until(T);
}

describe('the tutorials as programs do what their gallery scenarios do', () => {
  it.each(PAIRS.map((p) => [p.code, p] as const))('%s', async (_, p) => {
    const sim = new Run(GALLERY[p.sim].scenario).until(T);
    const code = await runCode(p.code);
    // no program failed
    for (const rt of code.w.programs.values()) expect([rt.pid, rt.state, code.output(rt.pid).includes('Error')]).toEqual([rt.pid, 'running', false]);

    const simApp = (name: string) => sim.w.scenario.apps.find((a) => a.name === name)!;
    for (const [appName, pid] of p.consumers) {
      const c = sim.consumer(simApp(appName).consumers[0]!.id);
      const prog = Object.values(code.program(pid).consumers);
      expect(prog, pid).toHaveLength(1);
      expect({ pid, received: prog[0]!.received, acked: prog[0]!.acked, nacked: prog[0]!.nacked }).toEqual({ pid, received: c.received, acked: c.acked, nacked: c.nacked });
      expect(c.received, `${appName} received something`).toBeGreaterThan(0);
    }
    for (const [appName, pid] of p.publishers) {
      const s = sim.publisher(simApp(appName).publishers[0]!.id);
      const lines = Object.values(code.program(pid).publishes);
      const sum = (k: 'sent' | 'confirmed' | 'nacked') => lines.reduce((n, l) => n + l[k], 0);
      expect({ pid, sent: sum('sent'), confirmed: sum('confirmed'), nacked: sum('nacked') }).toEqual({ pid, sent: s.sent, confirmed: s.confirmed, nacked: s.nacked });
    }
    const depth = (q: { ready: number; unacked: number } | undefined) => (q ? { ready: q.ready, unacked: q.unacked } : null);
    for (const q of p.queues) expect({ q, ...depth(code.queue(q)) }).toEqual({ q, ...depth(sim.queue(q)) });
    for (const [appName, pid] of p.exclusive ?? []) {
      const simQueue = simApp(appName).consumers[0]!.queue;
      const progQueue = Object.values(code.program(pid).consumers)[0]!.queue;
      expect(progQueue.startsWith('amq.gen-')).toBe(true);
      expect({ pid, ...depth(code.queue(progQueue)) }).toEqual({ pid, ...depth(sim.queue(simQueue)) });
    }
  });
});
