import { describe, expect, it } from 'vitest';
import { appRect, brokerFrame, HOLDING_ROW, intersects, keepAppsOutsideBroker, NOMINAL, nominalApp, nominalQueue } from './geometry';
import { emptyScenario } from './scenario';
import { tidyLayout } from './tidy';
import { logsTopology } from './testing/build';

describe('broker frame and apps', () => {
  it('frames exactly the exchanges and queues, with a default size when empty', () => {
    expect(brokerFrame(emptyScenario())).toEqual({ x: 0, y: 0, width: 420, height: 300 });
    const { doc } = logsTopology();
    const f = brokerFrame(doc);
    for (const n of [...doc.exchanges, ...doc.queues]) {
      expect(n.position.x).toBeGreaterThan(f.x);
      expect(n.position.y).toBeGreaterThan(f.y);
      expect(n.position.x + NOMINAL.queue.width).toBeLessThanOrEqual(f.x + f.width);
    }
  });

  it('moves an app that overlaps the broker out to the nearer side', () => {
    const { doc, p, c } = logsTopology();
    const f = brokerFrame(doc);
    const inside = { ...doc, apps: doc.apps.map((a) => (a.id === p ? { ...a, position: { x: f.x - 100, y: f.y + 10 } } : a.id === c ? { ...a, position: { x: f.x + f.width - 20, y: f.y } } : a)) };
    const out = keepAppsOutsideBroker(inside);
    for (const a of out.apps) expect(intersects(appRect(a), brokerFrame(out))).toBe(false);
    expect(out.apps.find((a) => a.id === p)!.position.x).toBeLessThan(f.x);
    expect(out.apps.find((a) => a.id === c)!.position.x).toBeGreaterThan(f.x + f.width);
    expect(keepAppsOutsideBroker(out)).toBe(out);
  });
});

describe('tidyLayout', () => {
  it('lays out left to right: producers, exchanges, queues, consumers, without overlaps', () => {
    const { doc, p, logs, errors, all, c } = logsTopology();
    const t = tidyLayout(doc);
    const pos = (id: string) => [...t.exchanges, ...t.queues, ...t.apps].find((n) => n.id === id)!.position;
    expect(pos(p).x).toBeLessThan(pos(logs).x);
    expect(pos(logs).x).toBeLessThan(pos(errors).x);
    expect(pos(errors).x).toBe(pos(all).x);
    expect(pos(errors).x).toBeLessThan(pos(c).x);
    const frame = brokerFrame(t);
    for (const a of t.apps) expect(intersects(appRect(a), frame)).toBe(false);
    const rects = [...t.exchanges.map((e) => ({ ...e.position, ...NOMINAL.exchange })), ...t.queues.map((q) => ({ ...q.position, ...NOMINAL.queue })), ...t.apps.map((a) => appRect(a))];
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(intersects(rects[i]!, rects[j]!)).toBe(false);
  });

  it('keeps an RPC client (publisher and consumer) on the left and copes with a dead-letter cycle', () => {
    const { doc, p, errors, logs } = logsTopology();
    const rpc = { ...doc, apps: doc.apps.map((a) => (a.id === p ? { ...a, consumers: [{ ...doc.apps[1]!.consumers[0]!, id: 'sub9', channelId: a.connections[0]!.channels[0]!.id, queue: 'all' }] } : a)) };
    const cyc = { ...rpc, queues: rpc.queues.map((q) => (q.id === errors ? { ...q, arguments: { ...q.arguments, deadLetterExchange: 'logs' } } : q)) };
    const t = tidyLayout(cyc);
    expect(t.apps.find((a) => a.id === p)!.position.x).toBeLessThan(t.exchanges.find((e) => e.id === logs)!.position.x);
  });
});

describe('nominal app sizes', () => {
  it("gives a consumer's unacked messages their own row under its counts, so a consumer is taller than a publisher", () => {
    const { doc, p, c } = logsTopology();
    const producer = doc.apps.find((a) => a.id === p)!;
    const consumer = doc.apps.find((a) => a.id === c)!;
    // same name length, one connection, one channel, one client each: the difference is the chips' row
    const named = { ...consumer, name: producer.name };
    expect(nominalApp(named).height - nominalApp(producer).height).toBe(HOLDING_ROW);
    expect(HOLDING_ROW).toBeGreaterThanOrEqual(14);
  });

  it('counts a queue badge row per line the badges take at 16 px, not per three badges', () => {
    const { doc, errors } = logsTopology();
    const q = doc.queues.find((x) => x.id === errors)!;
    const plain = nominalQueue({ ...q, durable: false });
    const one = nominalQueue({ ...q, exclusive: true, durable: false });
    const many = nominalQueue({ ...q, durable: false, exclusive: true, autoDelete: true, arguments: { ...q.arguments, messageTtl: 10000, deadLetterExchange: 'retry-exchange', maxLength: 1000 } });
    expect(one.height).toBeGreaterThan(plain.height);
    // "Excl AD TTL 10s DLX retry-exchange max-len 1000" does not fit two 206 px lines at 16 px
    expect(many.height - one.height).toBeGreaterThanOrEqual(2 * 22);
  });
});
