import { emptyScenario, type Scenario } from '../../model';
import { World, type WorldEvent, type WorldInput } from '../../sim';
import type { TurnOutput } from '../../sim/programs';
import { InProcessEngine } from '../host/inProcess';
import { TurnLog } from '../host/turnLog';

/**
 * A world with programs for the unit tests: programs run in-process (the page's runtime, without the
 * Worker), turns are awaited as the page awaits them, time advances in frames. Not used by the app.
 */
export class ProgramRun {
  readonly w: World;
  readonly events: WorldEvent[] = [];
  readonly log: TurnLog;
  private waiters: (() => void)[] = [];

  constructor(doc: Scenario = emptyScenario()) {
    this.log = new TurnLog(new InProcessEngine(), (runKey, index, out) => this.completed(runKey, index, out));
    this.w = World.create(structuredClone(doc));
    this.w.turns = this.log;
    this.take();
  }

  private completed(runKey: string, index: number, out: TurnOutput): void {
    this.w.completeTurn(runKey, index, out);
    this.take();
    const ws = this.waiters;
    this.waiters = [];
    for (const f of ws) f();
  }

  private nextCompletion(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Advances to virtual time `t` in frames of `frameMs`, waiting for program turns as they come. */
  async until(t: number, frameMs = 100): Promise<this> {
    for (;;) {
      while (this.w.blocked) await this.nextCompletion();
      if (this.w.now >= t && !(this.w.nextEventAt() <= t)) break;
      this.w.advanceTo(Math.max(this.w.now, Math.min(t, this.w.now + frameMs)));
      this.take();
    }
    return this;
  }

  for(ms: number): Promise<this> {
    return this.until(this.w.now + ms);
  }

  /** Runs what is due now (a program's first turns after it starts). */
  settle(): Promise<this> {
    return this.until(this.w.now);
  }

  async input(cmd: WorldInput): Promise<this> {
    while (this.w.blocked) await this.nextCompletion();
    this.w.input(cmd);
    this.take();
    return this;
  }

  /** `node file args…` now. Returns the instance id. */
  async run(file: string, source: string, args: string[] = [], seed = 7): Promise<string> {
    const before = new Set(this.w.programs.keys());
    await this.input({ type: 'program-start', program: { file, source, args, seed } });
    await this.settle();
    return [...this.w.programs.keys()].find((k) => !before.has(k))!;
  }

  /** What a program printed so far (stdout and stderr, in order). */
  output(pid: string): string {
    const rt = this.w.programs.get(pid);
    if (!rt) return '';
    return this.log
      .output(rt.runKey, rt.turn)
      .map((l) => l.text)
      .join('\n');
  }

  program(pid: string) {
    return this.w.programs.get(pid)!;
  }

  queue(name: string) {
    return this.w.broker.inspect.queue(name);
  }

  of<T extends WorldEvent['type']>(type: T): Extract<WorldEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type);
  }

  private take(): void {
    for (const e of this.w.drainEvents()) this.events.push(e);
  }
}
