import type { z } from 'zod';
import type { programFileSchema, programRunSchema, programsSchema } from './schemas/program';

/**
 * Programs (issue 13): files of client code that are part of the scenario (they travel in links,
 * files and embeds), run against the simulated broker. `runs` is what "Run all" starts, in order,
 * each with its arguments (two workers from one file are two runs).
 */

/** Longest program (characters), most files, longest arguments line. */
export const PROGRAM_SOURCE_MAX = 100_000;
export const PROGRAMS_MAX = 20;
export const ARGS_MAX = 1000;

/** A file name as a terminal would take it: letters, digits, dot, dash, underscore; a JavaScript extension. */
export const PROGRAM_NAME = /^[A-Za-z0-9_][\w.-]{0,59}\.(js|mjs|cjs)$/;

export type ProgramFile = z.output<typeof programFileSchema>;
export type ProgramRun = z.output<typeof programRunSchema>;
export type Programs = z.output<typeof programsSchema>;

/** Math.random's seed for the n-th run of a file: from the scenario's seed, so that a run replays identically. */
export function programSeed(scenarioSeed: number, file: string, n: number): number {
  let h = (scenarioSeed ^ 0x85ebca6b) >>> 0;
  for (const c of `${file}#${n}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * An arguments line split as a shell would (without expansions): words separated by spaces, quotes
 * keeping spaces in a word, a backslash escaping the next character.
 * `kern.critical "A critical kernel error"` → ['kern.critical', 'A critical kernel error'].
 */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) out.push(word);
  return out;
}
