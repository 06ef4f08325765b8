import { PROGRAM_NAME, PROGRAMS_MAX, type ProgramFile, type Programs, type Scenario } from '../../model';

/** Edits of the document's programs (pure: each returns a new document, or the same when nothing changes). */

export const programsOf = (doc: Scenario): Programs => doc.programs ?? { files: [], runs: [] };

function withPrograms(doc: Scenario, p: Programs): Scenario {
  return { ...doc, programs: p.files.length || p.runs.length ? p : undefined };
}

export function setFile(doc: Scenario, name: string, change: Partial<Pick<ProgramFile, 'source' | 'args'>>): Scenario {
  const p = programsOf(doc);
  const f = p.files.find((x) => x.name === name);
  if (!f || Object.entries(change).every(([k, v]) => f[k as keyof ProgramFile] === v)) return doc;
  return withPrograms(doc, { ...p, files: p.files.map((x) => (x.name === name ? { ...x, ...change } : x)) });
}

/** A free name like "program.js", "program-2.js". */
export function freeName(doc: Scenario, base = 'program'): string {
  const names = new Set(programsOf(doc).files.map((f) => f.name));
  if (!names.has(`${base}.js`)) return `${base}.js`;
  for (let i = 2; ; i++) if (!names.has(`${base}-${i}.js`)) return `${base}-${i}.js`;
}

export type NameProblem = 'invalid' | 'taken' | 'full';

export function addFile(doc: Scenario, file: ProgramFile): { doc: Scenario } | { problem: NameProblem } {
  const p = programsOf(doc);
  if (p.files.length >= PROGRAMS_MAX) return { problem: 'full' };
  if (!PROGRAM_NAME.test(file.name)) return { problem: 'invalid' };
  if (p.files.some((f) => f.name === file.name)) return { problem: 'taken' };
  return { doc: withPrograms(doc, { ...p, files: [...p.files, file] }) };
}

export function renameFile(doc: Scenario, from: string, to: string): { doc: Scenario } | { problem: NameProblem } {
  if (from === to) return { doc };
  const p = programsOf(doc);
  if (!PROGRAM_NAME.test(to)) return { problem: 'invalid' };
  if (p.files.some((f) => f.name === to)) return { problem: 'taken' };
  return {
    doc: withPrograms(doc, { files: p.files.map((f) => (f.name === from ? { ...f, name: to } : f)), runs: p.runs.map((r) => (r.file === from ? { ...r, file: to } : r)) }),
  };
}

export function deleteFile(doc: Scenario, name: string): Scenario {
  const p = programsOf(doc);
  return withPrograms(doc, { files: p.files.filter((f) => f.name !== name), runs: p.runs.filter((r) => r.file !== name) });
}
