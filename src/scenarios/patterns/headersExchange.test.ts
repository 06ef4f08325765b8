import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { headersExchange } from './headersExchange';

const kinds = (r: Run, queue: string) => new Set(r.deliveries({ queue }).map((d) => d.body.split(' #')[0]));

describe('gallery: Headers exchange', () => {
  it('matches all headers for pdf-reports and any header for pdf-or-logs', () => {
    const r = new Run(headersExchange.scenario).until(12_000);
    expect(kinds(r, 'pdf-reports')).toEqual(new Set(['pdf report']));
    expect(kinds(r, 'pdf-or-logs')).toEqual(new Set(['pdf report', 'zip log', 'pdf log']));
  });

  it('ignores the routing key', () => {
    const rekey = (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: ['something.else'] })) })) });
    const r = new Run(headersExchange.scenario).edit(rekey).until(12_000);
    expect(kinds(r, 'pdf-reports')).toEqual(new Set(['pdf report']));
    expect(kinds(r, 'pdf-or-logs').size).toBe(3);
  });

  it('needs every bound header for x-match all, one for x-match any', () => {
    const noType = (d: Scenario) => ({
      ...d,
      apps: d.apps.map((a) => (a.name === 'pdf-reports-app' ? { ...a, publishers: a.publishers.map((p) => ({ ...p, message: { ...p.message, headers: { format: 'pdf' } } })) } : a)),
    });
    const r = new Run(headersExchange.scenario).edit(noType).until(12_000);
    expect(r.deliveries({ queue: 'pdf-reports' })).toEqual([]);
    expect(kinds(r, 'pdf-or-logs')).toEqual(new Set(['pdf report', 'zip log', 'pdf log']));
  });

  it('compares typed values: the number 1 does not match the string "pdf"', () => {
    const numeric = (d: Scenario) => ({
      ...d,
      apps: d.apps.map((a) => (a.name === 'pdf-reports-app' ? { ...a, publishers: a.publishers.map((p) => ({ ...p, message: { ...p.message, headers: { format: 1, type: 'report' } } })) } : a)),
    });
    const r = new Run(headersExchange.scenario).edit(numeric).until(12_000);
    expect(r.deliveries({ queue: 'pdf-reports' })).toEqual([]);
    expect(kinds(r, 'pdf-or-logs')).toEqual(new Set(['zip log', 'pdf log']));
    expect(r.of('unroutable').length).toBeGreaterThan(0);
  });
});
