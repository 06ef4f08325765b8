import { describe, expect, it } from 'vitest';
import { programSeed, splitArgs } from '../model';
import { GALLERY, type ScenarioId } from '../scenarios';
import { Run } from '../scenarios/testing/run';
import { asPrograms } from '../share';
import { planCode } from '../share/codegen';
import { ProgramRun } from './testing/programRun';

/**
 * Picture → code → picture: "Show code"'s amqplib programs, opened as programs, give the traffic of
 * the simulated clients they were written from (same queue depths and per-consumer counts after the
 * same virtual time). Scenarios whose clients draw random numbers (jitter, failures, random keys)
 * make other draws in a program: those are left out here.
 */
const IDS: ScenarioId[] = ['hello-world', 'work-queues', 'publish-subscribe', 'routing', 'topics', 'rpc', 'publisher-confirms', 'priority-queue', 'mandatory-returns'];
const T = 15_250;

describe('"Show code" opened as programs gives the same traffic as the simulated clients', () => {
  it.each(IDS.map((id) => [id] as const))('%s', async (id) => {
    const doc = GALLERY[id].scenario;
    const sim = new Run(doc).until(T);
    const { doc: programs, dropped } = asPrograms(doc);
    expect(dropped).toBe(0);
    expect(programs.apps).toEqual([]);
    const r = new ProgramRun(programs);
    const counts = new Map<string, number>();
    for (const run of programs.programs!.runs) {
      const f = programs.programs!.files.find((x) => x.name === run.file)!;
      const n = (counts.get(f.name) ?? 0) + 1;
      counts.set(f.name, n);
      await r.input({ type: 'program-start', program: { file: f.name, source: f.source, args: splitArgs(run.args), seed: programSeed(programs.seed, f.name, n) } });
    }
    await r.until(T);
    for (const rt of r.w.programs.values()) expect([rt.pid, rt.state]).toEqual([rt.pid, 'running']);

    const plan = planCode(doc);
    for (const c of plan.consumers) {
      const app = doc.apps.find((a) => a.name === c.app)!;
      const con = app.consumers.find((x) => x.queue === c.queue)!;
      const s = sim.consumer(con.id);
      const p = Object.values(r.program(`${c.file}.js #1`).consumers);
      expect(p).toHaveLength(1);
      expect({ file: c.file, received: p[0]!.received, acked: p[0]!.acked, nacked: p[0]!.nacked + p[0]!.rejected }).toEqual({ file: c.file, received: s.received, acked: s.acked, nacked: s.nacked + s.rejected });
    }
    for (const pub of plan.producers) {
      const app = doc.apps.find((a) => a.name === pub.app)!;
      const s = sim.publisher(app.publishers[0]!.id);
      const lines = Object.values(r.program(`${pub.file}.js #1`).publishes);
      const sum = (k: 'sent' | 'confirmed' | 'nacked' | 'returned') => lines.reduce((n, l) => n + l[k], 0);
      expect({ file: pub.file, sent: sum('sent'), confirmed: sum('confirmed'), nacked: sum('nacked'), returned: sum('returned') }).toEqual({ file: pub.file, sent: s.sent, confirmed: s.confirmed, nacked: s.nacked, returned: s.returned });
    }
    for (const q of doc.queues) {
      const a = sim.queue(q.name);
      const b = r.queue(q.name);
      expect({ q: q.name, ready: b?.ready, unacked: b?.unacked }).toEqual({ q: q.name, ready: a?.ready, unacked: a?.unacked });
    }
  });
});
