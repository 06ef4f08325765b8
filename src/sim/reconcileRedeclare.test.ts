import { describe, expect, it } from 'vitest';
import { workQueue } from './fixtures';
import { World } from './world';

describe('reconcile: a queue declared again after an edit of its arguments', () => {
  it('subscribes its consumers again (the broker cancelled them when it deleted the queue)', () => {
    const s = workQueue({ rate: 5, consumers: 1, latency: 20 });
    const w = World.create(s);
    w.advanceTo(1000);
    const next = { ...s, queues: s.queues.map((q) => ({ ...q, arguments: { ...q.arguments, messageTtl: 60_000 } })) };
    w.input({ type: 'scenario', scenario: next });
    w.advanceTo(3000);
    expect(w.consumers.get('app-c1-sub')!.state).toBe('running');
    expect(w.broker.inspect.queue('work')).toMatchObject({ consumers: 1, arguments: { 'x-message-ttl': 60_000 } });
    const acked = w.drainEvents().filter((e) => e.type === 'acked' && e.t > 1000);
    expect(acked.length).toBeGreaterThan(5);
  });
});
