import type { Binding, ExchangeTypeImpl, Router } from './types';

/** fanout: every binding matches; routing keys are ignored. */
class FanoutRouter implements Router {
  private all = new Set<Binding>();
  add(b: Binding) {
    this.all.add(b);
  }
  remove(b: Binding) {
    this.all.delete(b);
  }
  match(_msg: unknown, out: Binding[]) {
    for (const b of this.all) out.push(b);
  }
}

export const fanout: ExchangeTypeImpl = { create: () => new FanoutRouter() };
