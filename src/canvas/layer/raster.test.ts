import { describe, expect, it } from 'vitest';
import { LOOK } from './looks';
import type { DrawList } from './paint';
import { labelHoles, tokenSize } from './paint';
import { COLOURS } from './palette';
import { blit, over, RasterPainter, type StampMaker, toStamp } from './raster';

const RGBA = (r: number, g: number, b: number, a: number) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
const RED = RGBA(255, 0, 0, 255);

/** A 3×3 stamp: an opaque centre and a half-transparent ring. */
const solid = { w: 3, h: 3, pixels: Uint32Array.from([0, RGBA(255, 0, 0, 128), 0, RGBA(255, 0, 0, 128), RED, RGBA(255, 0, 0, 128), 0, RGBA(255, 0, 0, 128), 0]) };

describe('stamps', () => {
  it('keep only their visible pixels', () => {
    const s = toStamp(solid, 10);
    expect(s.at.length).toBe(5);
    expect(Array.from(s.at)).toEqual([1, 10, 11, 12, 21]);
  });

  it('are copied centred on the token, clipped at the edges of the canvas', () => {
    const buf = new Uint32Array(10 * 4);
    const s = toStamp(solid, 10);
    blit(buf, 10, 4, s, 1.5, 1.5);
    expect(buf[1 * 10 + 1]).toBe(RED);
    expect(buf[0 * 10 + 1]! >>> 24).toBe(128);
    // at the corner: only the part inside is drawn, nothing wraps to the other side
    buf.fill(0);
    blit(buf, 10, 4, s, 0.5, 0.5);
    expect(buf[0]).toBe(RED);
    expect(buf[9]).toBe(0);
    expect(buf[39]).toBe(0);
    expect(buf.filter((p) => p !== 0).length).toBe(3);
  });

  it('blend their soft edges over what is already there', () => {
    expect(over(RED, RGBA(0, 0, 255, 255))).toBe(RED);
    const half = over(RGBA(255, 0, 0, 128), RGBA(0, 0, 255, 255));
    expect(half >>> 24).toBe(255);
    expect(half & 255).toBeGreaterThan(100);
    expect((half >>> 16) & 255).toBeGreaterThan(100);
    expect(over(RGBA(10, 20, 30, 40), 0)).toBe(RGBA(10, 20, 30, 40));
  });
});

const C = COLOURS.length;

describe('RasterPainter', () => {
  function setup() {
    const made: string[] = [];
    const make: StampMaker = (look, colour, size) => {
      made.push(`${look} ${colour} ${size}`);
      return solid;
    };
    const puts: number[] = [];
    let image: { width: number; height: number; data: Uint8ClampedArray } | null = null;
    const ctx = {
      createImageData: (w: number, h: number) => (image = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: () => puts.push(1),
    };
    const pixels = () => new Uint32Array(image!.data.buffer);
    return { painter: new RasterPainter(make), made, puts, ctx: ctx as never, pixels };
  }
  const list = (pts: [number, number, number][]): DrawList => ({
    n: pts.length,
    x: Float32Array.from(pts.map((p) => p[0])),
    y: Float32Array.from(pts.map((p) => p[1])),
    style: Uint16Array.from(pts.map((p) => p[2])),
    count: new Uint32Array(pts.length).fill(1),
    selected: [],
  });

  it('makes one stamp per style and size, and puts the whole frame once', () => {
    const { painter, made, puts, ctx, pixels } = setup();
    painter.paint(ctx, [{ list: list([[2, 2, 0], [6, 2, 0], [10, 2, LOOK.ack * C]]), size: 6 }], 1, 20, 10);
    expect(made).toEqual([`0 ${COLOURS[0]} 6`, `${LOOK.ack} ${COLOURS[0]} 6`]);
    expect(puts).toHaveLength(1);
    expect(pixels()[2 * 20 + 2]).toBe(RED);
    expect(pixels()[2 * 20 + 6]).toBe(RED);
  });

  it('starts each frame from a clear buffer (a token that moved leaves no trail)', () => {
    const { painter, ctx, pixels } = setup();
    painter.paint(ctx, [{ list: list([[2, 2, 0]]), size: 6 }], 1, 20, 10);
    painter.paint(ctx, [{ list: list([[12, 5, 0]]), size: 6 }], 1, 20, 10);
    expect(pixels()[2 * 20 + 2]).toBe(0);
    expect(pixels()[5 * 20 + 12]).toBe(RED);
  });

  it('works in device pixels and remakes its stamps when the size changes', () => {
    const { painter, made, ctx, pixels } = setup();
    painter.paint(ctx, [{ list: list([[2, 2, 0]]), size: 6 }], 2, 40, 20);
    expect(pixels()[4 * 40 + 4]).toBe(RED);
    painter.paint(ctx, [{ list: list([[2, 2, 0]]), size: 8 }], 2, 40, 20);
    expect(made).toEqual([`0 ${COLOURS[0]} 12`, `0 ${COLOURS[0]} 16`]);
  });

  it('paints layers in order, each at its own size (zoomed-out chips under the tokens)', () => {
    const { painter, made, ctx, pixels, puts } = setup();
    painter.paint(ctx, [{ list: list([[2, 2, LOOK.chip * C]]), size: 3 }, { list: list([[2, 2, 0]]), size: 6 }], 1, 20, 10);
    expect(made).toEqual([`${LOOK.chip} ${COLOURS[0]} 3`, `0 ${COLOURS[0]} 6`]);
    expect(puts).toHaveLength(1);
    expect(pixels()[2 * 20 + 2]).toBe(RED);
  });

  it('leaves the edge labels clear: a token passing a label goes under it, the rest of it stays', () => {
    const { painter, ctx, pixels } = setup();
    // a token at (6, 4) half under a label whose box is x 2..6, y 0..10 (CSS px), on a 2× screen
    painter.paint(ctx, [{ list: list([[6, 4, 0]]), size: 6 }], 2, 40, 20, [2, 0, 4, 10]);
    expect(pixels()[8 * 40 + 11]).toBe(0);
    expect(pixels()[8 * 40 + 12]).toBe(RED);
    expect(pixels()[8 * 40 + 13]).not.toBe(0);
  });

  it('puts nothing when no token is on screen', () => {
    const { painter, puts, ctx } = setup();
    painter.paint(ctx, [{ list: list([]), size: 6 }], 1, 20, 10);
    expect(puts).toHaveLength(0);
  });
});

describe('tokenSize', () => {
  it('grows with the zoom, within visible limits: 8 px across or more from the zoom a scenario opens at', () => {
    expect(tokenSize(0.2)).toBe(5);
    expect(tokenSize(0.75)).toBe(9);
    expect(tokenSize(1)).toBe(12);
    expect(tokenSize(2)).toBe(16);
  });

  it('is bigger in present mode', () => {
    expect(tokenSize(1, 1.35)).toBe(16);
    expect(tokenSize(2, 1.35)).toBe(22);
  });
});

describe('labelHoles', () => {
  it('are the labels on screen, in screen px', () => {
    const view = { tx: 10, ty: -20, zoom: 0.5, width: 300, height: 200 };
    const boxes = [
      { x: 100, y: 100, width: 60, height: 20 },
      // off screen
      { x: 2000, y: 100, width: 60, height: 20 },
    ];
    expect(labelHoles(boxes, view)).toEqual([60, 30, 30, 10]);
  });
});
