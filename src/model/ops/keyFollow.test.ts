import { describe, expect, it } from 'vitest';
import { Build } from '../testing/build';
import { updatePublisher } from './appClients';
import { applyConnection } from './connect';
import { checkConnection } from './connectPlan';

const keysOf = (b: Build) => b.doc.apps.flatMap((a) => a.publishers.map((p) => p.routingKeys));

function wired(type: 'direct' | 'topic' | 'fanout' = 'direct') {
  const b = new Build();
  const p = b.add('producer', 'producer1');
  const x = b.add('exchange', 'exchange1');
  b.doc = { ...b.doc, exchanges: b.doc.exchanges.map((e) => (e.id === x ? { ...e, type } : e)) };
  const q = b.add('queue', 'queue1');
  const q2 = b.add('queue', 'queue2');
  return { b, p, x, q, q2 };
}

describe('a new producer\'s default key "" follows the first binding of a direct exchange', () => {
  it('when the binding comes after the producer was wired (the teacher\'s first topology)', () => {
    const { b, p, x, q, q2 } = wired();
    b.connect(p, x);
    expect(keysOf(b)).toEqual([['']]);
    b.connect(x, q, 'orders');
    expect(keysOf(b)).toEqual([['orders']]);
    // a second binding does not move it again
    b.connect(x, q2, 'invoices');
    expect(keysOf(b)).toEqual([['orders']]);
  });

  it('when the producer is wired to an exchange that already has keyed bindings', () => {
    const { b, p, x, q } = wired();
    b.connect(x, q, 'orders');
    b.connect(p, x);
    expect(keysOf(b)).toEqual([['orders']]);
  });

  it('never replaces a key the person chose, nor follows where "" already routes or the key is not compared', () => {
    const chosen = wired();
    chosen.b.connect(chosen.p, chosen.x);
    const app = chosen.b.doc.apps[0]!;
    const r = updatePublisher(chosen.b.doc, app.id, app.publishers[0]!.id, { routingKeys: ['audit'] });
    if (!r.ok) throw new Error();
    chosen.b.doc = r.doc;
    chosen.b.connect(chosen.x, chosen.q, 'orders');
    expect(keysOf(chosen.b)).toEqual([['audit']]);

    const empty = wired();
    empty.b.connect(empty.x, empty.q, '').connect(empty.x, empty.q2, 'orders').connect(empty.p, empty.x);
    expect(keysOf(empty.b)).toEqual([['']]);

    const fanout = wired('fanout');
    fanout.b.connect(fanout.p, fanout.x).connect(fanout.x, fanout.q, 'orders');
    expect(keysOf(fanout.b)).toEqual([['']]);

    const topic = wired('topic');
    topic.b.connect(topic.p, topic.x).connect(topic.x, topic.q, 'orders.*');
    expect(keysOf(topic.b)).toEqual([['']]);
    const plainTopic = wired('topic');
    plainTopic.b.connect(plainTopic.p, plainTopic.x).connect(plainTopic.x, plainTopic.q, 'orders.eu');
    expect(keysOf(plainTopic.b)).toEqual([['orders.eu']]);
  });

  it('is one edit with the binding (one undo step): the same applyConnection result', () => {
    const { b, p, x, q } = wired();
    b.connect(p, x);
    const plan = checkConnection(b.doc, { node: x }, { node: q });
    if (plan.action === 'refuse') throw new Error();
    const r = applyConnection(b.doc, plan, { routingKey: 'orders', arguments: {} });
    if (!r.ok) throw new Error();
    expect(r.doc.bindings).toHaveLength(1);
    expect(r.doc.apps[0]!.publishers[0]!.routingKeys).toEqual(['orders']);
  });
});
