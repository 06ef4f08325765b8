import { describe, expect, it } from 'vitest';
import { AmqpBroker } from './api';
import type { TraceEvent } from './trace';

function setup(latency: number) {
  const b = new AmqpBroker({ seed: 3 });
  b.setHopLatency(latency);
  const conn = b.connectionOpen('app');
  const ch = b.channelOpen(conn);
  b.confirmSelect(ch);
  return { b, ch };
}

const types = (evs: TraceEvent[]) => evs.map((e) => `${e.t}:${e.type}`);

describe('hop latency inside the broker', () => {
  it('routes at once but the copy reaches its queue one hop later; the confirm waits for it', () => {
    const { b, ch } = setup(100);
    b.queueDeclare(ch, { queue: 'q' });
    b.drainTrace();
    b.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'm1' });
    expect(b.inspect.queue('q')!.ready).toBe(0);
    expect(b.nextTimerAt()).toBe(100);
    b.advanceTo(99);
    expect(b.inspect.queue('q')!.ready).toBe(0);
    b.advanceTo(100);
    expect(b.inspect.queue('q')!.ready).toBe(1);
    expect(types(b.drainTrace())).toEqual(['0:published', '0:routed', '100:enqueued', '100:confirmed']);
  });

  it('takes one hop per exchange on the way (exchange-to-exchange bindings)', () => {
    const { b, ch } = setup(50);
    b.exchangeDeclare(ch, { exchange: 'a', type: 'fanout' });
    b.exchangeDeclare(ch, { exchange: 'b', type: 'fanout' });
    b.queueDeclare(ch, { queue: 'near' });
    b.queueDeclare(ch, { queue: 'far' });
    b.queueBind(ch, { queue: 'near', exchange: 'a' });
    b.exchangeBind(ch, { source: 'a', destination: 'b' });
    b.queueBind(ch, { queue: 'far', exchange: 'b' });
    b.drainTrace();
    b.basicPublish(ch, { exchange: 'a', routingKey: '', body: 'x' });
    b.advanceTo(200);
    const enq = b.drainTrace().filter((e) => e.type === 'enqueued');
    expect(enq.map((e) => [e.t, e.type === 'enqueued' && e.queue])).toEqual([
      [50, 'near'],
      [100, 'far'],
    ]);
  });

  it('dead-letters through the DLX: one hop to the exchange, one to the queue', () => {
    const { b, ch } = setup(10);
    b.exchangeDeclare(ch, { exchange: 'dlx', type: 'fanout' });
    b.queueDeclare(ch, { queue: 'dlq' });
    b.queueBind(ch, { queue: 'dlq', exchange: 'dlx' });
    b.queueDeclare(ch, { queue: 'work', arguments: { 'x-message-ttl': 5, 'x-dead-letter-exchange': 'dlx' } });
    b.drainTrace();
    b.basicPublish(ch, { exchange: '', routingKey: 'work', body: 'x' });
    b.advanceTo(100);
    const seen = b.drainTrace().filter((e) => ['enqueued', 'expired', 'dead-lettered', 'published', 'routed'].includes(e.type));
    expect(types(seen)).toEqual(['0:published', '0:routed', '10:enqueued', '15:expired', '15:dead-lettered', '25:published', '25:routed', '35:enqueued']);
    expect(b.inspect.queue('dlq')!.ready).toBe(1);
  });

  it('nacks the confirm when a full reject-publish queue refuses the copy on arrival', () => {
    const { b, ch } = setup(10);
    b.queueDeclare(ch, { queue: 'q', arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
    b.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'a' });
    b.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'b' });
    b.advanceTo(10);
    const confirms = b.drainTrace().flatMap((e) => (e.type === 'confirmed' ? [e.ack] : []));
    expect(confirms).toEqual([true, false]);
  });

  it('sends no confirm if the channel closed while the message travelled', () => {
    const { b, ch } = setup(10);
    b.queueDeclare(ch, { queue: 'q' });
    b.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'a' });
    b.channelClose(ch);
    b.advanceTo(10);
    expect(b.drainTrace().filter((e) => e.type === 'confirmed')).toEqual([]);
    expect(b.inspect.queue('q')!.ready).toBe(1);
  });

  it('drops a copy whose queue was deleted on the way', () => {
    const { b, ch } = setup(10);
    b.queueDeclare(ch, { queue: 'q' });
    b.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'a' });
    b.queueDelete(ch, { queue: 'q' });
    b.advanceTo(10);
    expect(b.drainTrace().some((e) => e.type === 'dropped' && e.reason === 'queue-deleted')).toBe(true);
  });

  it('keeps travelling messages in a snapshot: restoring mid-flight gives the same future', () => {
    const run = (snapshotAt: number | null) => {
      const { b, ch } = setup(30);
      b.queueDeclare(ch, { queue: 'q' });
      let broker = b;
      const out: TraceEvent[] = [];
      for (let t = 0; t <= 100; t += 10) {
        broker.advanceTo(t);
        broker.basicPublish(ch, { exchange: '', routingKey: 'q', body: `m${t}` });
        out.push(...broker.drainTrace());
        if (t === snapshotAt) broker = AmqpBroker.restore(JSON.parse(JSON.stringify(broker.snapshot())));
      }
      broker.advanceTo(200);
      out.push(...broker.drainTrace());
      return out;
    };
    expect(run(40)).toEqual(run(null));
  });
});
