import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { BROKER_NODE_ID, type App, FRAME_PADDING, REPLY_FLOOR } from '../../model';
import { pointAt } from '../layer/bezier';
import { laneAnchor } from './anchors';
import { cableOf } from './cable';
import { routeIndex } from './index';
import { layoutLabels } from './labels';
import { crosses, samplePieces } from './pieces';
import { brokerRoute, corridor } from './routes';
import type { HandleLike, InternalLike } from './scene';

const box = (x: number, y: number, width = 200, height = 100) => ({ x, y, width, height });

function internal(type: string, x: number, y: number, width: number, height: number, handles: { source?: HandleLike[]; target?: HandleLike[] } = {}, data?: unknown): InternalLike {
  return { type, data, internals: { positionAbsolute: { x, y }, handleBounds: { source: handles.source ?? [], target: handles.target ?? [] } }, measured: { width, height } };
}

const h = (id: string, x: number, y: number, position: Position): HandleLike => ({ id, x, y, width: 12, height: 12, position });

/** An app with one connection of two channels: a publisher on channel 1, a consumer on channel 2. */
const app: App = {
  id: 'a',
  name: 'a',
  position: { x: 0, y: 0 },
  connections: [
    {
      id: 'conn',
      channels: [
        { id: 'ch1', number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false },
        { id: 'ch2', number: 2, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false },
      ],
    },
  ],
  publishers: [{ id: 'pub' } as App['publishers'][number] & { channelId: string }].map((p) => ({ ...p, channelId: 'ch1' })),
  consumers: [{ id: 'sub' } as App['consumers'][number] & { channelId: string }].map((c) => ({ ...c, channelId: 'ch2' })),
};

function scene() {
  const nodes = new Map<string, InternalLike>([
    [BROKER_NODE_ID, internal('broker', 300, -50, 500, 300)],
    // the app, left of the broker: its publisher's handle at y 80, its consumer's at y 140, on the right side
    ['a', internal('app', 0, 0, 240, 200, { source: [h('pub', 234, 74, Position.Right), h(laneAnchor('ch1'), 239, 60, Position.Right), h(laneAnchor('ch2'), 239, 120, Position.Right)], target: [h('sub', 234, 134, Position.Right)] }, { app, side: 'right' })],
    ['x', internal('exchange', 340, 40, 190, 80, { source: [h('out', 184, 34, Position.Right)], target: [h('in', -6, 34, Position.Left)] })],
    ['q', internal('queue', 600, 40, 220, 100, { source: [h('out', 214, 44, Position.Right)], target: [h('in', -6, 44, Position.Left)] })],
  ]);
  const edges = [
    { id: 'connection:conn', type: 'connection', source: 'a', target: BROKER_NODE_ID, sourceHandle: 'conn', targetHandle: 'conn', data: { link: { kind: 'connection', connectionId: 'conn', appId: 'a' } } },
    { id: 'publish:pub', type: 'amqp', source: 'a', target: 'x', sourceHandle: 'pub', targetHandle: 'in', data: { link: { kind: 'publish', publisherId: 'pub', appId: 'a' }, label: '' } },
    { id: 'b', type: 'binding', source: 'x', target: 'q', sourceHandle: 'out', targetHandle: 'in', data: { label: 'orders' } },
    { id: 'subscribe:sub', type: 'amqp', source: 'q', target: 'a', sourceHandle: 'out', targetHandle: 'sub', data: { link: { kind: 'subscribe', consumerId: 'sub', appId: 'a' }, label: '' } },
  ];
  return { nodeLookup: nodes, edges };
}

describe('cables', () => {
  it('span the lines of a connection at the app, a lane per channel, from the app edge to the frame border', () => {
    const idx = routeIndex(scene());
    const cable = idx.routes.get('connection:conn')!.cable!;
    expect(cable.ax).toBe(240);
    expect(cable.fx).toBe(300);
    expect(cable.lanes.map((l) => l.channelId)).toEqual(['ch1', 'ch2']);
    // channel 1's lane around the publisher's line (y 80), channel 2's around the consumer's (y 140)
    expect(cable.lanes[0]!.top).toBeLessThan(80);
    expect(cable.lanes[0]!.bottom).toBeGreaterThan(80);
    expect(cable.lanes[1]!.top).toBeLessThan(140);
    expect(cable.lanes[1]!.bottom).toBeGreaterThan(140);
    expect(cable.lanes[0]!.bottom).toBeLessThanOrEqual(cable.lanes[1]!.top);
    // it bends toward what its lines go to (the exchange at y 80, the queue at y 90): the cable's
    // middle (y 110 at the app) arrives at their average
    const mid = (cable.top + cable.bottom) / 2;
    expect(mid + cable.shift).toBeCloseTo(85, 0);
  });

  it('a lane with no client yet is marked by its anchor', () => {
    const s = scene();
    const lonely = { ...app, publishers: [], consumers: [] };
    const n = s.nodeLookup.get('a')!;
    const g = { id: 'a', type: 'app', data: { app: lonely, side: 'right' }, box: { x: 0, y: 0, width: 240, height: 200 }, source: [{ id: laneAnchor('ch1'), x: 240, y: 66, hw: 0, hh: 0, position: Position.Right }], target: [] };
    expect(n).toBeDefined();
    const c = cableOf(g, 'conn', { x: 300, y: -50, width: 500, height: 300 })!;
    expect(c.lanes.map((l) => l.channelId)).toEqual(['ch1']);
  });
});

describe('routes', () => {
  it('a publish runs in its channel lane to the frame, then to its exchange; tokens ride on it', () => {
    const idx = routeIndex(scene());
    const lut = idx.lut('publish:pub')!;
    const at = new Float64Array(2);
    pointAt(lut, 0, false, at);
    expect(at[0]).toBeCloseTo(246, 0); // the handle's outer side
    expect(at[1]).toBeCloseTo(80, 0);
    // through the cable: at the frame border, its lane shifted as the whole cable is
    const cable = idx.routes.get('connection:conn')!.cable!;
    let k = 0;
    while (lut.pts[k * 2]! < 300) k++;
    expect(lut.pts[k * 2 + 1]).toBeCloseTo(80 + cable.shift, 0);
    pointAt(lut, 1, false, at);
    expect(at[0]).toBeCloseTo(334, 0); // the exchange's in handle, outer side
    expect(at[1]).toBeCloseTo(80, 0);
  });

  it('a delivery to an app on the left leaves the queue on its left side, or goes around the nodes in its way', () => {
    const idx = routeIndex(scene());
    const r = idx.routes.get('subscribe:sub')!;
    // it ends at the consumer's handle (y 140), and crosses neither the exchange nor the queue
    const last = r.pieces[r.pieces.length - 1]!;
    expect(last[7]).toBeCloseTo(140, 0);
    expect(crosses(r.pieces, box(340, 40, 190, 80))).toBe(false);
    expect(crosses(r.pieces, box(600, 40, 220, 100))).toBe(false);
  });

  it('is computed once per change of nodes or edges', () => {
    const s = scene();
    expect(routeIndex(s)).toBe(routeIndex(s));
    const moved = new Map(s.nodeLookup);
    moved.set('q', internal('queue', 620, 60, 220, 100, { source: [h('out', 214, 44, Position.Right)], target: [h('in', -6, 44, Position.Left)] }));
    expect(routeIndex({ nodeLookup: moved, edges: s.edges })).not.toBe(routeIndex(s));
  });
});

describe('the direct reply-to line', () => {
  /** an RPC server right of the broker, consuming on its channel 1; the app on the left consumes the replies ("sub") */
  const server: App = { ...app, id: 's', name: 's', publishers: [], consumers: [{ ...app.consumers[0]!, id: 'srv', channelId: 'ch1' }], connections: [{ id: 'sconn', channels: [app.connections[0]!.channels[0]!] }] };
  function withServer() {
    const s = scene();
    // the frame as the model derives it: 20 px or more around the exchange and the queue
    s.nodeLookup.set(BROKER_NODE_ID, internal('broker', 300, -50, 560, 300));
    s.nodeLookup.set('s', internal('app', 900, 20, 240, 120, { target: [h('srv', -6, 54, Position.Left)] }, { app: server, side: 'left' }));
    const edges = [
      ...s.edges,
      { id: 'connection:sconn', type: 'connection', source: 's', target: BROKER_NODE_ID, sourceHandle: 'conn', targetHandle: 'conn', data: { link: { kind: 'connection', connectionId: 'sconn', appId: 's' } } },
      { id: 'reply:srv:sub', type: 'directReply', source: 's', target: 'a', sourceHandle: 'conn', targetHandle: 'sub', data: { link: { kind: 'directReply', serverConsumerId: 'srv', consumerId: 'sub' }, label: 'direct reply-to' } },
    ];
    return { nodeLookup: s.nodeLookup, edges };
  }

  it('leaves the server through its lane, crosses the broker under its exchanges and queues, and arrives in the client lane that consumes the replies', () => {
    const idx = routeIndex(withServer());
    const r = idx.routes.get('reply:srv:sub')!;
    const first = r.pieces[0]!;
    const last = r.pieces[r.pieces.length - 1]!;
    expect(first.slice(0, 2)).toEqual([894, 80]); // the server consumer's handle, outer side
    expect(last.slice(6)).toEqual([246, 140]); // the reply consumer's handle
    expect(crosses(r.pieces, box(340, 40, 190, 80))).toBe(false);
    expect(crosses(r.pieces, box(600, 40, 220, 100))).toBe(false);
    // inside the frame (x 300..860, y -50..250), in the room kept under everything
    const lut = idx.lut('reply:srv:sub')!;
    expect(lut.maxY).toBeCloseTo(250 - (FRAME_PADDING + REPLY_FLOOR) / 2, 0);
    let inFrame = 0;
    for (let k = 0; k < lut.pts.length / 2; k++) if (lut.pts[k * 2]! > 300 && lut.pts[k * 2]! < 860) inFrame++;
    expect(inFrame).toBeGreaterThan(0);
    // its label on that floor, clear of the nodes
    expect(r.labelAt!.y).toBeCloseTo(lut.maxY, 0);
    expect(r.labelAt!.x).toBeGreaterThan(300);
    expect(r.labelAt!.x).toBeLessThan(860);
  });
});

describe('lines inside the broker leave from the side facing the other node', () => {
  const s = box(0, 0);
  it('to the right: out handle to in handle', () => {
    const r = brokerRoute(s, box(320, 20), { x: 206, y: 50 }, { x: 314, y: 70 }, []);
    expect(r.pieces[0]![0]).toBe(206);
    expect(r.pieces[0]![6]).toBe(314);
  });
  it('below: bottom to top (a dead-letter exchange under its queue)', () => {
    const r = brokerRoute(s, box(0, 180), { x: 206, y: 50 }, { x: -6, y: 230 }, []);
    expect(r.pieces[0]!.slice(0, 2)).toEqual([70, 100]); // beside the middle (an exchange's alternate-exchange handle)
    expect(r.pieces[0]!.slice(6)).toEqual([100, 180]);
  });
  it('to the left beside it: left side to right side (the retry queue beside the dead-letter exchange)', () => {
    const r = brokerRoute(s, box(-320, 10), { x: 206, y: 50 }, { x: -326, y: 60 }, []);
    expect(r.pieces[0]!.slice(0, 2)).toEqual([0, 50]);
    expect(r.pieces[0]!.slice(6)).toEqual([-120, 60]);
  });
  it('backwards and diagonal: around the nodes, with its label on the long run', () => {
    const other = box(-160, 60, 120, 80);
    const r = brokerRoute(s, box(-400, 300), { x: 206, y: 50 }, { x: -406, y: 350 }, [other]);
    expect(crosses(r.pieces, other)).toBe(false);
    expect(crosses(r.pieces, box(0, 0))).toBe(false);
    expect(r.label).not.toBeNull();
  });
});

describe('corridor', () => {
  it('picks the shortest clear run: the gap between two rows of nodes', () => {
    const row1 = [box(0, 0, 100, 50), box(200, 0, 100, 50)];
    const row2 = [box(0, 150, 100, 50), box(200, 150, 100, 50)];
    const c = corridor({ x: 300, y: 25 }, 1, { x: 0, y: 175 }, 1, [...row1, ...row2]);
    expect(c.label.y).toBeGreaterThan(50);
    expect(c.label.y).toBeLessThan(150);
  });
});

describe('labels', () => {
  it('go on their line where they cover no node and no other label', () => {
    const line = samplePieces([[0, 0, 100, 0, 200, 0, 300, 0]]);
    expect(line.length).toBe(300);
    const at = layoutLabels(
      [
        { id: 'a', pieces: [[0, 0, 100, 0, 200, 0, 300, 0]], preferred: null, width: 80, height: 21 },
        { id: 'b', pieces: [[0, 0, 100, 0, 200, 0, 300, 0]], preferred: null, width: 80, height: 21 },
      ],
      [box(100, -40, 60, 30)],
    );
    const a = at.get('a')!;
    const b = at.get('b')!;
    expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(80);
    for (const p of [a, b]) expect(p.y).toBe(0);
  });
});
