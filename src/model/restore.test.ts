import { describe, expect, it } from 'vitest';
import { restoreScenario } from './restore';
import { emptyScenario } from './scenario';
import { logsTopology } from './testing/build';

const keys = (r: ReturnType<typeof restoreScenario>) => r.problems.map((p) => p.key);

describe('restoreScenario', () => {
  it('reads a valid document as it is', () => {
    const { doc } = logsTopology();
    const r = restoreScenario(JSON.parse(JSON.stringify(doc)));
    expect(r.status).toBe('ok');
    expect(r.scenario).toEqual(doc);
  });

  it('resets on garbage and on documents from a newer version', () => {
    for (const bad of [null, 42, 'x', [], undefined]) {
      expect(restoreScenario(bad)).toMatchObject({ status: 'reset', scenario: emptyScenario(), problems: [{ key: 'restore.reset' }] });
    }
    expect(restoreScenario({ version: 99, exchanges: [] })).toMatchObject({ status: 'reset', problems: [{ key: 'restore.newerVersion', params: { version: 99 } }] });
  });

  it('keeps what validates and lists what it left out', () => {
    const { doc } = logsTopology();
    const raw = JSON.parse(JSON.stringify(doc));
    raw.exchanges.push({ id: 'x9', name: 'amq.bad', type: 'direct' });
    raw.queues[0].arguments.maxPriority = 'high';
    raw.title = 12;
    const r = restoreScenario(raw);
    expect(r.status).toBe('recovered');
    expect(keys(r)).toEqual(['restore.recovered', 'restore.droppedExchange', 'restore.droppedQueue', 'restore.droppedBinding']);
    expect(r.problems[1]!.params).toEqual({ name: 'amq.bad' });
    expect(r.scenario.title).toBe('');
    expect(r.scenario.queues.map((q) => q.name)).toEqual(['all']);
    expect(r.scenario.bindings).toHaveLength(1); // the binding to the dropped queue went with it
  });

  it('reads an older document with missing fields, filling defaults', () => {
    const r = restoreScenario({
      exchanges: [{ id: 'x1', name: 'logs', type: 'fanout' }],
      queues: [{ id: 'q1', name: 'q' }],
      bindings: [{ id: 'b1', source: 'x1', destination: 'q1', destinationType: 'queue' }],
      apps: [{ id: 'a1', name: 'p', connections: [{ id: 'c1', channels: [{ id: 'ch1', number: 1 }] }], publishers: [{ id: 'p1', channelId: 'ch1', exchange: 'logs' }] }],
    });
    expect(r.status).toBe('ok');
    expect(r.scenario.exchanges[0]).toMatchObject({ durable: true, autoDelete: false, internal: false, position: { x: 0, y: 0 } });
    expect(r.scenario.queues[0]!.arguments).toEqual({ queueType: 'classic' });
    expect(r.scenario.bindings[0]).toMatchObject({ routingKey: '', arguments: {} });
    expect(r.scenario.apps[0]!.publishers[0]).toMatchObject({ routingKeys: [''], mode: 'manual', message: { deliveryMode: 2 } });
    expect(r.scenario.broker).toEqual({ showDefaultExchange: false, hopLatencyMs: 300 });
  });

  it('renames duplicate names, re-ids duplicate ids, renumbers clashing channels and re-homes orphan clients', () => {
    const r = restoreScenario({
      version: 1,
      exchanges: [{ id: 'x1', name: 'a', type: 'direct' }, { id: 'x1', name: 'a', type: 'direct' }],
      apps: [{
        id: 'a1', name: 'p',
        connections: [{ id: 'c1', channels: [{ id: 'ch1', number: 1 }, { id: 'ch2', number: 1 }] }],
        publishers: [{ id: 'p1', channelId: 'gone' }, { id: 'p2', channelId: 'ch1', ratePerSec: -1 }],
      }],
    });
    expect(r.status).toBe('recovered');
    expect(r.scenario.exchanges.map((e) => e.name)).toEqual(['a', 'a-2']);
    expect(new Set(r.scenario.exchanges.map((e) => e.id)).size).toBe(2);
    const app = r.scenario.apps[0]!;
    expect(app.connections[0]!.channels.map((c) => c.number)).toEqual([1, 2]);
    expect(app.publishers).toMatchObject([{ id: 'p1', channelId: 'ch1' }]);
    expect(keys(r)).toEqual(['restore.recovered', 'restore.renamed', 'restore.renumberedChannel', 'restore.droppedClient']);
  });
});
