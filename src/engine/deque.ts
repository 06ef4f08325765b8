/**
 * A double-ended queue on a growable ring buffer: O(1) push/shift at both ends and an ordered
 * insert that shifts from the nearer end (requeued messages go back near the head, so putting
 * them back is cheap even in a long queue).
 */
export class Deque<T> {
  private buf: (T | undefined)[];
  private head = 0;
  private len = 0;

  constructor(capacity = 16) {
    this.buf = new Array(capacity);
  }

  get length(): number {
    return this.len;
  }

  /** Slots in the ring now (what it holds in memory, whatever its length). */
  get capacity(): number {
    return this.buf.length;
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }

  peek(): T | undefined {
    return this.len ? this.buf[this.head] : undefined;
  }

  peekLast(): T | undefined {
    return this.len ? this.buf[(this.head + this.len - 1) & (this.buf.length - 1)] : undefined;
  }

  push(x: T): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) & (this.buf.length - 1)] = x;
    this.len++;
  }

  unshift(x: T): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.len++;
  }

  /** Empty and holding more than `keep` slots (after a burst): gives the room back. */
  trim(keep: number): void {
    if (this.len === 0 && this.buf.length > keep) {
      this.buf = new Array(16);
      this.head = 0;
    }
  }

  shift(): T | undefined {
    if (!this.len) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    return x;
  }

  pop(): T | undefined {
    if (!this.len) return undefined;
    const i = (this.head + this.len - 1) & (this.buf.length - 1);
    const x = this.buf[i];
    this.buf[i] = undefined;
    this.len--;
    return x;
  }

  /** Inserts `x` at logical index `at` (0 = head), shifting the shorter side. */
  insertAt(at: number, x: T): void {
    if (at <= 0) {
      this.unshift(x);
      return;
    }
    if (at >= this.len) {
      this.push(x);
      return;
    }
    if (this.len === this.buf.length) this.grow();
    const mask = this.buf.length - 1;
    if (at < this.len / 2) {
      // move [0, at) one step towards the head
      this.head = (this.head - 1) & mask;
      for (let i = 0; i < at; i++) this.buf[(this.head + i) & mask] = this.buf[(this.head + i + 1) & mask];
    } else {
      // move [at, len) one step towards the tail
      for (let i = this.len; i > at; i--) this.buf[(this.head + i) & mask] = this.buf[(this.head + i - 1) & mask];
    }
    this.buf[(this.head + at) & mask] = x;
    this.len++;
  }

  /** Removes and returns the element at logical index `i`. */
  removeAt(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    if (i === 0) return this.shift();
    const mask = this.buf.length - 1;
    const x = this.buf[(this.head + i) & mask];
    for (let j = i; j < this.len - 1; j++) this.buf[(this.head + j) & mask] = this.buf[(this.head + j + 1) & mask];
    this.buf[(this.head + this.len - 1) & mask] = undefined;
    this.len--;
    return x;
  }

  /**
   * Inserts keeping the deque sorted by `key` (ascending), assuming it already is. Searches from
   * the head, where requeued items belong, with a binary search.
   */
  insertSorted(x: T, key: (v: T) => number): void {
    const k = key(x);
    if (!this.len || key(this.peekLast()!) <= k) {
      this.push(x);
      return;
    }
    let lo = 0;
    let hi = this.len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(this.get(mid)!) <= k) lo = mid + 1;
      else hi = mid;
    }
    this.insertAt(lo, x);
  }

  toArray(): T[] {
    const out: T[] = new Array(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
    return out;
  }

  clear(): T[] {
    const all = this.toArray();
    this.buf = new Array(16);
    this.head = 0;
    this.len = 0;
    return all;
  }

  private grow(): void {
    const old = this.toArray();
    this.buf = new Array(this.buf.length * 2);
    for (let i = 0; i < old.length; i++) this.buf[i] = old[i];
    this.head = 0;
  }
}
