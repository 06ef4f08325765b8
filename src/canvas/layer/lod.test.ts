import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../model';
import { consumerApp, publisherApp, queue } from '../../sim/fixtures';
import type { LiveState } from '../../store/liveCounts';
import { LodLayout, lodIndex } from './lod';
import { LOOK } from './looks';
import { COLOURS, colourIndex } from './palette';

const doc = emptyScenario();
doc.queues = [queue('q1', 'orders'), queue('q2', 'gone'), queue('q3', 'far')];
doc.apps = [publisherApp('p', 'shop'), consumerApp('c', 'worker')];

const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {
  q1: { x: 0, y: 0, width: 200, height: 100 },
  q2: { x: 300, y: 0, width: 200, height: 100 },
  q3: { x: 9000, y: 0, width: 200, height: 100 },
  p: { x: 0, y: 300, width: 200, height: 100 },
  c: { x: 300, y: 300, width: 200, height: 100 },
};
const box = (id: string) => boxes[id] ?? null;
const view = { tx: 0, ty: 0, zoom: 0.3, width: 800, height: 600 };

const consumer = (state: 'running' | 'crashed', received: number) => ({ state, received, acked: 0, nacked: 0, rejected: 0, redelivered: 0, holding: [], busy: null });
const live: LiveState = {
  queues: { orders: { ready: 25, unacked: 2, consumers: 0 } },
  chips: { orders: Array.from({ length: 20 }, (_, i) => ({ msgId: i, key: i % 2 ? 'a' : 'b', redelivered: false, persistent: i % 3 === 0 })) },
  consumers: { 'c-sub': consumer('running', 7) },
  publishers: { 'p-pub': { sent: 40, arrived: 40, routed: 40, unroutable: 0, confirmed: 0, nacked: 0, returned: 0, failed: 0 } },
  declared: { orders: true, far: true },
  exchanges: {},
  connections: {},
  unroutable: {},
};

describe('zoomed-out node figures', () => {
  it('shows a queue depth and its first messages as chips in key colour, inside the node', () => {
    const l = new LodLayout();
    l.layout(lodIndex(doc), live, box, view);
    expect(l.texts.find((t) => t.text === '25')).toMatchObject({ x: 30, colour: '#1d2330' });
    expect(l.chips.n).toBeGreaterThan(0);
    expect(l.chips.n).toBeLessThanOrEqual(20);
    const C = COLOURS.length;
    // message 0 is persistent (a square chip), message 1 transient (a round one)
    expect(l.chips.style[0]).toBe(LOOK.chip * C + colourIndex('b'));
    expect(l.chips.style[1]).toBe(LOOK.chipTransient * C + colourIndex('a'));
    for (let i = 0; i < l.chips.n; i++) {
      expect(l.chips.x[i]).toBeGreaterThan(0);
      expect(l.chips.x[i]).toBeLessThan(60);
      expect(l.chips.y[i]).toBeLessThan(30);
    }
  });

  it('marks a queue the broker does not have', () => {
    const l = new LodLayout();
    l.layout(lodIndex(doc), live, box, view);
    expect(l.texts.find((t) => t.x === 120)).toMatchObject({ text: '✕' });
  });

  it('shows what apps sent and received, a failed consumer in red', () => {
    const l = new LodLayout();
    l.layout(lodIndex(doc), live, box, view);
    expect(l.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['↑40', '↓7']));
    l.layout(lodIndex(doc), { ...live, consumers: { 'c-sub': consumer('crashed', 7) } }, box, view);
    expect(l.texts.find((t) => t.text.includes('↓7'))).toMatchObject({ text: '✖ ↓7', colour: '#b03a2e' });
  });

  it('skips nodes off screen', () => {
    const l = new LodLayout();
    l.layout(lodIndex(doc), live, box, view);
    expect(l.texts.some((t) => t.x > 800)).toBe(false);
    expect(l.texts).toHaveLength(4);
  });
});
