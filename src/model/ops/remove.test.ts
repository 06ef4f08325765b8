import { describe, expect, it } from 'vitest';
import { deriveLinks, linkId } from '../links';
import { logsTopology } from '../testing/build';
import { validateScenario } from '../validate';
import { deleteElements } from './remove';

describe('deleteElements', () => {
  it('deleting an exchange removes its bindings and keeps the names that pointed at it, with a warning', () => {
    const { doc, logs, p } = logsTopology();
    const after = deleteElements(doc, [logs]);
    expect(after.exchanges).toEqual([]);
    expect(after.bindings).toEqual([]);
    expect(after.apps.find((a) => a.id === p)!.publishers[0]!.exchange).toBe('logs');
    expect(validateScenario(after)).toMatchObject([{ severity: 'warning', kind: 'publisher', explanation: { key: 'warning.publishMissingExchange', params: { name: 'logs' } } }]);
  });

  it('deleting a queue removes the bindings to it and leaves its consumers pointing at a missing queue', () => {
    const { doc, errors, all } = logsTopology();
    const after = deleteElements(doc, [errors]);
    expect(after.bindings.map((b) => b.destination)).toEqual([all]);
    expect(validateScenario(after).map((i) => i.explanation.key)).toEqual(['warning.consumeMissingQueue']);
  });

  it('deleting lines unbinds, cancels, clears DLX and AE, and sends a publisher back to the default exchange', () => {
    const { doc, logs, errors, c, all } = logsTopology();
    const withDlx = {
      ...doc,
      queues: doc.queues.map((q) => (q.id === errors ? { ...q, arguments: { ...q.arguments, deadLetterExchange: 'logs', deadLetterRoutingKey: 'dead' } } : q)),
      exchanges: doc.exchanges.map((e) => ({ ...e, alternateExchange: 'logs' })),
    };
    const links = deriveLinks(withDlx);
    const publish = links.find((l) => l.kind === 'publish')!;
    const subscribe = links.find((l) => l.kind === 'subscribe')!;
    const binding = doc.bindings.find((b) => b.destination === all)!;
    const after = deleteElements(withDlx, [], [publish.id, subscribe.id, binding.id, linkId.deadLetter(errors), linkId.alternate(logs), 'connection:whatever']);
    expect(after.apps[0]!.publishers[0]!.exchange).toBe('');
    expect(after.apps.find((a) => a.id === c)!.consumers[0]!.queue).toBe('');
    expect(after.bindings.map((b) => b.destination)).toEqual([errors]);
    expect(after.queues.find((q) => q.id === errors)!.arguments).toEqual({ queueType: 'classic' });
    expect('alternateExchange' in after.exchanges[0]!).toBe(false);
  });

  it('ignores links attached to deleted nodes and never deletes the default exchange', () => {
    const { doc, p } = logsTopology();
    const publish = deriveLinks(doc).find((l) => l.kind === 'publish')!;
    const after = deleteElements(doc, [p, 'amq.default'], [publish.id]);
    expect(after.apps.map((a) => a.name)).toEqual(['c']);
    expect(after.exchanges).toHaveLength(1);
  });
});
