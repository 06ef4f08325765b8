import type { ProgramSpec, TurnInput, TurnOutput } from '../../sim/programs';
import { ProgramRuntime } from '../runtime/runtime';
import type { ProgramEngine } from './turnLog';

/**
 * Programs run in this very process (Node): what the unit tests use, with the same runtime the
 * page runs in its Web Workers. Not for untrusted code: there is no isolation and no watchdog.
 */
export class InProcessEngine implements ProgramEngine {
  private instances = new Map<string, { rt: ProgramRuntime; done: number }>();
  private queue: Promise<unknown> = Promise.resolve();

  compute(run: { runKey: string; pid: string; spec: ProgramSpec }, index: number, input: TurnInput, history: readonly TurnInput[]): Promise<TurnOutput> {
    // one turn at a time, across programs: an unhandled rejection belongs to the turn running
    const next = this.queue.then(async () => {
      let inst = this.instances.get(run.runKey);
      if (!inst || inst.done !== index) {
        inst = { rt: new ProgramRuntime(run.spec, { settle }, run.pid), done: 0 };
        this.instances.set(run.runKey, inst);
        for (const h of history) {
          await turnOf(inst.rt, h);
          inst.done++;
        }
      }
      const out = await turnOf(inst.rt, input);
      inst.done++;
      return out;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  release(runKey: string): void {
    this.instances.delete(runKey);
  }

  dispose(): void {
    this.instances.clear();
  }
}

/** After setImmediate, Node has run every microtask and reported every unhandled rejection. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function turnOf(rt: ProgramRuntime, input: TurnInput): Promise<TurnOutput> {
  const saved = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  const onRejection = (reason: unknown) => rt.unhandledRejection(reason);
  process.on('unhandledRejection', onRejection);
  try {
    return await rt.turn(input);
  } finally {
    process.removeListener('unhandledRejection', onRejection);
    for (const l of saved) process.on('unhandledRejection', l);
  }
}
