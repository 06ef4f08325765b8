import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNode, type Scenario, updateExchange, updateQueue } from '../../model';
import { validScenario } from '../testing/arbitraries';
import { kitchenSink, topics } from '../testing/fixtures';
import { exportDefinitions, importDefinitionsText } from '.';

/** The broker side of a scenario by names, order-free: what a definitions round trip must keep. */
function topology(s: Scenario, opts: { withoutExclusive?: boolean } = {}) {
  const queues = s.queues.filter((q) => !(opts.withoutExclusive && q.exclusive));
  const name = (id: string) => [...s.exchanges, ...queues].find((x) => x.id === id)?.name;
  const sortedJson = (o: Record<string, unknown>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
  return {
    exchanges: s.exchanges.map((e) => JSON.stringify([e.name, e.type, e.durable, e.autoDelete, e.internal, e.alternateExchange ?? null])).sort(),
    // x-single-active-consumer=false is what a missing argument means: exports leave it out
    queues: queues
      .map((q) => {
        const { singleActiveConsumer, ...args } = q.arguments;
        return JSON.stringify([q.name, q.durable, q.autoDelete, sortedJson(singleActiveConsumer ? q.arguments : args)]);
      })
      .sort(),
    bindings: [
      ...new Set(
        s.bindings
          .filter((b) => name(b.destination) !== undefined)
          .map((b) => JSON.stringify([name(b.source), name(b.destination), b.destinationType, b.routingKey, sortedJson(b.arguments)])),
      ),
    ].sort(),
  };
}

const reimport = (text: string) => {
  const r = importDefinitionsText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('exporting RabbitMQ definitions', () => {
  it('writes what rabbitmqctl import_definitions (3.10) needs on every entity', () => {
    const { definitions } = exportDefinitions(kitchenSink(), { vhost: 'lab' });
    expect(definitions.rabbit_version).toBe('3.10.8');
    expect(definitions.vhosts).toEqual([{ name: 'lab' }]);
    expect(definitions.users).toEqual([]);
    for (const q of definitions.queues) expect(Object.keys(q).sort()).toEqual(['arguments', 'auto_delete', 'durable', 'name', 'type', 'vhost']);
    for (const e of definitions.exchanges) expect(Object.keys(e).sort()).toEqual(['arguments', 'auto_delete', 'durable', 'internal', 'name', 'type', 'vhost']);
    for (const b of definitions.bindings) expect(Object.keys(b).sort()).toEqual(['arguments', 'destination', 'destination_type', 'routing_key', 'source', 'vhost']);
    expect([...definitions.queues, ...definitions.exchanges, ...definitions.bindings].every((x) => x.vhost === 'lab')).toBe(true);
    expect(definitions.queues.find((q) => q.name === 'orders.work')).toEqual({
      name: 'orders.work', vhost: 'lab', durable: true, auto_delete: false, type: 'quorum',
      arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 3, 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'retry' },
    });
    expect(definitions.exchanges.find((e) => e.name === 'ingress')!.arguments).toEqual({ 'alternate-exchange': 'unrouted' });
    expect(definitions.bindings).toContainEqual({ source: 'orders', vhost: 'lab', destination: 'audit', destination_type: 'queue', routing_key: '', arguments: { 'x-match': 'any', region: 'eu', priority: 5, vip: true } });
    expect(definitions.bindings).toContainEqual({ source: 'ingress', vhost: 'lab', destination: 'orders', destination_type: 'exchange', routing_key: 'order.#', arguments: {} });
  });

  it('leaves out exclusive queues (and their bindings) and apps, saying so', () => {
    let s = topics();
    const kern = s.queues.find((q) => q.name === 'kern')!;
    const r = updateQueue(s, kern.id, { exclusive: true });
    if (!r.ok) throw new Error('fixture');
    s = r.doc;
    const e = exportDefinitions(s);
    expect(e.definitions.queues.map((q) => q.name)).toEqual(['critical', 'all']);
    expect(e.definitions.bindings.map((b) => b.destination)).toEqual(['critical', 'all']);
    expect(e.report).toEqual([
      { section: 'notImported', key: 'share.defs.export.exclusiveQueue', params: { name: 'kern' } },
      // the binding it leaves out is named, with the exclusive queue it points to
      { section: 'notImported', key: 'share.defs.export.exclusiveBinding', params: { source: 'topic_logs', destination: 'kern', key: 'kern.*' } },
      { section: 'notImported', key: 'share.defs.export.apps', params: { count: 4 } },
    ]);
  });

  it('leaves the predeclared exchanges out (every broker has them) but keeps their bindings', () => {
    const s = topics();
    const topic = s.exchanges[0]!;
    const r = updateExchange(s, topic.id, { name: 'amq.topic' });
    if (!r.ok) throw new Error('fixture');
    const e = exportDefinitions(r.doc);
    expect(e.definitions.exchanges).toEqual([]);
    expect(e.definitions.bindings.map((b) => b.source)).toEqual(['amq.topic', 'amq.topic', 'amq.topic']);
  });

  it('adds a user only when asked, with the tags 3.10 requires', () => {
    const { definitions } = exportDefinitions(topics(), { vhost: 'v', user: { name: 'teacher', password: 's3cret' } });
    expect(definitions.users).toEqual([{ name: 'teacher', password: 's3cret', tags: [] }]);
    expect(definitions.permissions).toEqual([{ user: 'teacher', vhost: 'v', configure: '.*', write: '.*', read: '.*' }]);
  });

  it('round-trips the broker side: export, then import, gives the same topology', () => {
    for (const s of [kitchenSink(), topics(), addNode(kitchenSink(), 'queue', { x: 0, y: 0 }).doc]) {
      const back = reimport(exportDefinitions(s).text);
      expect(topology(back.scenario)).toEqual(topology(s));
      expect(back.report.entries.filter((e) => e.section !== 'notModelled')).toEqual([]);
    }
  });

  it('round-trips random valid scenarios', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const back = reimport(exportDefinitions(s).text);
        expect(topology(back.scenario)).toEqual(topology(s, { withoutExclusive: true }));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('reads back what RabbitMQ 3.10.8 exported after importing our file (the internal exchange is missing from its export)', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'rabbitmq-3.10.8-after-warren-export.json'), 'utf8');
    const r = importDefinitionsText(text, { vhost: 'warren-ks2' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const expected = topology(kitchenSink());
    const got = topology(r.value.scenario);
    expect(got.queues).toEqual(expected.queues);
    expect(got.exchanges).toEqual(expected.exchanges.filter((e) => !e.startsWith('["orders"')));
    expect(got.bindings).toEqual(expected.bindings.filter((b) => !b.includes('"orders"')));
    expect(r.value.report.entries.filter((e) => e.key === 'share.defs.report.danglingBinding').map((e) => e.params.missing)).toEqual(['orders', 'orders', 'orders']);
  });
});
