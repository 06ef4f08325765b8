import { describe, expect, it } from 'vitest';
import { logsTopology } from '../testing/build';
import { validateScenario } from '../validate';
import { copyFragment, isEmptyFragment, pasteFragment } from './clipboard';

describe('copy and paste', () => {
  it('pastes copies with fresh ids, free names and bindings between the copies', () => {
    const { doc, logs, errors, all } = logsTopology();
    const f = copyFragment(doc, [logs, errors]);
    expect(f.bindings).toHaveLength(1); // logs -> errors; logs -> all stays behind (all was not copied)
    const { doc: after, nodeIds } = pasteFragment(doc, f);
    expect(nodeIds).toHaveLength(2);
    expect(after.exchanges.map((e) => e.name)).toEqual(['logs', 'logs-2']);
    expect(after.queues.map((q) => q.name)).toEqual(['errors', 'all', 'errors-2']);
    const copyOfLogs = after.exchanges[1]!;
    const copyOfErrors = after.queues[2]!;
    expect(nodeIds).toEqual([copyOfLogs.id, copyOfErrors.id]);
    expect(after.bindings.at(-1)).toMatchObject({ source: copyOfLogs.id, destination: copyOfErrors.id, routingKey: '*.error' });
    expect(copyOfLogs.position).toEqual({ x: doc.exchanges[0]!.position.x + 40, y: doc.exchanges[0]!.position.y + 40 });
    expect(validateScenario(after).filter((i) => i.severity === 'error')).toEqual([]);
    expect(all).toBeDefined();
  });

  it('points pasted clients at pasted copies, and keeps references to what was not copied', () => {
    const { doc, p, logs, errors, c } = logsTopology();
    const { doc: after } = pasteFragment(doc, copyFragment(doc, [p, c, errors]));
    const [, , p2, c2] = [...after.apps.slice(0, 2), ...after.apps.slice(2)];
    expect(p2!.name).toBe('p-2');
    expect(p2!.publishers[0]!.exchange).toBe('logs'); // logs was not copied
    expect(c2!.consumers[0]!.queue).toBe('errors-2');
    expect(p2!.publishers[0]!.channelId).toBe(p2!.connections[0]!.channels[0]!.id);
    expect(new Set([...after.apps.flatMap((a) => [a.id, ...a.connections.map((x) => x.id)])]).size).toBe(8);
    expect(logs).toBeDefined();
    // pasting twice keeps names unique
    const twice = pasteFragment(after, copyFragment(doc, [errors])).doc;
    expect(twice.queues.map((q) => q.name)).toEqual(['errors', 'all', 'errors-2', 'errors-3']);
  });

  it('knows an empty fragment', () => {
    const { doc } = logsTopology();
    expect(isEmptyFragment(copyFragment(doc, []))).toBe(true);
  });
});
