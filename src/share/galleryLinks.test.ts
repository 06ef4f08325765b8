import { describe, expect, it } from 'vitest';
import { galleryList } from '../scenarios';
import { decode, encode } from './codec';
import { exportScenarioFile, importScenarioFile } from './file';
import type { ShareState } from './restore';

/** What the Share button puts in a link for a scenario opened from the gallery. */
const stateOf = (g: ReturnType<typeof galleryList>[number]): ShareState => ({
  v: 1,
  scenario: g.scenario,
  ...(g.speed === undefined ? {} : { speed: g.speed }),
  ...(g.lesson ? { lesson: g.lesson } : {}),
  gallery: g.id,
});

describe('links and files of every gallery scenario', () => {
  it.each(galleryList().map((g) => [g.id, g] as const))('%s: round-trips with its lesson (texts in both languages), speed and gallery id', (_, g) => {
    const state = stateOf(g);
    expect(decode(encode(state))).toEqual({ ok: true, value: state });
    expect(importScenarioFile(exportScenarioFile(state))).toEqual({ ok: true, value: state });
  });

  it('keeps every gallery link under 2,000 characters, lessons included', () => {
    const sizes = Object.fromEntries(galleryList().map((g) => [g.id, encode(stateOf(g)).length]));
    // measured when written (link data only): hello-world 320, work-queues 1,127, topics 1,234, dead-letter-retry 1,444 (the largest)
    for (const [id, size] of Object.entries(sizes)) expect(size, id).toBeLessThan(2000);
  });

  it('drops a gallery id this Warren does not know (a newer gallery) but refuses one of the wrong type', () => {
    const g = galleryList()[0]!;
    const r = decode(encode({ v: 1, scenario: g.scenario, gallery: 'from-the-future' as never }));
    expect(r).toEqual({ ok: true, value: { v: 1, scenario: g.scenario } });
    const bad = decode(encode({ v: 1, scenario: g.scenario, gallery: 42 as never }));
    expect(bad.ok ? null : bad.error.problems?.map((p) => p.path)).toEqual(['gallery']);
  });
});
