/**
 * A binary min-heap of items due at virtual times, ordered by (time, seq): seq is an insertion
 * counter, so items due at the same instant come out in the order they went in. That tie rule
 * is what makes every schedule in Warren deterministic. Items are plain data, so the heap
 * serialises as is (a heap array copied verbatim is still a valid heap).
 */
export interface Timed<T> {
  at: number;
  seq: number;
  item: T;
}

export class TimedHeap<T> {
  private heap: Timed<T>[] = [];
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

  peek(): Timed<T> | undefined {
    return this.heap[0];
  }

  peekTime(): number {
    return this.heap.length ? this.heap[0]!.at : Number.POSITIVE_INFINITY;
  }

  pop(): Timed<T> | undefined {
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

  /** Removes every item for which `drop` says so (rebuilding the heap). */
  remove(drop: (item: T) => boolean): void {
    this.heap = this.heap.filter((s) => !drop(s.item)).sort((a, b) => (earlier(a, b) ? -1 : 1));
  }

  toJSON(): { seq: number; items: Timed<T>[] } {
    return { seq: this.seq, items: this.heap.map((s) => ({ ...s })) };
  }

  static fromJSON<T>(data: { seq: number; items: Timed<T>[] }): TimedHeap<T> {
    const q = new TimedHeap<T>();
    q.seq = data.seq;
    q.heap = data.items.map((s) => ({ ...s }));
    return q;
  }
}

function earlier<T>(a: Timed<T>, b: Timed<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
