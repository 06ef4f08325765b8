import { afterEach, describe, expect, it, vi } from 'vitest';
import { AmqpBroker } from './api';
import { Schedule } from './schedule';
import { Fixture, unwrap } from './test/harness';

/** The virtual clock: timers in (time, insertion) order, nextTimerAt, and no wall clock anywhere. */

describe('Schedule', () => {
  it('pops timers by time, ties in insertion order', () => {
    const s = new Schedule();
    const order: [number, string][] = [
      [30, 'a'],
      [10, 'b'],
      [20, 'c'],
      [10, 'd'],
      [30, 'e'],
      [10, 'f'],
      [0, 'g'],
    ];
    for (const [at, q] of order) s.add(at, 'queue-idle', q, 1);
    expect(s.peekTime()).toBe(0);
    const out: string[] = [];
    for (let t = s.popDue(25); t; t = s.popDue(25)) out.push(`${t.at}${t.queue}`);
    expect(out).toEqual(['0g', '10b', '10d', '10f', '20c']);
    expect(s.size).toBe(2);
    expect(s.popDue(29)).toBeUndefined();
    expect(s.popDue(Number.POSITIVE_INFINITY)!.queue).toBe('a');
  });

  it('keeps the order through toJSON / fromJSON, and prune drops stale timers', () => {
    const s = new Schedule();
    for (let i = 0; i < 50; i++) s.add((i * 7) % 13, 'message-expiry', `q${i}`, i);
    const copy = Schedule.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    copy.add(5, 'message-expiry', 'late', 99);
    s.add(5, 'message-expiry', 'late', 99);
    const drain = (x: Schedule) => {
      const out: string[] = [];
      for (let t = x.popDue(100); t; t = x.popDue(100)) out.push(`${t.at}:${t.queue}`);
      return out;
    };
    const expected = drain(s);
    expect(drain(copy)).toEqual(expected);
    expect(expected.indexOf('5:late')).toBe(expected.filter((e) => e.startsWith('0:') || e.startsWith('1:') || e.startsWith('2:') || e.startsWith('3:') || e.startsWith('4:') || e.startsWith('5:')).length - 1);

    const p = new Schedule();
    for (let i = 0; i < 10; i++) p.add(10 - i, 'queue-idle', `q${i}`, i);
    p.prune((t) => t.token % 2 === 0);
    const left: number[] = [];
    for (let t = p.popDue(100); t; t = p.popDue(100)) left.push(t.token);
    expect(left).toEqual([9, 7, 5, 3, 1]);
  });
});

describe('advanceTo', () => {
  it('fires timers due at the same instant in the order they were set, stamping events with the timer time', () => {
    const f = new Fixture();
    f.queue('qB', { 'x-message-ttl': 100 });
    f.queue('qA', { 'x-message-ttl': 100 });
    f.queue('qC', { 'x-message-ttl': 50 });
    f.publish('', 'qB', 'b');
    f.publish('', 'qA', 'a');
    f.wait(50);
    f.publish('', 'qC', 'c');
    f.broker.advanceTo(1000);
    expect(f.all('expired').map((e) => [e.t, e.queue])).toEqual([
      [100, 'qB'],
      [100, 'qA'],
      [100, 'qC'],
    ]);
    expect(f.broker.now).toBe(1000);
  });

  it('runs timers that earlier timers set, within the same call (a TTL chain)', () => {
    const f = new Fixture();
    f.queue('q1', { 'x-message-ttl': 100, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q2' });
    f.queue('q2', { 'x-message-ttl': 100, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q3' });
    f.queue('q3');
    f.publish('', 'q1', 'm');
    f.broker.advanceTo(10_000);
    expect(f.ready('q3')).toEqual(['m']);
    expect(f.all('expired').map((e) => [e.t, e.queue])).toEqual([
      [100, 'q1'],
      [200, 'q2'],
    ]);
    expect(f.all('enqueued').map((e) => [e.t, e.queue])).toEqual([
      [0, 'q1'],
      [100, 'q2'],
      [200, 'q3'],
    ]);
  });

  it('does nothing before a timer is due and is idempotent at the same time', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 100 });
    f.publish('', 'q', 'm');
    f.reset();
    f.broker.advanceTo(99);
    f.broker.advanceTo(99);
    expect(f.take()).toEqual([]);
    expect(f.broker.now).toBe(99);
  });

  it('refuses to go back in time (rewinding is restoring a snapshot)', () => {
    const b = new AmqpBroker({ now: 500 });
    expect(() => b.advanceTo(499)).toThrow(RangeError);
    expect(b.now).toBe(500);
  });

  it('ignores timers of a queue that was deleted, or re-created under the same name', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 100 });
    f.publish('', 'q', 'old');
    unwrap(f.broker.queueDelete(f.ch, { queue: 'q' }));
    f.broker.advanceTo(50);
    f.queue('q', { 'x-message-ttl': 100 });
    f.publish('', 'q', 'new');
    f.reset();
    f.broker.advanceTo(100);
    expect(f.take()).toEqual([]);
    expect(f.ready('q')).toEqual(['new']);
    f.broker.advanceTo(150);
    expect(f.all('expired').map((e) => [e.t, e.msgId])).toEqual([[150, 2]]);
  });
});

describe('nextTimerAt', () => {
  it('is Infinity with nothing scheduled and the next live timer otherwise', () => {
    const f = new Fixture();
    expect(f.broker.nextTimerAt()).toBe(Number.POSITIVE_INFINITY);
    f.queue('q', { 'x-message-ttl': 100 });
    f.publish('', 'q', 'm');
    expect(f.broker.nextTimerAt()).toBe(100);
    f.broker.advanceTo(100);
    expect(f.broker.nextTimerAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('skips timers that went stale', () => {
    const f = new Fixture();
    f.queue('q', { 'x-expires': 1000 });
    expect(f.broker.nextTimerAt()).toBe(1000);
    f.broker.advanceTo(400);
    f.get('q');
    // the idle timer set at t=0 is stale now: the next one is 400 + 1000
    expect(f.broker.nextTimerAt()).toBe(1400);
    f.consume('q');
    expect(f.broker.nextTimerAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('lets a driver step from event to event', () => {
    const f = new Fixture();
    f.queue('a', { 'x-message-ttl': 30 });
    f.queue('b', { 'x-message-ttl': 70 });
    f.publish('', 'a', 'x');
    f.publish('', 'b', 'y');
    const stops: number[] = [];
    for (let t = f.broker.nextTimerAt(); t !== Number.POSITIVE_INFINITY; t = f.broker.nextTimerAt()) {
      stops.push(t);
      f.broker.advanceTo(t);
    }
    expect(stops).toEqual([30, 70]);
  });
});

describe('no wall clock, no global randomness', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('runs a busy workload with Date, performance, Math.random and timers unavailable', () => {
    const boom = (what: string) => () => {
      throw new Error(`the engine used ${what}`);
    };
    vi.spyOn(Date, 'now').mockImplementation(boom('Date.now'));
    vi.spyOn(Math, 'random').mockImplementation(boom('Math.random'));
    vi.spyOn(performance, 'now').mockImplementation(boom('performance.now'));
    vi.stubGlobal('setTimeout', boom('setTimeout'));
    vi.stubGlobal('setInterval', boom('setInterval'));
    vi.stubGlobal('queueMicrotask', boom('queueMicrotask'));

    const f = new Fixture({ seed: 99 });
    f.exchange('dlx', 'fanout');
    f.queue('dead');
    f.bind('dlx', 'dead');
    const server = f.queue('', { 'x-message-ttl': 50, 'x-dead-letter-exchange': 'dlx', 'x-max-length': 5, 'x-expires': 10_000 });
    f.consume(server, { consumerTag: '', prefetch: 2 });
    for (let i = 0; i < 20; i++) f.publish('', server, `m${i}`, { expiration: String(i * 3), priority: i % 3 });
    f.wait(100);
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: 0, multiple: true, requeue: false }));
    expect(f.ready('dead')).toHaveLength(20);
    const snap = JSON.parse(JSON.stringify(f.broker.snapshot()));
    const copy = AmqpBroker.restore(snap);
    copy.advanceTo(20_000);
    f.broker.restart({ downMs: 30 });
    f.broker.advanceTo(50_000);
    expect(f.exists(server)).toBe(false);
    // in the copy the consumer is still there, so x-expires never fires
    expect(copy.inspect.queue(server)).toMatchObject({ ready: 0, unacked: 0, consumers: 1 });
    expect(copy.inspect.queue('dead')!.ready).toBe(20);
  });
});
