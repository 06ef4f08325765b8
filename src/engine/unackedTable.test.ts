import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnackedTable } from './unackedTable';

describe('UnackedTable', () => {
  it('behaves like an ordered map for increasing tags, whatever the deletion order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(5000)), { maxLength: 400 }), (ops) => {
        const t = new UnackedTable<number>();
        const m = new Map<number, number>();
        let tag = 1;
        for (const [add, pick] of ops) {
          if (add || m.size === 0) {
            tag += 1 + (pick % 7 === 0 ? pick : 0); // sometimes leave big gaps (no-ack deliveries)
            t.set(tag, tag * 10);
            m.set(tag, tag * 10);
          } else {
            const keys = [...m.keys()];
            const k = keys[pick % keys.length]!;
            expect(t.delete(k)).toBe(true);
            m.delete(k);
          }
          expect(t.size).toBe(m.size);
        }
        expect([...t.values()]).toEqual([...m.keys()].sort((a, b) => a - b).map((k) => m.get(k)));
        for (const k of m.keys()) expect(t.get(k)).toBe(k * 10);
        expect(t.get(tag + 1)).toBeUndefined();
        expect(t.delete(tag + 1)).toBe(false);
      }),
    );
  });

  it('switches to a map when a held delivery leaves mostly holes, and back when empty', () => {
    const t = new UnackedTable<string>();
    t.set(1, 'held');
    t.set(100_000, 'late');
    expect([...t.values()]).toEqual(['held', 'late']);
    expect(t.delete(1)).toBe(true);
    expect(t.delete(100_000)).toBe(true);
    expect(t.size).toBe(0);
    t.set(100_001, 'again');
    expect(t.get(100_001)).toBe('again');
  });
});
