import type { z } from 'zod';
import { type Explanation, MODEL_MESSAGE_KEYS, type ModelMessageKey } from './explanation';

/** A problem with one field of an entity; `path` is relative to the entity that was checked. */
export interface FieldIssue {
  path: (string | number)[];
  explanation: Explanation;
}

const KNOWN = new Set<string>(MODEL_MESSAGE_KEYS);

/** Turns zod's issues into explanations the UI can translate, with the bounds as parameters. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    explanation: explainIssue(issue),
  }));
}

function explainIssue(issue: z.core.$ZodIssue): Explanation {
  const known = (key: string): key is ModelMessageKey => KNOWN.has(key);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { key: 'validation.required' };
      if (issue.origin === 'string') return { key: 'validation.nameEmpty' };
      return { key: issue.inclusive === false ? 'validation.greaterThan' : 'validation.min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      // a text's own limit (a lesson step, a title): AMQP's 255-byte limit on names is checked apart (shortstrSchema)
      if (issue.origin === 'string') return { key: 'validation.textTooLong', params: { max: Number(issue.maximum) } };
      return { key: 'validation.max', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'validation.oneOf', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') return { key: 'validation.integer' };
      if (issue.input === undefined) return { key: 'validation.required' };
      if (issue.expected === 'number' || issue.expected === 'int') return { key: 'validation.number' };
      return { key: known(issue.message) ? issue.message : 'validation.invalid' };
    default: {
      const params = issue.code === 'custom' ? (issue.params as Explanation['params']) : undefined;
      const key = known(issue.message) ? issue.message : 'validation.invalid';
      return params ? { key, params } : { key };
    }
  }
}

/** Parses one entity with its schema: the value, or the issues with their field paths. */
export function check<S extends z.ZodType>(schema: S, value: unknown):
  | { ok: true; value: z.output<S> }
  | { ok: false; errors: FieldIssue[] } {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldIssues(r.error) };
}
