import { describe, expect, it } from 'vitest';
import { BADGE_H, type BadgeAsk, placeBadges, type Rect } from './badgeLayout';

const hit = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const rectOf = (p: { x: number; y: number; w: number }): Rect => ({ x: p.x, y: p.y, w: p.w, h: BADGE_H });
const bounds: Rect = { x: 0, y: 0, w: 1000, h: 700 };

/**
 * After a broker restart (the "Broker restart" scenario at 1280×720): two producers stacked on the
 * left 8 px apart, each with a cable 44 px long to the frame, the frame's exchange beside them. Each
 * producer's connection is lost (a long badge) and its publisher fails (an error badge on the app).
 */
const top: Rect = { x: 60, y: 220, w: 192, h: 110 };
const bottom: Rect = { x: 60, y: 336, w: 192, h: 110 };
const exchange: Rect = { x: 390, y: 340, w: 150, h: 62 };
const queue: Rect = { x: 690, y: 260, w: 180, h: 74 };
const label: Rect = { x: 600, y: 340, w: 70, h: 16 };
const nodes = [top, bottom, exchange, queue];

describe('effect badges', () => {
  it('after a restart: the connection-lost badges, the errors and the losses overlap no node, no label and no other badge', () => {
    const asks: BadgeAsk[] = [
      { at: { x: 252, y: 300, w: 44, h: 18 }, on: 'cable', width: 380, compactWidth: 22 },
      { at: { x: 252, y: 416, w: 44, h: 18 }, on: 'cable', width: 380, compactWidth: 22 },
      { at: top, on: 'node', width: 200 },
      { at: bottom, on: 'node', width: 200 },
      { at: queue, on: 'node', width: 250 },
      { at: queue, on: 'node', width: 180 },
    ];
    const placed = placeBadges(asks, [...nodes, label], bounds).map(rectOf);
    for (const [i, p] of placed.entries()) {
      for (const o of [...nodes, label]) expect(hit(p, o), `badge ${i} on an obstacle`).toBe(false);
      for (const [j, q] of placed.entries()) if (j > i) expect(hit(p, q), `badges ${i} and ${j}`).toBe(false);
      expect(p.x >= 0 && p.y >= 0 && p.x + p.w <= bounds.w && p.y + p.h <= bounds.h).toBe(true);
    }
  });

  it("a connection's badge sits on its cable: whole when it fits there, else its sign alone", () => {
    const cable = { x: 252, y: 300, w: 60, h: 18 };
    const [whole, sign] = placeBadges(
      [
        { at: cable, on: 'cable', width: 50, compactWidth: 22 },
        { at: { ...cable, y: 360 }, on: 'cable', width: 150, compactWidth: 22 },
      ],
      nodes,
      bounds,
    );
    expect(whole).toEqual({ x: 257, y: 300, w: 50, compact: false });
    expect(sign).toEqual({ x: 271, y: 360, w: 22, compact: true });
  });

  it('"connection opened" on every cable at 0:00 covers no node name: stacked apps with their cables, all at once', () => {
    // four consumers stacked on the right, 8 px apart, cables 44 px long from the frame's edge
    const apps = [0, 1, 2, 3].map((i) => ({ x: 780, y: 140 + i * 130, w: 206, h: 122 }));
    const asks: BadgeAsk[] = apps.map((a) => ({ at: { x: a.x - 44, y: a.y + 50, w: 44, h: 20 }, on: 'cable', width: 130, compactWidth: 22 }));
    const queueBeside: Rect = { x: 500, y: 300, w: 180, h: 74 };
    const placed = placeBadges(asks, [...apps, queueBeside], bounds).map(rectOf);
    for (const p of placed) for (const a of apps) expect(hit(p, a)).toBe(false);
    for (const [i, p] of placed.entries()) expect(p.x).toBeGreaterThanOrEqual(asks[i]!.at.x);
  });

  it('a badge on a node with room above it goes above, right-aligned; the next one beside it, not on it', () => {
    const lone: Rect = { x: 300, y: 300, w: 200, h: 80 };
    const [a, b] = placeBadges([{ at: lone, on: 'node', width: 100 }, { at: lone, on: 'node', width: 100 }], [lone], bounds);
    expect(a).toEqual({ x: 400, y: 300 - BADGE_H - 3, w: 100, compact: false });
    expect(hit(rectOf(b!), rectOf(a!)) || hit(rectOf(b!), lone)).toBe(false);
  });
});
