import { describe, expect, it } from 'vitest';
import { workQueue } from './fixtures';
import { World } from './world';

describe('a broker restart', () => {
  it('brings back the apps that were connected, and leaves stopped consumers stopped', () => {
    const w = World.create(workQueue({ rate: 2, consumers: 3, latency: 20 }));
    w.advanceTo(1000);
    w.input({ type: 'consumer-stop', consumer: 'app-c1-sub' });
    w.input({ type: 'consumer-stop', consumer: 'app-c2-sub' });
    w.advanceTo(1500);
    w.drainEvents();
    w.input({ type: 'broker-restart', downMs: 1000 });
    w.advanceTo(5000);
    const evs = w.drainEvents();
    const reopened = evs.filter((e) => e.type === 'connection-opened').map((e) => (e.type === 'connection-opened' ? e.name : ''));
    expect(reopened.sort()).toEqual(['producer', 'worker-3']);
    expect(w.consumers.get('app-c1-sub')!.state).toBe('stopped');
    expect(w.consumers.get('app-c2-sub')!.state).toBe('stopped');
    expect(w.consumers.get('app-c3-sub')!.state).toBe('running');
    expect(evs.some((e) => e.type === 'client-state' && e.consumer === 'app-c1-sub')).toBe(false);
    // a stopped consumer starts when asked to
    w.input({ type: 'consumer-start', consumer: 'app-c1-sub' });
    expect(w.consumers.get('app-c1-sub')!.state).toBe('running');
  });
});
