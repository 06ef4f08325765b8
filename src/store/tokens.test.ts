import { describe, expect, it } from 'vitest';
import { linkId } from '../model';
import { logsTopology } from '../model/testing/build';
import type { WorldEvent } from '../sim';
import { TokenTracker } from './tokens';

/** What the canvas draws of events the picture spec cannot wait for: cables' events, losses, shapes. */
describe('TokenTracker', () => {
  const { doc, p, c } = logsTopology();
  const conn = doc.apps.find((a) => a.id === c)!.connections[0]!.id;
  const owners = new Map([[7, { app: c, conn }]]);
  const connectionOf = (n: number) => owners.get(n);

  it('prunes what arrived in place, in order, and lists what is on its way', () => {
    const t = new TokenTracker();
    const seg = (id: number, t0: number, t1: number) => ({ id, kind: 'publish' as const, from: 'a', to: 'b', t0, t1, key: '', persistent: false });
    t.segments.push(seg(1, 0, 100), seg(2, 0, 50), seg(3, 60, 200), seg(4, 10, 80), seg(5, 150, 300));
    t.effects.push({ id: 9, kind: 'dropped', node: 'q', t: 0, count: 1 }, { id: 10, kind: 'dropped', node: 'q', t: 100, count: 1 });
    const segments = t.segments;
    expect(t.active(70).map((s) => s.id)).toEqual([1, 3, 4]);
    t.prune(90);
    // the same arrays (the message layer redraws on time and count), without what arrived before 90
    expect(t.segments).toBe(segments);
    expect(t.segments.map((s) => s.id)).toEqual([1, 3, 5]);
    t.prune(1600);
    expect(t.segments).toEqual([]);
    expect(t.effects.map((e) => e.id)).toEqual([10]);
    // active() is a new array, even when every segment is on its way
    t.segments.push(seg(6, 1600, 1700));
    expect(t.active(1650)).not.toBe(t.segments);
  });

  it('draws a connection opening, closing and being lost on its cable', () => {
    const t = new TokenTracker();
    t.ingest([{ type: 'connection-opened', t: 0, connection: 7, name: 'c' }] as WorldEvent[], doc, 100, connectionOf);
    t.ingest([{ type: 'connection-closed', t: 10, connection: 7 }] as WorldEvent[], doc, 100, connectionOf);
    t.ingest([{ type: 'connection-opened', t: 20, connection: 7, name: 'c' }] as WorldEvent[], doc, 100, connectionOf);
    // a crash: the connection closes, then the client says it crashed, in the same instant
    t.ingest([{ type: 'connection-closed', t: 30, connection: 7 }, { type: 'client-state', t: 30, app: c, consumer: 'x', state: 'crashed', lost: 3 }] as WorldEvent[], doc, 100, connectionOf);
    const onCable = t.effects.filter((e) => e.node === linkId.connection(conn)).map((e) => [e.kind, e.t]);
    expect(onCable).toEqual([
      ['connection-opened', 0],
      ['connection-closed', 10],
      ['connection-opened', 20],
      ['connection-lost', 30],
    ]);
    // what an auto-ack consumer held is lost with it: one badge for three messages
    expect(t.effects.find((e) => e.kind === 'lost')).toMatchObject({ node: c, count: 3, detail: 'auto-ack' });
  });

  it('counts a transient queue gone at a restart with its messages as a loss on it', () => {
    const t = new TokenTracker();
    t.ingest([{ type: 'queue-deleted', t: 5, queue: 'errors', reason: 'broker-restart', messageCount: 4 }] as WorldEvent[], doc, 100);
    const q = doc.queues.find((x) => x.name === 'errors')!.id;
    expect(t.effects).toEqual([expect.objectContaining({ kind: 'lost', node: q, count: 4, detail: 'broker-restart' })]);
  });

  it('gives persistent messages square tokens all the way: publish, route, dead-letter', () => {
    const t = new TokenTracker();
    const pub = doc.apps.find((a) => a.id === p)!.publishers[0]!.id;
    t.ingest(
      [
        { type: 'publish-sent', t: 0, arriveAt: 100, app: p, publisher: pub, seq: 1, exchange: 'logs', routingKey: 'a.error', body: '', deliveryMode: 2 },
        { type: 'publish-sent', t: 0, arriveAt: 100, app: p, publisher: pub, seq: 2, exchange: 'logs', routingKey: 'a.info', body: '', deliveryMode: 1 },
        { type: 'published', t: 100, msgId: 1, exchange: 'logs', routingKey: 'a.error', mandatory: false, properties: { deliveryMode: 2 } },
        { type: 'routed', t: 100, msgId: 1, exchange: 'logs', queues: ['errors'] },
      ] as WorldEvent[],
      doc,
      100,
    );
    expect(t.segments.map((s) => [s.kind, s.persistent])).toEqual([
      ['publish', true],
      ['publish', false],
      ['route', true],
    ]);
  });
});
