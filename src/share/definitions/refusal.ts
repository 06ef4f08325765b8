import type { MessageParams, ShareMessageKey } from '../errors';
import type { DefPolicy, Definitions } from './parse';
import { patternStatus } from './policies';
import { vhostOf } from './vhosts';

/**
 * The keys an operator policy may set in RabbitMQ 3.10.8 (its registered operator_policy_validator
 * modules, read with `rabbitmqctl eval`): any other key makes it refuse the policy ("are not
 * recognised policy settings").
 */
export const OPERATOR_POLICY_KEYS: ReadonlySet<string> = new Set(['expires', 'message-ttl', 'max-length', 'max-length-bytes', 'max-in-memory-length', 'max-in-memory-bytes', 'delivery-limit']);

/** Keys of an operator policy that RabbitMQ 3.10 refuses. */
export const refusedOperatorKeys = (p: DefPolicy): string[] => (p.operator ? Object.keys(p.definition).filter((k) => !OPERATOR_POLICY_KEYS.has(k)) : []);

/** Whether RabbitMQ 3.10 would refuse to create this policy (so Warren does not apply it either). */
export const policyRefused = (p: DefPolicy): boolean => patternStatus(p.pattern) === 'refused' || refusedOperatorKeys(p).length > 0;

export interface BrokerRefusal {
  key: ShareMessageKey;
  params: MessageParams;
}

/**
 * The first thing in the file a real RabbitMQ 3.10 refuses, when Warren can still import the rest.
 * 3.10.8 imports in this order (rabbit_definitions:apply_defs/3, read from the broker): users, vhosts,
 * permissions, topic permissions, exchanges, global parameters, policies one by one, parameters (the
 * operator policies among them) one by one, then queues and bindings. It stops at the first error and
 * does not undo what it did: the message says where it would stop.
 */
export function brokerRefusal(d: Definitions): BrokerRefusal | undefined {
  for (const p of d.policies) {
    if (!p.operator && patternStatus(p.pattern) === 'refused') {
      return { key: 'share.defs.refusal.policyPattern', params: { policy: p.name, place: p.place, vhost: vhostOf(d, p), pattern: p.pattern } };
    }
  }
  for (const p of d.policies) {
    if (!p.operator) continue;
    if (patternStatus(p.pattern) === 'refused') {
      return { key: 'share.defs.refusal.operatorPattern', params: { policy: p.name, place: p.place, vhost: vhostOf(d, p), pattern: p.pattern } };
    }
    const keys = refusedOperatorKeys(p);
    if (keys.length) return { key: 'share.defs.refusal.operatorKeys', params: { policy: p.name, place: p.place, vhost: vhostOf(d, p), keys: keys.join(', ') } };
  }
  return undefined;
}
