/**
 * A priority queue of items due at virtual times, ordered by (time, seq): seq is an insertion
 * counter, so items due at the same instant come out in the order they went in. That tie rule
 * is what makes every schedule in Warren deterministic. Items are plain data, so the queue
 * serialises as is: `toJSON` gives them sorted, and a sorted array is also a valid binary heap.
 *
 * Why not just a binary heap: a busy simulation pushes and pops several items per message, and
 * most of them are due a fixed delay after "now" (a hop latency, a publish rate), so they arrive
 * already in order. Such runs go into FIFO lanes, where push and pop cost O(1) and touch one
 * cache line; only items that fit no lane (jittered processing times) go into the binary heap.
 * `pop` takes the earliest of the lane heads and the heap's top, so the order is exactly the
 * binary heap's order: same items out, same sequence, whatever lane they sat in.
 */
export interface Timed<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * An ordered run, sorted by (at, seq): a ring buffer of `size` items from `head` (capacity a power
 * of two). A ring, not an array with a moving head: a lane that empties and fills again every few
 * events (a publisher's rate ticks) would otherwise drop and grow its array each time, and those
 * allocations were a good part of a busy run's garbage.
 */
interface Lane<T> {
  items: (Timed<T> | undefined)[];
  head: number;
  size: number;
}

const LANE_CAPACITY = 16;
const LANE_KEEP = 4096;

/** More lanes would make every pop compare more heads; a few delay classes are all a world has. */
const MAX_LANES = 4;

export class TimedHeap<T> {
  private heap: Timed<T>[] = [];
  private lanes: Lane<T>[] = [];
  private seq = 0;
  private count = 0;
  /**
   * The earliest item and where it sits (a lane, or the heap when `minLane` is undefined), once
   * known: a world asks for the next time, then pops, often several times per event.
   */
  private min: Timed<T> | undefined;
  private minLane: Lane<T> | undefined;
  private minKnown = false;

  get size(): number {
    return this.count;
  }

  push(at: number, item: T): void {
    const node: Timed<T> = { at, seq: this.seq++, item };
    this.count++;
    // the lane whose last item is the latest one not after `at` (best fit keeps lanes tight);
    // node.seq is larger than any seq already queued, so "not after" by time is enough
    let best: Lane<T> | undefined;
    let bestAt = Number.NEGATIVE_INFINITY;
    let empty: Lane<T> | undefined;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.size === 0) {
        empty ??= lane;
        continue;
      }
      const tailAt = lane.items[(lane.head + lane.size - 1) & (lane.items.length - 1)]!.at;
      if (tailAt <= at && (best === undefined || tailAt > bestAt)) {
        best = lane;
        bestAt = tailAt;
      }
    }
    const lane = best ?? empty ?? (lanes.length < MAX_LANES ? this.newLane() : undefined);
    if (lane) lanePush(lane, node);
    else this.heapPush(node);
    if (this.minKnown && (this.min === undefined || earlier(node, this.min))) {
      this.min = node;
      this.minLane = lane;
    }
  }

  /** The earliest item, without removing it. */
  peek(): Timed<T> | undefined {
    if (!this.minKnown) this.findMin();
    return this.min;
  }

  peekTime(): number {
    if (!this.minKnown) this.findMin();
    return this.min === undefined ? Number.POSITIVE_INFINITY : this.min.at;
  }

  pop(): Timed<T> | undefined {
    if (!this.minKnown) this.findMin();
    const min = this.min;
    const from = this.minLane;
    if (min === undefined) return undefined;
    this.minKnown = false;
    this.min = undefined;
    this.minLane = undefined;
    this.count--;
    if (from === undefined) return this.heapPop();
    from.items[from.head] = undefined;
    from.head = (from.head + 1) & (from.items.length - 1);
    // a lane that held a burst gives its room back once empty
    if (--from.size === 0 && from.items.length > LANE_KEEP) {
      from.items = new Array(LANE_CAPACITY);
      from.head = 0;
    }
    return min;
  }

  /** Removes every item for which `drop` says so. */
  remove(drop: (item: T) => boolean): void {
    this.reset(this.all().filter((s) => !drop(s.item)));
  }

  toJSON(): { seq: number; items: Timed<T>[] } {
    return { seq: this.seq, items: this.all().map((s) => ({ ...s })) };
  }

  static fromJSON<T>(data: { seq: number; items: Timed<T>[] }): TimedHeap<T> {
    const q = new TimedHeap<T>();
    q.seq = data.seq;
    q.reset(data.items.map((s) => ({ ...s })).sort((a, b) => (earlier(a, b) ? -1 : 1)));
    return q;
  }

  // ---------------------------------------------------------------- internals
  /** The earliest of the lane heads and the heap's top. */
  private findMin(): void {
    let min: Timed<T> | undefined = this.heap[0];
    let from: Lane<T> | undefined;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.size === 0) continue;
      const h = lane.items[lane.head]!;
      if (min === undefined || earlier(h, min)) {
        min = h;
        from = lane;
      }
    }
    this.min = min;
    this.minLane = from;
    this.minKnown = true;
  }

  private newLane(): Lane<T> {
    const lane: Lane<T> = { items: new Array(LANE_CAPACITY), head: 0, size: 0 };
    this.lanes.push(lane);
    return lane;
  }

  /** Every queued item, sorted by (at, seq). */
  private all(): Timed<T>[] {
    const out = this.heap.slice();
    for (const lane of this.lanes) {
      const mask = lane.items.length - 1;
      for (let i = 0; i < lane.size; i++) out.push(lane.items[(lane.head + i) & mask]!);
    }
    return out.sort((a, b) => (earlier(a, b) ? -1 : 1));
  }

  /** Starts over with `sorted` (sorted by (at, seq)) as one lane. */
  private reset(sorted: Timed<T>[]): void {
    this.heap = [];
    this.lanes = [];
    if (sorted.length) {
      const lane = this.newLane();
      for (const s of sorted) lanePush(lane, s);
    }
    this.count = sorted.length;
    this.minKnown = false;
  }

  private heapPush(node: Timed<T>): void {
    const h = this.heap;
    // sift up by moving parents down into the hole and writing the node once (no swaps)
    let i = h.length;
    h.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!earlier(node, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = node;
  }

  private heapPop(): Timed<T> {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      // sift the last node down from the root through a hole (see heapPush)
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && earlier(h[r]!, h[l]!) ? r : l;
        const child = h[m]!;
        if (!earlier(child, last)) break;
        h[i] = child;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}

/** Appends to a lane's ring (doubling it when full). */
function lanePush<T>(lane: Lane<T>, node: Timed<T>): void {
  let items = lane.items;
  if (lane.size === items.length) {
    const grown: (Timed<T> | undefined)[] = new Array(items.length * 2);
    const mask = items.length - 1;
    for (let i = 0; i < lane.size; i++) grown[i] = items[(lane.head + i) & mask];
    lane.items = items = grown;
    lane.head = 0;
  }
  items[(lane.head + lane.size) & (items.length - 1)] = node;
  lane.size++;
}

function earlier<T>(a: Timed<T>, b: Timed<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
