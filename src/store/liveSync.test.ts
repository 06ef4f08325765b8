import { describe, expect, it } from 'vitest';
import { singleActiveConsumer } from '../scenarios/patterns/singleActiveConsumer';
import { publishSubscribe } from '../scenarios/tutorials/publishSubscribe';
import { World } from '../sim';
import { GALLERY } from '../scenarios';
import { createLiveStore } from './liveCounts';
import { syncLive } from './liveSync';
import { SimController } from './simController';

const A = 'app-instance-a-sub';
const B = 'app-instance-b-sub';
const C = 'app-instance-c-sub';

function synced(w: World) {
  const live = createLiveStore();
  syncLive(live, w);
  return live;
}

describe('syncLive: single active consumer', () => {
  it('counts the queue consumers and marks the ones waiting their turn as standby', () => {
    const w = World.create(structuredClone(singleActiveConsumer.scenario));
    w.advanceTo(2000);
    const s = synced(w).getState();
    expect(s.queues.orders).toMatchObject({ consumers: 3, standby: 2 });
    expect(s.consumers[A]).toMatchObject({ state: 'running' });
    expect(s.consumers[A]!.standby).toBeUndefined();
    expect(s.consumers[B]).toMatchObject({ state: 'running', standby: true });
    expect(s.consumers[C]).toMatchObject({ state: 'running', standby: true });
  });

  it('follows the hand-over: after a crash the next one is active and a restarted one waits', () => {
    const w = World.create(structuredClone(singleActiveConsumer.scenario));
    w.advanceTo(2000);
    const live = synced(w);
    w.input({ type: 'consumer-crash', consumer: A });
    syncLive(live, w);
    let s = live.getState();
    expect(s.queues.orders).toMatchObject({ consumers: 2, standby: 1 });
    expect(s.consumers[A]!.state).toBe('crashed');
    expect(s.consumers[A]!.standby).toBeUndefined();
    expect(s.consumers[B]!.standby).toBeUndefined();
    expect(s.consumers[C]!.standby).toBe(true);
    w.input({ type: 'consumer-start', consumer: A });
    syncLive(live, w);
    s = live.getState();
    expect(s.queues.orders).toMatchObject({ consumers: 3, standby: 2 });
    expect(s.consumers[A]).toMatchObject({ state: 'running', standby: true });
  });

  it('marks nobody as standby on queues without single active consumer', () => {
    const w = World.create(structuredClone(publishSubscribe.scenario));
    w.advanceTo(1000);
    const s = synced(w).getState();
    for (const q of Object.values(s.queues)) expect(q).toEqual({ ready: expect.any(Number), unacked: expect.any(Number), consumers: 1 });
    expect(Object.values(s.consumers).some((c) => c.standby)).toBe(false);
  });
});

describe('syncLive: exchanges in the broker now', () => {
  it('an exchange deleted during the run is absent, and present again after a rewind to before', () => {
    const doc = structuredClone(GALLERY.routing.scenario);
    const c = new SimController(doc);
    const tick = (ms: number) => {
      c.play();
      for (let t = 0; t < ms; t += 20) c.tick(20, () => false);
      c.pause();
    };
    tick(1000);
    const name = doc.exchanges[0]!.name;
    expect(c.live.getState().exchanges[name]).toBe(true);
    c.setDocument({ ...doc, exchanges: doc.exchanges.slice(1), bindings: doc.bindings.filter((b) => b.source !== doc.exchanges[0]!.id) });
    tick(1000);
    expect(c.live.getState().exchanges[name]).toBeUndefined();
    c.seek(500);
    expect(c.live.getState().exchanges[name]).toBe(true);
  });
});
