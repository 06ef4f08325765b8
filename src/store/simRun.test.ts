import { describe, expect, it } from 'vitest';
import { workQueue } from '../sim/fixtures';
import { SimController } from './simController';

const noBudget = () => false;

function play(c: SimController, ms: number, frame = 16) {
  c.play();
  for (let t = 0; t < ms; t += frame) c.tick(frame, noBudget);
  c.pause();
}

/** Ticks until a shared run has caught up, with a tiny work budget per frame (as a slow machine). */
function catchUp(c: SimController): number {
  let frames = 0;
  let budget = 0;
  while (c.ui.getState().catchUpTo !== null && frames < 100_000) {
    budget = 0;
    c.tick(16, () => ++budget > 25);
    frames++;
  }
  return frames;
}

const trace = (c: SimController) => c.log.entries().map((x) => x.e);

describe('SimController: replaying inputs exactly', () => {
  it('an input made between two events of one instant is replayed between the same two events', () => {
    // no hop latency: a publish, its routing and its delivery share one instant
    const c = new SimController(workQueue({ consumers: 2, prefetch: 1, processingMs: 0, latency: 0 }));
    c.input({ type: 'burst', publisher: 'app-p-pub', count: 4 });
    for (let i = 0; i < 7; i++) c.step();
    c.input({ type: 'consumer-crash', consumer: 'app-c1-sub' });
    for (let i = 0; i < 5; i++) c.step();
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    play(c, 500);
    const first = trace(c);
    const live = JSON.stringify(c.live.getState());
    const end = c.ui.getState().time;
    c.seek(0);
    c.seek(end);
    expect(trace(c)).toEqual(first);
    expect(JSON.stringify(c.live.getState())).toBe(live);
  });

  it('two inputs of one instant are both applied when seeking exactly to it', () => {
    const c = new SimController(workQueue({ consumers: 1, latency: 100 }));
    play(c, 1000);
    const at = c.ui.getState().time;
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    const seen = JSON.stringify(c.live.getState());
    play(c, 500);
    c.seek(0);
    c.seek(at);
    expect(JSON.stringify(c.live.getState())).toBe(seen);
  });
});

describe('SimController: a shared run', () => {
  it('opens paused where the teacher was, after catching up over frames, with the same state and trace', () => {
    const doc = workQueue({ rate: 40, consumers: 2, prefetch: 2, processingMs: 90, jitterMs: 30, latency: 20 });
    const teacher = new SimController(doc);
    play(teacher, 2000);
    teacher.input({ type: 'consumer-crash', consumer: 'app-c2-sub' });
    play(teacher, 1500);
    teacher.input({ type: 'publish', publisher: 'app-p-pub', overrides: { routingKey: 'work', body: 'by hand' } });
    teacher.input({ type: 'consumer-start', consumer: 'app-c2-sub' });
    play(teacher, 2000);
    teacher.seek(3000); // the teacher rewound: the link opens there, what came after stays recorded
    const run = teacher.runSoFar();
    expect(run.at).toBe(3000);
    expect(run.inputs).toHaveLength(3);

    const student = new SimController(doc);
    student.loadRun(JSON.parse(JSON.stringify(run)));
    expect(student.ui.getState()).toMatchObject({ playing: false, horizon: 3000, catchUpTo: 3000 });
    const frames = catchUp(student);
    expect(frames).toBeGreaterThan(1); // a little work per frame: the page never freezes
    expect(student.ui.getState().time).toBe(3000);
    expect(JSON.stringify(student.live.getState())).toBe(JSON.stringify(teacher.live.getState()));
    expect(trace(student).filter((e) => e.t <= 3000)).toEqual(trace(teacher).filter((e) => e.t <= 3000));

    // played on, the student's run meets the teacher's recorded future (the message and the restart at 3.5 s)
    teacher.seek(5400);
    play(student, 2400, 20);
    student.seek(5400);
    expect(JSON.stringify(student.live.getState())).toBe(JSON.stringify(teacher.live.getState()));
  });

  it('a run edited along the way starts from where it started', () => {
    const doc = workQueue({ rate: 20, consumers: 1, latency: 10 });
    const teacher = new SimController(doc);
    play(teacher, 1000);
    const edited = { ...doc, queues: [{ ...doc.queues[0]!, arguments: { ...doc.queues[0]!.arguments, maxLength: 3 } }] };
    teacher.setDocument(edited);
    play(teacher, 1000);
    const run = teacher.runSoFar();
    expect(run.initial).toBe(doc);
    const student = new SimController(edited);
    student.loadRun(run);
    catchUp(student);
    expect(JSON.stringify(student.live.getState())).toBe(JSON.stringify(teacher.live.getState()));
  });

  it('Step, a seek, Reset or acting stops the catching up', () => {
    const doc = workQueue({ rate: 20, consumers: 1 });
    const teacher = new SimController(doc);
    play(teacher, 3000);
    const student = new SimController(doc);
    student.loadRun(teacher.runSoFar());
    student.seek(1000);
    expect(student.ui.getState()).toMatchObject({ catchUpTo: null, time: 1000 });
    student.loadRun(teacher.runSoFar());
    student.reset();
    expect(student.ui.getState()).toMatchObject({ catchUpTo: null, time: 0, horizon: 0 });
  });

  it('a run shared part-way through an instant (after Step) opens after exactly as many events', () => {
    const doc = workQueue({ rate: 20, consumers: 2, prefetch: 1, processingMs: 0, latency: 0 });
    const teacher = new SimController(doc);
    play(teacher, 1000);
    // no hop latency: a publish, its routing and its delivery share one instant; stop in the middle of one
    let stepsAtInstant = 0;
    const t0 = teacher.world.now;
    while (stepsAtInstant < 2 || teacher.world.nextEventAt() !== teacher.world.now) {
      teacher.step();
      if (teacher.world.now !== t0) stepsAtInstant++;
    }
    const run = teacher.runSoFar();
    expect(teacher.world.nextEventAt()).toBe(run.at); // more is due at this very instant
    const student = new SimController(doc);
    student.loadRun(JSON.parse(JSON.stringify(run)));
    catchUp(student);
    expect(student.world.steps).toBe(teacher.world.steps);
    expect(student.ui.getState().time).toBe(run.at);
    expect(trace(student)).toEqual(trace(teacher));
    expect(JSON.stringify(student.live.getState())).toBe(JSON.stringify(teacher.live.getState()));
  });
});
