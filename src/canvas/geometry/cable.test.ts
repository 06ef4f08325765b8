import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { type App, BROKER_NODE_ID } from '../../model';
import { TITLE_ROOM } from './cable';
import { routeIndex } from './index';
import type { Cubic } from './pieces';
import type { HandleLike, InternalLike } from './scene';

/**
 * A producer's cable for every place its app can have relative to the broker and the exchange it
 * publishes to: beside the frame far or close, with the exchange above or below its line, on
 * either side, above or below the frame. The cable and the publish line never fold back on
 * themselves (an app dragged close to the frame under its exchange drew a loop).
 */
const app: App = {
  id: 'a',
  name: 'a',
  position: { x: 0, y: 0 },
  connections: [{ id: 'conn', channels: [{ id: 'ch1', number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false }] }],
  publishers: [{ id: 'pub', channelId: 'ch1' } as App['publishers'][number]],
  consumers: [],
};

const h = (id: string, x: number, y: number, position: Position): HandleLike => ({ id, x, y, width: 12, height: 12, position });

function internal(type: string, x: number, y: number, width: number, height: number, handles: { source?: HandleLike[]; target?: HandleLike[] } = {}, data?: unknown): InternalLike {
  return { type, data, internals: { positionAbsolute: { x, y }, handleBounds: { source: handles.source ?? [], target: handles.target ?? [] } }, measured: { width, height } };
}

/** The frame at (300, 0) 500×300, its exchange at (340, ex); the app (240×120) at (ax, ay), its publisher's handle 80 px down. */
function scene(ax: number, ay: number, exY = 60) {
  const side = ax + 120 < 550 ? 'right' : 'left';
  const hx = side === 'right' ? 234 : -6;
  const nodes = new Map<string, InternalLike>([
    [BROKER_NODE_ID, internal('broker', 300, 0, 500, 300)],
    ['a', internal('app', ax, ay, 240, 120, { source: [h('pub', hx, 74, side === 'right' ? Position.Right : Position.Left)] }, { app, side })],
    ['x', internal('exchange', 340, exY, 190, 80, { target: [h('in', -6, 34, Position.Left)], source: [h('out', 184, 34, Position.Right)] })],
  ]);
  const edges = [
    { id: 'connection:conn', type: 'connection', source: 'a', target: BROKER_NODE_ID, sourceHandle: 'conn', targetHandle: 'conn', data: { link: { kind: 'connection', connectionId: 'conn', appId: 'a' } } },
    { id: 'publish:pub', type: 'amqp', source: 'a', target: 'x', sourceHandle: 'pub', targetHandle: 'in', data: { link: { kind: 'publish', publisherId: 'pub', appId: 'a' }, label: '' } },
  ];
  return { nodeLookup: nodes, edges };
}

/** Points along pieces (16 per piece). */
function points(pieces: readonly Cubic[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const c of pieces) {
    for (let i = 0; i <= 16; i++) {
      const t = i / 16;
      const u = 1 - t;
      out.push({ x: u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6], y: u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7] });
    }
  }
  return out;
}

/** How far a path goes back against `dir` along x (0: it never turns back). */
function backtrack(pieces: readonly Cubic[], dir: number): number {
  let most = -Infinity;
  let worst = 0;
  for (const p of points(pieces)) {
    const v = p.x * dir;
    most = Math.max(most, v);
    worst = Math.max(worst, most - v);
  }
  return worst;
}

const inside = (p: { x: number; y: number }) => p.x >= 299 && p.x <= 801 && p.y >= -1 && p.y <= 301;

describe('a producer cable, wherever its app is', () => {
  const cases: [string, number, number, number][] = [
    // name, app x, app y, exchange y
    ['beside the frame, far, exchange level', 0, 20, 60],
    ['beside the frame, far, exchange well above', 0, 170, 30],
    ['close to the frame, exchange close above', 296 - 240, 140, 40],
    ['touching the frame, exchange above', 298 - 240, 160, 40],
    ['touching the frame, exchange below', 298 - 240, 0, 200],
    ['on the right, close, exchange above', 804, 160, 40],
  ];
  for (const [name, x, y, exY] of cases) {
    it(`${name}: the cable and the line go forward, never fold back`, () => {
      const idx = routeIndex(scene(x, y, exY));
      const cable = idx.routes.get('connection:conn')!;
      const dir = cable.cable!.side === 'right' ? 1 : -1;
      expect(backtrack(cable.pieces, dir)).toBeLessThan(0.5);
      const pub = idx.routes.get('publish:pub')!;
      // the cable part of the publish line goes forward too
      expect(backtrack(pub.pieces.slice(0, 1), dir)).toBeLessThan(0.5);
      // and it ends at the frame's border, inside its height
      const end = pub.pieces[0]!;
      expect(inside({ x: end[6], y: end[7] })).toBe(true);
    });
  }

  it('above the frame with no room beside it: in through the top border, turning a quarter, lanes kept', () => {
    const idx = routeIndex(scene(200, -200, 60));
    const c = idx.routes.get('connection:conn')!.cable!;
    expect(c.enter).toBe('top');
    const run = idx.routes.get('connection:conn')!.pieces[0]!;
    // it leaves the app's right side moving right, and arrives on the frame's top moving down
    expect(run[0]).toBe(440);
    expect(run[2]).toBeGreaterThan(run[0]);
    expect(run[7]).toBe(0);
    expect(run[5]).toBeLessThan(run[7]);
    // past the frame's title, within its top
    expect(run[6]).toBeGreaterThan(300 + TITLE_ROOM);
    expect(run[6]).toBeLessThan(800);
    // the publish then runs down inside the frame to the exchange, never back up out of it
    const pub = idx.routes.get('publish:pub')!;
    const inner = points(pub.pieces.slice(1));
    for (const p of inner) expect(inside(p)).toBe(true);
  });

  it('below the frame with no room beside it: in through the bottom border', () => {
    const idx = routeIndex(scene(200, 400, 60));
    const c = idx.routes.get('connection:conn')!.cable!;
    expect(c.enter).toBe('bottom');
    const run = idx.routes.get('connection:conn')!.pieces[0]!;
    expect(run[7]).toBe(300);
    expect(run[5]).toBeGreaterThan(run[7]);
    const pub = idx.routes.get('publish:pub')!;
    for (const p of points(pub.pieces.slice(1))) expect(inside(p)).toBe(true);
  });
});
