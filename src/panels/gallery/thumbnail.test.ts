import { describe, expect, it } from 'vitest';
import { GALLERY, galleryList } from '../../scenarios';
import { thumbnailOf } from './thumbnail';

describe('gallery thumbnails', () => {
  it('draw every node of a scenario, the broker frame and its lines, all inside the picture', () => {
    for (const g of galleryList()) {
      const th = thumbnailOf(g.scenario);
      const s = g.scenario;
      const runs = s.programs?.runs.length ?? 0;
      expect(th.nodes.length, g.id).toBe(s.exchanges.length + s.queues.length + s.apps.length + (s.broker.showDefaultExchange ? 1 : 0) + runs);
      expect(th.programs, g.id).toHaveLength(runs);
      const v = th.viewBox;
      for (const r of [th.frame, ...th.nodes]) {
        expect(r.x, g.id).toBeGreaterThanOrEqual(v.x);
        expect(r.y, g.id).toBeGreaterThanOrEqual(v.y);
        expect(r.x + r.width, g.id).toBeLessThanOrEqual(v.x + v.width);
        expect(r.y + r.height, g.id).toBeLessThanOrEqual(v.y + v.height);
      }
      expect(th.lines.length, g.id).toBeGreaterThan(0);
    }
  });

  it('draw a code scenario as its programs, each connected to the broker', () => {
    const th = thumbnailOf(GALLERY['work-queues-code'].scenario);
    expect(th.programs).toEqual(['worker.js', 'worker.js', 'new_task.js']);
    const programs = th.nodes.filter((n) => n.kind === 'program');
    expect(programs).toHaveLength(3);
    for (const p of programs) {
      expect(p.x + p.width).toBeLessThan(th.frame.x);
      expect(th.lines.some((l) => l.x1 === p.x + p.width && l.x2 === th.frame.x)).toBe(true);
    }
  });

  it('tell dead-letter lines apart and count what a card describes', () => {
    const th = thumbnailOf(GALLERY['dead-letter-retry'].scenario);
    expect(th.lines.filter((l) => l.kind === 'dlx')).toHaveLength(2);
    expect(th.counts).toEqual({ producers: 1, consumers: 1, exchanges: 2, queues: 2 });
  });
});
