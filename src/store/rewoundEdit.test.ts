import { describe, expect, it } from 'vitest';
import { workQueue } from '../sim/fixtures';
import { SimController } from './simController';

const noBudget = () => false;

function play(c: SimController, ms: number, frame = 16) {
  c.play();
  for (let t = 0; t < ms; t += frame) c.tick(frame, noBudget);
  c.pause();
}

/** An edit made after rewinding drops the recorded future: Undo (the previous document again) brings it back. */
describe('an edit while rewound', () => {
  it('says what it dropped, and Undo brings the recorded run back as it was', () => {
    const doc = workQueue({ rate: 10, consumers: 2, prefetch: 2, processingMs: 120, latency: 20 });
    const c = new SimController(doc);
    play(c, 3000);
    c.input({ type: 'consumer-crash', consumer: 'app-c1-sub' });
    play(c, 4000);
    const end = c.world.now;
    const atEnd = JSON.stringify(c.live.getState());
    c.seek(2000);

    const edited = { ...doc, apps: doc.apps.map((a) => (a.id === 'app-c2' ? { ...a, consumers: a.consumers.map((x) => ({ ...x, processingMs: 50 })) } : a)) };
    c.setDocument(edited);
    expect(c.droppedByLastEdit).toEqual({ at: 2000, until: end, inputs: 1 });
    expect(c.ui.getState().horizon).toBe(2000);
    expect(c.inputCount).toBe(1);

    // Undo: the document before the edit comes back, and with it the run it had recorded
    c.setDocument(doc);
    expect(c.droppedByLastEdit).toBeNull();
    expect(c.ui.getState().horizon).toBe(end);
    expect(c.inputCount).toBe(1);
    expect(c.world.now).toBe(2000);
    c.seek(end);
    expect(JSON.stringify(c.live.getState())).toBe(atEnd);
  });

  it('drops nothing (and says nothing) when the edit is made at the end of the run', () => {
    const doc = workQueue({ rate: 10, consumers: 1, latency: 20 });
    const c = new SimController(doc);
    play(c, 2000);
    c.setDocument({ ...doc, queues: doc.queues.map((q) => ({ ...q, arguments: { ...q.arguments, maxLength: 3 } })) });
    expect(c.droppedByLastEdit).toBeNull();
  });

  it('cannot bring the future back once something else was done after the edit', () => {
    const doc = workQueue({ rate: 10, consumers: 1, latency: 20 });
    const c = new SimController(doc);
    play(c, 3000);
    const end = c.world.now;
    c.seek(1000);
    const edited = { ...doc, queues: doc.queues.map((q) => ({ ...q, arguments: { ...q.arguments, maxLength: 3 } })) };
    c.setDocument(edited);
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    c.setDocument(doc);
    expect(c.ui.getState().horizon).toBeLessThan(end);
  });
});
