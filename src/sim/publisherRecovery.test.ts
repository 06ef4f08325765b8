import { describe, expect, it } from 'vitest';
import type { WorldEvent } from './events';
import { workQueue } from './fixtures';
import { World } from './world';

/**
 * A producer through a broker restart, as a client with automatic connection recovery (Java, .NET)
 * behaves: its publishes fail while the connection is down (the application gets an error each
 * time, nothing is sent), then it reconnects and opens its channels again. The log says each change
 * of state once, not one row per failed message.
 */
describe('a publishing app through a broker restart', () => {
  function run() {
    const w = World.create(workQueue({ rate: 20, consumers: 1, latency: 10 }));
    w.advanceTo(1000);
    w.drainEvents();
    w.input({ type: 'broker-restart', downMs: 2000 });
    w.advanceTo(6000);
    return { w, evs: w.drainEvents() };
  }
  const producerState = (evs: WorldEvent[]) => evs.filter((e) => e.type === 'client-state' && e.app === 'app-p' && e.consumer === undefined);

  it('says once that it waits to reconnect, and once that it recovered, with how many publishes failed meanwhile', () => {
    const { w, evs } = run();
    const states = producerState(evs);
    expect(states.map((e) => (e.type === 'client-state' ? e.state : ''))).toEqual(['reconnecting', 'recovered']);
    const failed = evs.filter((e) => e.type === 'publish-failed');
    // 20 a second for 2 s: every publish of the outage failed, and the producer counts them all
    expect(failed.length).toBeGreaterThanOrEqual(38);
    expect(w.publishers.get('app-p-pub')!.failed).toBe(failed.length);
    const recovered = states[1]!;
    expect(recovered.type === 'client-state' && recovered.failed).toBe(failed.length);
    // the broker was unreachable: that is the reason the client gives, not "connection closed"
    expect(failed.every((e) => e.type === 'publish-failed' && e.reason === 'broker unreachable (restarting)')).toBe(true);
    // said after its connection opened again (the broker's rows come first)
    const reopened = evs.findIndex((e) => e.type === 'connection-opened' && e.name === 'producer');
    expect(reopened).toBeGreaterThan(-1);
    expect(evs.indexOf(recovered)).toBeGreaterThan(reopened);
    // after the recovery it publishes again and its messages are routed
    const after = evs.filter((e) => e.type === 'routed' || e.type === 'enqueued').filter((e) => e.t > recovered.t);
    expect(after.length).toBeGreaterThan(10);
  });

});
