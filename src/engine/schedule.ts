import { type Timed, TimedHeap } from './heap';

/** message-expiry / queue-idle: per queue; transit: a message travelling inside the broker (token = transit id). */
export type TimerKind = 'message-expiry' | 'queue-idle' | 'transit';

/**
 * The broker's timers on its virtual clock (see heap.ts for the deterministic ordering). A timer
 * that is no longer wanted is not removed but recognised as stale when it fires (its token changed).
 */
export interface Timer {
  at: number;
  seq: number;
  kind: TimerKind;
  /** the queue the timer belongs to ('' for transits) */
  queue: string;
  /** compared with the queue's current token for this kind (or the transit id); a mismatch means stale */
  token: number;
}

type Data = Omit<Timer, 'at' | 'seq'>;
// fields written out rather than spread: one of these per timer fired (a spread is far slower)
const toTimer = (t: Timed<Data>): Timer => ({ at: t.at, seq: t.seq, kind: t.item.kind, queue: t.item.queue, token: t.item.token });

export class Schedule {
  private heap = new TimedHeap<Data>();

  get size(): number {
    return this.heap.size;
  }

  add(at: number, kind: TimerKind, queue: string, token: number): void {
    this.heap.push(at, { kind, queue, token });
  }

  /** The earliest timer, without removing it (the heap's own record: read it, do not keep it). */
  peek(): Readonly<{ at: number; item: Data }> | undefined {
    return this.heap.peek();
  }

  /** Time of the earliest timer, or Infinity. */
  peekTime(): number {
    return this.heap.peekTime();
  }

  /** Removes and returns the earliest timer due at or before `t`. */
  popDue(t: number): Timer | undefined {
    if (this.heap.peekTime() > t) return undefined;
    return toTimer(this.heap.pop()!);
  }

  /** Removes the earliest timer (a stale one) without building its record. */
  dropTop(): void {
    this.heap.pop();
  }

  /** Drops every timer for which `stale` says so (keeps the heap small after churn). */
  prune(stale: (t: Timer) => boolean): void {
    this.heap.remove((d) => stale({ at: 0, seq: 0, ...d }));
  }

  toJSON(): { seq: number; timers: Timer[] } {
    const j = this.heap.toJSON();
    return { seq: j.seq, timers: j.items.map(toTimer) };
  }

  static fromJSON(data: { seq: number; timers: Timer[] }): Schedule {
    const s = new Schedule();
    s.heap = TimedHeap.fromJSON({ seq: data.seq, items: data.timers.map(({ at, seq, ...item }) => ({ at, seq, item })) });
    return s;
  }
}
