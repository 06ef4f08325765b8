import { DEFAULT_EXCHANGE } from '../amq';
import type { Binding } from '../binding';
import type { Explanation } from '../explanation';
import { type NodeRef, PORT, resolveNode } from '../ports';
import type { Scenario } from '../scenario';

/** One end of a line being drawn: a canvas node and, if known, the handle on it. */
export interface End {
  node: string;
  handle?: string | null;
}

/** What drawing a line from `source` to `target` would do, in AMQP terms. */
export type ConnectPlan =
  | { action: 'bind'; source: string; destination: string; destinationType: Binding['destinationType'] }
  | { action: 'publish'; appId: string; publisherId: string; exchange: string }
  | { action: 'subscribe'; appId: string; consumerId: string; queue: string }
  | { action: 'deadLetter'; queueId: string; exchange: string }
  | { action: 'alternate'; exchangeId: string; alternate: string };

/** A one-click way to do what the user probably meant. */
export type ConnectFix =
  | { kind: 'publishViaDefault'; appId: string; publisherId: string; queueName: string; label: Explanation }
  | { kind: 'addConsumer'; appId: string; queueName: string; label: Explanation };

export type ConnectCheck = ConnectPlan | { action: 'refuse'; reason: Explanation; fix?: ConnectFix };

const no = (reason: Explanation, fix?: ConnectFix): ConnectCheck => (fix ? { action: 'refuse', reason, fix } : { action: 'refuse', reason });

/**
 * Decides what a line between two handles means, or why AMQP does not allow it. `source` is the end
 * where the flow starts (React Flow's source). A missing handle (a drop on a node's body) is inferred:
 * the first publisher or consumer of an app, the main handle of an exchange or queue.
 */
export function checkConnection(s: Scenario, source: End, target: End): ConnectCheck {
  const from = resolveNode(s, source.node);
  const to = resolveNode(s, target.node);
  if (!from || !to) return no({ key: 'connect.notAnEndpoint' });
  const name = (ref: NodeRef) =>
    ref.kind === 'exchange' ? s.exchanges.find((e) => e.id === ref.id)!.name
    : ref.kind === 'queue' ? s.queues.find((q) => q.id === ref.id)!.name
    : ref.kind === 'app' ? s.apps.find((a) => a.id === ref.id)!.name
    : DEFAULT_EXCHANGE;
  const toName = name(to);

  switch (from.kind) {
    case 'app': {
      const app = s.apps.find((a) => a.id === from.id)!;
      const publisher = app.publishers.find((p) => p.id === source.handle) ?? app.publishers[0];
      if (!publisher) return no({ key: 'connect.appHasNoPublisher', params: { app: app.name } });
      if (to.kind === 'queue') {
        return no({ key: 'connect.producerToQueue', params: { queue: toName } }, {
          kind: 'publishViaDefault', appId: app.id, publisherId: publisher.id, queueName: toName,
          label: { key: 'connect.fix.publishViaDefault', params: { queue: toName } },
        });
      }
      if (to.kind === 'app') return no({ key: 'connect.producerToApp' });
      const ex = s.exchanges.find((e) => e.id === to.id);
      if (ex?.internal) return no({ key: 'connect.producerToInternal', params: { exchange: ex.name } });
      return { action: 'publish', appId: app.id, publisherId: publisher.id, exchange: toName };
    }
    case 'defaultExchange':
      return no({ key: 'connect.bindFromDefault' });
    case 'exchange': {
      const exName = name(from);
      if (source.handle === PORT.alternate) {
        if (to.kind === 'queue') return no({ key: 'connect.alternateToQueue', params: { exchange: exName } });
        if (to.kind === 'app') return no({ key: 'connect.exchangeToApp', params: { exchange: exName, app: toName } });
        if (to.id === from.id) return no({ key: 'connect.selfAlternate' });
        return { action: 'alternate', exchangeId: from.id, alternate: toName };
      }
      if (to.kind === 'app') return no({ key: 'connect.exchangeToApp', params: { exchange: exName, app: toName } });
      if (to.kind === 'defaultExchange') return no({ key: 'connect.bindToDefault' });
      if (to.id === from.id) return no({ key: 'connect.selfBinding' });
      return { action: 'bind', source: from.id, destination: to.id, destinationType: to.kind };
    }
    case 'queue': {
      const qName = name(from);
      if (to.kind === 'queue') return no({ key: 'connect.queueToQueue', params: { queue: qName } });
      if (to.kind === 'app') {
        const app = s.apps.find((a) => a.id === to.id)!;
        const consumer = app.consumers.find((c) => c.id === target.handle) ?? app.consumers.find((c) => c.queue === '') ?? app.consumers[0];
        if (!consumer) {
          return no({ key: 'connect.queueToProducer', params: { app: app.name, queue: qName } }, {
            kind: 'addConsumer', appId: app.id, queueName: qName, label: { key: 'connect.fix.addConsumer', params: { app: app.name } },
          });
        }
        return { action: 'subscribe', appId: app.id, consumerId: consumer.id, queue: qName };
      }
      return { action: 'deadLetter', queueId: from.id, exchange: toName };
    }
  }
}
