import { EventEmitter } from 'events';
import { Buffer } from 'buffer';
import { createRng } from '../../engine';
import type { ProgramEvent, ProgramExit, ProgramRequest, ProgramSpec, ReplyValue, TurnInput, TurnOutput, WireError } from '../../sim/programs/protocol';
import { TURN_LIMITS } from '../../sim/programs/protocol';
import { callbackApi } from './amqplib/callbackApi';
import { promiseApi } from './amqplib/promiseApi';
import { prepare } from './compile';
import { ProgramConsole } from './console';
import { describeError, locate } from './errorText';
import type { ConnectionEvent, Kernel } from './kernel';
import { cryptoModule, moduleNotFound, timersModule, timersPromisesModule, utilModule } from './nodeModules';
import { EPOCH, ExitSignal, virtualDate, virtualMath, virtualProcess } from './sandboxGlobals';
import { VirtualTimers } from './timers';

// where virtual time 0 is on the calendar (tests read it here)
export { EPOCH } from './sandboxGlobals';

/**
 * One program, as Node would run it, driven turn by turn on the virtual clock (see the README of
 * src/programs). The same class runs inside a Web Worker in the page and in-process in the unit
 * tests: its host only provides `settle` (wait until the program has nothing left to run but to
 * wait) and reports the rejections nobody handled.
 */

export interface RuntimeHost {
  /** Resolves after every microtask queued so far, and those they queue, has run. */
  settle(): Promise<void>;
}

// biome-ignore lint/complexity/noBannedTypes: the constructor of async functions has no other type
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Function;

/** Node's module wrapper (the program's own scope: a program may declare a `Buffer` or a `process` of its own). */
const MODULE_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', '__import', '__named', '__dyn_', '__imeta'];
/** The globals a program sees, in an enclosing scope. */
const GLOBAL_PARAMS = [
  'process', 'console', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
  'queueMicrotask', 'Math', 'Date', 'performance', 'crypto', 'global', 'fetch',
];

export class ProgramRuntime {
  private now = 0;
  private startedAt = 0;
  private exit: ProgramExit | null = null;
  private requests: ProgramRequest[] = [];
  private replies = new Map<number, (err: WireError | null, value: ReplyValue) => void>();
  private nextRid = 1;
  private connections = new Map<number, (e: ConnectionEvent) => void>();
  /** connection.open requests waiting for their reply (they keep the program alive) */
  private opening = new Set<number>();
  private nextConn = 1;
  private publishes = new Map<string, number>();
  private readonly timers = new VirtualTimers(() => this.now);
  private readonly console = new ProgramConsole(() => this.now, () => this.exit === null);
  private readonly process: EventEmitter & Record<string, unknown>;
  private readonly modules = new Map<string, unknown>();
  private readonly rng;
  private readonly url: string;
  private lineOffset = 2;
  /** characters before the program's own first line in the compiled function (the wrapper's header) */
  private firstLineShift = 0;

  constructor(
    readonly spec: ProgramSpec,
    private readonly host: RuntimeHost,
    readonly clientName: string,
  ) {
    this.rng = createRng(spec.seed);
    this.url = `/app/${spec.file}`;
    this.process = virtualProcess({
      url: this.url,
      args: this.spec.args,
      elapsedMs: () => this.now - this.startedAt,
      write: (stream, text) => this.console.write(stream, text),
      guard: (f) => this.guard(f),
      end: (code) => this.end(code),
    });
  }

  // ------------------------------------------------------------------ turns
  async turn(input: TurnInput): Promise<TurnOutput> {
    this.now = input.t;
    this.publishes.clear();
    for (const e of input.events) {
      if (this.exit) break;
      this.guard(() => this.dispatch(e));
      await this.host.settle();
    }
    if (!this.exit && this.requests.length > TURN_LIMITS.requests) this.stop({ kind: 'crash', code: 1, limit: 'output' }, `Warren stopped this program: it sent more than ${TURN_LIMITS.requests} AMQP methods in one instant.`);
    if (!this.exit && !this.alive()) this.end(typeof this.process.exitCode === 'number' ? this.process.exitCode : 0);
    const changes = this.timers.takeChanges();
    const out: TurnOutput = {
      requests: this.requests,
      timersSet: changes.set.length > TURN_LIMITS.timers ? changes.set.slice(0, TURN_LIMITS.timers) : changes.set,
      timersCleared: changes.cleared,
      out: this.console.take(),
      sigint: this.process.listenerCount('SIGINT') > 0,
    };
    if (this.exit) out.exit = this.exit;
    this.requests = [];
    return out;
  }

  /**
   * The globals of the program's world, for a Web Worker to install on its global scope (so that
   * `globalThis.Date` is virtual too, not only `Date`). One program per worker: nothing else is there.
   */
  sandboxGlobals(): Record<string, unknown> {
    const math = virtualMath(this.rng);
    return { Date: virtualDate(() => EPOCH + this.now), random: math.random, process: this.process, Buffer, console: this.console.api(), performance: { now: () => this.now - this.startedAt } };
  }

  /** A rejection nobody handled: Node (15 and later) ends the program with it. */
  unhandledRejection(reason: unknown): void {
    this.crash(reason);
  }

  /** An exception that escaped to the top (a callback, a microtask). */
  uncaught(err: unknown): void {
    this.crash(err);
  }

  private alive(): boolean {
    return this.connections.size > 0 || this.opening.size > 0 || this.timers.refCount > 0;
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof ExitSignal) return;
      this.crash(e);
    }
  }

  private dispatch(e: ProgramEvent): void {
    switch (e.type) {
      case 'start':
        this.start();
        return;
      case 'timer': {
        const run = this.timers.fire(e.id);
        if (run) run();
        return;
      }
      case 'signal':
        if (this.process.listenerCount(e.signal) > 0) this.process.emit(e.signal, e.signal);
        else this.stop({ kind: 'killed', code: 130 }, '');
        return;
      case 'reply':
      case 'reply-error': {
        this.opening.delete(e.rid);
        const cb = this.replies.get(e.rid);
        if (!cb) return;
        this.replies.delete(e.rid);
        if (e.type === 'reply') cb(null, e.value);
        else cb(e.error, null);
        return;
      }
      default:
        this.connections.get(e.conn)?.(e);
    }
  }

  // ------------------------------------------------------------------ start
  private start(): void {
    this.startedAt = this.now;
    this.lineOffset = probeLineOffset();
    const prepared = prepare(this.spec.source, this.spec.file);
    if (!prepared.ok) {
      const { message, line, column } = prepared.error;
      this.stop({ kind: 'crash', code: 1, error: { message, line, column } }, describeError(message, this.spec.source, { line, column }, { url: this.url, lineOffset: 0, firstLineShift: 0, lines: 0 }));
      return;
    }
    const module = { exports: {} as unknown, id: '.', filename: this.url, loaded: false, children: [], paths: [] };
    const require = (name: unknown) => this.require(String(name));
    const moduleValues = [module.exports, require, module, this.url, '/app', (n: string) => this.esmNamespace(n), esmNamed, (n: unknown) => Promise.resolve().then(() => this.esmNamespace(String(n))), { url: `file://${this.url}` }];
    const globalValues = [
      this.process, this.console.api(), Buffer, this.timers.setTimeout, this.timers.setInterval, this.timers.setImmediate, this.timers.clearTimeout, this.timers.clearTimeout, this.timers.clearTimeout,
      (fn: () => void) => queueMicrotask(() => this.guard(fn)), virtualMath(this.rng), virtualDate(() => EPOCH + this.now), { now: () => this.now - this.startedAt, timeOrigin: EPOCH + this.startedAt }, cryptoModule(this.rng), globalThis, noFetch,
    ];
    let fn: (...args: unknown[]) => Promise<unknown>;
    try {
      // the wrapper's header shares the first line with the program's: line numbers stay the program's
      const header = `return (async function (${MODULE_PARAMS.join(', ')}) {`;
      this.firstLineShift = header.length + prepared.prefix;
      const wrapped = `${header}${prepared.body}\n}).apply(this, __moduleValues);\n//# sourceURL=${this.url}`;
      fn = new AsyncFunction(...GLOBAL_PARAMS, '__moduleValues', wrapped) as typeof fn;
    } catch (e) {
      this.crash(e);
      return;
    }
    fn.apply(module.exports, [...globalValues, moduleValues]).then(
      () => {
        module.loaded = true;
      },
      (e) => {
        if (!(e instanceof ExitSignal)) this.crash(e);
      },
    );
  }

  private require(name: string): unknown {
    const n = name.startsWith('node:') ? name.slice(5) : name.replace(/\.js$/, '');
    const hit = this.modules.get(n);
    if (hit) return hit;
    const m = this.makeModule(n);
    if (m === undefined) throw moduleNotFound(name, this.spec.file);
    this.modules.set(n, m);
    return m;
  }

  private makeModule(n: string): unknown {
    switch (n) {
      case 'amqplib':
      case 'amqplib/channel_api':
        return promiseApi(this.kernel);
      case 'amqplib/callback_api':
        return callbackApi(this.kernel);
      case 'buffer':
        return { Buffer };
      case 'events':
        return EventEmitter;
      case 'util':
        return utilModule();
      case 'crypto':
        return cryptoModule(this.rng);
      case 'timers':
        return timersModule(this.timers);
      case 'timers/promises':
        return timersPromisesModule(this.timers);
      case 'process':
        return this.process;
      default:
        return undefined;
    }
  }

  private esmNamespace(name: string): Record<string, unknown> {
    const m = this.require(name) as Record<string, unknown>;
    return Object.assign(Object.create(null), m, { default: m });
  }

  // ------------------------------------------------------------------ the kernel amqplib talks to
  private readonly kernel: Kernel = ((name: () => string) => ({
    send: (req) => {
      if (this.exit) return;
      if (req.op === 'publish') {
        const k = `${req.conn}:${req.ch}`;
        this.publishes.set(k, (this.publishes.get(k) ?? 0) + 1);
      }
      if (req.op === 'connection.open') this.opening.add(req.rid);
      this.requests.push(req);
    },
    expect: (cb) => {
      const rid = this.nextRid++;
      this.replies.set(rid, cb);
      return rid;
    },
    nextConnection: () => this.nextConn++,
    attach: (conn, handler) => {
      this.connections.set(conn, handler);
    },
    detach: (conn) => {
      this.connections.delete(conn);
    },
    published: (conn, ch) => this.publishes.get(`${conn}:${ch}`) ?? 0,
    get clientName() {
      return name();
    },
    Buffer,
  }))(() => this.clientName);

  // ------------------------------------------------------------------ endings
  /** The program ends normally (process.exit, or nothing left to wait for). */
  private end(code: number): void {
    if (this.exit) return;
    this.emitExit(code);
    this.exit = { kind: 'exit', code };
    this.dropConnections();
  }

  private crash(err: unknown): void {
    if (this.exit) return;
    const frame = { url: this.url, lineOffset: this.lineOffset, firstLineShift: this.firstLineShift, lines: this.spec.source.split('\n').length };
    const place = locate(err, frame);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : `Uncaught ${typeof err === 'string' ? `'${err}'` : String(err)}`;
    this.console.write('err', describeError(err, this.spec.source, place, frame));
    this.emitExit(1);
    this.exit = { kind: 'crash', code: 1, error: { message, ...(place ? { line: place.line, column: place.column } : {}) } };
    this.dropConnections();
  }

  /** Ends the program from outside its code (a limit, a signal without a listener). */
  private stop(exit: ProgramExit, text: string): void {
    if (this.exit) return;
    if (text) this.console.write('err', text);
    this.exit = exit;
    this.dropConnections();
  }

  private emitExit(code: number): void {
    try {
      this.process.emit('exit', code);
    } catch {
      // an exception in an 'exit' listener changes nothing now
    }
  }

  /** A process that ends takes its sockets with it: the broker sees each connection drop. */
  private dropConnections(): void {
    const conns = [...this.connections.keys()];
    this.connections.clear();
    for (const conn of conns) this.requests.push({ op: 'connection.drop', conn });
  }
}

function esmNamed(m: Record<string, unknown>, name: string, from: string): unknown {
  if (!(name in m)) throw new SyntaxError(`The requested module '${from}' does not provide an export named '${name}'`);
  return m[name];
}

function noFetch(): Promise<never> {
  return Promise.reject(new TypeError('fetch failed: Warren programs have no network (only the simulated broker, through amqplib)'));
}

let offset: number | null = null;

/** Lines the engine puts before a function body (the `async function anonymous(…) {` header). */
function probeLineOffset(): number {
  if (offset !== null) return offset;
  offset = 2;
  try {
    const f = new Function('a', 'return new Error("probe").stack\n//# sourceURL=/warren/probe.js') as () => string;
    const m = /\/warren\/probe\.js:(\d+)/.exec(f() ?? '');
    if (m) offset = Number(m[1]) - 1;
  } catch {
    offset = 2;
  }
  return offset;
}
