import { describe, expect, it } from 'vitest';
import { EFFECT_MS, type Effect } from '../../store/tokens';
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
    expect(marks[0]!.top).toBe(80);
    expect(marks[1]!.top).toBe(60);
    expect(marks[0]!.dot).toEqual({ x: 300, y: 140, r: 5, colour: keyColour('orders'), square: false });
    expect(marks[1]!.dot).toBeUndefined();
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

  it('a connection opening, closing or being lost is a badge on its cable', () => {
    const marks = aggregate([fx({ kind: 'connection-opened', node: 'connection:c1' }), fx({ kind: 'connection-lost', node: 'connection:c2', detail: 'CONNECTION_FORCED - broker shutdown' })], 0);
    expect(marks.map((m) => markText(m, labels))).toEqual(['⇄ connection opened', '⚠ connection lost: CONNECTION_FORCED - broker shutdown']);
  });
});
