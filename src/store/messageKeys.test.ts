import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../sim';
import { EventLog } from './eventLog';
import { MessageKeys, messageKeysOf } from './messageKeys';

const published = (msgId: number, routingKey: string, t = 0) => ({ type: 'published', t, msgId, routingKey }) as unknown as WorldEvent;

describe('MessageKeys', () => {
  it('learns routing keys from the log as it grows', () => {
    const log = new EventLog(100);
    const keys = new MessageKeys(log);
    log.append([published(1, 'orders')]);
    expect(keys.get(1)).toBe('orders');
    log.append([published(2, 'invoice'), { type: 'dead-lettered', t: 1, msgId: 2, newMsgId: 3, routingKeys: ['dlq'] } as unknown as WorldEvent]);
    expect(keys.get(2)).toBe('invoice');
    expect(keys.get(3)).toBe('dlq');
    expect(keys.get(99)).toBeUndefined();
  });

  it('reads only what the ring buffer still holds when it fell behind', () => {
    const log = new EventLog(3);
    const keys = new MessageKeys(log);
    log.append([1, 2, 3, 4, 5].map((i) => published(i, `k${i}`)));
    expect(keys.get(1)).toBeUndefined();
    expect(keys.get(5)).toBe('k5');
  });

  it('starts over when the log is cleared (a reset)', () => {
    const log = new EventLog(10);
    const keys = messageKeysOf(log);
    expect(messageKeysOf(log)).toBe(keys);
    log.append([published(1, 'a'), published(2, 'b')]);
    expect(keys.get(1)).toBe('a');
    log.clear();
    log.append([published(1, 'z')]);
    expect(keys.get(1)).toBe('z');
    expect(keys.get(2)).toBeUndefined();
  });
});
