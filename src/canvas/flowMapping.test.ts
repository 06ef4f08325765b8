import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { BROKER_NODE_ID, updateQueue } from '../model';
import { logsTopology } from '../model/testing/build';
import { bindingLanes, toFlowEdges } from './flowEdges';
import { FlowNodeCache } from './flowNodes';

const t = translator('en');

describe('document -> React Flow', () => {
  it('names every node by kind and name, with the broker frame behind', () => {
    const { doc } = logsTopology();
    const nodes = new FlowNodeCache().build(doc, new Set(), new Map(), new Map(), t);
    expect(nodes.map((n) => n.ariaLabel)).toEqual(['Broker', 'Exchange logs', 'Queue errors', 'Queue all', 'Producer p', 'Consumer c']);
    expect(nodes[0]).toMatchObject({ id: BROKER_NODE_ID, selectable: false, deletable: false, zIndex: -1 });
  });

  it('reuses node objects that did not change, so React Flow skips them', () => {
    const { doc, errors } = logsTopology();
    const cache = new FlowNodeCache();
    const first = cache.build(doc, new Set(), new Map(), new Map(), t);
    const r = updateQueue(doc, errors, { arguments: { messageTtl: 5 } });
    if (!r.ok) throw new Error();
    const second = cache.build(r.doc, new Set([doc.exchanges[0]!.id]), new Map(), new Map(), t);
    const byId = (list: typeof first, id: string) => list.find((n) => n.id === id);
    expect(byId(second, doc.queues[1]!.id)).toBe(byId(first, doc.queues[1]!.id)); // untouched queue
    expect(byId(second, errors)).not.toBe(byId(first, errors)); // edited
    expect(byId(second, doc.exchanges[0]!.id)).not.toBe(byId(first, doc.exchanges[0]!.id)); // selected
    expect(byId(second, doc.exchanges[0]!.id)?.selected).toBe(true);
  });

  it('draws links as typed, named edges; only AMQP-meaningful ones can be deleted', () => {
    const { doc } = logsTopology();
    const edges = toFlowEdges(doc, new Set(), t);
    expect(edges.map((e) => [e.type, e.ariaLabel, e.deletable])).toEqual([
      ['connection', 'p’s TCP connection to the broker', false],
      ['amqp', 'p publishes to logs with keys ""', true],
      ['connection', 'c’s TCP connection to the broker', false],
      ['amqp', 'c consumes from errors', true],
      ['binding', 'Binding from logs to errors, key *.error', true],
      ['binding', 'Binding from logs to all, key #', true],
    ]);
  });
});

describe('bindings between the same two nodes', () => {
  it('get lanes, so that their labels stack instead of covering each other', () => {
    const b = (id: string, source: string, destination: string) => ({ id, source, destination, destinationType: 'queue' as const, routingKey: id, arguments: {} });
    const lanes = bindingLanes([b('info', 'x', 'screen'), b('error', 'x', 'disk'), b('warning', 'x', 'screen'), b('err2', 'x', 'screen')]);
    expect(Object.fromEntries(lanes)).toEqual({
      info: { index: 0, count: 3 },
      warning: { index: 1, count: 3 },
      err2: { index: 2, count: 3 },
      error: { index: 0, count: 1 },
    });
  });
});
