import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { deriveLinks } from './links';
import { addNode, type PaletteKind } from './ops/add';
import { addChannel, addConsumer } from './ops/appClients';
import { copyFragment, pasteFragment } from './ops/clipboard';
import { applyConnection, applyFix } from './ops/connect';
import { checkConnection } from './ops/connectPlan';
import { deleteElements } from './ops/remove';
import { updateExchange, updateQueue } from './ops/update';
import { PORT } from './ports';
import { restoreScenario } from './restore';
import { emptyScenario, type Scenario } from './scenario';
import { tidyLayout } from './tidy';
import { validateScenario } from './validate';

/** Picks the i-th of a list, wrapping; undefined for an empty list. */
const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const nodeIds = (s: Scenario) => [...s.exchanges, ...s.queues, ...s.apps].map((n) => n.id).concat(s.broker.showDefaultExchange ? [DEFAULT_EXCHANGE_NODE_ID] : []);

type Step = (s: Scenario) => Scenario;
const ok = (s: Scenario, r: { ok: true; doc: Scenario } | { ok: false }) => (r.ok ? r.doc : s);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom<PaletteKind>('producer', 'exchange', 'queue', 'consumer'), x: fc.integer({ min: -500, max: 500 }) })
    .map(({ kind, x }) => (s: Scenario) => addNode(s, kind, { x, y: x / 2 }, kind === 'exchange' ? 'topic' : 'direct').doc),
  fc.record({ a: fc.nat(), b: fc.nat(), ae: fc.boolean(), key: fc.constantFrom('', 'a.b', '#', 'orders'), fix: fc.boolean() })
    .map(({ a, b, ae, key, fix }) => (s: Scenario) => {
      const ids = nodeIds(s);
      const from = pick(ids, a);
      const to = pick(ids, b);
      if (!from || !to) return s;
      const plan = checkConnection(s, { node: from, handle: ae ? PORT.alternate : null }, { node: to });
      if (plan.action === 'refuse') return plan.fix && fix ? ok(s, applyFix(s, plan.fix)) : s;
      return ok(s, applyConnection(s, plan, { routingKey: key, arguments: {} }));
    }),
  fc.record({ i: fc.nat(), ttl: fc.integer({ min: -2, max: 5000 }), quorum: fc.boolean(), durable: fc.boolean(), dlx: fc.boolean() })
    .map(({ i, ttl, quorum, durable, dlx }) => (s: Scenario) => {
      const q = pick(s.queues, i);
      if (!q) return s;
      return ok(s, updateQueue(s, q.id, { durable, arguments: { messageTtl: ttl, queueType: quorum ? 'quorum' : 'classic', deadLetterExchange: dlx ? 'dlx' : undefined } }));
    }),
  fc.record({ i: fc.nat(), name: fc.constantFrom('a', 'b', 'amq.x', '', 'logs') }).map(({ i, name }) => (s: Scenario) => {
    const e = pick(s.exchanges, i);
    const q = pick(s.queues, i);
    const r1 = e ? ok(s, updateExchange(s, e.id, { name })) : s;
    return q ? ok(r1, updateQueue(r1, q.id, { name })) : r1;
  }),
  fc.record({ i: fc.nat(), j: fc.nat() }).map(({ i, j }) => (s: Scenario) => {
    const links = deriveLinks(s);
    return deleteElements(s, i % 3 === 0 ? [pick(nodeIds(s), j) ?? ''] : [], [pick(links, i)?.id ?? '']);
  }),
  fc.nat().map((i) => (s: Scenario) => pasteFragment(s, copyFragment(s, nodeIds(s).filter((_, k) => (k + i) % 2 === 0))).doc),
  fc.nat().map((i) => (s: Scenario) => {
    const a = pick(s.apps, i);
    if (!a) return s;
    const r = addChannel(s, a.id);
    return r.ok ? ok(r.doc, addConsumer(r.doc, a.id, r.createdId, pick(s.queues, i)?.name ?? '')) : s;
  }),
  fc.constant((s: Scenario) => tidyLayout(s)),
  fc.boolean().map((show) => (s: Scenario) => ({ ...s, broker: { ...s.broker, showDefaultExchange: show } })),
);

describe('editing never breaks the document', () => {
  it('any sequence of editor operations leaves a valid document that restores unchanged', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let s = emptyScenario();
        for (const f of steps) s = f(s);
        expect(validateScenario(s).filter((i) => i.severity === 'error')).toEqual([]);
        const restored = restoreScenario(JSON.parse(JSON.stringify(s)));
        expect(restored.status).toBe('ok');
        expect(restored.scenario).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
