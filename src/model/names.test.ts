import { describe, expect, it } from 'vitest';
import { IdSource } from './ids';
import { checkName, numberedName, uniqueName } from './names';
import { logsTopology } from './testing/build';

describe('names and ids', () => {
  it('checks names per kind', () => {
    const { doc, logs } = logsTopology();
    expect(checkName(doc, 'exchange', 'logs')).toEqual({ key: 'validation.nameTaken', params: { name: 'logs' } });
    expect(checkName(doc, 'exchange', 'logs', logs)).toBeNull();
    expect(checkName(doc, 'queue', 'logs')).toBeNull();
    expect(checkName(doc, 'queue', '  ')).toEqual({ key: 'validation.nameEmpty' });
    expect(checkName(doc, 'exchange', 'amq.direct')).toEqual({ key: 'validation.nameReserved' });
    expect(checkName(doc, 'app', 'amq.fine')).toBeNull();
  });

  it('finds free names', () => {
    expect(uniqueName('orders', new Set())).toBe('orders');
    expect(uniqueName('orders', new Set(['orders', 'orders-2']))).toBe('orders-3');
    expect(uniqueName('orders-2', new Set(['orders-2']))).toBe('orders-3');
    expect(numberedName('queue', new Set(['queue1', 'queue3']))).toBe('queue2');
  });

  it('hands out ids after the highest in use, never twice', () => {
    const ids = new IdSource(['q1', 'q7', 'x2', 'qq9']);
    expect([ids.take('queue'), ids.take('queue'), ids.take('exchange'), ids.take('binding')]).toEqual(['q8', 'q9', 'x3', 'b1']);
  });
});
