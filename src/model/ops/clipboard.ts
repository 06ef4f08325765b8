import type { App } from '../app';
import type { Binding } from '../binding';
import type { Exchange } from '../exchange';
import { IdSource } from '../ids';
import { takenNames, uniqueName } from '../names';
import type { Queue } from '../queue';
import type { Scenario } from '../scenario';

/** What Copy takes: nodes, and the bindings whose both ends are among them. Plain data (JSON-safe). */
export interface Fragment {
  exchanges: Exchange[];
  queues: Queue[];
  apps: App[];
  bindings: Binding[];
}

export function copyFragment(s: Scenario, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  const exchanges = s.exchanges.filter((e) => ids.has(e.id));
  const queues = s.queues.filter((q) => ids.has(q.id));
  const apps = s.apps.filter((a) => ids.has(a.id));
  const bindings = s.bindings.filter((b) => ids.has(b.source) && ids.has(b.destination));
  return structuredClone({ exchanges, queues, apps, bindings });
}

export function isEmptyFragment(f: Fragment): boolean {
  return f.exchanges.length + f.queues.length + f.apps.length === 0;
}

/**
 * Pastes a fragment: fresh ids, free names ("orders" -> "orders-2"), positions shifted by `offset`.
 * References between pasted things follow the copies (a pasted consumer of a pasted queue consumes the
 * copy); references to things outside the fragment are kept. Returns the new node ids (to select them).
 */
export function pasteFragment(s: Scenario, f: Fragment, offset = { x: 40, y: 40 }): { doc: Scenario; nodeIds: string[] } {
  const ids = IdSource.for(s);
  const newId = new Map<string, string>();
  const exNames = takenNames(s, 'exchange');
  const qNames = takenNames(s, 'queue');
  const appNames = takenNames(s, 'app');
  const exRename = new Map<string, string>();
  const qRename = new Map<string, string>();
  const shift = (p: { x: number; y: number }) => ({ x: p.x + offset.x, y: p.y + offset.y });

  const exchanges = f.exchanges.map((e) => {
    const id = ids.take('exchange');
    newId.set(e.id, id);
    const name = uniqueName(e.name, exNames);
    exNames.add(name);
    exRename.set(e.name, name);
    return { ...e, id, name, position: shift(e.position) };
  });
  const queues = f.queues.map((q) => {
    const id = ids.take('queue');
    newId.set(q.id, id);
    const name = uniqueName(q.name, qNames);
    qNames.add(name);
    qRename.set(q.name, name);
    return { ...q, id, name, position: shift(q.position) };
  });
  const ex = (n: string | undefined) => (n === undefined ? n : (exRename.get(n) ?? n));
  const fixedExchanges = exchanges.map((e) => (e.alternateExchange === undefined ? e : { ...e, alternateExchange: ex(e.alternateExchange) }));
  const fixedQueues = queues.map((q) =>
    q.arguments.deadLetterExchange === undefined ? q : { ...q, arguments: { ...q.arguments, deadLetterExchange: ex(q.arguments.deadLetterExchange) } },
  );
  const apps = f.apps.map((a): App => {
    const id = ids.take('app');
    newId.set(a.id, id);
    const channelIds = new Map<string, string>();
    const connections = a.connections.map((c) => ({
      id: ids.take('connection'),
      channels: c.channels.map((ch) => {
        const chId = ids.take('channel');
        channelIds.set(ch.id, chId);
        return { ...ch, id: chId };
      }),
    }));
    const name = uniqueName(a.name, appNames);
    appNames.add(name);
    return {
      ...a,
      id,
      name,
      position: shift(a.position),
      connections,
      publishers: a.publishers.map((p) => ({ ...p, id: ids.take('publisher'), channelId: channelIds.get(p.channelId)!, exchange: ex(p.exchange)! })),
      consumers: a.consumers.map((c) => ({ ...c, id: ids.take('consumer'), channelId: channelIds.get(c.channelId)!, queue: qRename.get(c.queue) ?? c.queue })),
    };
  });
  const bindings = f.bindings.map((b) => ({ ...b, id: ids.take('binding'), source: newId.get(b.source)!, destination: newId.get(b.destination)! }));
  return {
    doc: {
      ...s,
      exchanges: [...s.exchanges, ...fixedExchanges],
      queues: [...s.queues, ...fixedQueues],
      apps: [...s.apps, ...apps],
      bindings: [...s.bindings, ...bindings],
    },
    nodeIds: [...newId.values()],
  };
}
