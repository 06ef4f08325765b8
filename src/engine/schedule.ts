/**
 * The broker's timers on its virtual clock: a binary min-heap keyed by (time, seq). `seq` is an
 * insertion counter, so timers due at the same instant fire in the order they were set: the
 * schedule is deterministic. Timers are plain data (they survive a snapshot); a timer that is no
 * longer wanted is not removed but recognised as stale when it fires (its token changed).
 */
export type TimerKind = 'message-expiry' | 'queue-idle';

export interface Timer {
  at: number;
  seq: number;
  kind: TimerKind;
  /** the queue the timer belongs to */
  queue: string;
  /** compared with the queue's current token for this kind; a mismatch means stale */
  token: number;
}

export class Schedule {
  private heap: Timer[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(at: number, kind: TimerKind, queue: string, token: number): void {
    const t: Timer = { at, seq: this.seq++, kind, queue, token };
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The earliest timer, without removing it. */
  peek(): Timer | undefined {
    return this.heap[0];
  }

  /** Time of the earliest timer, or Infinity. */
  peekTime(): number {
    return this.heap.length ? this.heap[0]!.at : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest timer due at or before `t`. */
  popDue(t: number): Timer | undefined {
    const h = this.heap;
    if (!h.length || h[0]!.at > t) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /** Drops every timer for which `stale` says so (keeps the heap small after churn). */
  prune(stale: (t: Timer) => boolean): void {
    const keep = this.heap.filter((t) => !stale(t));
    if (keep.length === this.heap.length) return;
    this.heap = [];
    for (const t of keep.sort((a, b) => (before(a, b) ? -1 : 1))) this.heap.push(t);
  }

  toJSON(): { seq: number; timers: Timer[] } {
    return { seq: this.seq, timers: this.heap.map((t) => ({ ...t })) };
  }

  static fromJSON(data: { seq: number; timers: Timer[] }): Schedule {
    const s = new Schedule();
    s.seq = data.seq;
    // a heap array copied as-is is still a valid heap
    s.heap = data.timers.map((t) => ({ ...t }));
    return s;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
