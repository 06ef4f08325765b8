import { DEFAULT_EXCHANGE } from '../amq';
import { type BindingArguments, sameBinding } from '../binding';
import { IdSource } from '../ids';
import type { Scenario } from '../scenario';
import { bindingSchema } from '../schemas/binding';
import { check } from '../zodIssues';
import { addConsumer, updateConsumer, updatePublisher } from './appClients';
import type { ConnectFix, ConnectPlan } from './connectPlan';
import { followBindingKey } from './keyFollow';
import { type OpResult, refuse } from './result';
import { updateExchange, updateQueue } from './update';

/** The binding key and arguments asked for when a binding is drawn. */
export interface BindingSpec {
  routingKey: string;
  arguments: BindingArguments;
}

/** Carries out a plan. A binding needs its key and arguments; the result names the binding created. */
export function applyConnection(s: Scenario, plan: ConnectPlan, spec: BindingSpec = { routingKey: '', arguments: {} }): OpResult<{ createdId?: string }> {
  switch (plan.action) {
    case 'bind': {
      const id = IdSource.for(s).take('binding');
      const r = check(bindingSchema, { id, source: plan.source, destination: plan.destination, destinationType: plan.destinationType, ...spec });
      if (!r.ok) return r;
      if (s.bindings.some((b) => sameBinding(b, r.value))) return refuse(['routingKey'], { key: 'connect.duplicateBinding' });
      const doc = { ...s, bindings: [...s.bindings, r.value] };
      // the exchange's first keyed binding: a producer still on its default "" key follows it (keyFollow.ts)
      const ex = s.exchanges.find((e) => e.id === plan.source);
      return { ok: true, doc: ex ? followBindingKey(doc, ex.name) : doc, createdId: id };
    }
    case 'publish': {
      const r = updatePublisher(s, plan.appId, plan.publisherId, { exchange: plan.exchange });
      // wired to an exchange whose bindings all have keys: a default "" key follows the first one (keyFollow.ts)
      return r.ok ? { ...r, doc: followBindingKey(r.doc, plan.exchange, plan.publisherId) } : r;
    }
    case 'subscribe':
      return updateConsumer(s, plan.appId, plan.consumerId, { queue: plan.queue });
    case 'deadLetter':
      return updateQueue(s, plan.queueId, { arguments: { deadLetterExchange: plan.exchange } });
    case 'alternate':
      return updateExchange(s, plan.exchangeId, { alternateExchange: plan.alternate });
  }
}

/** Applies the suggested fix of a refusal. */
export function applyFix(s: Scenario, fix: ConnectFix): OpResult<{ createdId?: string }> {
  if (fix.kind === 'publishViaDefault') {
    return updatePublisher(s, fix.appId, fix.publisherId, { exchange: DEFAULT_EXCHANGE, routingKeys: [fix.queueName] });
  }
  return addConsumer(s, fix.appId, undefined, fix.queueName);
}
