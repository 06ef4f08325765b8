import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { Run } from '../testing/run';
import { routing } from './routing';

const [fileQ, screenQ] = routing.scenario.queues.map((q) => q.name) as [string, string];
const [, publishError] = routing.tryThis;
const addKey = (key: string) => (d: Scenario) => ({ ...d, apps: d.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, routingKeys: [...p.routingKeys, key] })) })) });

describe('gallery: Routing (tutorial 4)', () => {
  it('saves only errors to the file queue and every severity to the screen queue', () => {
    const r = new Run(routing.scenario).until(10_000);
    expect(new Set(r.keysIn(fileQ))).toEqual(new Set(['error']));
    expect(new Set(r.keysIn(screenQ))).toEqual(new Set(['info', 'warning', 'error']));
    expect(r.of('delivered').every((d) => d.noAck)).toBe(true);
  });

  it('declares as the tutorial does: temporary exclusive queues, a non-durable direct exchange', () => {
    const r = new Run(routing.scenario);
    for (const q of [fileQ, screenQ]) expect(r.queue(q)).toMatchObject({ exclusive: true, durable: false });
    expect(r.w.broker.inspect.exchanges().find((x) => x.name === 'direct_logs')).toMatchObject({ type: 'direct', durable: false });
  });

  it('sends warnings to the file too once bound with warning (receive_logs_direct.py warning error)', () => {
    const r = new Run(routing.scenario).until(1000).bind('direct_logs', fileQ, 'warning').for(8000);
    expect(new Set(r.keysIn(fileQ, 1001))).toEqual(new Set(['warning', 'error']));
  });

  it('"emit_log_direct.py error": one message, in both queues', () => {
    const r = new Run(routing.scenario).until(500).input(publishError!.action!).for(1500);
    const sent = r.of('publish-sent').find((e) => e.body === 'Run. Run. Or it will explode.')!;
    expect(sent.routingKey).toBe('error');
    const routed = r.of('routed').find((e) => r.of('published').find((p) => p.msgId === e.msgId && p.routingKey === 'error' && e.t >= sent.t));
    expect(routed!.queues.sort()).toEqual([fileQ, screenQ].sort());
  });

  it('drops what no queue is bound for (debug), and copies to both a key bound on both (black)', () => {
    const r = new Run(routing.scenario).until(500).edit(addKey('debug')).for(6000);
    expect(r.of('unroutable').some((e) => e.routingKey === 'debug')).toBe(true);
    const both = new Run(routing.scenario).until(500).edit(addKey('black')).bind('direct_logs', fileQ, 'black').bind('direct_logs', screenQ, 'black').for(6000);
    expect(both.keysIn(fileQ, 501)).toContain('black');
    expect(both.keysIn(screenQ, 501)).toContain('black');
  });
});
