import { format, inspect } from './inspect';
import { TURN_LIMITS, type ConsoleLine } from '../../sim/programs/protocol';

/**
 * console, printing into the turn's output (the program's console panel). Past the per-turn caps the
 * rest of the turn's output is dropped with one line saying so (a program printing in an endless
 * loop is stopped by the watchdog; this keeps one busy turn from flooding the page).
 */
export class ProgramConsole {
  lines: ConsoleLine[] = [];
  private chars = 0;
  private dropped = 0;
  private indent = '';
  private counts = new Map<string, number>();
  private timers = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly alive: () => boolean,
  ) {}

  write(stream: 'out' | 'err', text: string): void {
    if (!this.alive()) return;
    const t = this.indent ? text.replace(/^/gm, this.indent) : text;
    if (this.lines.length >= TURN_LIMITS.consoleLines || this.chars + t.length > TURN_LIMITS.consoleChars) {
      this.dropped++;
      return;
    }
    this.chars += t.length;
    this.lines.push({ stream, text: t });
  }

  take(): ConsoleLine[] {
    const out = this.lines;
    if (this.dropped) out.push({ stream: 'err', text: `… ${this.dropped} more line(s) of output in this instant were dropped` });
    this.lines = [];
    this.chars = 0;
    this.dropped = 0;
    return out;
  }

  /** The console object the program sees. */
  api() {
    const out = (...a: unknown[]) => this.write('out', format(...a));
    const err = (...a: unknown[]) => this.write('err', format(...a));
    return {
      log: out,
      info: out,
      debug: out,
      error: err,
      warn: err,
      trace: (...a: unknown[]) => this.write('err', `Trace: ${format(...a)}`),
      dir: (v: unknown) => this.write('out', inspect(v)),
      table: (v: unknown) => this.write('out', inspect(v)),
      assert: (cond: unknown, ...a: unknown[]) => {
        if (!cond) this.write('err', `Assertion failed${a.length ? `: ${format(...a)}` : ''}`);
      },
      count: (label = 'default') => {
        const n = (this.counts.get(label) ?? 0) + 1;
        this.counts.set(label, n);
        this.write('out', `${label}: ${n}`);
      },
      countReset: (label = 'default') => this.counts.delete(label),
      time: (label = 'default') => this.timers.set(label, this.now()),
      timeEnd: (label = 'default') => {
        const t0 = this.timers.get(label);
        if (t0 === undefined) return;
        this.timers.delete(label);
        this.write('out', `${label}: ${(this.now() - t0).toFixed(3)}ms`);
      },
      timeLog: (label = 'default', ...a: unknown[]) => {
        const t0 = this.timers.get(label);
        if (t0 !== undefined) this.write('out', `${label}: ${(this.now() - t0).toFixed(3)}ms${a.length ? ` ${format(...a)}` : ''}`);
      },
      group: (...a: unknown[]) => {
        if (a.length) out(...a);
        this.indent += '  ';
      },
      groupEnd: () => {
        this.indent = this.indent.slice(2);
      },
    };
  }
}
