import { describe, expect, it } from 'vitest';
import { publishSubscribe } from '../scenarios/tutorials/publishSubscribe';
import { World } from '../sim';
import { EventLog } from './eventLog';
import { whyNotDeclared } from './queueGone';

const transient = { name: 'transient', exclusive: false };

describe('whyNotDeclared', () => {
  it("says an exclusive queue went with its consumer's connection, not with a restart", () => {
    const doc = structuredClone(publishSubscribe.scenario);
    const q = doc.queues[1]!;
    const consumer = doc.apps.find((a) => a.consumers.some((c) => c.queue === q.name))!.consumers[0]!;
    const w = World.create(doc);
    const log = new EventLog();
    w.advanceTo(1000);
    w.input({ type: 'consumer-crash', consumer: consumer.id });
    log.append(w.drainEvents());
    expect(w.broker.inspect.queue(q.name)).toBeUndefined();
    expect(q.durable).toBe(false);
    expect(whyNotDeclared(log, q)).toBe('exclusive');
  });

  it('says restart only when the log saw the queue deleted by a broker restart', () => {
    const log = new EventLog();
    expect(whyNotDeclared(log, transient)).toBe('other');
    log.append([{ type: 'queue-deleted', t: 5, queue: 'transient', reason: 'broker-restart', messageCount: 0 }]);
    expect(whyNotDeclared(log, transient)).toBe('restart');
    log.append([{ type: 'queue-deleted', t: 9, queue: 'transient', reason: 'expired', messageCount: 0 }]);
    expect(whyNotDeclared(log, transient)).toBe('other');
    expect(whyNotDeclared(log, { name: 'transient', exclusive: true })).toBe('other');
    expect(whyNotDeclared(new EventLog(), { name: 'gen-1', exclusive: true })).toBe('exclusive');
  });
});
