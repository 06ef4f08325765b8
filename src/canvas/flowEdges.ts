import { type Edge, MarkerType } from '@xyflow/react';
import type { Translate } from '../i18n/translate';
import { type Binding, deriveLinks, type ExchangeType, isDeletableLink, type Link, type Scenario } from '../model';

/**
 * `lane`: the binding's place among the bindings between the same two nodes (a queue bound with
 * several keys, as in the routing tutorial): their lines coincide, so their labels are stacked.
 */
export type BindingEdgeData = { binding: Binding; exchangeType: ExchangeType; sourceName: string; destinationName: string; lane: { index: number; count: number } };
export type AmqpEdgeData = { link: Link; label: string };
export type BindingFlowEdge = Edge<BindingEdgeData, 'binding'>;
export type AmqpFlowEdge = Edge<AmqpEdgeData, 'amqp'>;
export type ConnectionFlowEdge = Edge<AmqpEdgeData, 'connection'>;
export type DirectReplyFlowEdge = Edge<AmqpEdgeData, 'directReply'>;
export type FlowEdge = BindingFlowEdge | AmqpFlowEdge | ConnectionFlowEdge | DirectReplyFlowEdge;

const arrow = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

/** A short label for a list of routing keys ("" shows as quotes, so an empty key is visible). */
export function keysLabel(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((k) => (k === '' ? '""' : k));
  return keys.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The document's links as React Flow edges, each with an accessible name saying what it is. */
export function toFlowEdges(doc: Scenario, selected: ReadonlySet<string>, t: Translate): FlowEdge[] {
  const names = new Map<string, string>([
    ...doc.exchanges.map((e) => [e.id, e.name] as const),
    ...doc.queues.map((q) => [q.id, q.name] as const),
    ...doc.apps.map((a) => [a.id, a.name] as const),
    ['amq.default', t('node.defaultExchangeName')] as const,
  ]);
  const name = (id: string) => names.get(id) ?? id;
  const lanes = bindingLanes(doc.bindings);
  return deriveLinks(doc).map((link): FlowEdge => {
    const base = {
      id: link.id,
      source: link.source,
      target: link.target,
      sourceHandle: link.sourceHandle,
      targetHandle: link.targetHandle,
      selected: selected.has(link.id),
      deletable: isDeletableLink(link.kind),
      selectable: link.kind !== 'connection' && link.kind !== 'defaultBinding',
      focusable: link.kind !== 'connection' && link.kind !== 'defaultBinding',
      className: `edge-${link.kind}`,
      domAttributes: { 'aria-roledescription': t('a11y.edgeRole') },
    };
    switch (link.kind) {
      case 'binding': {
        const b = doc.bindings.find((x) => x.id === link.bindingId)!;
        const type = doc.exchanges.find((e) => e.id === b.source)?.type ?? 'direct';
        return {
          ...base, type: 'binding', markerEnd: arrow,
          data: { binding: b, exchangeType: type, sourceName: name(b.source), destinationName: name(b.destination), lane: lanes.get(b.id)! },
          ariaLabel: t('edge.binding', { source: name(b.source), destination: name(b.destination), key: b.routingKey }),
        };
      }
      case 'connection':
        return { ...base, type: 'connection', data: { link, label: '' }, ariaLabel: t('edge.connection', { app: name(link.appId) }) };
      case 'directReply':
        return {
          ...base, type: 'directReply', markerEnd: arrow, selectable: false, focusable: false,
          data: { link, label: t('edge.directReplyLabel') },
          ariaLabel: t('edge.directReply', { server: name(link.serverAppId), client: name(link.clientAppId) }),
        };
      default: {
        const [label, aria] = describeLink(link, name, t);
        return { ...base, type: 'amqp', markerEnd: arrow, data: { link, label }, ariaLabel: aria };
      }
    }
  });
}

/** Each binding's index among the bindings with the same source and destination, and their number. */
export function bindingLanes(bindings: readonly Binding[]): Map<string, { index: number; count: number }> {
  const groups = new Map<string, string[]>();
  for (const b of bindings) {
    const key = `${b.source}\u0000${b.destination}`;
    const g = groups.get(key);
    if (g) g.push(b.id);
    else groups.set(key, [b.id]);
  }
  const out = new Map<string, { index: number; count: number }>();
  for (const ids of groups.values()) {
    ids.forEach((id, index) => {
      out.set(id, { index, count: ids.length });
    });
  }
  return out;
}

function describeLink(link: Link, name: (id: string) => string, t: Translate): [string, string] {
  switch (link.kind) {
    case 'publish':
      return [keysLabel(link.routingKeys), t('edge.publish', { app: name(link.appId), exchange: name(link.target), keys: keysLabel(link.routingKeys) })];
    case 'publishViaDefault':
      return [t('edge.viaDefaultLabel', { key: link.routingKey }), t('edge.publishViaDefault', { app: name(link.appId), queue: name(link.queueId) })];
    case 'defaultBinding':
      return [name(link.queueId), t('edge.defaultBinding', { queue: name(link.queueId) })];
    case 'subscribe':
      return ['', t('edge.subscribe', { app: name(link.appId), queue: name(link.queueId) })];
    case 'deadLetter':
      return [
        link.routingKey === undefined ? 'DLX' : `DLX · ${link.routingKey}`,
        t('edge.deadLetter', { queue: name(link.queueId), exchange: name(link.target) }),
      ];
    case 'alternate':
      return ['AE', t('edge.alternate', { exchange: name(link.exchangeId), alternate: name(link.target) })];
    default:
      return ['', ''];
  }
}
