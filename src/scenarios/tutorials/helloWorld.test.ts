import { describe, expect, it } from 'vitest';
import { Run } from '../testing/run';
import { helloWorld } from './helloWorld';

const receive = helloWorld.tryThis[0]!.action!;

describe('gallery: Hello World', () => {
  it('delivers every "Hello World!" through the default exchange, auto-acked', () => {
    const r = new Run(helloWorld.scenario).until(5000);
    expect(r.of('routed').every((e) => e.exchange === '' && e.queues.join() === 'hello')).toBe(true);
    const bodies = r.deliveries({ queue: 'hello' }).map((d) => d.body);
    expect(bodies.slice(0, 3)).toEqual(['Hello World! #1', 'Hello World! #2', 'Hello World! #3']);
    expect(r.of('delivered').every((d) => d.noAck)).toBe(true);
    expect(r.queue('hello')).toMatchObject({ ready: 0, unacked: 0, consumers: 1 });
  });

  it('keeps messages while receive is stopped and drains them when it starts again', () => {
    const r = new Run(helloWorld.scenario).until(2000);
    r.input(receive).for(5000);
    expect(r.queue('hello')!.ready).toBeGreaterThanOrEqual(4);
    r.input(helloWorld.tryThis[1]!.action!).for(1000);
    expect(r.queue('hello')!.ready).toBe(0);
  });

  it('drops what no queue is named after (the "hi" suggestion)', () => {
    const r = new Run(helloWorld.scenario).until(1500);
    r.edit((d) => ({ ...d, apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: ['hi'] })) })) })).for(3000);
    expect(r.of('unroutable', 1500).length).toBeGreaterThanOrEqual(2);
  });

  it('holds a message unacked until receive acks it when no-ack is off', () => {
    const r = new Run(helloWorld.scenario).until(1000);
    r.edit((d) => ({ ...d, apps: d.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, noAck: false, processingMs: 2000, prefetchCount: 1 })) })) })).for(3500);
    expect(r.queue('hello')!.unacked).toBe(1);
    expect(r.of('acked').length).toBeGreaterThan(0);
  });
});
