import { describe, expect, it } from 'vitest';
import { appRect, brokerFrame, HOLDING_ROW, intersects, keepAppsOutsideBroker, NOMINAL, nominalApp, nominalQueue } from './geometry';
import { emptyScenario } from './scenario';
import { tidyLayout } from './tidy';
import { Build, logsTopology } from './testing/build';

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

describe('tidyLayout with nodes that nothing connects', () => {
  const rectsOf = (t: ReturnType<typeof tidyLayout>) => [
    ...t.exchanges.map((e) => ({ id: e.id, ...e.position, ...NOMINAL.exchange })),
    ...t.queues.map((q) => ({ id: q.id, ...q.position, ...NOMINAL.queue })),
    ...t.apps.map((a) => ({ id: a.id, ...appRect(a) })),
  ];
  const bounds = (rs: { x: number; y: number; width: number; height: number }[]) => {
    const x0 = Math.min(...rs.map((r) => r.x));
    const y0 = Math.min(...rs.map((r) => r.y));
    return { width: Math.max(...rs.map((r) => r.x + r.width)) - x0, height: Math.max(...rs.map((r) => r.y + r.height)) - y0 };
  };
  const noOverlap = (t: ReturnType<typeof tidyLayout>) => {
    const rs = rectsOf(t);
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) expect(intersects(rs[i]!, rs[j]!), `${rs[i]!.id} over ${rs[j]!.id}`).toBe(false);
    for (const a of t.apps) expect(intersects(appRect(a), brokerFrame(t))).toBe(false);
  };

  it('places unbound queues on a grid beside the flow, not in one tall column; the flow stays left to right', () => {
    const { doc, p, logs, errors, c, build } = logsTopology();
    const spare = Array.from({ length: 6 }, (_, i) => build.add('queue', `spare${i + 1}`));
    const t = tidyLayout(build.doc);
    noOverlap(t);
    const pos = (id: string) => rectsOf(t).find((r) => r.id === id)!;
    expect(pos(p).x).toBeLessThan(pos(logs).x);
    expect(pos(logs).x).toBeLessThan(pos(errors).x);
    expect(pos(errors).x).toBeLessThan(pos(c).x);
    // the six spare queues use at least two columns, and the picture is wider than tall (a screen's shape)
    expect(new Set(spare.map((id) => pos(id).x)).size).toBeGreaterThan(1);
    const b = bounds(rectsOf(t));
    expect(b.height).toBeLessThan(b.width);
    expect(doc).toBeDefined();
  });

  it('lays out a canvas of unconnected queues and producers compactly', () => {
    const b = new Build();
    for (let i = 1; i <= 4; i++) b.add('queue', `queue${i}`);
    for (let i = 1; i <= 2; i++) b.add('producer', `producer${i}`);
    for (let i = 1; i <= 3; i++) b.add('consumer', `consumer${i}`);
    const t = tidyLayout(b.doc);
    noOverlap(t);
    const box = bounds(rectsOf(t));
    expect(box.height).toBeLessThanOrEqual(box.width);
    // producers left of the broker, consumers right of it
    const frame = brokerFrame(t);
    for (const a of t.apps) {
      if (a.publishers.length) expect(a.position.x).toBeLessThan(frame.x);
      else expect(a.position.x).toBeGreaterThan(frame.x + frame.width);
    }
  });

  it('puts a queue that a consumer reads but nothing feeds yet in the queues\' column, not the producers\'', () => {
    const { p, errors, build } = logsTopology();
    const kern = build.add('queue', 'kern');
    const c2 = build.add('consumer', 'kernel-team');
    build.connect(kern, c2);
    const t = tidyLayout(build.doc);
    noOverlap(t);
    const x = (id: string) => [...t.queues, ...t.apps].find((n) => n.id === id)!.position.x;
    expect(x(kern)).toBe(x(errors));
    expect(x(p)).toBeLessThan(x(kern));
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
