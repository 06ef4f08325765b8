/**
 * Seeded pseudo-random numbers (mulberry32). The state is one 32-bit integer kept inside the
 * broker's state, so a snapshot restores the exact sequence and the same seed always gives the
 * same run.
 */
export interface RngState {
  s: number;
}

export function createRng(seed: number): RngState {
  return { s: seed >>> 0 };
}

/** A float in [0, 1). Advances the state. */
export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function nextInt(rng: RngState, maxExclusive: number): number {
  return Math.floor(nextFloat(rng) * maxExclusive);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random token like RabbitMQ's server-generated names ("amq.gen-JzTY20BRgKO-HjmUJj0wLg"). */
export function nextToken(rng: RngState, length = 22): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[nextInt(rng, ALPHABET.length)];
  return out;
}
