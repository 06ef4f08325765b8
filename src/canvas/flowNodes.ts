import type { Node } from '@xyflow/react';
import type { Translate } from '../i18n/translate';
import {
  type App, appRole, BROKER_NODE_ID, brokerFrame, DEFAULT_EXCHANGE_NODE_ID, type DocIssue, defaultExchangePosition,
  type Exchange, type Queue, type Scenario, type Size,
} from '../model';

/** What each node component receives. Entities are passed whole: they are immutable, so identity = unchanged. */
export type ExchangeNodeData = { exchange: Exchange | null; warnings: DocIssue[] };
export type QueueNodeData = { queue: Queue; warnings: DocIssue[] };
/** `program`: the app is a program running in the page (the Programs panel), not a simulated client. */
export type AppNodeData = { app: App; warnings: DocIssue[]; program?: boolean };
export type BrokerNodeData = { empty: boolean };

export type ExchangeFlowNode = Node<ExchangeNodeData, 'exchange'>;
export type QueueFlowNode = Node<QueueNodeData, 'queue'>;
export type AppFlowNode = Node<AppNodeData, 'app'>;
export type BrokerFlowNode = Node<BrokerNodeData, 'broker'>;
export type FlowNode = ExchangeFlowNode | QueueFlowNode | AppFlowNode | BrokerFlowNode;

/** The kind word of an app, by what it does: "Producer", "Consumer", "Producer and consumer", "App". */
export function appKindWord(app: App, t: Translate): string {
  const role = appRole(app);
  return t(role === 'producer' ? 'kind.producer' : role === 'consumer' ? 'kind.consumer' : role === 'both' ? 'kind.rpcApp' : 'kind.app');
}

/** A node's accessible name is its kind and its name: "Producer app1". */
export function appKindLabel(app: App, t: Translate): string {
  return `${appKindWord(app, t)} ${app.name}`;
}

const NO_WARNINGS: DocIssue[] = [];

/**
 * The document as React Flow nodes: the broker frame (behind everything), the exchanges and queues in
 * it, the apps outside. A node object is reused when nothing it shows changed, so React Flow and the
 * memoised node components skip it (a drag re-renders only the dragged node and the frame).
 */
export class FlowNodeCache {
  private cache = new Map<string, { deps: unknown[]; node: FlowNode }>();

  private reuse<N extends FlowNode>(id: string, deps: unknown[], make: () => N): N {
    const hit = this.cache.get(id);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i]))) return hit.node as N;
    const node = make();
    this.cache.set(id, { deps, node });
    return node;
  }

  build(doc: Scenario, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Size>, warnings: ReadonlyMap<string, DocIssue[]>, t: Translate): FlowNode[] {
    const sizeOf = (id: string) => measured.get(id);
    const frame = brokerFrame(doc, sizeOf);
    const m = (id: string) => measured.get(id);
    const nodes: FlowNode[] = [];
    nodes.push(
      this.reuse(BROKER_NODE_ID, [frame.x, frame.y, frame.width, frame.height, t], () => ({
        id: BROKER_NODE_ID,
        type: 'broker',
        position: { x: frame.x, y: frame.y },
        width: frame.width,
        height: frame.height,
        data: { empty: doc.exchanges.length + doc.queues.length === 0 },
        selectable: false,
        // Dragged by its title bar only; the rest lets clicks through to the pane (pan, box-select).
        draggable: true,
        dragHandle: '.broker-title',
        style: { pointerEvents: 'none' },
        deletable: false,
        focusable: false,
        connectable: false,
        zIndex: -1,
        ariaLabel: t('node.broker'),
      })),
    );
    if (doc.broker.showDefaultExchange) {
      const pos = defaultExchangePosition(doc);
      const sel = selected.has(DEFAULT_EXCHANGE_NODE_ID);
      nodes.push(
        this.reuse(DEFAULT_EXCHANGE_NODE_ID, [pos.x, pos.y, sel, m(DEFAULT_EXCHANGE_NODE_ID), t], () => ({
          id: DEFAULT_EXCHANGE_NODE_ID, type: 'exchange', position: pos, selected: sel, deletable: false,
          data: { exchange: null, warnings: NO_WARNINGS }, ariaLabel: t('node.defaultExchange'),
          ...(m(DEFAULT_EXCHANGE_NODE_ID) ? { measured: m(DEFAULT_EXCHANGE_NODE_ID) } : {}),
        })),
      );
    }
    for (const e of doc.exchanges) {
      const sel = selected.has(e.id);
      const w = warnings.get(e.id) ?? NO_WARNINGS;
      nodes.push(
        this.reuse(e.id, [e, sel, m(e.id), w, t], () => ({
          id: e.id, type: 'exchange', position: e.position, selected: sel, data: { exchange: e, warnings: w },
          ariaLabel: `${t('kind.exchange')} ${e.name}`, ...(m(e.id) ? { measured: m(e.id) } : {}),
        })),
      );
    }
    for (const q of doc.queues) {
      const sel = selected.has(q.id);
      const w = warnings.get(q.id) ?? NO_WARNINGS;
      nodes.push(
        this.reuse(q.id, [q, sel, m(q.id), w, t], () => ({
          id: q.id, type: 'queue', position: q.position, selected: sel, data: { queue: q, warnings: w },
          ariaLabel: `${t('kind.queue')} ${q.name}`, ...(m(q.id) ? { measured: m(q.id) } : {}),
        })),
      );
    }
    for (const a of doc.apps) {
      const sel = selected.has(a.id);
      const w = warnings.get(a.id) ?? NO_WARNINGS;
      nodes.push(
        this.reuse(a.id, [a, sel, m(a.id), w, t], () => ({
          id: a.id, type: 'app', position: a.position, selected: sel, data: { app: a, warnings: w },
          ariaLabel: appKindLabel(a, t), ...(m(a.id) ? { measured: m(a.id) } : {}),
        })),
      );
    }
    // React Flow says "node" to screen readers unless told otherwise: in the person's language (set once
    // on a freshly built node; a reused one has it, since the language is one of its dependencies)
    const role = t('a11y.nodeRole');
    for (const n of nodes) if (n.domAttributes?.['aria-roledescription'] !== role) n.domAttributes = { ...n.domAttributes, 'aria-roledescription': role };
    const live = new Set(nodes.map((n) => n.id));
    for (const id of this.cache.keys()) if (!live.has(id)) this.cache.delete(id);
    return nodes;
  }
}

/** Warnings (and errors) grouped by the node that should show them: a client's go on its app. */
export function warningsByNode(doc: Scenario, issues: DocIssue[]): Map<string, DocIssue[]> {
  const owner = new Map<string, string>();
  for (const a of doc.apps) {
    for (const p of a.publishers) owner.set(p.id, a.id);
    for (const c of a.consumers) owner.set(c.id, a.id);
  }
  const out = new Map<string, DocIssue[]>();
  for (const i of issues) {
    const id = owner.get(i.id) ?? i.id;
    out.set(id, [...(out.get(id) ?? []), i]);
  }
  return out;
}
