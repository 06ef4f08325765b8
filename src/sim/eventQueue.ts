/**
 * The clients' schedule on the virtual clock: a binary min-heap keyed by (time, seq), where seq
 * is an insertion counter, so items due at the same instant run in the order they were
 * scheduled. Items are plain data: the queue serialises into a world snapshot as is.
 */
export interface Scheduled<T> {
  at: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): void {
    const h = this.heap;
    h.push({ at, seq: this.seq++, item });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!earlier(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  peekTime(): number {
    return this.heap.length ? this.heap[0]!.at : Number.POSITIVE_INFINITY;
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && earlier(h[l]!, h[m]!)) m = l;
        if (r < h.length && earlier(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /** Removes every item for which `drop` is true (rare: a client goes away). */
  remove(drop: (item: T) => boolean): void {
    const keep = this.heap.filter((s) => !drop(s.item)).sort((a, b) => (earlier(a, b) ? -1 : 1));
    this.heap = keep;
  }

  toJSON(): { seq: number; items: Scheduled<T>[] } {
    return { seq: this.seq, items: this.heap.map((s) => ({ ...s })) };
  }

  static fromJSON<T>(data: { seq: number; items: Scheduled<T>[] }): EventQueue<T> {
    const q = new EventQueue<T>();
    q.seq = data.seq;
    q.heap = data.items.map((s) => ({ ...s }));
    return q;
  }
}

function earlier<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
