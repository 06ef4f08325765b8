import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DefinitionsImport, importDefinitionsText } from '.';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const imported = (text: string): DefinitionsImport => {
  const r = importDefinitionsText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const entry = (r: DefinitionsImport, key: string) => r.report.entries.find((e) => e.key === `share.defs.report.${key}`);

describe('items Warren cannot carry over are skipped one by one, named by their place in the file', () => {
  it('a binding whose routing key is over 255 bytes (RabbitMQ 3.10.8 accepts it from a file)', () => {
    const r = imported(fixture('long-routing-key.json'));
    expect(r.report.imported).toEqual({ exchanges: 1, queues: 2, bindings: 1 });
    expect(r.scenario.bindings.map((b) => b.routingKey)).toEqual(['order.*']);
    expect(entry(r, 'longRoutingKey')?.params).toEqual({ place: 'bindings[1]', source: 'events', destination: 'long', bytes: 300, max: 255 });
    expect(entry(r, 'longRoutingKey')?.section).toBe('notImported');
  });
});
