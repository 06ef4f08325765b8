import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { BROKER_NODE_ID, deriveLinks } from './links';
import { logsTopology } from './testing/build';

describe('deriveLinks', () => {
  it('draws connections, publishing, bindings and subscriptions', () => {
    const { doc, p, logs, errors, all, c } = logsTopology();
    const links = deriveLinks(doc).map((l) => `${l.kind} ${l.source}->${l.target}`);
    expect(links).toEqual([
      `connection ${p}->${BROKER_NODE_ID}`,
      `publish ${p}->${logs}`,
      `connection ${c}->${BROKER_NODE_ID}`,
      `subscribe ${errors}->${c}`,
      `binding ${logs}->${errors}`,
      `binding ${logs}->${all}`,
    ]);
  });

  it('draws the default exchange and its implicit bindings only when shown, else publishing straight to the named queue', () => {
    const { doc, p, errors } = logsTopology();
    const viaDefault = { ...doc, apps: doc.apps.map((a) => (a.id === p ? { ...a, publishers: a.publishers.map((x) => ({ ...x, exchange: '', routingKeys: ['errors', 'nothing'] })) } : a)) };
    expect(deriveLinks(viaDefault).filter((l) => l.kind.startsWith('publish'))).toMatchObject([{ kind: 'publishViaDefault', target: errors, routingKey: 'errors' }]);
    const shown = { ...viaDefault, broker: { ...viaDefault.broker, showDefaultExchange: true } };
    const links = deriveLinks(shown);
    expect(links.filter((l) => l.kind.startsWith('publish'))).toMatchObject([{ kind: 'publish', target: DEFAULT_EXCHANGE_NODE_ID }]);
    expect(links.filter((l) => l.kind === 'defaultBinding')).toHaveLength(2);
  });

  it('draws DLX and AE lines only to exchanges that are drawn', () => {
    const { doc, logs, errors } = logsTopology();
    const s = {
      ...doc,
      queues: doc.queues.map((q) => ({ ...q, arguments: { ...q.arguments, deadLetterExchange: q.id === errors ? 'logs' : 'missing' } })),
      exchanges: doc.exchanges.map((e) => ({ ...e, alternateExchange: 'nowhere' })),
    };
    const links = deriveLinks(s);
    expect(links.filter((l) => l.kind === 'deadLetter')).toMatchObject([{ source: errors, target: logs, sourceHandle: 'out' }]);
    expect(links.filter((l) => l.kind === 'alternate')).toEqual([]);
  });
});
