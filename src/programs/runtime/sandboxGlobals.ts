import { EventEmitter } from 'events';
import { nextFloat, type RngState } from '../../engine';

/**
 * The world a program sees instead of Node's: `process`, `Math.random` and `Date`, all on the virtual
 * clock and the run's seeded random numbers, so that the same run gives the same output every time
 * (a rewind replays programs, and must see what they printed and did the first time).
 */

/** Where virtual time 0 is on the calendar (Date.now() = EPOCH + virtual ms). */
export const EPOCH = Date.UTC(2025, 0, 1);

/** process.exit() unwinds the program's stack with this (a program catching it only delays the end). */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code}) called`);
  }
}

/** What `process` needs from the runtime that owns it. */
export interface ProcessHost {
  /** the program's path, as argv[1] */
  url: string;
  args: readonly string[];
  /** virtual ms since the program started */
  elapsedMs(): number;
  write(stream: 'out' | 'err', text: string): void;
  /** runs a callback of the program (its errors end it as Node's would) */
  guard(f: () => void): void;
  /** the program ends with this exit code */
  end(code: number): void;
}

/** Node's `process` as a program on a small Linux box sees it, with its clock the virtual one. */
export function virtualProcess(host: ProcessHost): EventEmitter & Record<string, unknown> {
  const p = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const write = (stream: 'out' | 'err') => ({
    write: (s: unknown) => {
      host.write(stream, String(s).replace(/\n$/, ''));
      return true;
    },
    isTTY: false,
    columns: 80,
  });
  const hrtime = (prev?: [number, number]) => {
    const ns = Math.round(host.elapsedMs() * 1e6);
    const t: [number, number] = [Math.floor(ns / 1e9), ns % 1e9];
    if (!prev) return t;
    let s = t[0] - prev[0];
    let n = t[1] - prev[1];
    if (n < 0) {
      s--;
      n += 1e9;
    }
    return [s, n];
  };
  hrtime.bigint = () => BigInt(Math.round(host.elapsedMs() * 1e6));
  Object.assign(p, {
    argv: ['/usr/local/bin/node', host.url, ...host.args],
    argv0: 'node',
    execArgv: [],
    env: { NODE_ENV: 'development' },
    exitCode: undefined,
    pid: 4242,
    ppid: 1,
    platform: 'linux',
    arch: 'x64',
    title: 'node',
    version: 'v20.19.0',
    versions: { node: '20.19.0' },
    release: { name: 'node' },
    cwd: () => '/app',
    uptime: () => host.elapsedMs() / 1000,
    hrtime,
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => host.guard(() => fn(...args))),
    exit: (code?: unknown) => {
      const c = code === undefined ? (typeof p.exitCode === 'number' ? p.exitCode : 0) : Number(code) || 0;
      host.end(c);
      throw new ExitSignal(c);
    },
    kill: () => true,
    emitWarning: (w: unknown) => host.write('err', `(node:4242) Warning: ${w instanceof Error ? w.message : String(w)}`),
    stdout: write('out'),
    stderr: write('err'),
  });
  return p;
}

/** Math with `random` drawn from the run's seeded generator. */
export function virtualMath(rng: RngState): Math {
  return Object.create(Math, { random: { value: () => nextFloat(rng), writable: true, configurable: true } }) as Math;
}

/** Date whose "now" is `clock()` (the calendar time of the virtual clock); other dates as usual. */
export function virtualDate(clock: () => number): DateConstructor {
  const RealDate = Date;
  function VirtualDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(clock()).toString();
    return args.length === 0 ? new RealDate(clock()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = clock;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  return VirtualDate as unknown as DateConstructor;
}
