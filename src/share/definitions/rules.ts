import type { z } from 'zod';
import type { ShareProblem } from '../errors';
import { formatPath } from '../safeJson';

/**
 * The value types RabbitMQ enforces for the arguments and policy keys it knows. A file that breaks one is
 * refused by a real broker's import (a string where an integer is expected, "x-max-length": "10", a null
 * value: checked on 3.10.8), so Warren refuses it too, listing every place. Arguments it does not know
 * are accepted by the broker (and listed by the importer as not modelled).
 */
export type ValueRule =
  | { type: 'int'; min: number; max?: number }
  | { type: 'string'; options?: readonly string[] }
  | { type: 'bool' };

const U32 = 4294967295;
const nonNeg: ValueRule = { type: 'int', min: 0 };
const str: ValueRule = { type: 'string' };

/** Policy keys (and, with an "x-" in front, the same queue arguments). */
export const POLICY_KEY_RULES: Readonly<Record<string, ValueRule>> = {
  'message-ttl': { type: 'int', min: 0, max: U32 },
  expires: { type: 'int', min: 1, max: U32 },
  'max-length': nonNeg,
  'max-length-bytes': nonNeg,
  'delivery-limit': nonNeg,
  'dead-letter-exchange': str,
  'dead-letter-routing-key': str,
  overflow: { type: 'string', options: ['drop-head', 'reject-publish', 'reject-publish-dlx'] },
  'alternate-exchange': str,
  'queue-mode': { type: 'string', options: ['default', 'lazy'] },
  'queue-version': { type: 'int', min: 1, max: 2 },
  'max-age': str,
  'max-in-memory-length': nonNeg,
  'max-in-memory-bytes': nonNeg,
};

export const QUEUE_ARGUMENT_RULES: Readonly<Record<string, ValueRule>> = {
  ...Object.fromEntries(Object.entries(POLICY_KEY_RULES).filter(([k]) => k !== 'alternate-exchange').map(([k, r]) => [`x-${k}`, r])),
  'x-max-priority': { type: 'int', min: 0, max: 255 },
  'x-single-active-consumer': { type: 'bool' },
  'x-queue-type': { type: 'string', options: ['classic', 'quorum', 'stream'] },
  'x-quorum-initial-group-size': { type: 'int', min: 1 },
};

export const EXCHANGE_ARGUMENT_RULES: Readonly<Record<string, ValueRule>> = { 'alternate-exchange': str };

/** The problem with one value, or null if it is acceptable. Unknown keys accept anything but null. */
export function checkValue(rule: ValueRule | undefined, value: unknown, path: (string | number)[]): ShareProblem | null {
  const at = formatPath(path);
  if (value === null) return { key: 'share.problem.nullValue', path: at };
  if (!rule) return null;
  switch (rule.type) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { key: 'share.problem.expected', params: { type: 'integer' }, path: at };
      if (value < rule.min || (rule.max !== undefined && value > rule.max)) {
        return { key: 'share.problem.outOfRange', params: { min: rule.min, max: rule.max ?? '∞' }, path: at };
      }
      return null;
    case 'string':
      if (typeof value !== 'string') return { key: 'share.problem.expected', params: { type: 'string' }, path: at };
      if (rule.options && !rule.options.includes(value)) return { key: 'share.problem.unknownValue', params: { options: rule.options.join(', ') }, path: at };
      return null;
    case 'bool':
      return typeof value === 'boolean' ? null : { key: 'share.problem.expected', params: { type: 'boolean' }, path: at };
  }
}

/** Checks every entry of an argument table or policy definition. */
export function checkTable(rules: Readonly<Record<string, ValueRule>>, table: Record<string, unknown>, path: (string | number)[]): ShareProblem[] {
  const out: ShareProblem[] = [];
  for (const [k, v] of Object.entries(table)) {
    const p = checkValue(rules[k], v, [...path, k]);
    if (p) out.push(p);
  }
  return out;
}

/** zod's issues on a definitions file as problems with paths (types named as JSON names them). */
export function zodProblems(error: z.ZodError, prefix: (string | number)[] = []): ShareProblem[] {
  return error.issues.map((issue): ShareProblem => {
    const path = formatPath([...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')]);
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? { key: 'share.problem.required', path }
          : { key: 'share.problem.expected', params: { type: issue.expected === 'int' ? 'integer' : issue.expected }, path };
      case 'invalid_value':
        return { key: 'share.problem.unknownValue', params: { options: issue.values.map(String).join(', ') }, path };
      case 'invalid_union':
        return { key: 'share.problem.expected', params: { type: 'object' }, path };
      default:
        return { key: 'share.problem.invalid', path };
    }
  });
}
