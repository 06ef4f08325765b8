import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages.en';
import { es } from '../i18n/messages.es';
import { SHARE_MESSAGE_KEYS } from './errors';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });

describe('share messages', () => {
  it('has every key it can produce in both dictionaries', () => {
    for (const key of SHARE_MESSAGE_KEYS) {
      expect(en, key).toHaveProperty([key]);
      expect(es, key).toHaveProperty([key]);
    }
  });

  it('lists every key its code uses', () => {
    const known = new Set<string>(SHARE_MESSAGE_KEYS);
    const used = files(import.meta.dirname).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(share\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
