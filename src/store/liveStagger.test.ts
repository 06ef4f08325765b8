import { describe, expect, it } from 'vitest';
import { createLiveStore } from './liveCounts';
import { FROZEN_NODES_PER_FRAME, LiveStagger, NODES_PER_FRAME, phaseOf } from './liveStagger';

function setup(nodes: number, playing: boolean) {
  const live = createLiveStore();
  const state = { playing };
  const stagger = new LiveStagger(live, () => state.playing);
  const seen = new Map<string, number>();
  const subs = Array.from({ length: nodes }, (_, i) => stagger.subscribe(`node-${i}`, () => seen.set(`node-${i}`, (seen.get(`node-${i}`) ?? 0) + 1)));
  const change = (n: number) => live.setState({ queues: { q: { ready: n, unacked: 0, consumers: 0 } } });
  return { live, stagger, seen, subs, change, state };
}

describe('LiveStagger', () => {
  it('refreshes every node every frame in a small topology', () => {
    const { stagger, seen, change } = setup(NODES_PER_FRAME, true);
    expect(stagger.period()).toBe(1);
    change(1);
    stagger.tick();
    expect(seen.size).toBe(NODES_PER_FRAME);
  });

  it('spreads a large topology over frames: about NODES_PER_FRAME nodes each, every node within one period', () => {
    const { stagger, seen, change, subs } = setup(200, true);
    const k = stagger.period();
    expect(k).toBe(Math.ceil(200 / NODES_PER_FRAME));
    change(1);
    const perFrame: number[] = [];
    for (let f = 0; f < k; f++) {
      const before = seen.size;
      stagger.tick();
      perFrame.push(seen.size - before);
    }
    expect(seen.size).toBe(200);
    expect(Math.max(...perFrame)).toBeLessThan(2.5 * NODES_PER_FRAME);
    // a node sees the state that was current on its turn
    expect(subs.every((s) => s.visible.queues.q?.ready === 1)).toBe(true);
  });

  it('notifies nobody when nothing changed', () => {
    const { stagger, seen } = setup(50, true);
    for (let f = 0; f < 10; f++) stagger.tick();
    expect(seen.size).toBe(0);
  });

  it('refreshes every node on the next frame while paused (stepping, scrubbing)', () => {
    const { stagger, seen, change, state } = setup(200, false);
    change(2);
    stagger.tick();
    expect(seen.size).toBe(200);
    state.playing = true;
    expect(stagger.period()).toBeGreaterThan(1);
  });

  it('forgets unsubscribed nodes', () => {
    const { stagger, subs } = setup(100, true);
    for (const s of subs.slice(0, 90)) stagger.unsubscribe(s);
    expect(stagger.period()).toBe(1);
  });

  it('gives a node the same phase every time', () => {
    expect(phaseOf('q-orders')).toBe(phaseOf('q-orders'));
    expect(phaseOf('a')).not.toBe(phaseOf('b'));
  });
});

describe('LiveStagger with the canvas gate', () => {
  it('refreshes only the nodes on screen, sharing frames among them', () => {
    const { stagger, seen, change } = setup(200, true);
    stagger.setGate({ frozen: false, visible: (n) => Number(n.split('-')[1]) < 10 });
    expect(stagger.period()).toBe(1);
    change(1);
    stagger.tick();
    expect(seen.size).toBe(10);
  });

  it('refreshes slowly while frozen (zoomed out: the canvas draws the figures), then every visible node at once', () => {
    const { stagger, seen, change } = setup(200, true);
    const gate = { frozen: true, visible: () => true };
    stagger.setGate(gate);
    change(1);
    for (let f = 0; f < 20; f++) stagger.tick();
    // about FROZEN_NODES_PER_FRAME nodes a frame: the DOM figures stay readable for screen readers
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThanOrEqual(20 * FROZEN_NODES_PER_FRAME * 2);
    gate.frozen = false;
    stagger.tick();
    expect(seen.size).toBe(200);
  });
});
