import { describe, expect, it } from 'vitest';
import { exchangeSchema } from './schemas/exchange';
import { IdSource } from './ids';
import { checkName, numberedName, uniqueName } from './names';
import { logsTopology } from './testing/build';
import { check } from './zodIssues';

describe('names and ids', () => {
  it('checks names per kind', () => {
    const { doc, logs } = logsTopology();
    expect(checkName(doc, 'exchange', 'logs')).toEqual({ key: 'validation.nameTaken', params: { name: 'logs' } });
    expect(checkName(doc, 'exchange', 'logs', logs)).toBeNull();
    expect(checkName(doc, 'queue', 'logs')).toBeNull();
    expect(checkName(doc, 'queue', '  ')).toEqual({ key: 'validation.nameEmpty' });
    expect(checkName(doc, 'exchange', 'amq.mine')).toEqual({ key: 'validation.nameReserved' });
    expect(checkName(doc, 'queue', 'amq.direct')).toEqual({ key: 'validation.nameReserved' });
    // the predeclared exchange itself may be drawn (to bind from it); exchangeSchema keeps its properties
    expect(checkName(doc, 'exchange', 'amq.direct')).toBeNull();
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

describe('a predeclared exchange drawn in the scenario', () => {
  it('keeps the properties the broker gave it, or redeclaring it would fail', () => {
    const base = { id: 'x1', name: 'amq.topic', type: 'topic', durable: true, autoDelete: false, internal: false, position: { x: 0, y: 0 } };
    expect(exchangeSchema.safeParse(base).success).toBe(true);
    const issues = (patch: object) => check(exchangeSchema, { ...base, ...patch });
    expect(issues({ type: 'direct' })).toEqual({ ok: false, errors: [{ path: ['type'], explanation: { key: 'validation.predeclaredExchange', params: { name: 'amq.topic', type: 'topic' } } }] });
    expect(issues({ durable: false, alternateExchange: 'ae' })).toMatchObject({ ok: false, errors: [{ path: ['durable'] }, { path: ['alternateExchange'] }] });
    expect(issues({ name: 'amq.mine' })).toMatchObject({ ok: false, errors: [{ path: ['name'], explanation: { key: 'validation.nameReserved' } }] });
  });
});
