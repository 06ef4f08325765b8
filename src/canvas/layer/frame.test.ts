import { describe, expect, it } from 'vitest';
import type { Segment } from '../../store/tokens';
import { sampleCubic, straightCubic } from './bezier';
import { hitTest, LOOK, layoutStill, layoutTokens, progress, refOf, TokenFrame, type View } from './frame';
import { COLOURS, colourIndex } from './palette';
import type { Travel } from './paths';

// two horizontal lines in flow coordinates: a (0,0)→(100,0) and b (0,50)→(100,50); c far off screen
const lines = {
  a: sampleCubic(straightCubic(0, 0, 100, 0)),
  b: sampleCubic(straightCubic(0, 50, 100, 50)),
  c: sampleCubic(straightCubic(5000, 5000, 5100, 5000)),
};
const paths = { resolve: (t: Travel) => lines[t.link as keyof typeof lines] ?? null };
const view: View = { tx: 10, ty: 20, zoom: 2, width: 800, height: 600 };

let ids = 0;
function seg(x: Partial<Segment>): Segment {
  return { id: ++ids, kind: 'route', from: 'x', to: 'q', link: 'a', t0: 0, t1: 100, key: 'k', reverse: false, ...x } as Segment;
}

describe('layoutTokens: a token is a function of virtual time', () => {
  it('is at (now - t0) / (t1 - t0) along its line, in screen pixels', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ t0: 1000, t1: 1200 })], 1050, paths, view, f, null);
    expect(f.n).toBe(1);
    // 25% of (0,0)→(100,0) is (25,0): screen = flow × zoom + translation
    expect(f.x[0]).toBeCloseTo(25 * 2 + 10, 3);
    expect(f.y[0]).toBeCloseTo(20, 3);
  });

  it('gives the same picture for the same time, whatever happened before (no animation state)', () => {
    const segments = [seg({ t0: 0, t1: 100 }), seg({ link: 'b', t0: 20, t1: 60 })];
    const a = new TokenFrame();
    const b = new TokenFrame();
    layoutTokens(segments, 90, paths, view, a, null);
    layoutTokens(segments, 40, paths, view, b, null);
    layoutTokens(segments, 10, paths, view, b, null);
    layoutTokens(segments, 90, paths, view, b, null);
    expect(Array.from(b.x.subarray(0, b.n))).toEqual(Array.from(a.x.subarray(0, a.n)));
  });

  it('travels a reversed segment (an ack) from the end of its line back to the start', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ kind: 'ack', reverse: true, t0: 0, t1: 100 })], 25, paths, view, f, null);
    expect(f.x[0]).toBeCloseTo(75 * 2 + 10, 3);
  });

  it('shows only segments on their way: not before t0, not after t1', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ t0: 50, t1: 100 }), seg({ t0: 0, t1: 40 }), seg({ t0: 0, t1: 45 })], 45, paths, view, f, null);
    expect(f.n).toBe(1);
    expect(f.refs[0]!.t1).toBe(45);
  });

  it('arrives at once when a segment takes no time', () => {
    expect(progress({ t0: 5, t1: 5 }, 5)).toBe(1);
    expect(progress({ t0: 0, t1: 200 }, 50)).toBe(0.25);
  });

  it('culls lines and tokens off screen, and segments whose nodes are not drawn', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ link: 'c' }), seg({ link: 'nowhere' }), seg({})], 50, paths, view, f, null);
    expect(f.n).toBe(1);
    // panned so that only the right half of line a is visible
    layoutTokens([seg({ t0: 0, t1: 100 }), seg({ t0: 0, t1: 100 })], 10, paths, { ...view, tx: -150 }, f, null);
    expect(f.n).toBe(0);
  });

  it('styles tokens by look and by routing key colour', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ key: 'orders' }), seg({ kind: 'ack', key: 'orders' }), seg({ kind: 'dead-letter', key: 'orders' })], 50, paths, view, f, null);
    const C = COLOURS.length;
    expect(f.style[0]).toBe(LOOK.message * C + colourIndex('orders'));
    expect(f.style[1]).toBe(LOOK.ack * C);
    expect(f.style[2]).toBe(LOOK.deadLetter * C + colourIndex('orders'));
  });

  it('marks the tokens of the selected message (by id, or by publisher and sequence before it has an id)', () => {
    const f = new TokenFrame();
    const segs = [seg({ msgId: 7 }), seg({ msgId: 8 }), seg({ kind: 'publish', publisher: 'p1', seq: 3 }), seg({ kind: 'ack', msgId: 7, reverse: true })];
    layoutTokens(segs, 50, paths, view, f, { msgId: 7 });
    expect(f.selected).toEqual([0, 3]);
    layoutTokens(segs, 50, paths, view, f, { publisher: 'p1', seq: 3 });
    expect(f.selected).toEqual([2]);
  });

  it('grows its buffers past their first size', () => {
    const f = new TokenFrame();
    const many = Array.from({ length: 5000 }, (_, i) => seg({ t0: 0, t1: 100 + i }));
    layoutTokens(many, 50, paths, view, f, null);
    expect(f.n).toBe(5000);
    expect(f.x.length).toBeGreaterThanOrEqual(5000);
  });
});

describe('layoutStill: reduced motion', () => {
  it('shows one still token per line, at its middle, with how many travel on it', () => {
    const f = new TokenFrame();
    layoutStill([seg({ t0: 0, t1: 100 }), seg({ t0: 10, t1: 90 }), seg({ link: 'b' }), seg({ t0: 80, t1: 90 })], 50, paths, view, f, null);
    expect(f.n).toBe(2);
    expect(f.count[0]).toBe(2);
    expect(f.x[0]).toBeCloseTo(50 * 2 + 10, 3);
    expect(f.count[1]).toBe(1);
  });

  it('does not move while time passes', () => {
    const f = new TokenFrame();
    const segs = [seg({ t0: 0, t1: 100 })];
    layoutStill(segs, 10, paths, view, f, null);
    const x = f.x[0];
    layoutStill(segs, 90, paths, view, f, null);
    expect(f.x[0]).toBe(x);
  });
});

describe('hitTest', () => {
  const f = new TokenFrame();
  const s1 = seg({ msgId: 1 });
  const s2 = seg({ msgId: 2 });
  f.push(100, 100, 0, s1);
  f.push(108, 100, 0, s2);

  it('finds the nearest token within the radius', () => {
    expect(hitTest(f, 101, 101, 6)).toBe(s1);
    expect(hitTest(f, 106, 99, 6)).toBe(s2);
  });

  it('finds nothing away from tokens', () => {
    expect(hitTest(f, 130, 100, 6)).toBeNull();
    expect(hitTest(new TokenFrame(), 0, 0, 6)).toBeNull();
  });

  it('turns a token into the message the inspector shows', () => {
    expect(refOf(s1)).toEqual({ msgId: 1 });
    expect(refOf(seg({ kind: 'publish', publisher: 'p', seq: 4 }))).toEqual({ publisher: 'p', seq: 4 });
    expect(refOf(seg({}))).toBeNull();
  });
});

describe('persistent and transient messages', () => {
  it('are told apart by shape, not colour: a persistent message is the square look, in the same key colour', () => {
    const f = new TokenFrame();
    layoutTokens([seg({ kind: 'route', key: 'k', persistent: false }), seg({ kind: 'route', key: 'k', persistent: true }), seg({ kind: 'dead-letter', key: 'k', persistent: true })], 50, paths, view, f, null);
    const C = COLOURS.length;
    expect(f.style[0]).toBe(LOOK.message * C + colourIndex('k'));
    expect(f.style[1]).toBe(LOOK.messagePersistent * C + colourIndex('k'));
    expect(f.style[2]).toBe(LOOK.deadLetterPersistent * C + colourIndex('k'));
  });
});
