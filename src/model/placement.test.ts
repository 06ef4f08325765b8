import { describe, expect, it } from 'vitest';
import { appRect, brokerBoxes, brokerFrame, intersects, keepAppsOutsideBroker, type Rect } from './geometry';
import { addNode, type PaletteKind } from './ops/add';
import { freeSpot, newNodeSize, PLACEMENT_GAP, paletteCenter } from './placement';
import { emptyScenario, type Scenario } from './scenario';
import { logsTopology } from './testing/build';

const VIEW: Rect = { x: -600, y: -400, width: 1600, height: 1000 };

/** Adds a node where the palette would (click or Enter with the view centred on `center`). */
function addInView(s: Scenario, kind: PaletteKind, center = { x: 200, y: 100 }, view: Rect = VIEW) {
  const { doc, id } = addNode(s, kind, freeSpot(s, kind, center, { view }));
  return { doc: keepAppsOutsideBroker(doc), id };
}

/** Every node's rectangle (nominal sizes). */
const rects = (s: Scenario) => [...brokerBoxes(s).map((b) => b.rect), ...s.apps.map((a) => appRect(a))];

function expectNoOverlaps(s: Scenario) {
  const all = rects(s);
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(intersects(all[i]!, all[j]!), `nodes ${i} and ${j} overlap`).toBe(false);
}

describe('freeSpot: where a node added from the palette goes', () => {
  it('centres the first node on the view centre', () => {
    const size = newNodeSize('queue');
    expect(freeSpot(emptyScenario(), 'queue', { x: 200, y: 100 }, { view: VIEW })).toEqual({ x: 200 - size.width / 2, y: 100 - size.height / 2 });
  });

  it('puts the second queue next to the first, not on top of it, with a gap between them', () => {
    let s = emptyScenario();
    s = addInView(s, 'queue').doc;
    s = addInView(s, 'queue').doc;
    const [a, b] = brokerBoxes(s).map((x) => x.rect);
    expect(intersects({ ...a!, x: a!.x - PLACEMENT_GAP, y: a!.y - PLACEMENT_GAP, width: a!.width + 2 * PLACEMENT_GAP, height: a!.height + 2 * PLACEMENT_GAP }, b!)).toBe(false);
    // near: no farther than one node and a gap away
    expect(Math.hypot(b!.x - a!.x, b!.y - a!.y)).toBeLessThan(newNodeSize('queue').width + 2 * PLACEMENT_GAP);
  });

  it('adds many nodes of every kind by keyboard without any two overlapping, all in view', () => {
    let s = emptyScenario();
    const kinds: PaletteKind[] = ['exchange', 'queue', 'queue', 'producer', 'consumer', 'consumer', 'producer', 'exchange', 'queue', 'consumer'];
    for (const k of kinds) s = addInView(s, k).doc;
    expectNoOverlaps(s);
    for (const r of rects(s)) expect(intersects(r, VIEW)).toBe(true);
    // apps were placed outside the broker: keeping them out moved nothing
    for (const a of s.apps) expect(intersects(appRect(a), brokerFrame(s))).toBe(false);
  });

  it('a producer added over a broker with consumers around it covers none of them', () => {
    const { doc } = logsTopology();
    const frame = brokerFrame(doc);
    const centre = { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 };
    const { doc: after, id } = addInView(doc, 'producer', centre);
    const added = appRect(after.apps.find((a) => a.id === id)!);
    for (const r of rects(doc)) expect(intersects(added, r)).toBe(false);
    expect(intersects(added, brokerFrame(after))).toBe(false);
  });

  it('a queue does not grow the broker frame over an app', () => {
    const { doc } = logsTopology();
    const before = doc.apps.map((a) => a.position);
    // the view centred on the consumer, right of the broker
    const c = appRect(doc.apps.find((a) => a.name === 'c')!);
    const { doc: after } = addInView(doc, 'queue', { x: c.x + c.width / 2, y: c.y + c.height / 2 });
    expect(after.apps.map((a) => a.position)).toEqual(before);
    for (const a of after.apps) expect(intersects(appRect(a), brokerFrame(after))).toBe(false);
  });

  it('stays inside the view when there is room there, even if a nearer spot is just outside it', () => {
    let s = emptyScenario();
    const view: Rect = { x: 0, y: 0, width: 500, height: 400 };
    const centre = { x: 250, y: 200 };
    for (let i = 0; i < 3; i++) s = addInView(s, 'exchange', centre, view).doc;
    for (const r of rects(s)) expect(r.x >= view.x && r.y >= view.y && r.x + r.width <= view.x + view.width && r.y + r.height <= view.y + view.height).toBe(true);
    expectNoOverlaps(s);
  });

  it('goes outside a view that is full, as near as it can, rather than on top of a node', () => {
    let s = emptyScenario();
    const small: Rect = { x: 0, y: 0, width: 260, height: 160 };
    s = addInView(s, 'queue', { x: 130, y: 80 }, small).doc;
    s = addInView(s, 'queue', { x: 130, y: 80 }, small).doc;
    expectNoOverlaps(s);
  });

  it('uses the measured sizes when it has them', () => {
    let s = emptyScenario();
    s = addInView(s, 'queue').doc;
    const q = s.queues[0]!;
    const tall = (id: string) => (id === q.id ? { width: 200, height: 600 } : undefined);
    const p = freeSpot(s, 'queue', { x: 200, y: 100 }, { view: VIEW, sizeOf: tall });
    expect(intersects({ ...p, ...newNodeSize('queue') }, { ...q.position, width: 200, height: 600 })).toBe(false);
  });

  it('uses the size the canvas expects the new node to have', () => {
    let s = emptyScenario();
    s = addInView(s, 'queue').doc;
    const q = { ...s.queues[0]!.position, ...newNodeSize('queue') };
    const big = { width: 400, height: 300 };
    const p = freeSpot(s, 'queue', { x: 200, y: 100 }, { view: VIEW, size: big });
    expect(intersects({ ...p, ...big }, q)).toBe(false);
  });
});

describe('paletteCenter: where in the view each kind is aimed', () => {
  const view: Rect = { x: 0, y: 0, width: 1200, height: 600 };

  it('spreads kinds across the view in the order messages flow, not all on its middle', () => {
    const xs = (['producer', 'exchange', 'queue', 'consumer'] as const).map((k) => paletteCenter(k, view).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    for (const k of ['producer', 'exchange', 'queue', 'consumer'] as const) expect(paletteCenter(k, view).y).toBe(300);
  });

  it('several nodes of each kind added in turn: each in the view, over no other, flowing left to right', () => {
    let s = emptyScenario();
    const placed: Record<string, string[]> = { producer: [], exchange: [], queue: [], consumer: [] };
    for (let round = 0; round < 3; round++) {
      for (const kind of ['queue', 'producer', 'consumer', 'exchange'] as const) {
        const r = addNode(s, kind, freeSpot(s, kind, paletteCenter(kind, view), { view }));
        s = keepAppsOutsideBroker(r.doc);
        placed[kind]!.push(r.id);
      }
    }
    expectNoOverlaps(s);
    for (const r of rects(s)) {
      expect(r.x).toBeGreaterThanOrEqual(view.x);
      expect(r.y).toBeGreaterThanOrEqual(view.y);
      expect(r.x + r.width).toBeLessThanOrEqual(view.x + view.width);
      expect(r.y + r.height).toBeLessThanOrEqual(view.y + view.height);
    }
    const x = (id: string) => [...s.exchanges, ...s.queues, ...s.apps].find((n) => n.id === id)!.position.x;
    const frame = brokerFrame(s);
    for (const id of placed.producer!) expect(x(id)).toBeLessThan(frame.x);
    for (const id of placed.consumer!) expect(x(id)).toBeGreaterThan(frame.x + frame.width - 1);
  });
});
