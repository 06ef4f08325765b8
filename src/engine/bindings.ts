import type { Broker } from './broker';
import type { Exchange } from './entities';
import { bindingArgsKey } from './fieldIdentity';
import { type FieldTable, cloneTable } from './fields';
import type { Binding } from './routing';

/** The destination key under which bindings to a queue or exchange are indexed. */
export const destKey = (type: 'queue' | 'exchange', name: string) => (type === 'queue' ? `q:${name}` : `x:${name}`);

/** A binding's identity within its source exchange (arguments: exact types, see bindingArgsKey). */
export function bindingKey(destination: string, destinationType: 'queue' | 'exchange', routingKey: string, args: FieldTable): string {
  return `${destinationType}\u0000${destination}\u0000${routingKey}\u0000${bindingArgsKey(args)}`;
}

/** Adds a binding; binding the same (source, destination, key, arguments) again is a no-op. */
export function addBinding(b: Broker, x: Exchange, destination: string, destinationType: 'queue' | 'exchange', routingKey: string, args: FieldTable): void {
  const key = bindingKey(destination, destinationType, routingKey, args);
  if (x.bindings.has(key)) return;
  const bd: Binding = { source: x.name, destination, destinationType, routingKey, arguments: cloneTable(args), key };
  x.bindings.set(key, bd);
  x.router.add(bd);
  const dk = destKey(destinationType, destination);
  let set = b.bindingsTo.get(dk);
  if (!set) b.bindingsTo.set(dk, (set = new Set()));
  set.add(bd);
  b.emit({ type: 'bound', t: b.now, source: x.name, destination, destinationType, routingKey, arguments: bd.arguments });
}

/** Removes one binding; an auto-delete source exchange goes with its last binding. */
export function removeBinding(b: Broker, bd: Binding): void {
  const x = b.exchanges.get(bd.source);
  if (!x || x.bindings.get(bd.key) !== bd) return;
  x.bindings.delete(bd.key);
  x.router.remove(bd);
  b.bindingsTo.get(destKey(bd.destinationType, bd.destination))?.delete(bd);
  b.emit({ type: 'unbound', t: b.now, source: bd.source, destination: bd.destination, destinationType: bd.destinationType, routingKey: bd.routingKey, arguments: bd.arguments });
  if (x.autoDelete && x.bindings.size === 0) deleteExchange(b, x, 'auto-delete');
}

/** Removes every binding that ends at this queue or exchange. */
export function removeBindingsTo(b: Broker, type: 'queue' | 'exchange', name: string): void {
  const set = b.bindingsTo.get(destKey(type, name));
  if (!set) return;
  for (const bd of [...set]) removeBinding(b, bd);
  b.bindingsTo.delete(destKey(type, name));
}

/** Deletes an exchange with every binding from it and to it. */
export function deleteExchange(b: Broker, x: Exchange, reason: 'deleted' | 'auto-delete' | 'broker-restart'): void {
  if (b.exchanges.get(x.name) !== x) return;
  b.exchanges.delete(x.name);
  for (const bd of x.bindings.values()) {
    b.bindingsTo.get(destKey(bd.destinationType, bd.destination))?.delete(bd);
    b.emit({ type: 'unbound', t: b.now, source: bd.source, destination: bd.destination, destinationType: bd.destinationType, routingKey: bd.routingKey, arguments: bd.arguments });
  }
  x.bindings.clear();
  b.emit({ type: 'exchange-deleted', t: b.now, exchange: x.name, reason });
  removeBindingsTo(b, 'exchange', x.name);
}
