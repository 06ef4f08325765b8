import { describe, expect, it } from 'vitest';
import { type Announcement, AnnouncementThrottle, announcementsBetween, type Moment, queueLevels, type Said } from './announcements';

const moment = (queues: Record<string, number>, consumers: Record<string, string> = {}, lesson: Moment['lesson'] = null): Moment => ({
  queues: Object.fromEntries(Object.entries(queues).map(([q, ready]) => [q, { ready }])),
  consumers: Object.fromEntries(Object.entries(consumers).map(([c, state]) => [c, { state }])),
  lesson,
});
const text = (a: Announcement) => JSON.stringify(a);

describe('what the live region says', () => {
  it('says a queue passing a level once, again only after it drained below half of it', () => {
    const said: Said = new Map();
    let prev = moment({ work: 0 });
    announcementsBetween(null, prev, {}, said);
    const step = (ready: number) => {
      const next = moment({ work: ready });
      const out = announcementsBetween(prev, next, {}, said);
      prev = next;
      return out.map((a) => (a.kind === 'queue-level' ? a.level : a.kind));
    };
    expect(step(99)).toEqual([]);
    expect(step(100)).toEqual([100]);
    expect(step(150)).toEqual([]);
    expect(step(99)).toEqual([]); // just under: not said again when it climbs back
    expect(step(120)).toEqual([]);
    expect(step(49)).toEqual([]); // drained below half
    expect(step(100)).toEqual([100]);
    expect(step(5000)).toEqual([1000]); // a jump says the highest level passed only
  });

  it('uses 80 % and 100 % of x-max-length when the queue has one', () => {
    expect(queueLevels(10)).toEqual([8, 10]);
    expect(queueLevels(1)).toEqual([1]);
    expect(queueLevels()).toEqual([100, 1000, 10_000]);
    const said: Said = new Map();
    const a = moment({ q: 7 });
    announcementsBetween(null, a, { q: 10 }, said);
    expect(announcementsBetween(a, moment({ q: 8 }), { q: 10 }, said)).toEqual([{ kind: 'queue-level', queue: 'q', ready: 8, level: 8, max: 10 }]);
    expect(announcementsBetween(moment({ q: 8 }), moment({ q: 10 }), { q: 10 }, said)).toEqual([{ kind: 'queue-level', queue: 'q', ready: 10, level: 10, max: 10 }]);
  });

  it('takes note silently of the first moment (a page opened mid-run, a rewind)', () => {
    const said: Said = new Map();
    expect(announcementsBetween(null, moment({ q: 5000 }, { c1: 'crashed' }), {}, said)).toEqual([]);
    expect(announcementsBetween(moment({ q: 5000 }), moment({ q: 5001 }), {}, said)).toEqual([]);
  });

  it('says a consumer crashing or stopped by a channel error, once', () => {
    const said: Said = new Map();
    const a = moment({}, { c1: 'running', c2: 'running' });
    const b = moment({}, { c1: 'crashed', c2: 'error' });
    expect(announcementsBetween(a, b, {}, said)).toEqual([
      { kind: 'consumer-down', consumer: 'c1', state: 'crashed' },
      { kind: 'consumer-down', consumer: 'c2', state: 'error' },
    ]);
    expect(announcementsBetween(b, b, {}, said)).toEqual([]);
    expect(announcementsBetween(b, moment({}, { c1: 'stopped', c2: 'running' }), {}, said)).toEqual([]);
  });

  it('says lesson steps ticked, and the lesson complete instead of its last step', () => {
    const said: Said = new Map();
    const l = (done: boolean[], complete = false) => moment({}, {}, { done, complete });
    expect(announcementsBetween(l([false, false, false]), l([true, false, false]), {}, said)).toEqual([{ kind: 'step-done', step: 1, total: 3 }]);
    expect(announcementsBetween(l([true, true, false]), l([true, true, true], true), {}, said)).toEqual([{ kind: 'lesson-complete', total: 3 }]);
    // another lesson (another length), or a restart, says nothing
    expect(announcementsBetween(l([true, true]), l([true, false, false]), {}, said)).toEqual([]);
    expect(announcementsBetween(l([true, true, false]), l([false, false, false]), {}, said)).toEqual([]);
  });
});

describe('the throttle', () => {
  const q = (queue: string, level: number): Announcement => ({ kind: 'queue-level', queue, ready: level, level });
  const crash = (consumer: string): Announcement => ({ kind: 'consumer-down', consumer, state: 'crashed' });

  it('says at most one utterance per gap, of at most two announcements, the most important first', () => {
    const th = new AnnouncementThrottle({ gapMs: 2500, perUtterance: 2, maxWaiting: 4, repeatMs: 15_000 });
    th.push([q('a', 100), crash('c1'), { kind: 'step-done', step: 1, total: 3 }]);
    const first = th.take(0, text)!;
    expect(first.say.map((s) => JSON.parse(s).kind)).toEqual(['step-done', 'consumer-down']);
    expect(first.dropped).toBe(1);
    th.push([crash('c2')]);
    expect(th.take(1000, text)).toBeNull(); // too soon
    expect(th.take(2500, text)!.say).toEqual([text(crash('c2'))]);
    expect(th.take(6000, text)).toBeNull(); // nothing new
  });

  it('never floods: a burst of a thousand announcements makes one short utterance and a count', () => {
    const th = new AnnouncementThrottle();
    const burst = Array.from({ length: 1000 }, (_, i) => q(`q${i}`, 100));
    th.push(burst);
    const out = th.take(0, text)!;
    expect(out.say).toHaveLength(2);
    expect(out.dropped).toBe(998);
    // whatever the pushes, utterances are at least a gap apart
    let spoken = 0;
    for (let now = 1; now < 10_000; now += 100) {
      th.push([q(`x${now}`, 100)]);
      if (th.take(now, text)) spoken++;
    }
    expect(spoken).toBeLessThanOrEqual(Math.ceil(10_000 / 2500));
  });

  it('keeps the newest word on one subject, and does not repeat the same sentence soon', () => {
    const th = new AnnouncementThrottle({ gapMs: 1000, perUtterance: 2, maxWaiting: 4, repeatMs: 10_000 });
    th.push([q('a', 100), q('a', 1000)]);
    expect(th.take(0, text)!.say).toEqual([text(q('a', 1000))]);
    th.push([crash('c1')]);
    expect(th.take(1000, text)!.say).toEqual([text(crash('c1'))]);
    th.push([crash('c1')]);
    expect(th.take(2000, text)).toBeNull(); // crashed again at once: not said twice within 10 s
    th.push([crash('c1')]);
    expect(th.take(12_000, text)!.say).toEqual([text(crash('c1'))]);
  });

  it('forgets what waits on clear (a reset or a rewind)', () => {
    const th = new AnnouncementThrottle();
    th.push([crash('c1')]);
    th.clear();
    expect(th.take(0, text)).toBeNull();
  });
});
