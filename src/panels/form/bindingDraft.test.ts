import { describe, expect, it } from 'vitest';
import { draftFromBinding, draftToSpec } from './bindingDraft';

describe('a headers binding in the form', () => {
  it('shows list and table values as JSON and gives them back as they were', () => {
    const args = { 'x-match': 'any' as const, tags: ['a', 'b'], meta: { k: 1 }, level: 3 };
    const d = draftFromBinding({ routingKey: '', arguments: args });
    expect(d.rows).toEqual([
      { key: 'tags', type: 'json', value: '["a","b"]' },
      { key: 'meta', type: 'json', value: '{"k":1}' },
      { key: 'level', type: 'number', value: '3' },
    ]);
    expect(draftToSpec(d, 'headers')).toEqual({ spec: { routingKey: '', arguments: args } });
  });

  it('refuses JSON that is not a list or a table a binding can hold', () => {
    for (const value of ['nope', '1', '"s"', 'null', '[null]', '{"a": null}']) {
      expect(draftToSpec({ routingKey: '', xMatch: 'all', rows: [{ key: 'h', type: 'json', value }] }, 'headers')).toEqual({ error: { key: 'validation.headerJson' } });
    }
  });
});
