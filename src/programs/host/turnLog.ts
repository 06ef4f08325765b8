import type { ProgramRt, ProgramSpec, TurnInput, TurnOutput, TurnSource } from '../../sim/programs';

/**
 * Computes program turns: one live instance per program run (a Web Worker in the page, the runtime
 * itself in the unit tests). `compute` brings the instance to turn `index` first: an instance that
 * has done other turns (it ran ahead before a rewind, or it died) is replaced by a fresh one that
 * is given `history`, the inputs of the turns before, to get back to the same state.
 */
export interface ProgramEngine {
  compute(run: { runKey: string; pid: string; spec: ProgramSpec }, index: number, input: TurnInput, history: readonly TurnInput[]): Promise<TurnOutput>;
  release(runKey: string): void;
  dispose(): void;
}

interface LoggedRun {
  spec: ProgramSpec;
  turns: { input: TurnInput; output: TurnOutput }[];
  /** the latest computation asked for: an older one that finishes late is not handed to anyone */
  asked: number;
}

/**
 * The turn log: every turn each program run had, input and output. A program is a function of its
 * turns' inputs, so when a rewound world asks for a turn it had before with the same input, the
 * logged output IS the answer, at once (rewinds replay programs without running them). A different
 * input means the run diverged there: the log forgets that turn and what followed, and the engine
 * computes it (from a fresh instance fast-forwarded through the turns before, if needed).
 */
export class TurnLog implements TurnSource {
  private runs = new Map<string, LoggedRun>();
  private computing = 0;

  constructor(
    private readonly engine: ProgramEngine,
    /** a computed turn is ready: hand it to the world that asked (if that world is still there) */
    private readonly deliver: (runKey: string, index: number, out: TurnOutput) => void,
  ) {}

  turn(program: Pick<ProgramRt, 'pid' | 'runKey' | 'spec'>, index: number, input: TurnInput): TurnOutput | null {
    let run = this.runs.get(program.runKey);
    if (!run) {
      run = { spec: program.spec, turns: [], asked: 0 };
      this.runs.set(program.runKey, run);
    }
    const logged = run.turns[index];
    if (logged && sameInput(logged.input, input)) return logged.output;
    if (run.turns.length > index) run.turns.length = index;
    const history = run.turns.map((t) => t.input);
    const r = run;
    const asked = ++r.asked;
    this.computing++;
    const done = (out: TurnOutput) => {
      this.computing--;
      // a rewind may have asked for something else meanwhile: this answer is for nobody now
      if (asked !== r.asked || this.runs.get(program.runKey) !== r) return;
      if (r.turns.length === index) r.turns.push({ input, output: out });
      this.deliver(program.runKey, index, out);
    };
    this.engine.compute({ runKey: program.runKey, pid: program.pid, spec: program.spec }, index, input, history).then(done, (err: unknown) => done(engineFailure(err)));
    return null;
  }

  release(runKey: string): void {
    this.engine.release(runKey);
  }

  /** Turns being computed right now. */
  get busy(): number {
    return this.computing;
  }

  /** The console output of a run's first `turns` turns, each line with the virtual time it was printed at. */
  output(runKey: string, turns: number): { t: number; stream: 'out' | 'err'; text: string }[] {
    const run = this.runs.get(runKey);
    if (!run) return [];
    const out: { t: number; stream: 'out' | 'err'; text: string }[] = [];
    for (const turn of run.turns.slice(0, turns)) for (const l of turn.output.out) out.push({ t: turn.input.t, stream: l.stream, text: l.text });
    return out;
  }

  /** Forgets everything (a new document, a reset). */
  clear(): void {
    for (const key of this.runs.keys()) this.engine.release(key);
    this.runs.clear();
  }

  dispose(): void {
    this.clear();
    this.engine.dispose();
  }
}

function sameInput(a: TurnInput, b: TurnInput): boolean {
  return a.t === b.t && JSON.stringify(a.events) === JSON.stringify(b.events);
}

function engineFailure(err: unknown): TurnOutput {
  const message = err instanceof Error ? err.message : String(err);
  return { requests: [], timersSet: [], timersCleared: [], out: [{ stream: 'err', text: message }], sigint: false, exit: { kind: 'crash', code: 1, limit: 'worker', error: { message } } };
}
