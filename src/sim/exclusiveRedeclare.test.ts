import { describe, expect, it } from 'vitest';
import { emptyScenario, newExchange, type Scenario } from '../model';
import { consumerApp, publisherApp, queue } from './fixtures';
import { World } from './world';

/** A fanout exchange "logs" and a subscriber consuming from its own exclusive queue, as in tutorial 3. */
function pubSub(): Scenario {
  const s = emptyScenario(5);
  s.broker.hopLatencyMs = 10;
  s.exchanges = [newExchange('x-logs', 'logs', { x: 0, y: 0 })];
  s.exchanges[0]!.type = 'fanout';
  s.queues = [queue('q-gen', 'gen-abc', { durable: false, exclusive: true })];
  s.bindings = [{ id: 'b1', source: 'x-logs', destination: 'q-gen', destinationType: 'queue', routingKey: '', arguments: {} }];
  s.apps = [publisherApp('p', 'emit_log', { exchange: 'logs', mode: 'rate', ratePerSec: 5 }), consumerApp('c', 'receive_logs', { queue: 'gen-abc', noAck: true })];
  return s;
}

const bound = (w: World) => w.broker.inspect.bindings().some((b) => b.source === 'logs' && b.destination === 'gen-abc');
const received = (w: World) => w.consumers.get('c-sub')!.received;

describe('an app declares its exclusive queue again each time it connects', () => {
  it('crash deletes it; Start declares it again (fresh, empty), binds it and the consumer receives', () => {
    const w = World.create(pubSub());
    w.advanceTo(1000);
    expect(received(w)).toBeGreaterThan(0);
    w.input({ type: 'consumer-crash', consumer: 'c-sub' });
    expect(w.broker.inspect.queue('gen-abc')).toBeUndefined();
    w.advanceTo(2000);
    const before = received(w);
    w.input({ type: 'consumer-start', consumer: 'c-sub' });
    const evs = w.drainEvents();
    expect(evs.some((e) => e.type === 'client-error')).toBe(false);
    expect(w.broker.inspect.queue('gen-abc')).toMatchObject({ exclusive: true, durable: false, ready: 0, consumers: 1 });
    expect(bound(w)).toBe(true);
    expect(w.consumers.get('c-sub')!.state).toBe('running');
    w.advanceTo(3000);
    expect(received(w)).toBeGreaterThan(before + 2);
  });

  it('stop then Start works the same way', () => {
    const w = World.create(pubSub());
    w.input({ type: 'consumer-stop', consumer: 'c-sub' });
    expect(w.broker.inspect.queue('gen-abc')).toBeUndefined();
    w.input({ type: 'consumer-start', consumer: 'c-sub' });
    expect(w.broker.inspect.queue('gen-abc')?.consumers).toBe(1);
    expect(bound(w)).toBe(true);
  });

  it('declares it again when it reconnects after a broker restart, before its consumer subscribes', () => {
    const w = World.create(pubSub());
    w.advanceTo(500);
    w.input({ type: 'broker-restart', downMs: 1000 });
    expect(w.broker.inspect.queue('gen-abc')).toBeUndefined();
    w.advanceTo(1600);
    expect(w.broker.inspect.queue('gen-abc')).toMatchObject({ exclusive: true, consumers: 1 });
    expect(bound(w)).toBe(true);
    expect(w.consumers.get('c-sub')!.state).toBe('running');
    const before = received(w);
    w.advanceTo(3000);
    expect(received(w)).toBeGreaterThan(before);
  });

  it('stays deterministic: the same run with a crash and a start gives the same trace', () => {
    const go = () => {
      const w = World.create(pubSub());
      w.advanceTo(700);
      w.input({ type: 'consumer-crash', consumer: 'c-sub' });
      w.advanceTo(1200);
      w.input({ type: 'consumer-start', consumer: 'c-sub' });
      w.advanceTo(2500);
      return w.drainEvents();
    };
    expect(go()).toEqual(go());
  });
});
