import { describe, expect, it } from 'vitest';
import { appRect, brokerBoxes, brokerFrame, intersects } from '../model';
import { restoreScenario, type Scenario, validateScenario } from '../model';
import { lessonIssues, textIn } from '../model/lesson';
import { lessonSchema } from '../model/schemas/lesson';
import { World } from '../sim';
import { filterGallery } from './filter';
import { GALLERY, galleryList } from './index';
import { SCENARIO_IDS, TAGS } from './types';

const all = galleryList();
const texts = (g: (typeof all)[number]) => [g.title, g.summary, g.watch, ...g.tryThis.map((t) => t.text)];

describe('the gallery', () => {
  it('has every scenario of the issue, under its own id', () => {
    // 25 simulated scenarios, and the 7 tutorials as programs ("code" scenarios, tested in src/programs)
    expect(all.length).toBe(32);
    for (const id of SCENARIO_IDS) expect(GALLERY[id].id).toBe(id);
  });

  it.each(all.map((g) => [g.id, g] as const))('%s passes the model\'s restore and validation unchanged', (_, g) => {
    const r = restoreScenario(JSON.parse(JSON.stringify(g.scenario)));
    expect(r.problems).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.scenario).toEqual(g.scenario);
    expect(validateScenario(g.scenario)).toEqual([]);
  });

  it.each(all.filter((g) => !g.tags.includes('code')).map((g) => [g.id, g] as const))('%s starts without a client error and runs', (_, g) => {
    const w = World.create(structuredClone(g.scenario) as Scenario);
    w.advanceTo(3000);
    const events = w.drainEvents();
    expect(events.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(events.some((e) => e.type === 'enqueued')).toBe(true);
  });

  it.each(all.map((g) => [g.id, g] as const))('%s is written in English and Spanish, with 2 to 4 things to try', (_, g) => {
    for (const t of texts(g)) {
      expect(t.en.trim()).not.toBe('');
      expect(t.es.trim()).not.toBe('');
      expect(t.es).not.toBe(t.en);
    }
    expect(g.tryThis.length).toBeGreaterThanOrEqual(2);
    expect(g.tryThis.length).toBeLessThanOrEqual(4);
    for (const tag of g.tags) expect(TAGS).toContain(tag);
    expect(g.tags.includes('lesson')).toBe(g.lesson !== undefined);
  });

  it.each(all.map((g) => [g.id, g] as const))('%s: its "Try it" actions name clients that exist', (_, g) => {
    const publishers = new Set(g.scenario.apps.flatMap((a) => a.publishers.map((p) => p.id)));
    const consumers = new Set(g.scenario.apps.flatMap((a) => a.consumers.map((c) => c.id)));
    for (const { action } of g.tryThis) {
      if (!action) continue;
      if ('publisher' in action) expect(publishers).toContain(action.publisher);
      if ('consumer' in action) expect(consumers).toContain(action.consumer);
    }
  });

  it('lays documents out left to right: producers, broker, consumers; the main flow to the right', () => {
    for (const g of all) {
      const s = g.scenario;
      const brokerX = [...s.exchanges, ...s.queues].map((n) => n.position.x);
      for (const a of s.apps) {
        if (a.publishers.length) expect(a.position.x, `${g.id}: ${a.name}`).toBeLessThan(Math.min(...brokerX));
        else expect(a.position.x, `${g.id}: ${a.name}`).toBeGreaterThan(Math.max(...brokerX));
      }
      // what the exchanges the apps publish to bind comes after them (loops and chains may turn: a
      // dead-letter ring, an exchange bound under another)
      const x = (id: string) => [...s.exchanges, ...s.queues].find((n) => n.id === id)!.position.x;
      const entry = new Set(s.apps.flatMap((a) => a.publishers.map((p) => s.exchanges.find((e) => e.name === p.exchange)?.id)));
      for (const b of s.bindings) if (entry.has(b.source) && s.queues.some((q) => q.id === b.destination)) expect(x(b.destination), `${g.id}: ${b.id}`).toBeGreaterThan(x(b.source));
    }
    // and so do the queues a lesson asks the student to bind
    const pos = (g: (typeof all)[number], kind: 'exchanges' | 'queues', name: string) => g.scenario[kind].find((n) => n.name === name)!.position.x;
    expect(pos(GALLERY['topic-logs'], 'queues', 'kern')).toBeGreaterThan(pos(GALLERY['topic-logs'], 'exchanges', 'topic_logs'));
    expect(pos(GALLERY['alternate-exchange'], 'queues', 'refunds')).toBeGreaterThan(pos(GALLERY['alternate-exchange'], 'exchanges', 'orders'));
  });

  it('lays documents out compactly, nothing on anything: each opens big enough to read in a 960×540 embed', () => {
    for (const g of all) {
      const s = g.scenario;
      const rects = [...brokerBoxes(s).map((b) => b.rect), ...s.apps.map((a) => appRect(a))];
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(intersects(rects[i]!, rects[j]!), `${g.id}: nodes ${i} and ${j} overlap`).toBe(false);
      for (const a of s.apps) expect(intersects(appRect(a), brokerFrame(s)), `${g.id}: ${a.name} is on the broker`).toBe(false);
      // at zoom 0.75 (names 14 px, figures 12 px on screen) the picture fits the embed's canvas (936 × 430 px of room)
      const all = [brokerFrame(s), ...rects];
      const width = Math.max(...all.map((r) => r.x + r.width)) - Math.min(...all.map((r) => r.x));
      const height = Math.max(...all.map((r) => r.y + r.height)) - Math.min(...all.map((r) => r.y));
      expect(width, `${g.id}: width`).toBeLessThanOrEqual(936 / 0.75);
      expect(height, `${g.id}: height`).toBeLessThanOrEqual(430 / 0.75);
    }
  });

  it('has lessons for topics, routing, work queues, dead-letter retry and the alternate exchange, each valid for its document', () => {
    const lessons = all.filter((g) => g.lesson);
    expect(lessons.map((g) => g.id)).toEqual(expect.arrayContaining(['topic-logs', 'routing-severity', 'work-queues-speeds', 'dead-letter-retry', 'alternate-exchange']));
    for (const g of lessons) {
      expect(lessonSchema.safeParse(g.lesson).success).toBe(true);
      expect(lessonIssues(g.lesson!, g.scenario)).toEqual([]);
      for (const step of g.lesson!.steps) {
        expect(textIn(step.text, 'es')).not.toBe(textIn(step.text, 'en'));
        expect(step.goal).toBeDefined();
      }
    }
  });
});

describe('filterGallery', () => {
  it('filters by tags (all of them) and by words, in either language, ignoring case and accents', () => {
    const ids = (xs: typeof all) => xs.map((g) => g.id);
    expect(ids(filterGallery(all, { tags: ['tutorial'] }))).toEqual(SCENARIO_IDS.slice(0, 8));
    expect(ids(filterGallery(all, { tags: ['routing', 'lesson'] }))).toEqual(['routing-severity', 'topic-logs', 'alternate-exchange']);
    expect(ids(filterGallery(all, { query: 'ALTERNATE' }))).toEqual(['alternate-exchange']);
    expect(ids(filterGallery(all, { query: 'reply-to' }))).toContain('rpc-direct-reply-to');
    expect(ids(filterGallery(all, { query: 'exchange alternativo', lang: 'es' }))).toContain('alternate-exchange');
    expect(ids(filterGallery(all, { query: 'prioridades', lang: 'es' }))).toEqual(['priority-queue']);
    expect(filterGallery(all, { query: 'no such thing' })).toEqual([]);
  });
});
