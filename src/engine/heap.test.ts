import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimedHeap } from './heap';

/** The reference: every item kept in a list, the earliest (time, then insertion order) taken out. */
class Reference {
  private items: { at: number; seq: number; item: number }[] = [];
  private seq = 0;
  push(at: number, item: number): void {
    this.items.push({ at, seq: this.seq++, item });
  }
  pop() {
    if (!this.items.length) return undefined;
    let m = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i]!;
      const b = this.items[m]!;
      if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) m = i;
    }
    return this.items.splice(m, 1)[0];
  }
  get size() {
    return this.items.length;
  }
}

// a clock that moves forward, and delays of a few classes (fixed latencies, a steady rate) mixed
// with jittered ones and ties, as a world schedules them
const op = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), delay: fc.oneof(fc.constant(0), fc.constant(300), fc.constant(1), fc.double({ min: 0, max: 10, noNaN: true })) }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('tick' as const), dt: fc.nat(20) }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
  fc.record({ kind: fc.constant('remove' as const), mod: fc.integer({ min: 2, max: 5 }) }),
);

describe('TimedHeap', () => {
  it('takes items out in (time, insertion) order, across lanes, the heap, snapshots and removals', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        let h = new TimedHeap<number>();
        let ref = new Reference();
        let now = 0;
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            h.push(now + o.delay, n);
            ref.push(now + o.delay, n);
            n++;
          } else if (o.kind === 'pop') {
            const a = h.pop();
            const b = ref.pop();
            expect(a && { at: a.at, item: a.item }).toEqual(b && { at: b.at, item: b.item });
            if (a) now = Math.max(now, a.at);
          } else if (o.kind === 'tick') now += o.dt;
          else if (o.kind === 'snapshot') {
            const json = h.toJSON();
            h = TimedHeap.fromJSON(JSON.parse(JSON.stringify(json)));
            expect(h.toJSON()).toEqual(json);
          } else {
            h.remove((item) => item % o.mod === 0);
            const rest: { at: number; item: number }[] = [];
            for (let x = ref.pop(); x; x = ref.pop()) if (x.item % o.mod !== 0) rest.push(x);
            ref = new Reference();
            for (const x of rest) ref.push(x.at, x.item);
          }
          expect(h.size).toBe(ref.size);
          expect(h.peekTime()).toBe(h.peek()?.at ?? Number.POSITIVE_INFINITY);
        }
        for (let b = ref.pop(); b; b = ref.pop()) expect(h.pop()?.item).toBe(b.item);
        expect(h.pop()).toBeUndefined();
        expect(h.peekTime()).toBe(Number.POSITIVE_INFINITY);
      }),
      { numRuns: 300 },
    );
  });

  it('a snapshot lists the items sorted, which is also a valid binary heap', () => {
    const h = new TimedHeap<string>();
    for (const [at, s] of [[5, 'a'], [1, 'b'], [5, 'c'], [3, 'd'], [2, 'e']] as const) h.push(at, s);
    expect(h.toJSON().items.map((i) => i.item)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('a long steady flow does not keep what it already handed out', () => {
    const h = new TimedHeap<number>();
    for (let t = 0; t < 50_000; t++) {
      h.push(t + 300, t);
      if (t >= 300 && h.pop()!.item !== t - 300) throw new Error(`out of order at ${t}`);
    }
    expect(h.size).toBe(300);
    // the lane's storage holds about what is queued, not all 50,000 pushes
    const lanes = (h as unknown as { lanes: { capacity: number }[] }).lanes;
    expect(Math.max(...lanes.map((l) => l.capacity))).toBeLessThan(3000);
  });
});
