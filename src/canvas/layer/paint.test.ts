import { describe, expect, it } from 'vitest';
import { LOOK } from './looks';
import { type Ctx2D, type DrawList, Painter, ROUND_LIMIT, tokenSize } from './paint';
import { COLOURS } from './palette';

/** A 2D context that records what is asked of it. */
function recorder() {
  const calls: string[] = [];
  const styles: string[] = [];
  const ctx = {
    set fillStyle(v: string) {
      styles.push(`fill ${v}`);
    },
    set strokeStyle(v: string) {
      styles.push(`stroke ${v}`);
    },
    lineWidth: 1,
    font: '',
    textBaseline: '',
    fillRect: () => calls.push('fillRect'),
    beginPath: () => calls.push('beginPath'),
    moveTo: () => {},
    lineTo: () => {},
    arc: () => calls.push('arc'),
    fill: () => calls.push('fill'),
    stroke: () => calls.push('stroke'),
    fillText: () => calls.push('fillText'),
  };
  return { ctx: ctx as unknown as Ctx2D, calls, styles };
}

function list(styles: number[]): DrawList {
  const n = styles.length;
  return { n, x: new Float32Array(n).fill(10), y: new Float32Array(n).fill(10), style: Uint16Array.from(styles), count: new Uint32Array(n).fill(1), selected: [] };
}

const C = COLOURS.length;

describe('Painter: batched by style', () => {
  it('sets each colour once however many tokens have it', () => {
    const { ctx, styles, calls } = recorder();
    const many = Array.from({ length: 3000 }, (_, i) => LOOK.message * C + (i % 3));
    new Painter().paint(ctx, list(many), 6);
    expect(styles).toEqual([`fill ${COLOURS[0]}`, `fill ${COLOURS[1]}`, `fill ${COLOURS[2]}`]);
    // above ROUND_LIMIT tokens are pixel-aligned squares: one fillRect each, no paths
    expect(calls.filter((c) => c === 'fillRect')).toHaveLength(3000);
    expect(calls).not.toContain('arc');
  });

  it('draws few tokens round, one path and one fill per colour', () => {
    const { ctx, calls } = recorder();
    new Painter().paint(ctx, list([0, 1, 0, 1, 0]), 6);
    expect(calls.filter((c) => c === 'fill')).toHaveLength(2);
    expect(calls.filter((c) => c === 'arc')).toHaveLength(5);
    expect(5).toBeLessThanOrEqual(ROUND_LIMIT);
  });

  it('strokes all acks as one path of ticks, all rejects as one path of crosses', () => {
    const { ctx, calls, styles } = recorder();
    new Painter().paint(ctx, list([LOOK.ack * C, LOOK.reject * C, LOOK.ack * C, LOOK.reject * C]), 6);
    expect(calls.filter((c) => c === 'stroke')).toHaveLength(2);
    expect(styles.every((s) => s.startsWith('stroke'))).toBe(true);
  });

  it('outlines dead-lettered and returned messages (two passes of their own)', () => {
    const { ctx, styles } = recorder();
    new Painter().paint(ctx, list([LOOK.deadLetter * C + 2, LOOK.returned * C + 2]), 6);
    expect(styles).toHaveLength(4);
    expect(styles[1]).toBe(`fill ${COLOURS[2]}`);
    expect(styles[3]).toBe('fill #ffffff');
  });

  it('paints nothing for an empty frame', () => {
    const { ctx, calls } = recorder();
    new Painter().paint(ctx, list([]), 6);
    expect(calls).toEqual([]);
  });

  it('sizes tokens with the zoom, within visible limits', () => {
    expect(tokenSize(0.2)).toBe(4);
    expect(tokenSize(1)).toBe(8);
    expect(tokenSize(2)).toBe(11);
  });
});
