import type { ProgramSpec, TurnInput, TurnOutput } from '../../sim/programs';
import type { ProgramTurns } from '../../store/simController';
import { type ProgramEngine, TurnLog } from './turnLog';

/**
 * The page's program turns: a turn log over Web Workers. The worker code (the runtime, amqplib's
 * facade, acorn, the buffer package) is its own chunk, fetched when the first program runs.
 */
export class PageProgramTurns extends TurnLog implements ProgramTurns {
  onComputed: ProgramTurns['onComputed'] = null;

  constructor(engine: ProgramEngine = new LazyWorkerEngine()) {
    super(engine, (runKey, index, out) => this.onComputed?.(runKey, index, out));
  }
}

/** Loads the worker engine on first use. */
class LazyWorkerEngine implements ProgramEngine {
  private engine: Promise<ProgramEngine> | null = null;
  private ready: ProgramEngine | null = null;

  private get(): Promise<ProgramEngine> {
    this.engine ??= import('./workerEngine').then((m) => {
      this.ready = new m.WorkerEngine();
      return this.ready;
    });
    return this.engine;
  }

  compute(run: { runKey: string; pid: string; spec: ProgramSpec }, index: number, input: TurnInput, history: readonly TurnInput[]): Promise<TurnOutput> {
    return this.get().then((e) => e.compute(run, index, input, history));
  }
  release(runKey: string): void {
    this.ready?.release(runKey);
  }
  dispose(): void {
    this.ready?.dispose();
  }
}
