import type { Publisher } from '../clients';
import type { Scenario } from '../scenario';

/**
 * A new producer publishes with the routing key "" (in AMQP the key is the publisher's to choose,
 * and a real client's basicPublish takes whatever its code passes). Wired to a direct exchange
 * whose bindings all have keys, that "" matches none of them: every message is unroutable, which
 * is a lesson when a teacher means it and a trap when it is only Warren's starting value. So a
 * publisher still on that untouched default follows the first binding's key when it is wired to
 * such an exchange or when such an exchange gets its first keyed binding, as the binding dialog
 * offers the queue's name as the key. Nothing about routing changes: a key typed by the person is
 * never replaced, fanout and headers exchanges ignore the key, a topic binding with a wildcard is
 * a pattern and not a key to publish with, and an exchange with a "" binding already routes "".
 */
export function untouchedKey(p: Publisher): boolean {
  return p.routingKeys.length === 0 || (p.routingKeys.length === 1 && p.routingKeys[0] === '');
}

/** The key a publisher on the default "" key should take to reach a queue through `exchangeName`, or null to leave it. */
export function suggestedKey(s: Scenario, exchangeName: string): string | null {
  const ex = s.exchanges.find((e) => e.name === exchangeName);
  if (!ex || (ex.type !== 'direct' && ex.type !== 'topic')) return null;
  const keys = s.bindings.filter((b) => b.source === ex.id).map((b) => b.routingKey);
  if (keys.length === 0 || keys.includes('')) return null;
  const first = keys[0]!;
  if (ex.type === 'topic' && /(^|\.)[*#](\.|$)/.test(first)) return null;
  return first;
}

/** Publishers to `exchangeName` still on the default key take the suggested key (see above); the same doc when none. */
export function followBindingKey(s: Scenario, exchangeName: string, onlyPublisher?: string): Scenario {
  const key = suggestedKey(s, exchangeName);
  if (key === null) return s;
  let changed = false;
  const apps = s.apps.map((app) => {
    if (!app.publishers.some((p) => p.exchange === exchangeName && untouchedKey(p) && (onlyPublisher === undefined || p.id === onlyPublisher))) return app;
    changed = true;
    return {
      ...app,
      publishers: app.publishers.map((p) => (p.exchange === exchangeName && untouchedKey(p) && (onlyPublisher === undefined || p.id === onlyPublisher) ? { ...p, routingKeys: [key] } : p)),
    };
  });
  return changed ? { ...s, apps } : s;
}
