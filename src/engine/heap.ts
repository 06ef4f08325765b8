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
import { Deque } from './deque';

export interface Timed<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * An ordered run, sorted by (at, seq), on the engine's ring-buffer deque: a lane that empties and
 * fills again every few events (a publisher's rate ticks) keeps its buffer instead of dropping and
 * growing an array each time, and those allocations were a good part of a busy run's garbage.
 */
type Lane<T> = Deque<Timed<T>>;

/** A lane that held a burst gives its room back once empty, above this many slots. */
const LANE_KEEP = 4096;

/** More lanes would make every pop compare more heads; a few delay classes are all a world has. */
const MAX_LANES = 4;

export class TimedHeap<T> {
  private heap: Timed<T>[] = [];
  private lanes: Lane<T>[] = [];
  /** each lane's last item's time, NaN while the lane is empty (what push scans) */
  private tails: number[] = [];
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
    // node.seq is larger than any seq already queued, so "not after" by time is enough. The
    // lanes' last times are kept in `tails` (NaN: empty), so the scan reads no lane.
    const tails = this.tails;
    let best = -1;
    let bestAt = Number.NEGATIVE_INFINITY;
    let empty = -1;
    for (let i = 0; i < tails.length; i++) {
      const tailAt = tails[i]!;
      if (Number.isNaN(tailAt)) {
        if (empty < 0) empty = i;
      } else if (tailAt <= at && (best < 0 || tailAt > bestAt)) {
        best = i;
        bestAt = tailAt;
      }
    }
    let i = best >= 0 ? best : empty;
    if (i < 0 && this.lanes.length < MAX_LANES) {
      i = this.lanes.length;
      this.newLane();
    }
    const lane = i >= 0 ? this.lanes[i] : undefined;
    if (lane) {
      lane.push(node);
      tails[i] = at;
    } else this.heapPush(node);
    // (the comparison written out: this runs for every item scheduled)
    const min = this.min;
    if (this.minKnown && (min === undefined || at < min.at || (at === min.at && node.seq < min.seq))) {
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
    from.shift();
    if (from.length === 0) {
      this.tails[this.lanes.indexOf(from)] = Number.NaN;
      from.trim(LANE_KEEP);
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
      const h = lane.peek();
      if (h === undefined) continue;
      if (min === undefined || h.at < min.at || (h.at === min.at && h.seq < min.seq)) {
        min = h;
        from = lane;
      }
    }
    this.min = min;
    this.minLane = from;
    this.minKnown = true;
  }

  private newLane(): Lane<T> {
    const lane: Lane<T> = new Deque();
    this.lanes.push(lane);
    this.tails.push(Number.NaN);
    return lane;
  }

  /** Every queued item, sorted by (at, seq). */
  private all(): Timed<T>[] {
    const out = this.heap.slice();
    for (const lane of this.lanes) for (const x of lane.toArray()) out.push(x);
    return out.sort((a, b) => (earlier(a, b) ? -1 : 1));
  }

  /** Starts over with `sorted` (sorted by (at, seq)) as one lane. */
  private reset(sorted: Timed<T>[]): void {
    this.heap = [];
    this.lanes = [];
    this.tails = [];
    if (sorted.length) {
      const lane = this.newLane();
      for (const s of sorted) lane.push(s);
      this.tails[0] = sorted[sorted.length - 1]!.at;
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

function earlier<T>(a: Timed<T>, b: Timed<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
