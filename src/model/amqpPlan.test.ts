import { describe, expect, it } from 'vitest';
import { topologyOps } from './amqpPlan';
import { deleteElements } from './ops/remove';
import { updateBinding, updateExchange, updateQueue } from './ops/update';
import { logsTopology } from './testing/build';

const methods = (ops: ReturnType<typeof topologyOps>) => ops.map((o) => `${o.method} ${'queue' in o ? o.queue : 'exchange' in o ? o.exchange : o.destination}`);
const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error('edit refused');
  return r as Extract<T, { ok: true }>;
};

describe('topologyOps: what the canvas means for the broker', () => {
  it('declares everything from nothing, exchanges before queues before bindings', () => {
    const { doc } = logsTopology();
    const ops = topologyOps(null, doc);
    expect(methods(ops)).toEqual(['exchangeDeclare logs', 'queueDeclare errors', 'queueDeclare all', 'queueBind errors', 'queueBind all']);
    expect(ops[0]).toEqual({ method: 'exchangeDeclare', exchange: 'logs', type: 'topic', durable: true, autoDelete: false, internal: false, arguments: {} });
    expect(ops[3]).toEqual({ method: 'queueBind', queue: 'errors', exchange: 'logs', routingKey: '*.error', arguments: {} });
  });

  it('does nothing for moves, and unbinds/binds when a key changes', () => {
    const { doc } = logsTopology();
    const moved = { ...doc, queues: doc.queues.map((q) => ({ ...q, position: { x: 1, y: 1 } })) };
    expect(topologyOps(doc, moved)).toEqual([]);
    const rekeyed = ok(updateBinding(doc, doc.bindings[0]!.id, { routingKey: 'kern.*' })).doc;
    expect(topologyOps(doc, rekeyed)).toMatchObject([
      { method: 'queueUnbind', queue: 'errors', routingKey: '*.error' },
      { method: 'queueBind', queue: 'errors', routingKey: 'kern.*' },
    ]);
  });

  it('deleting a queue deletes it (its bindings go with it); changing its arguments redeclares it and rebinds', () => {
    const { doc, errors } = logsTopology();
    expect(methods(topologyOps(doc, deleteElements(doc, [errors])))).toEqual(['queueDelete errors']);
    const ttl = ok(updateQueue(doc, errors, { arguments: { messageTtl: 1000 } })).doc;
    const ops = topologyOps(doc, ttl);
    expect(methods(ops)).toEqual(['queueDelete errors', 'queueDeclare errors', 'queueBind errors']);
    expect(ops[1]).toMatchObject({ arguments: { 'x-message-ttl': 1000 } });
  });

  it('renaming an exchange redeclares it under the new name and binds again', () => {
    const { doc, logs } = logsTopology();
    const renamed = ok(updateExchange(doc, logs, { name: 'events', alternateExchange: 'ae' })).doc;
    const ops = topologyOps(doc, renamed);
    expect(methods(ops)).toEqual(['exchangeDelete logs', 'exchangeDeclare events', 'queueBind errors', 'queueBind all']);
    expect(ops[1]).toMatchObject({ arguments: { 'alternate-exchange': 'ae' } });
  });

  it('maps exchange-to-exchange bindings to exchange.bind', () => {
    const { doc, logs, build } = logsTopology();
    const other = build.add('exchange', 'audit');
    build.connect(logs, other, '#');
    const ops = topologyOps(doc, build.doc);
    expect(ops).toEqual([
      { method: 'exchangeDeclare', exchange: 'audit', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {} },
      { method: 'exchangeBind', destination: 'audit', source: 'logs', routingKey: '#', arguments: {} },
    ]);
  });

  it('a predeclared exchange drawn on the canvas is declared (an equivalent redeclare) and never deleted: its bindings are unbound', () => {
    const { doc, logs } = logsTopology();
    const topic = ok(updateExchange(doc, logs, { name: 'amq.topic' })).doc;
    expect(methods(topologyOps(null, topic))).toEqual(['exchangeDeclare amq.topic', 'queueDeclare errors', 'queueDeclare all', 'queueBind errors', 'queueBind all']);
    const gone = deleteElements(topic, [logs]);
    expect(topologyOps(topic, gone)).toMatchObject([
      { method: 'queueUnbind', queue: 'errors', exchange: 'amq.topic' },
      { method: 'queueUnbind', queue: 'all', exchange: 'amq.topic' },
    ]);
    expect(methods(topologyOps(topic, doc))).toEqual(['queueUnbind errors', 'queueUnbind all', 'exchangeDeclare logs', 'queueBind errors', 'queueBind all']);
  });
});
