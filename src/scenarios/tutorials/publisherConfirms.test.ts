import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { publisherConfirms } from './publisherConfirms';

const [again] = publisherConfirms.tryThis;

describe('gallery: Publisher confirms (tutorial 7)', () => {
  it('shows the three strategies side by side: individually is by far the slowest, then batches, then async', () => {
    const r = new Run(publisherConfirms.scenario).until(40_000);
    const done = new Map(r.of('publish-run-done').map((e) => [e.app, e]));
    const ms = (name: string) => done.get(`app-${name}`)!.ms;
    // a confirm is three hops of 50 ms away: 100 round trips, 10 batches, one
    expect(ms('publish-individually')).toBe(100 * 150);
    expect(ms('publish-in-batches')).toBe(10 * 150);
    expect(ms('publish-async')).toBe(150);
    for (const e of done.values()) expect(e.count).toBe(100);
    for (const p of ['publish-individually', 'publish-in-batches', 'publish-async']) {
      expect(r.publisher(`app-${p}-pub`)).toMatchObject({ sent: 100, confirmed: 100, nacked: 0 });
      expect(r.queue(p)!.ready).toBe(100);
    }
  });

  it('runs a strategy again on "Try it", with the same throughput', () => {
    const r = new Run(publisherConfirms.scenario).until(20_000).input(again!.action!).for(20_000);
    const runs = r.of('publish-run-done').filter((e) => e.app === 'app-publish-individually');
    expect(runs.map((e) => e.ms)).toEqual([15_000, 15_000]);
  });

  it('slows the one that waits for each confirm in proportion to the latency', () => {
    const r = new Run({ ...publisherConfirms.scenario, broker: { ...publisherConfirms.scenario.broker, hopLatencyMs: 100 } }).until(40_000);
    const ms = new Map(r.of('publish-run-done').map((e) => [e.app, e.ms]));
    expect(ms.get('app-publish-individually')).toBe(30_000);
    expect(ms.get('app-publish-in-batches')).toBe(3000);
  });
});
