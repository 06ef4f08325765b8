import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { es } from './messages.es';
import { format, localeFromLanguages, translator } from './translate';

describe('translation layer', () => {
  it('has every English key in Spanish, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(es)) expect(value.trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(es[key]), key).toEqual(names(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('channel {n} closed: {why}', { n: 2, why: 'x' })).toBe('channel 2 closed: x');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('translates by locale', () => {
    expect(translator('es')('canvas.label')).toBe('Lienzo');
    expect(translator('en')('canvas.label')).toBe('Canvas');
  });

  it('picks the browser language, by its base tag, defaulting to English', () => {
    expect(localeFromLanguages(['es-AR', 'en'])).toBe('es');
    expect(localeFromLanguages(['fr-FR', 'en-GB'])).toBe('en');
    expect(localeFromLanguages(['de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });
});
