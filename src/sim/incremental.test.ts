import { describe, expect, it } from 'vitest';
import { addChannel, addConnection, type App, removeChannel, removeConsumer, type Scenario, updateChannel, updateConsumer } from '../model';
import type { WorldEvent } from './events';
import { consumerApp, publisherApp, queue, workQueue } from './fixtures';
import { World } from './world';

/**
 * An edit while the simulation runs is what a real client would do about it, no more: a channel.open
 * on the live connection, a basic.qos on the live channel, a basic.cancel + basic.consume where a
 * consumer changed. Nothing else reconnects, nothing is requeued.
 */
function must(r: { ok: true; doc: Scenario } | { ok: false }): Scenario {
  if (!r.ok) throw new Error('edit refused');
  return r.doc;
}

/** A slow consumer with no prefetch limit holding many unacked messages (the "Prefetch 1 vs unlimited" picture). */
function hoarding(): { w: World; s: Scenario } {
  const s = workQueue({ rate: 5, consumers: 1, prefetch: 0, processingMs: 3000, latency: 20 });
  const w = World.create(s);
  w.advanceTo(6000);
  w.drainEvents();
  return { w, s };
}

const C = 'app-c1';
const SUB = 'app-c1-sub';

function edit(w: World, s: Scenario): WorldEvent[] {
  w.input({ type: 'scenario', scenario: s });
  return w.drainEvents();
}

const types = (evs: WorldEvent[]) => evs.map((e) => e.type);
const summaryOf = (evs: WorldEvent[], app = C) => evs.find((e): e is Extract<WorldEvent, { type: 'edit-applied' }> => e.type === 'edit-applied' && e.app === app);

describe('reconcile: incremental, like a real client', () => {
  it('opens a new channel on the live connection and touches nothing else ("Add channel")', () => {
    const { w, s } = hoarding();
    const unacked = w.broker.inspect.queue('work')!.unacked;
    expect(unacked).toBeGreaterThan(10);
    const conn = w.apps.get(C)!.conns[`${C}-conn`];
    const evs = edit(w, must(addChannel(s, C)));
    expect(types(evs)).not.toContain('connection-closed');
    expect(types(evs)).not.toContain('connection-opened');
    expect(types(evs)).not.toContain('requeued');
    const opened = evs.filter((e) => e.type === 'channel-opened');
    expect(opened).toEqual([expect.objectContaining({ connection: conn, channel: 2 })]);
    expect(summaryOf(evs)!.methods).toEqual(['channel.open']);
    expect(w.broker.inspect.queue('work')!.unacked).toBe(unacked);
    expect(w.consumers.get(SUB)!.state).toBe('running');
  });

  it('keeps working on what it holds after the edit, and acks it on the same channel', () => {
    const { w, s } = hoarding();
    const held = w.consumers.get(SUB)!.inbox.length + 1;
    edit(w, must(addChannel(s, C)));
    w.advanceTo(6000 + 3000 * 3 + 100);
    const evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'acked').length).toBeGreaterThanOrEqual(3);
    expect(evs.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(held).toBeGreaterThan(3);
  });

  it('sends basic.qos on the live channel when the channel prefetch changes', () => {
    const { w, s } = hoarding();
    const ch = `${C}-ch`;
    const evs = edit(w, must(updateChannel(s, C, ch, { prefetchCount: 5, prefetchGlobal: true })));
    expect(types(evs)).not.toContain('connection-closed');
    expect(types(evs)).not.toContain('channel-closed');
    expect(types(evs)).not.toContain('consumer-cancelled');
    expect(evs.filter((e) => e.type === 'qos')).toEqual([expect.objectContaining({ prefetchCount: 5, global: true, channel: 1 })]);
    expect(summaryOf(evs)!.methods).toEqual(['basic.qos']);
  });

  it('cancels and consumes again (after its basic.qos) when a consumer\'s prefetch changes; nothing is requeued', () => {
    const { w, s } = hoarding();
    const evs = edit(w, must(updateConsumer(s, C, SUB, { prefetchCount: 3 })));
    expect(types(evs)).not.toContain('requeued');
    expect(types(evs)).not.toContain('connection-closed');
    expect(summaryOf(evs)!.methods).toEqual(['basic.cancel', 'basic.qos', 'basic.consume']);
  });

  it('sends nothing at all for client-side behaviour (processing time, outcome)', () => {
    const { w, s } = hoarding();
    const evs = edit(w, must(updateConsumer(s, C, SUB, { processingMs: 100 })));
    expect(summaryOf(evs)).toBeUndefined();
    expect(types(evs).filter((t) => /channel|connection|consumer-|qos/.test(t))).toEqual([]);
  });

  it('closes only the removed channel: its consumer stops, its unacked messages go back; the other channel is untouched', () => {
    const { w, s } = hoarding();
    let d = must(addChannel(s, C));
    const ch2 = d.apps.find((a) => a.id === C)!.connections[0]!.channels[1]!.id;
    edit(w, d);
    // a second consumer on channel 2, on another queue
    d = { ...d, queues: [...d.queues, queue('q-other', 'other')] };
    d = must(updateConsumer(d, C, SUB, {}));
    const app = d.apps.find((a) => a.id === C)!;
    const second = { ...app.consumers[0]!, id: 'second', channelId: ch2, queue: 'other', prefetchCount: 0 };
    d = { ...d, apps: d.apps.map((a) => (a.id === C ? { ...a, consumers: [...a.consumers, second] } : a)) };
    edit(w, d);
    const firstUnacked = w.broker.inspect.queue('work')!.unacked;
    const evs = edit(w, must(removeChannel(d, C, ch2)));
    expect(evs.filter((e) => e.type === 'channel-closed')).toEqual([expect.objectContaining({ channel: 2 })]);
    expect(types(evs)).not.toContain('connection-closed');
    expect(summaryOf(evs)!.methods).toEqual(['channel.close']);
    expect(w.broker.inspect.queue('work')!.unacked).toBe(firstUnacked);
    expect(w.consumers.get(SUB)!.state).toBe('running');
  });

  it('opens an added connection and leaves the existing one alone', () => {
    const { w, s } = hoarding();
    const evs = edit(w, must(addConnection(s, C)));
    expect(types(evs).filter((t) => t.startsWith('connection-'))).toEqual(['connection-opened']);
    expect(summaryOf(evs)!.methods).toEqual(['connection.open', 'channel.open']);
    expect(types(evs)).not.toContain('requeued');
  });

  it('closes the channel and opens it again when confirm mode is turned off, and says why', () => {
    const s0 = workQueue({ rate: 5, consumers: 0, latency: 20 });
    const s = must(updateChannel(s0, 'app-p', 'app-p-ch', { confirmSelect: true }));
    const w = World.create(s);
    w.advanceTo(2000);
    w.drainEvents();
    const evs = edit(w, must(updateChannel(s, 'app-p', 'app-p-ch', { confirmSelect: false })));
    const sum = summaryOf(evs, 'app-p')!;
    expect(sum.methods).toEqual(['channel.close', 'channel.open']);
    expect(sum.reopened).toEqual([{ channel: 1, reason: 'confirm-off' }]);
    expect(types(evs)).not.toContain('connection-closed');
  });

  it('issues confirm.select on the live channel when a publisher asks for confirms', () => {
    const s = workQueue({ rate: 5, consumers: 0, latency: 20 });
    const w = World.create(s);
    w.advanceTo(1000);
    w.drainEvents();
    const evs = edit(w, must(updateChannel(s, 'app-p', 'app-p-ch', { confirmSelect: true })));
    expect(summaryOf(evs, 'app-p')!.methods).toEqual(['confirm.select']);
    w.advanceTo(3000);
    expect(w.publishers.get('app-p-pub')!.confirmed + w.drainEvents().filter((e) => e.type === 'confirmed').length).toBeGreaterThan(0);
  });

  it('moves a consumer to another channel: cancel on the old one, consume on the new; what it held is acked where it came from', () => {
    const { w, s } = hoarding();
    const d = must(addChannel(s, C));
    edit(w, d);
    const ch2 = d.apps.find((a) => a.id === C)!.connections[0]!.channels[1]!.id;
    const evs = edit(w, must(updateConsumer(d, C, SUB, { channelId: ch2 })));
    expect(summaryOf(evs)!.methods).toEqual(['basic.cancel', 'basic.qos', 'basic.consume']);
    expect(evs.find((e) => e.type === 'consumer-added')).toMatchObject({ channel: 2 });
    w.advanceTo(20_000);
    const later = w.drainEvents();
    expect(later.filter((e) => e.type === 'client-error')).toEqual([]);
    const acked = later.filter((e): e is Extract<WorldEvent, { type: 'acked' }> => e.type === 'acked');
    expect(acked.some((e) => e.channel === 1)).toBe(true);
  });

  it('gives back what a removed consumer held (basic.cancel, then basic.nack with requeue), on its live channel', () => {
    const { w, s } = hoarding();
    const held = w.consumers.get(SUB)!.inbox.length + 1;
    const two: App = { ...consumerApp(C, 'worker-1', { queue: 'work' }), consumers: [...s.apps.find((a) => a.id === C)!.consumers, { ...s.apps.find((a) => a.id === C)!.consumers[0]!, id: 'other-sub', queue: '' }] };
    const d = { ...s, apps: s.apps.map((a) => (a.id === C ? { ...a, consumers: two.consumers } : a)) };
    edit(w, d);
    const evs = edit(w, must(removeConsumer(d, C, SUB)));
    expect(summaryOf(evs)!.methods).toEqual(['basic.cancel', `basic.nack ×${held}`]);
    w.advanceTo(w.now + 100);
    const after = w.drainEvents();
    expect(after.filter((e) => e.type === 'requeued').length).toBe(held);
    expect(after.filter((e) => e.type === 'client-error')).toEqual([]);
  });

  it('connects a new app without touching the others', () => {
    const { w, s } = hoarding();
    const d = { ...s, apps: [...s.apps, publisherApp('app-new', 'new-producer')] };
    const evs = edit(w, d);
    expect(types(evs).filter((t) => t.startsWith('connection-'))).toEqual(['connection-opened']);
    expect(summaryOf(evs, 'app-new')!.methods).toEqual(['connection.open', 'channel.open']);
    expect(summaryOf(evs)).toBeUndefined();
  });
});
