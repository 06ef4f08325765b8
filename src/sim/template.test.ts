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

  it('takes the alternatives {a|b|c} in turn, one per message', () => {
    const tasks = 'Task {n}{.....|.}';
    expect([1, 2, 3, 4].map((n) => fillTemplate(tasks, n, 'k'))).toEqual(['Task 1.....', 'Task 2.', 'Task 3.....', 'Task 4.']);
    expect(fillTemplate('{a|b|c}-{key}', 3, 'x')).toBe('c-x');
    expect(fillTemplate('{|x}', 1, 'k')).toBe('');
    expect(fillTemplate('{a{n}|b}', 2, 'k')).toBe('{a2|b}');
    expect(templateParts('{a|b}!')).toEqual([{ alternatives: ['a', 'b'] }, { text: '!' }]);
  });

  it('joining the parts gives the filled template back, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '|', 'n', 'k', 'e', 'y', 'x', ' ') }), fc.integer({ min: 1, max: 1000 }), fc.string(), (t, n, key) => {
        const joined = templateParts(t)
          .map((p) => ('text' in p ? p.text : 'alternatives' in p ? p.alternatives[(n - 1) % p.alternatives.length] : p.field === 'n' ? String(n) : key))
          .join('');
        expect(joined).toBe(fillTemplate(t, n, key));
      }),
    );
  });
});
