import { describe, expect, it } from 'vitest';
import { EFFECT_MS, type Effect } from '../../store/tokens';
import { BADGE_H, badgeScale } from './badgeLayout';
import { aggregate, type EffectLabels, effectMarks, fade, markText } from './effects';
import { keyColour } from './palette';

const labels: EffectLabels = {
  kind: {
    expired: 'expired', dropped: 'dropped', unroutable: 'unroutable', requeued: 'requeued', returned: 'returned', 'confirm-nack': 'nacked', error: 'error', crashed: 'crashed',
    lost: 'lost', 'connection-opened': 'connection opened', 'connection-closed': 'connection closed', 'connection-lost': 'connection lost',
  },
  dropReason: (r) => (r === 'maxlen' ? 'queue full' : r),
  lost: (n, why) => `${n} lost (${why})`,
};
let id = 0;
const fx = (x: Partial<Effect>): Effect => ({ id: ++id, kind: 'dropped', node: 'q', t: 0, count: 1, ...x }) as Effect;

describe('effects on nodes', () => {
  it('groups effects by node and kind, within EFFECT_MS of virtual time', () => {
    const marks = aggregate([fx({ t: 0 }), fx({ t: 10 }), fx({ node: 'x', kind: 'unroutable', t: 5 }), fx({ t: -EFFECT_MS - 1 }), fx({ t: 50 })], 20);
    expect(marks.map((m) => [m.node, m.kind, m.count])).toEqual([['q', 'dropped', 2], ['x', 'unroutable', 1]]);
  });

  it('fades over the second half of its time, and not at all when motion is reduced', () => {
    expect(fade(0, false)).toBe(1);
    expect(fade(EFFECT_MS / 2, false)).toBe(1);
    expect(fade(EFFECT_MS * 0.75, false)).toBeCloseTo(0.5, 6);
    expect(fade(EFFECT_MS, false)).toBe(0);
    expect(fade(EFFECT_MS * 0.9, true)).toBe(1);
  });

  it('says what happened, why, and how many times', () => {
    const [drop] = aggregate([fx({ detail: 'maxlen' }), fx({ detail: 'maxlen' })], 0);
    expect(markText(drop!, labels)).toBe('⊘ dropped (queue full) ×2');
    const [err] = aggregate([fx({ kind: 'error', node: 'app', detail: 'channel 2 closed: PRECONDITION_FAILED - unknown delivery tag 5' })], 0);
    expect(markText(err!, labels)).toBe('⚠ error: channel 2 closed: PRECONDITION_FAILED - unknown delivery tag 5');
  });

  it('places badges above the node, and fades the token of an expired message out at the queue in its key colour', () => {
    const box = (n: string) => (n === 'q' ? { x: 100, y: 100, width: 200, height: 80 } : null);
    const marks = effectMarks([fx({ kind: 'expired', msgId: 9 }), fx({ kind: 'requeued' }), fx({ node: 'gone' })], 0, { tx: 0, ty: 0, zoom: 1, width: 800, height: 600 }, box, labels, (m) => (m === 9 ? 'orders' : undefined), false, 8);
    expect(marks).toHaveLength(2);
    expect(marks[0]!.right).toBe(300);
    // at zoom 1 badges are drawn a third bigger than at the 0.75 scenarios open at (16 px like the canvas's texts)
    const k = badgeScale(1);
    expect(marks[0]!.scale).toBeCloseTo(16 / 12, 6);
    expect(marks[0]!.top).toBeCloseTo(100 - (BADGE_H + 3) * k, 6);
    // the second one next to the first, not on it
    const [a, b] = marks.map((m) => ({ x: m.right - m.width!, y: m.top, w: m.width!, h: BADGE_H * k }));
    expect(a!.x < b!.x + b!.w && b!.x < a!.x + a!.w && a!.y < b!.y + b!.h && b!.y < a!.y + a!.h).toBe(false);
    expect(marks[0]!.dot).toEqual({ x: 300, y: 140, r: 5, colour: keyColour('orders'), square: false });
    expect(marks[1]!.dot).toBeUndefined();
  });
});

describe('badges in present mode', () => {
  it('grow with the zoom like the names (never under 12 px text), and keep their place by their node', () => {
    const q = { x: 100, y: 100, width: 200, height: 80 };
    const x = { x: 100, y: -40, width: 200, height: 110 };
    const boxes: Record<string, typeof q> = { q, x };
    const at = (zoom: number, tx: number, ty: number) => {
      const view = { tx, ty, zoom, width: 1280, height: 720 };
      const marks = effectMarks([fx({ kind: 'expired' }), fx({ kind: 'dropped', detail: 'maxlen' }), fx({ kind: 'unroutable', node: 'x' })], 0, view, (n) => boxes[n] ?? null, labels, () => undefined, false, 8, undefined, { obstacles: [q, x], measure: (t) => t.length * 7 });
      // in the flow's units: where each badge is relative to the nodes, and how big
      return marks.map((m) => ({ text: m.text, right: (m.right - tx) / zoom, top: (m.top - ty) / zoom, width: m.width! / zoom, textPx: 12 * (m.scale ?? 1) }));
    };
    const normal = at(0.75, 40, 200);
    const present = at(1.4, -30, 120);
    expect(normal.map((m) => m.textPx)).toEqual([12, 12, 12]);
    for (const m of present) expect(m.textPx).toBeCloseTo(16 * 1.4, 6);
    expect(present.map((m) => m.text)).toEqual(normal.map((m) => m.text));
    present.forEach((m, i) => {
      expect(m.right).toBeCloseTo(normal[i]!.right, 6);
      expect(m.top).toBeCloseTo(normal[i]!.top, 6);
      expect(m.width).toBeCloseTo(normal[i]!.width, 6);
    });
  });
});

describe('long details', () => {
  it('are cut with an ellipsis', () => {
    const [m] = aggregate([fx({ kind: 'error', detail: 'x'.repeat(200) })], 0);
    const text = markText(m!, labels);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(110);
  });
});

describe('losses and connections', () => {
  it('a loss says how many and why, counted by the messages it stands for', () => {
    const [lost] = aggregate([fx({ kind: 'lost', node: 'q', detail: 'broker-restart', count: 5 }), fx({ kind: 'lost', node: 'q', detail: 'broker-restart', count: 2 })], 0);
    expect(markText(lost!, labels)).toBe('⊘ 7 lost (broker-restart)');
  });

  it('a connection badge sits on its cable, its sign alone where the whole text does not fit, covering no node', () => {
    const app = { x: 0, y: 100, width: 250, height: 130 };
    const boxes: Record<string, typeof app> = { app, 'connection:c1': { x: 250, y: 170, width: 56, height: 20 } };
    const marks = effectMarks([fx({ kind: 'connection-opened', node: 'connection:c1' }), fx({ kind: 'error', node: 'app', detail: 'the connection is closed' })], 0, { tx: 0, ty: 0, zoom: 1, width: 800, height: 600 }, (n) => boxes[n] ?? null, labels, () => undefined, false, 8, undefined, { obstacles: [app], measure: (t) => t.length * 7 });
    const cable = marks.find((m) => m.text.startsWith('⇄'))!;
    expect(cable.text).toBe('⇄');
    expect(cable.right - cable.width! >= 250 && cable.right <= 306).toBe(true);
    expect(cable.top).toBeCloseTo(180 - (BADGE_H * badgeScale(1)) / 2, 6);
    for (const m of marks) expect(m.right - m.width! >= app.x + app.width || m.right <= app.x || m.top + BADGE_H * badgeScale(1) <= app.y || m.top >= app.y + app.height).toBe(true);
  });

  it('a connection opening, closing or being lost is a badge on its cable', () => {
    const marks = aggregate([fx({ kind: 'connection-opened', node: 'connection:c1' }), fx({ kind: 'connection-lost', node: 'connection:c2', detail: 'CONNECTION_FORCED - broker shutdown' })], 0);
    expect(marks.map((m) => markText(m, labels))).toEqual(['⇄ connection opened', '⚠ connection lost: CONNECTION_FORCED - broker shutdown']);
  });
});
