import { DEFAULT_EXCHANGE } from '../amq';
import { type BindingArguments, sameBinding } from '../binding';
import { IdSource } from '../ids';
import type { Scenario } from '../scenario';
import { bindingSchema } from '../schemas/binding';
import { check } from '../zodIssues';
import { addConsumer, updateConsumer, updatePublisher } from './appClients';
import type { ConnectFix, ConnectPlan } from './connectPlan';
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
      return { ok: true, doc: { ...s, bindings: [...s.bindings, r.value] }, createdId: id };
    }
    case 'publish':
      return updatePublisher(s, plan.appId, plan.publisherId, { exchange: plan.exchange });
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
