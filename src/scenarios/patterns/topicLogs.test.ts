import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { topicLogs as topics } from './topicLogs';

const addKey = (key: string) => (d: Scenario) => ({
  ...d,
  apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: [...p.routingKeys, key] })) })),
});

describe('gallery: Topics, log facilities', () => {
  it('routes # to all, *.critical to critical, and nothing to the unbound kern', () => {
    const r = new Run(topics.scenario).until(10_000);
    expect(new Set(r.keysIn('all'))).toEqual(new Set(['kern.critical', 'auth.info', 'cron.warning', 'kern.info', 'auth.critical']));
    expect(new Set(r.keysIn('critical'))).toEqual(new Set(['kern.critical', 'auth.critical']));
    expect(r.keysIn('kern')).toEqual([]);
  });

  it('gives kern.* exactly the two-word kern keys, and # the one-word key too', () => {
    const r = new Run(topics.scenario).until(1000).bind('topic_logs', 'kern', 'kern.*').edit(addKey('kern')).for(10_000);
    expect(new Set(r.keysIn('kern', 1000))).toEqual(new Set(['kern.critical', 'kern.info']));
    expect(r.keysIn('all', 1000)).toContain('kern');
  });

  it('delivers a message once to a queue that two patterns match', () => {
    const r = new Run(topics.scenario).until(500).bind('topic_logs', 'critical', 'kern.*').for(8000);
    const ids = r.of('enqueued').filter((e) => e.queue === 'critical').map((e) => e.msgId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(r.keysIn('critical'))).toEqual(new Set(['kern.critical', 'auth.critical', 'kern.info']));
  });

  it('is a lesson a student can complete by doing what it says', () => {
    const r = new Run(topics.scenario, topics.lesson).until(8000);
    expect(r.tracker!.progress.current).toBe(1);
    r.bind('topic_logs', 'kern', 'kern.*').for(5000);
    expect(r.tracker!.progress.current).toBe(2);
    r.bind('topic_logs', 'critical', 'cron.*').for(5000);
    expect(r.tracker!.progress.current).toBe(3);
    r.edit(addKey('kern')).for(6000);
    expect(r.tracker!.progress.complete).toBe(true);
  });

  it('does not tick the kern step for a binding that brings no kern.* message', () => {
    const r = new Run(topics.scenario, topics.lesson).until(8000).bind('topic_logs', 'kern', 'auth.*').for(10_000);
    expect(r.tracker!.progress.current).toBe(1);
  });
});
