import { describe, expect, it } from 'vitest';
import type { WorldEvent } from './events';
import { workQueue } from './fixtures';
import { World } from './world';

/**
 * An ack in flight belongs to the connection and channel that received the delivery: when that
 * closes, it is lost with the socket. It never reaches a channel opened later (where its delivery
 * tag would mean nothing, or another message).
 */
function stepUntil(w: World, pred: (e: WorldEvent) => boolean): WorldEvent[] {
  const seen: WorldEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    w.step();
    const evs = w.drainEvents();
    seen.push(...evs);
    if (evs.some(pred)) return seen;
  }
  throw new Error('never happened');
}

describe('settlements in flight', () => {
  it('Delete then Undo: the ack sent on the old connection never reaches the new one', () => {
    const s = workQueue({ consumers: 1, latency: 100 });
    const w = World.create(s);
    w.drainEvents();
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    stepUntil(w, (e) => e.type === 'settle-sent' && e.deliveryTag === 1);
    // Delete the consumer's app, then Undo: the same document as before comes back
    w.input({ type: 'scenario', scenario: { ...s, apps: s.apps.filter((a) => a.id !== 'app-c1') } });
    w.input({ type: 'scenario', scenario: s });
    w.advanceTo(w.now + 1000);
    const evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(evs.filter((e) => e.type === 'channel-closed' && e.error)).toEqual([]);
    // the message was requeued when the old connection closed, and the new consumer gets it
    const c = w.consumers.get('app-c1-sub')!;
    expect(c.state).toBe('running');
    expect(evs.filter((e) => e.type === 'acked')).toHaveLength(1);
    // and it goes on consuming
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.advanceTo(w.now + 1000);
    expect(w.drainEvents().filter((e) => e.type === 'acked')).toHaveLength(1);
    expect(w.broker.inspect.queue('work')).toMatchObject({ ready: 0, unacked: 0 });
  });

  it('a crash with an ack on the wire: the ack is lost, the message is redelivered after a restart of the consumer', () => {
    const s = workQueue({ consumers: 1, latency: 100 });
    const w = World.create(s);
    w.drainEvents();
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    stepUntil(w, (e) => e.type === 'settle-sent');
    w.input({ type: 'consumer-crash', consumer: 'app-c1-sub' });
    w.input({ type: 'consumer-start', consumer: 'app-c1-sub' });
    w.advanceTo(w.now + 1000);
    const evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(evs.filter((e) => e.type === 'delivered' && e.redelivered)).toHaveLength(1);
    expect(w.broker.inspect.queue('work')).toMatchObject({ ready: 0, unacked: 0 });
  });
});
