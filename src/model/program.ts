import { z } from 'zod';

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

export const programFileSchema = z.object({
  name: z.string().regex(PROGRAM_NAME, { error: 'validation.programName' }),
  source: z.string().max(PROGRAM_SOURCE_MAX, { error: 'validation.textTooLong' }),
  /** the arguments field: what follows `node <name>` */
  args: z.string().max(ARGS_MAX, { error: 'validation.tooLong' }).default(''),
});
export type ProgramFile = z.output<typeof programFileSchema>;

export const programRunSchema = z.object({
  file: z.string().regex(PROGRAM_NAME, { error: 'validation.programName' }),
  args: z.string().max(ARGS_MAX, { error: 'validation.tooLong' }).default(''),
});
export type ProgramRun = z.output<typeof programRunSchema>;

export const programsSchema = z.object({
  files: z.array(programFileSchema).max(PROGRAMS_MAX),
  runs: z.array(programRunSchema).max(PROGRAMS_MAX).default([]),
});
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

/**
 * The programs of an untrusted document, file by file: what validates is kept (a name used twice keeps
 * its first file), runs that name no kept file are left out. Never throws.
 */
export function restorePrograms(input: unknown): { programs: Programs | undefined; dropped: string[] } {
  if (input === undefined) return { programs: undefined, dropped: [] };
  const dropped: string[] = [];
  const raw = input !== null && typeof input === 'object' ? (input as { files?: unknown; runs?: unknown }) : {};
  const files: ProgramFile[] = [];
  for (const f of Array.isArray(raw.files) ? raw.files.slice(0, PROGRAMS_MAX * 2) : []) {
    const r = programFileSchema.safeParse(f);
    const name = f !== null && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' ? (f as { name: string }).name : '?';
    if (!r.success || files.some((x) => x.name === r.data.name) || files.length >= PROGRAMS_MAX) dropped.push(name.slice(0, 64));
    else files.push(r.data);
  }
  const runs: ProgramRun[] = [];
  for (const x of Array.isArray(raw.runs) ? raw.runs.slice(0, PROGRAMS_MAX) : []) {
    const r = programRunSchema.safeParse(x);
    if (r.success && files.some((f) => f.name === r.data.file)) runs.push(r.data);
  }
  return { programs: files.length || runs.length ? { files, runs } : undefined, dropped };
}
