import { describe, expect, it } from 'vitest';
import { channelQosCalls } from '../app';
import { Build } from '../testing/build';
import { validateScenario } from '../validate';
import { addChannel, addConnection, addConsumer, addPublisher, removeChannel, updateChannel, updateConsumer, updatePublisher } from './appClients';

function rpcClient() {
  const b = new Build();
  const id = b.add('producer', 'rpc');
  return { b, id };
}

describe('app connections, channels and clients', () => {
  it('adds channels with the next free number, and connections with channel 1', () => {
    const { b, id } = rpcClient();
    const r = addChannel(b.doc, id);
    if (!r.ok) throw new Error();
    expect(r.doc.apps[0]!.connections[0]!.channels.map((c) => c.number)).toEqual([1, 2]);
    const r2 = addConnection(r.doc, id);
    if (!r2.ok) throw new Error();
    expect(r2.doc.apps[0]!.connections.map((c) => c.channels.map((ch) => ch.number))).toEqual([[1, 2], [1]]);
    expect(r2.createdId).toBe(r2.doc.apps[0]!.connections[1]!.id);
  });

  it('gives a producer app a consumer too (an RPC client), and moves it to another channel', () => {
    const { b, id } = rpcClient();
    const withCh = addChannel(b.doc, id);
    if (!withCh.ok) throw new Error();
    const r = addConsumer(withCh.doc, id, withCh.createdId, 'replies');
    if (!r.ok) throw new Error();
    const app = r.doc.apps[0]!;
    expect(app.consumers).toMatchObject([{ id: r.createdId, channelId: withCh.createdId, queue: 'replies' }]);
    const moved = updateConsumer(r.doc, id, r.createdId!, { channelId: app.connections[0]!.channels[0]!.id });
    expect(moved.ok).toBe(true);
    expect(updateConsumer(r.doc, id, r.createdId!, { channelId: 'nowhere' })).toMatchObject({ ok: false, errors: [{ path: ['consumers', 0, 'channelId'] }] });
  });

  it('closing a channel removes its clients, but an app keeps one channel', () => {
    const { b, id } = rpcClient();
    const first = b.doc.apps[0]!.connections[0]!.channels[0]!.id;
    expect(removeChannel(b.doc, id, first)).toMatchObject({ ok: false, errors: [{ explanation: { key: 'op.lastChannel' } }] });
    const two = addChannel(b.doc, id);
    if (!two.ok) throw new Error();
    const r = removeChannel(two.doc, id, first);
    if (!r.ok) throw new Error();
    expect(r.doc.apps[0]!.publishers).toEqual([]);
    expect(r.doc.apps[0]!.connections[0]!.channels.map((c) => c.id)).toEqual([two.createdId]);
  });

  it('keeps confirms and confirm mode consistent', () => {
    const { b, id } = rpcClient();
    const pub = b.doc.apps[0]!.publishers[0]!;
    const r = updatePublisher(b.doc, id, pub.id, { confirms: true });
    if (!r.ok) throw new Error();
    expect(r.doc.apps[0]!.connections[0]!.channels[0]!.confirmSelect).toBe(true);
    const off = updateChannel(r.doc, id, pub.channelId, { confirmSelect: false });
    if (!off.ok) throw new Error();
    expect(off.doc.apps[0]!.publishers[0]!.confirms).toBe(false);
    expect(validateScenario(off.doc)).toEqual([]);
  });

  it('validates client settings', () => {
    const { b, id } = rpcClient();
    const pub = b.doc.apps[0]!.publishers[0]!;
    expect(updatePublisher(b.doc, id, pub.id, { ratePerSec: 0 }).ok).toBe(false);
    expect(updatePublisher(b.doc, id, pub.id, { message: { ...pub.message, expiration: '1.5s' } })).toMatchObject({ ok: false, errors: [{ explanation: { key: 'validation.expiration' } }] });
    expect(updatePublisher(b.doc, id, pub.id, { message: { ...pub.message, priority: 300 } })).toMatchObject({ ok: false, errors: [{ path: ['message', 'priority'] }] });
    const withC = addConsumer(b.doc, id);
    if (!withC.ok) throw new Error();
    expect(updateConsumer(withC.doc, id, withC.createdId!, { prefetchCount: 70000 })).toMatchObject({ ok: false, errors: [{ explanation: { key: 'validation.max', params: { max: 65535 } } }] });
    expect(updateConsumer(withC.doc, id, withC.createdId!, { failPercent: 101 }).ok).toBe(false);
    expect(updateConsumer(withC.doc, id, withC.createdId!, { failOutcome: 'ack' as never }).ok).toBe(false);
    expect(addPublisher(withC.doc, id).ok).toBe(true);
  });

  it('lists the basic.qos calls the simulated client makes', () => {
    const { b, id } = rpcClient();
    const ch = b.doc.apps[0]!.connections[0]!.channels[0]!.id;
    const r = addConsumer(b.doc, id, ch, 'q');
    if (!r.ok) throw new Error();
    const shared = updateChannel(r.doc, id, ch, { prefetchCount: 50, prefetchGlobal: true });
    if (!shared.ok) throw new Error();
    expect(channelQosCalls(shared.doc.apps[0]!, ch)).toEqual({ atOpen: { prefetchCount: 50, global: true }, perConsumer: { [r.createdId!]: { prefetchCount: 10, global: false } } });
    expect(channelQosCalls(r.doc.apps[0]!, ch).atOpen).toBeNull();
  });
});
