import type { Binding, ExchangeTypeImpl, Routable, Router } from './types';

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
  match(msg: Routable, out: Binding[]) {
    const list = this.byKey.get(msg.routingKey);
    if (list) for (let i = 0; i < list.length; i++) out.push(list[i]!);
    if (msg.ccKeys) {
      for (const k of msg.ccKeys) {
        const more = this.byKey.get(k);
        if (more) for (const b of more) out.push(b);
      }
    }
  }
}

export const direct: ExchangeTypeImpl = { create: () => new DirectRouter() };
