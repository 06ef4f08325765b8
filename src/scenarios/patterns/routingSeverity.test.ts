import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { routingSeverity as routing } from './routingSeverity';

const addKey = (key: string) => (d: Scenario) => ({
  ...d,
  apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: [...p.routingKeys, key] })) })),
});

describe('gallery: Routing by severity', () => {
  it('sends errors to disk and every severity to screen', () => {
    const r = new Run(routing.scenario).until(8000);
    expect(new Set(r.keysIn('disk'))).toEqual(new Set(['error']));
    expect(new Set(r.keysIn('screen'))).toEqual(new Set(['info', 'warning', 'error']));
    expect(r.keysIn('disk').length).toBe(r.keysIn('screen').filter((k) => k === 'error').length);
    expect(r.of('unroutable')).toEqual([]);
  });

  it('drops a severity no queue is bound with', () => {
    const r = new Run(routing.scenario).until(1000).edit(addKey('debug')).for(5000);
    expect(r.of('unroutable').length).toBeGreaterThan(0);
    expect(r.keysIn('screen')).not.toContain('debug');
  });

  it('is a lesson a student can complete by doing what it says', () => {
    const r = new Run(routing.scenario, routing.lesson).until(8000);
    expect(r.tracker!.progress.current).toBe(1);
    r.for(5000);
    expect(r.tracker!.progress.current).toBe(1); // waits for the binding
    r.bind('direct_logs', 'disk', 'warning').for(5000);
    expect(r.tracker!.progress.current).toBe(3);
    expect(r.keysIn('disk')).toContain('warning');
    r.edit(addKey('debug')).for(5000);
    expect(r.tracker!.progress.complete).toBe(true);
  });
});
