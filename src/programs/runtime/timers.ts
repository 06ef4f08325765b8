/**
 * setTimeout & co. on the VIRTUAL clock. A timer is a promise to run a callback at a virtual time;
 * the world wakes the program up then (a 'timer' event). Node's rules: a delay below 1 ms (or not a
 * number, or above 2^31-1) is 1 ms; an interval runs again `delay` after its callback started; an
 * unref'd timer does not keep the program alive.
 */

interface Timer {
  id: number;
  at: number;
  delay: number;
  repeat: boolean;
  ref: boolean;
  fn: (...args: unknown[]) => void;
  args: unknown[];
  handle: Timeout;
}

/** What setTimeout returns in Node: an object, usable as a number too. */
export class Timeout {
  constructor(
    private readonly timers: VirtualTimers,
    readonly id: number,
  ) {}
  ref(): this {
    this.timers.setRef(this.id, true);
    return this;
  }
  unref(): this {
    this.timers.setRef(this.id, false);
    return this;
  }
  hasRef(): boolean {
    return this.timers.hasRef(this.id);
  }
  refresh(): this {
    this.timers.refresh(this.id);
    return this;
  }
  close(): this {
    this.timers.clear(this.id);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

const MAX_DELAY = 2 ** 31 - 1;

function delayOf(ms: unknown): number {
  const n = Number(ms);
  return !(n >= 1 && n <= MAX_DELAY) ? 1 : n;
}

export class VirtualTimers {
  private timers = new Map<number, Timer>();
  private nextId = 1;
  /** what changed during the current turn (the turn's output) */
  set: { id: number; at: number }[] = [];
  cleared: number[] = [];

  constructor(private readonly now: () => number) {}

  private add(fn: unknown, delay: number, repeat: boolean, args: unknown[], immediate = false): Timeout {
    if (typeof fn !== 'function') {
      const e = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`) as TypeError & { code: string };
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const id = this.nextId++;
    const handle = new Timeout(this, id);
    const at = immediate ? this.now() : this.now() + delay;
    this.timers.set(id, { id, at, delay, repeat, ref: true, fn: fn as Timer['fn'], args, handle });
    this.set.push({ id, at });
    return handle;
  }

  setTimeout = (fn: unknown, ms?: unknown, ...args: unknown[]): Timeout => this.add(fn, delayOf(ms), false, args);
  setInterval = (fn: unknown, ms?: unknown, ...args: unknown[]): Timeout => this.add(fn, delayOf(ms), true, args);
  setImmediate = (fn: unknown, ...args: unknown[]): Timeout => this.add(fn, 0, false, args, true);
  clearTimeout = (h: unknown): void => {
    if (h === undefined || h === null) return;
    this.clear(Number(h));
  };

  clear(id: number): void {
    if (this.timers.delete(id)) this.cleared.push(id);
  }

  setRef(id: number, ref: boolean): void {
    const t = this.timers.get(id);
    if (t) t.ref = ref;
  }

  hasRef(id: number): boolean {
    return this.timers.get(id)?.ref ?? false;
  }

  refresh(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    t.at = this.now() + t.delay;
    this.set.push({ id, at: t.at });
  }

  /** A timer fired: its callback (an interval is rescheduled first, as Node does). Unknown or stale ids do nothing. */
  fire(id: number): (() => void) | null {
    const t = this.timers.get(id);
    if (!t || t.at > this.now()) return null;
    if (t.repeat) {
      t.at = this.now() + t.delay;
      this.set.push({ id, at: t.at });
    } else this.timers.delete(id);
    return () => t.fn.apply(t.handle, t.args);
  }

  /** Timers that keep the program alive. */
  get refCount(): number {
    let n = 0;
    for (const t of this.timers.values()) if (t.ref) n++;
    return n;
  }

  takeChanges(): { set: { id: number; at: number }[]; cleared: number[] } {
    const out = { set: this.set, cleared: this.cleared };
    this.set = [];
    this.cleared = [];
    return out;
  }
}
