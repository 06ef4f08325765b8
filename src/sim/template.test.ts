import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateParts } from './template';

describe('message templates', () => {
  it('fills {n} and {key}; anything else is text', () => {
    expect(fillTemplate('{key} #{n}', 7, 'kern.info')).toBe('kern.info #7');
    expect(fillTemplate('{n}{n}{key}', 1, 'k')).toBe('11k');
    expect(fillTemplate('{x} {N} { n} {n', 3, 'k')).toBe('{x} {N} { n} {n');
    expect(fillTemplate('{{n}}', 3, 'k')).toBe('{3}');
    expect(templateParts('a{n}b{key}')).toEqual([{ text: 'a' }, { field: 'n' }, { text: 'b' }, { field: 'key' }]);
  });

  it('joining the parts gives the filled template back, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'n', 'k', 'e', 'y', 'x', ' ') }), fc.nat(), fc.string(), (t, n, key) => {
        const joined = templateParts(t).map((p) => ('text' in p ? p.text : p.field === 'n' ? String(n) : key)).join('');
        expect(joined).toBe(fillTemplate(t, n, key));
      }),
    );
  });
});
