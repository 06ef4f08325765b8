import { fixture, imported, reportEntry } from '../testing/definitions';
import { describe, expect, it } from 'vitest';


describe('items Warren cannot carry over are skipped one by one, named by their place in the file', () => {
  it('a binding whose routing key is over 255 bytes (RabbitMQ 3.10.8 accepts it from a file)', () => {
    const r = imported(fixture('long-routing-key.json'));
    expect(r.report.imported).toEqual({ exchanges: 1, queues: 2, bindings: 1 });
    expect(r.scenario.bindings.map((b) => b.routingKey)).toEqual(['order.*']);
    expect(reportEntry(r, 'longRoutingKey')?.params).toEqual({ place: 'bindings[1]', source: 'events', destination: 'long', bytes: 300, max: 255 });
    expect(reportEntry(r, 'longRoutingKey')?.section).toBe('notImported');
  });
});
