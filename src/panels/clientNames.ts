import type { Translate } from '../i18n/translate';
import type { Scenario } from '../model';
import type { LogEntry } from '../store/eventLog';

/**
 * How the panels name things the simulation refers to by id. Consumers and publishers are named
 * after their application ("worker1"), with their number when the app has several
 * ("rpc-client · consumer 2"); broker connections by their number and the app that opened them.
 */
export interface Names {
  consumer(id: string | undefined): string;
  publisher(id: string): string;
  app(id: string | undefined): string;
  /** "connection 3 (worker1)" */
  connection(n: number): string;
  exchange(name: string): string;
}

export function clientNames(doc: Scenario, t: Translate, entries: readonly LogEntry[] = []): Names {
  const consumers = new Map<string, string>();
  const publishers = new Map<string, string>();
  const apps = new Map<string, string>();
  for (const app of doc.apps) {
    apps.set(app.id, app.name);
    for (const [i, c] of app.consumers.entries()) consumers.set(c.id, app.consumers.length > 1 ? `${app.name} · ${t('app.consumer', { n: i + 1 }).toLowerCase()}` : app.name);
    for (const [i, p] of app.publishers.entries()) publishers.set(p.id, app.publishers.length > 1 ? `${app.name} · ${t('app.publisher', { n: i + 1 }).toLowerCase()}` : app.name);
  }
  // connection names come from the log: a closed connection keeps its name in old rows
  const connections = new Map<number, string>();
  for (const { e } of entries) if (e.type === 'connection-opened') connections.set(e.connection, e.name);
  return {
    consumer: (id) => (id === undefined ? t('log.someone') : (consumers.get(id) ?? id)),
    // an RPC server publishes its replies as its consumer
    publisher: (id) => publishers.get(id) ?? consumers.get(id) ?? id,
    app: (id) => (id === undefined ? t('log.someone') : (apps.get(id) ?? id)),
    connection: (n) => {
      const name = connections.get(n);
      // the connection Warren's editor declares the drawn topology on (sim/connections.ts), not an app's
      if (name === 'warren-admin') return t('log.connectionAdmin', { n });
      return name ? t('log.connectionNamed', { n, name }) : t('log.connection', { n });
    },
    exchange: (name) => (name === '' ? t('node.defaultExchangeName') : `'${name}'`),
  };
}
