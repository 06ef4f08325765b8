/**
 * Compares an engine outcome with a golden recorded from RabbitMQ: every field except
 * `errors[].text` (RabbitMQ's own wording) and the broker banner. Object key order does not
 * matter; array order does.
 */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

const COMPARED = ['errors', 'publishes', 'returns', 'deliveries', 'steps', 'final'] as const;

export function compareOutcome(actual: Record<string, unknown>, golden: Record<string, unknown>): Difference[] {
  const diffs: Difference[] = [];
  for (const key of COMPARED) {
    diff(key, strip(key, golden[key]), strip(key, actual[key]), diffs);
  }
  return diffs;
}

function strip(key: string, v: unknown): unknown {
  if (key !== 'errors' || !Array.isArray(v)) return v;
  return v.map((e) => {
    const { text: _text, ...rest } = e as Record<string, unknown>;
    return rest;
  });
}

function diff(path: string, expected: unknown, actual: unknown, out: Difference[]): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) diff(`${path}[${i}]`, expected[i], actual[i], out);
    return;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of [...keys].sort()) diff(`${path}.${k}`, expected[k], actual[k], out);
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path, expected, actual });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function formatDifferences(diffs: Difference[], max = 20): string {
  const lines = diffs.slice(0, max).map((d) => `    ${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`);
  if (diffs.length > max) lines.push(`    … and ${diffs.length - max} more`);
  return lines.join('\n');
}

function show(v: unknown): string {
  return v === undefined ? '(nothing)' : JSON.stringify(v);
}
