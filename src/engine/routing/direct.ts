import type { Binding, ExchangeTypeImpl, Router } from './types';

/** direct: a binding matches when its key equals one of the message's routing keys. */
class DirectRouter implements Router {
  private byKey = new Map<string, Binding[]>();
  add(b: Binding) {
    const list = this.byKey.get(b.routingKey);
    if (list) list.push(b);
    else this.byKey.set(b.routingKey, [b]);
  }
  remove(b: Binding) {
    const list = this.byKey.get(b.routingKey);
    if (!list) return;
    const i = list.indexOf(b);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.byKey.delete(b.routingKey);
  }
  match(msg: { routingKeys: readonly string[] }, hit: (b: Binding) => void) {
    for (const k of msg.routingKeys) {
      const list = this.byKey.get(k);
      if (list) for (const b of list) hit(b);
    }
  }
}

export const direct: ExchangeTypeImpl = { create: () => new DirectRouter() };
