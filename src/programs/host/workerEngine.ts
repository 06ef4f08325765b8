import type { ProgramSpec, TurnInput, TurnOutput } from '../../sim/programs';
import { TURN_LIMITS } from '../../sim/programs';
import type { ProgramEngine } from './turnLog';
import type { FromProgramWorker, ToProgramWorker } from './workerProtocol';

/** Wall time a turn may run before the watchdog ends the program (an endless loop never yields). */
export const CPU_BUDGET_MS = 3000;
/** What one turn's output may weigh (characters of its JSON): more is not a program a person can read. */
const OUTPUT_BUDGET = 8 * 1024 * 1024;

interface Instance {
  worker: Worker;
  done: number;
  /** turns in flight, in order */
  waiting: Map<number, { resolve: (o: TurnOutput) => void; watchdog: ReturnType<typeof setTimeout> }>;
  dead: TurnOutput | null;
  chain: Promise<unknown>;
}

let turnIds = 0;

/**
 * Programs in Web Workers, one worker per program run: isolated from the page (no DOM, storage or
 * network: the worker removes them before the program exists), and stoppable. A watchdog gives each
 * turn CPU_BUDGET_MS of wall time; past it the worker is terminated and the program ends with a
 * message saying why. What a worker sends back is checked and capped before the world sees it.
 */
export class WorkerEngine implements ProgramEngine {
  private instances = new Map<string, Instance>();

  constructor(private readonly spawn: () => Worker = () => new Worker(new URL('./program.worker.ts', import.meta.url), { type: 'module', name: 'warren-program' })) {}

  compute(run: { runKey: string; pid: string; spec: ProgramSpec }, index: number, input: TurnInput, history: readonly TurnInput[]): Promise<TurnOutput> {
    let inst = this.instances.get(run.runKey);
    if (!inst || (inst.done !== index && !inst.dead)) {
      if (inst) this.kill(run.runKey);
      inst = this.start(run);
      const i = inst;
      // a fresh worker catches up through the turns before (their outputs are known: only the state matters)
      for (const h of history) i.chain = i.chain.then(() => this.send(i, h));
    }
    const i = inst;
    const next = i.chain.then(() => this.send(i, input));
    i.chain = next;
    return next;
  }

  private start(run: { runKey: string; pid: string; spec: ProgramSpec }): Instance {
    const worker = this.spawn();
    const inst: Instance = { worker, done: 0, waiting: new Map(), dead: null, chain: Promise.resolve() };
    worker.addEventListener('message', (e: MessageEvent<FromProgramWorker>) => this.receive(inst, e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.die(inst, 'worker', `The program's worker failed: ${e.message || 'it stopped (out of memory?)'}`);
    });
    worker.addEventListener('messageerror', () => this.die(inst, 'worker', 'The program sent something that cannot be read.'));
    worker.postMessage({ kind: 'init', spec: run.spec, clientName: run.pid } satisfies ToProgramWorker);
    this.instances.set(run.runKey, inst);
    return inst;
  }

  private send(inst: Instance, input: TurnInput): Promise<TurnOutput> {
    if (inst.dead) return Promise.resolve(inst.dead);
    const id = ++turnIds;
    return new Promise<TurnOutput>((resolve) => {
      const watchdog = setTimeout(
        () => this.die(inst, 'cpu', `Warren stopped this program: it ran for ${CPU_BUDGET_MS / 1000} s without waiting for anything (an endless loop?). A program must give control back (await, a callback, a timer) for time to move on.`),
        CPU_BUDGET_MS,
      );
      inst.waiting.set(id, { resolve, watchdog });
      inst.worker.postMessage({ kind: 'turn', id, input } satisfies ToProgramWorker);
    });
  }

  private receive(inst: Instance, m: FromProgramWorker): void {
    if (!m || typeof m !== 'object') {
      this.die(inst, 'worker', 'The program sent something that is not a turn.');
      return;
    }
    if (m.kind === 'fatal') {
      this.die(inst, 'worker', `The program's runtime failed: ${String(m.message).slice(0, 500)}`);
      return;
    }
    const w = inst.waiting.get(m.id);
    if (!w) return;
    inst.waiting.delete(m.id);
    clearTimeout(w.watchdog);
    inst.done++;
    const checked = checkOutput(m.output);
    if (checked.exit) inst.dead = checked;
    w.resolve(checked);
  }

  /** The worker is gone for good: this turn and any later one end the program with `message`. */
  private die(inst: Instance, limit: 'cpu' | 'worker', message: string): void {
    if (inst.dead) return;
    inst.worker.terminate();
    const out: TurnOutput = { requests: [], timersSet: [], timersCleared: [], out: [{ stream: 'err', text: message }], sigint: false, exit: { kind: 'crash', code: 1, limit, error: { message } } };
    inst.dead = out;
    for (const w of inst.waiting.values()) {
      clearTimeout(w.watchdog);
      w.resolve(out);
    }
    inst.waiting.clear();
  }

  private kill(runKey: string): void {
    const inst = this.instances.get(runKey);
    if (!inst) return;
    inst.worker.terminate();
    for (const w of inst.waiting.values()) clearTimeout(w.watchdog);
    this.instances.delete(runKey);
  }

  release(runKey: string): void {
    this.kill(runKey);
  }

  dispose(): void {
    for (const k of [...this.instances.keys()]) this.kill(k);
  }
}

/**
 * A worker's output, checked: the right shape, within the per-turn caps (its runtime caps them too,
 * but a program can tamper with anything inside its own worker).
 */
export function checkOutput(o: unknown): TurnOutput {
  const bad = (why: string): TurnOutput => ({ requests: [], timersSet: [], timersCleared: [], out: [{ stream: 'err', text: `Warren stopped this program: ${why}` }], sigint: false, exit: { kind: 'crash', code: 1, limit: 'output', error: { message: why } } });
  if (!o || typeof o !== 'object') return bad('its turn produced no output');
  const out = o as TurnOutput;
  if (!Array.isArray(out.requests) || !Array.isArray(out.timersSet) || !Array.isArray(out.timersCleared) || !Array.isArray(out.out)) return bad('its turn output was malformed');
  if (out.requests.length > TURN_LIMITS.requests) return bad(`it sent more than ${TURN_LIMITS.requests} AMQP methods in one instant`);
  if (out.timersSet.length > TURN_LIMITS.timers) return bad(`it set more than ${TURN_LIMITS.timers} timers in one instant`);
  let size: number;
  try {
    size = JSON.stringify(o).length;
  } catch {
    return bad('its turn output was malformed');
  }
  if (size > OUTPUT_BUDGET) return bad(`one instant of it weighed more than ${OUTPUT_BUDGET / 1024 / 1024} MB (messages and output)`);
  for (const t of out.timersSet) if (!t || typeof t.id !== 'number' || typeof t.at !== 'number' || !Number.isFinite(t.at)) return bad('it set a timer Warren cannot read');
  for (const r of out.requests) if (!r || typeof r !== 'object' || typeof (r as { op?: unknown }).op !== 'string' || typeof (r as { conn?: unknown }).conn !== 'number') return bad('it sent a method Warren cannot read');
  // (the runtime adds one line saying how many it dropped)
  const lines = out.out.slice(0, TURN_LIMITS.consoleLines + 1).map((l) => ({ stream: l?.stream === 'err' ? ('err' as const) : ('out' as const), text: String(l?.text ?? '').slice(0, TURN_LIMITS.consoleChars) }));
  return { ...out, out: lines, sigint: out.sigint === true };
}
