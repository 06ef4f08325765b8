import { describe, expect, it } from 'vitest';
import { logsTopology } from '../testing/build';
import { moveNodes } from './move';
import { updateBinding, updateBroker, updateExchange, updateQueue, updateApp, updateScenarioInfo } from './update';

describe('editing entities', () => {
  it('renaming an exchange follows its name into publishers, DLX and AE references', () => {
    const { doc, logs, errors } = logsTopology();
    const withRefs = {
      ...doc,
      queues: doc.queues.map((q) => (q.id === errors ? { ...q, arguments: { ...q.arguments, deadLetterExchange: 'logs' } } : q)),
      exchanges: doc.exchanges.map((e) => ({ ...e, alternateExchange: 'logs' })),
    };
    const r = updateExchange(withRefs, logs, { name: 'events' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.doc.exchanges[0]).toMatchObject({ name: 'events', alternateExchange: 'events' });
    expect(r.doc.apps[0]!.publishers[0]!.exchange).toBe('events');
    expect(r.doc.queues.find((q) => q.id === errors)!.arguments.deadLetterExchange).toBe('events');
    // bindings refer to ids and need no change
    expect(r.doc.bindings).toBe(withRefs.bindings);
  });

  it('renaming a queue moves its consumers along', () => {
    const { doc, errors, c } = logsTopology();
    const r = updateQueue(doc, errors, { name: 'failures' });
    if (!r.ok) throw new Error();
    expect(r.doc.apps.find((a) => a.id === c)!.consumers[0]!.queue).toBe('failures');
  });

  it('refuses taken, empty and reserved names, leaving the document untouched', () => {
    const { doc, errors, p } = logsTopology();
    expect(updateQueue(doc, errors, { name: 'all' })).toEqual({ ok: false, errors: [{ path: ['name'], explanation: { key: 'validation.nameTaken', params: { name: 'all' } } }] });
    expect(updateQueue(doc, errors, { name: 'amq.x' })).toMatchObject({ ok: false, errors: [{ path: ['name'], explanation: { key: 'validation.nameReserved' } }] });
    expect(updateExchange(doc, doc.exchanges[0]!.id, { name: '' })).toMatchObject({ ok: false, errors: [{ path: ['name'], explanation: { key: 'validation.nameEmpty' } }] });
    expect(updateApp(doc, p, { name: 'c' })).toMatchObject({ ok: false, errors: [{ explanation: { key: 'validation.nameTaken' } }] });
    expect(updateApp(doc, p, { name: 'errors' }).ok).toBe(true); // apps have their own namespace
  });

  it('merges queue arguments, and removes one set to undefined', () => {
    const { doc, errors } = logsTopology();
    const a = updateQueue(doc, errors, { arguments: { messageTtl: 1000, maxLength: 5 } });
    if (!a.ok) throw new Error();
    const b = updateQueue(a.doc, errors, { arguments: { messageTtl: undefined } });
    if (!b.ok) throw new Error();
    const q = b.doc.queues.find((x) => x.id === errors)!;
    expect(q.arguments).toEqual({ queueType: 'classic', maxLength: 5 });
    expect('messageTtl' in q.arguments).toBe(false);
  });

  it('refuses a queue type change RabbitMQ would refuse, with the reason on the field', () => {
    const { doc, errors } = logsTopology();
    const nonDurable = updateQueue(doc, errors, { durable: false });
    if (!nonDurable.ok) throw new Error();
    expect(updateQueue(nonDurable.doc, errors, { arguments: { queueType: 'quorum' } })).toMatchObject({
      ok: false,
      errors: [{ path: ['durable'], explanation: { key: 'validation.quorumDurable' } }],
    });
  });

  it('edits a binding key, refusing one that would duplicate another binding', () => {
    const { doc } = logsTopology();
    const [b1, b2] = doc.bindings;
    const r = updateBinding(doc, b1!.id, { routingKey: 'kern.*' });
    expect(r.ok && r.doc.bindings[0]!.routingKey).toBe('kern.*');
    const dup = { ...doc, bindings: [b1!, { ...b2!, destination: b1!.destination }] };
    expect(updateBinding(dup, b2!.id, { routingKey: b1!.routingKey })).toMatchObject({ ok: false, errors: [{ explanation: { key: 'connect.duplicateBinding' } }] });
  });

  it('validates broker settings and moves nodes, ignoring unknown ids', () => {
    const { doc, logs, p } = logsTopology();
    expect(updateBroker(doc, { hopLatencyMs: -5 }).ok).toBe(false);
    const r = updateBroker(doc, { showDefaultExchange: true });
    expect(r.ok && r.doc.broker.showDefaultExchange).toBe(true);
    const moved = moveNodes(doc, { [logs]: { x: 1, y: 2 }, [p]: { x: 3, y: 4 }, ghost: { x: 0, y: 0 }, 'amq.default': { x: 9, y: 9 } });
    expect(moved.exchanges[0]!.position).toEqual({ x: 1, y: 2 });
    expect(moved.apps.find((a) => a.id === p)!.position).toEqual({ x: 3, y: 4 });
    expect(moved.layout?.defaultExchange).toEqual({ x: 9, y: 9 });
    expect(moved.queues).toBe(doc.queues);
  });

  it('names and describes the scenario and changes its seed, checking each', () => {
    const { doc } = logsTopology();
    const r = updateScenarioInfo(doc, { title: '  Logs by severity ', description: 'Topic routing.', seed: 42 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.doc).toMatchObject({ title: 'Logs by severity', description: 'Topic routing.', seed: 42 });
    expect(r.doc.exchanges).toBe(doc.exchanges);
    // an empty description is left out; an unchanged one gives the same document (no undo step)
    const cleared = updateScenarioInfo(r.doc, { description: '  ' });
    expect(cleared.ok && 'description' in cleared.doc).toBe(false);
    const same = updateScenarioInfo(r.doc, { title: 'Logs by severity' });
    expect(same.ok && same.doc).toBe(r.doc);
    expect(updateScenarioInfo(doc, { title: 'x'.repeat(201) })).toEqual({ ok: false, errors: [{ path: ['title'], explanation: { key: 'validation.textTooLong', params: { max: 200 } } }] });
    expect(updateScenarioInfo(doc, { description: 'x'.repeat(10_001) })).toMatchObject({ ok: false, errors: [{ path: ['description'] }] });
    expect(updateScenarioInfo(doc, { seed: 1.5 })).toMatchObject({ ok: false, errors: [{ path: ['seed'], explanation: { key: 'validation.integer' } }] });
    expect(updateScenarioInfo(doc, { seed: -1 })).toMatchObject({ ok: false, errors: [{ path: ['seed'], explanation: { key: 'validation.min' } }] });
    expect(updateScenarioInfo(doc, { seed: 2 ** 32 })).toMatchObject({ ok: false, errors: [{ path: ['seed'], explanation: { key: 'validation.max' } }] });
  });
});
