/** Past this many slots an emptied ring is given back (it held a long run of unacked deliveries). */
const KEEP_RING = 4096;

/**
 * A channel's unacked deliveries by delivery tag. Tags only grow, and acks mostly come in tag
 * order, so a ring buffer indexed by tag is much cheaper than a Map (no hashing, no rehash
 * churn from deleting at the front). Holes (no-ack deliveries, out-of-order acks) are skipped;
 * if a long-held delivery leaves the ring mostly holes, the table switches to a Map until empty.
 * The broker's messages in transit are kept in one too (by transit id, which also only grows).
 */
export class UnackedTable<V> {
  private ring: (V | undefined)[] = new Array(16);
  /** tag stored at ring index `headIdx` */
  private headTag = 1;
  private headIdx = 0;
  /** tags headTag .. headTag + span - 1 are covered by the ring */
  private span = 0;
  private count = 0;
  private sparse: Map<number, V> | null = null;

  get size(): number {
    return this.count;
  }

  get(tag: number): V | undefined {
    if (this.sparse) return this.sparse.get(tag);
    const off = tag - this.headTag;
    if (off < 0 || off >= this.span) return undefined;
    return this.ring[(this.headIdx + off) & (this.ring.length - 1)];
  }

  has(tag: number): boolean {
    return this.get(tag) !== undefined;
  }

  /** Adds a delivery; tags must be larger than every tag added before. */
  set(tag: number, v: V): void {
    this.count++;
    if (this.sparse) {
      this.sparse.set(tag, v);
      return;
    }
    if (this.span === 0) {
      this.headTag = tag;
      this.headIdx = 0;
    }
    const off = tag - this.headTag;
    if (off + 1 > this.ring.length) {
      if (off + 1 > 4096 && this.count * 8 < off) {
        this.toSparse();
        this.sparse!.set(tag, v);
        return;
      }
      this.grow(off + 1);
    }
    this.ring[(this.headIdx + off) & (this.ring.length - 1)] = v;
    this.span = off + 1;
  }

  delete(tag: number): boolean {
    if (this.sparse) {
      const had = this.sparse.delete(tag);
      if (had) this.count--;
      if (this.count === 0) this.clear();
      return had;
    }
    const off = tag - this.headTag;
    if (off < 0 || off >= this.span) return false;
    const mask = this.ring.length - 1;
    const i = (this.headIdx + off) & mask;
    if (this.ring[i] === undefined) return false;
    this.ring[i] = undefined;
    if (--this.count === 0) {
      // empty: every slot is a hole already; keep the ring (a consumer that keeps up empties its
      // table after nearly every ack, and a new ring each time was garbage on the hot path)
      this.span = 0;
      this.headIdx = 0;
      if (this.ring.length > KEEP_RING) this.ring = new Array(16);
      return true;
    }
    if (off === 0) {
      // move the head past the holes
      while (this.span > 0 && this.ring[this.headIdx] === undefined) {
        this.headIdx = (this.headIdx + 1) & mask;
        this.headTag++;
        this.span--;
      }
    }
    return true;
  }

  /** In tag order. */
  *values(): IterableIterator<V> {
    if (this.sparse) {
      yield* [...this.sparse.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
      return;
    }
    const mask = this.ring.length - 1;
    for (let off = 0; off < this.span; off++) {
      const v = this.ring[(this.headIdx + off) & mask];
      if (v !== undefined) yield v;
    }
  }

  clear(): void {
    this.ring = new Array(16);
    this.headTag = 1;
    this.headIdx = 0;
    this.span = 0;
    this.count = 0;
    this.sparse = null;
  }

  private grow(min: number): void {
    let cap = this.ring.length * 2;
    while (cap < min) cap *= 2;
    const next: (V | undefined)[] = new Array(cap);
    const mask = this.ring.length - 1;
    for (let off = 0; off < this.span; off++) next[off] = this.ring[(this.headIdx + off) & mask];
    this.ring = next;
    this.headIdx = 0;
  }

  private toSparse(): void {
    const m = new Map<number, V>();
    const mask = this.ring.length - 1;
    for (let off = 0; off < this.span; off++) {
      const v = this.ring[(this.headIdx + off) & mask];
      if (v !== undefined) m.set(this.headTag + off, v);
    }
    this.sparse = m;
  }
}
