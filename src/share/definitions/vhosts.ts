import type { Definitions } from './parse';

export interface VhostSummary {
  name: string;
  exchanges: number;
  queues: number;
  bindings: number;
  policies: number;
}

/**
 * The vhost of entities that carry none: per-vhost downloads (management UI, 4.x
 * `single_virtual_host`) leave `vhost` out; 4.x names it in `original_vhost_name`.
 */
export function implicitVhost(d: Definitions): string {
  return d.originalVhost ?? (d.vhosts.length === 1 ? d.vhosts[0]!.name : '/');
}

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
