import { z } from 'zod';
import { ARGS_MAX, PROGRAM_NAME, PROGRAM_SOURCE_MAX, type ProgramFile, type ProgramRun, type Programs, PROGRAMS_MAX } from '../program';

export const programFileSchema = z.object({
  name: z.string().regex(PROGRAM_NAME, { error: 'validation.programName' }),
  source: z.string().max(PROGRAM_SOURCE_MAX, { error: 'validation.textTooLong' }),
  /** the arguments field: what follows `node <name>` */
  args: z.string().max(ARGS_MAX, { error: 'validation.tooLong' }).default(''),
});

export const programRunSchema = z.object({
  file: z.string().regex(PROGRAM_NAME, { error: 'validation.programName' }),
  args: z.string().max(ARGS_MAX, { error: 'validation.tooLong' }).default(''),
});

export const programsSchema = z.object({
  files: z.array(programFileSchema).max(PROGRAMS_MAX),
  runs: z.array(programRunSchema).max(PROGRAMS_MAX).default([]),
});

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
