import type { Definitions } from './parse';

export interface VhostSummary {
  name: string;
  exchanges: number;
  queues: number;
  bindings: number;
  policies: number;
}

export interface ImplicitVhost {
  name: string;
  /**
   * Where it comes from: `original` (4.x `original_vhost_name`), `only` (the file's one vhost), `named`
   * (a 3.10 per-vhost download: no `vhosts` section, entities without `vhost`, and the one vhost its
   * policies and parameters name), `default` ("/": a hand-written file that names none).
   */
  from: 'original' | 'only' | 'named' | 'default';
}

const implicitCache = new WeakMap<Definitions, ImplicitVhost>();

/**
 * The vhost of entities that carry none. Per-vhost downloads (the management UI's, `GET
 * /api/definitions/<vhost>`, 4.x `single_virtual_host`) leave `vhost` out of queues, exchanges and
 * bindings; 4.x names the vhost in `original_vhost_name`, while 3.10 keeps it only on policies and
 * parameters (checked on a real 3.10.8). Such a file is one vhost, whose policies apply to its entities.
 */
export function implicitVhostOf(d: Definitions): ImplicitVhost {
  let v = implicitCache.get(d);
  if (v) return v;
  if (d.originalVhost !== undefined) v = { name: d.originalVhost, from: 'original' };
  else if (d.vhosts.length === 1) v = { name: d.vhosts[0]!.name, from: 'only' };
  else {
    const named = new Set<string>();
    if (d.vhosts.length === 0) {
      for (const list of [d.queues, d.exchanges, d.bindings, d.policies, d.parameters]) for (const e of list) if (e.vhost !== undefined) named.add(e.vhost);
    }
    v = named.size === 1 ? { name: [...named][0]!, from: 'named' } : { name: '/', from: 'default' };
  }
  implicitCache.set(d, v);
  return v;
}

export const implicitVhost = (d: Definitions): string => implicitVhostOf(d).name;

export const vhostOf = (d: Definitions, e: { vhost?: string }): string => e.vhost ?? implicitVhost(d);

/** Every vhost the file mentions, "/" first, with what each holds, so the UI can ask which to import. */
export function listVhosts(d: Definitions): VhostSummary[] {
  const byName = new Map<string, VhostSummary>();
  const get = (name: string) => {
    let v = byName.get(name);
    if (!v) byName.set(name, (v = { name, exchanges: 0, queues: 0, bindings: 0, policies: 0 }));
    return v;
  };
  for (const v of d.vhosts) get(v.name);
  for (const e of d.exchanges) get(vhostOf(d, e)).exchanges++;
  for (const q of d.queues) get(vhostOf(d, q)).queues++;
  for (const b of d.bindings) get(vhostOf(d, b)).bindings++;
  for (const p of d.policies) get(vhostOf(d, p)).policies++;
  if (byName.size === 0) get(implicitVhost(d));
  return [...byName.values()].sort((a, b) => (a.name === '/' ? -1 : b.name === '/' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The vhost to offer first: "/" when the file has it, else the first one. */
export function defaultVhost(d: Definitions): string {
  return listVhosts(d)[0]!.name;
}
