import { describe, expect, it } from 'vitest';
import { workQueue } from '../sim/fixtures';
import { SimController } from './simController';

const noBudget = () => false;

function play(c: SimController, ms: number, frame = 16) {
  c.play();
  for (let t = 0; t < ms; t += frame) c.tick(frame, noBudget);
}

describe('SimController', () => {
  it('moves virtual time by wall time × speed, and not while paused', () => {
    const c = new SimController(workQueue({ rate: 10 }));
    c.tick(1000, noBudget);
    expect(c.ui.getState().time).toBe(0);
    c.setSpeed(10);
    c.play();
    c.tick(100, noBudget);
    expect(c.ui.getState().time).toBe(1000);
    c.setSpeed(1000);
    expect(c.ui.getState().speed).toBe(100);
  });

  it('publishes live counts per consumer and queue', () => {
    const c = new SimController(workQueue({ rate: 20, consumers: 2, prefetch: 1, processingMs: 50, latency: 10 }));
    play(c, 3000);
    const live = c.live.getState();
    expect(live.consumers['app-c1-sub']!.acked + live.consumers['app-c2-sub']!.acked).toBeGreaterThan(50);
    expect(live.queues.work).toBeDefined();
  });

  it('steps one event at a time', () => {
    const c = new SimController(workQueue({ consumers: 1, latency: 100 }));
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      c.step();
      times.push(c.ui.getState().time);
    }
    expect(times).toEqual([100, 200, 300, 400, 500, 500]);
    expect(c.ui.getState().playing).toBe(false);
  });

  it('rewinds to a past time and gets the same state as the first time', () => {
    const c = new SimController(workQueue({ rate: 25, consumers: 2, prefetch: 3, processingMs: 80, jitterMs: 40, latency: 20 }));
    play(c, 3000);
    c.input({ type: 'consumer-crash', consumer: 'app-c1-sub' });
    play(c, 5000);
    const at = 6500;
    c.seek(at);
    const first = JSON.stringify(c.live.getState());
    const firstLog = c.log.entries().map((x) => x.e);
    play(c, 1000);
    c.seek(2000);
    c.seek(at);
    expect(JSON.stringify(c.live.getState())).toBe(first);
    expect(c.log.entries().map((x) => x.e)).toEqual(firstLog);
    expect(c.ui.getState().time).toBe(at);
  });

  it('keeps the same run whatever the frame rate', () => {
    const run = (frame: number) => {
      const c = new SimController(workQueue({ rate: 30, consumers: 3, prefetch: 2, processingMs: 70, jitterMs: 50, latency: 15 }));
      play(c, 4000, frame);
      c.seek(4000);
      return c.log.entries().map((x) => x.e);
    };
    expect(run(7)).toEqual(run(33));
  });

  it('records an edit while running as AMQP operations on the running broker', () => {
    const doc = workQueue({ rate: 10, consumers: 0, latency: 0 });
    const c = new SimController(doc);
    play(c, 1000);
    expect(c.live.getState().queues.work!.ready).toBeGreaterThan(5);
    c.setDocument({ ...doc, queues: [] });
    expect(c.live.getState().queues.work).toBeUndefined();
  });

  it('says which queues an edit deleted and declared again, with the ready messages they lost', () => {
    const doc = workQueue({ rate: 10, consumers: 0, latency: 0 });
    const c = new SimController(doc);
    play(c, 1000);
    const ready = c.live.getState().queues.work!.ready;
    expect(ready).toBeGreaterThan(5);
    const q = doc.queues[0]!;
    const edited = { ...doc, queues: [{ ...q, arguments: { ...q.arguments, maxPriority: 5 } }] };
    const lost = c.setDocument(edited);
    expect(lost).toEqual([{ queue: 'work', lost: ready }]);
    expect(c.live.getState().queues.work!.ready).toBe(0);
    // moving a node or renaming the scenario is not an AMQP operation
    expect(c.setDocument({ ...edited, title: 'renamed' })).toEqual([]);
  });
});
