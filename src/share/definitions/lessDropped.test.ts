import { fixture, imported } from '../testing/definitions';
import { describe, expect, it } from 'vitest';
import { World } from '../../sim/world';


describe('real routing paths are imported, not dropped (a per-vhost download from a real 3.10.8)', () => {
  const r = imported(fixture('rabbitmq-3.10.8-vhost-orders.json'));
  const s = r.scenario;
  const nameOf = (id: string) => [...s.exchanges, ...s.queues].find((x) => x.id === id)?.name;
  const bindings = s.bindings.map((b) => [nameOf(b.source), b.routingKey, nameOf(b.destination), b.arguments]);

  it('a binding from amq.topic, with amq.topic drawn as the predeclared exchange it is', () => {
    expect(s.exchanges.find((e) => e.name === 'amq.topic')).toMatchObject({ type: 'topic', durable: true, autoDelete: false, internal: false });
    expect(bindings).toContainEqual(['amq.topic', '#', 'orders.audit', {}]);
  });

  it('a headers binding whose values are a list and a table', () => {
    expect(bindings).toContainEqual(['orders.h', '', 'orders.audit', { 'x-match': 'any', tags: ['a', 'b'], meta: { k: 1 } }]);
  });

  it('a stream, marked "not simulated yet", with its binding', () => {
    expect(s.queues.find((q) => q.name === 'orders.stream')).toMatchObject({ durable: true, arguments: { queueType: 'stream', maxLengthBytes: 1000000 } });
    expect(bindings).toContainEqual(['orders.x', '#', 'orders.stream', {}]);
    expect(r.report.entries.filter((e) => e.key === 'share.defs.report.streamQueue').map((e) => [e.section, e.params])).toEqual([['notModelled', { name: 'orders.stream' }]]);
    expect(r.report.imported).toEqual({ exchanges: 3, queues: 4, bindings: 4 });
  });

  it('runs: everything but the stream is declared on the simulated broker, without an error', () => {
    const w = World.create(s);
    w.advanceTo(1000);
    expect(w.drainEvents().filter((e) => e.type === 'client-error')).toEqual([]);
    expect(w.broker.inspect.queue('orders.audit')).toBeDefined();
    expect(w.broker.inspect.queue('orders.stream')).toBeUndefined();
  });
});

describe('a dangling binding is blamed on RabbitMQ only in a file RabbitMQ wrote', () => {
  const file = (version: object) =>
    JSON.stringify({ ...version, exchanges: [{ name: 'x', type: 'fanout' }], bindings: [{ source: 'x', destination: 'amq.gen-abc', destination_type: 'queue' }] });
  it('hand-written: the queue is just not in the file', () => {
    expect(imported(file({})).report.entries.map((e) => e.key)).toContain('share.defs.report.danglingBindingHand');
  });
  it('a RabbitMQ export: its known gap (exclusive queues left out, their bindings kept) explains it', () => {
    expect(imported(file({ rabbit_version: '3.10.8' })).report.entries.map((e) => e.key)).toContain('share.defs.report.danglingBinding');
  });
});
