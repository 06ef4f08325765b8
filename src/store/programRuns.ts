import { type ProgramFile, programSeed, type Scenario, splitArgs } from '../model';
import type { SimController } from './simController';

/**
 * `node <file> <args>` from the person (a Run button) or a scenario (its runs): a program-start input
 * with the file's code as it is now, and a seed for its Math.random from the scenario's seed and the
 * instance's number (so a run replays identically).
 */
export function runProgram(sim: SimController, doc: Scenario, file: ProgramFile, args: string): void {
  let n = 1;
  for (const p of sim.world.programs.values()) if (p.spec.file === file.name) n++;
  sim.input({ type: 'program-start', program: { file: file.name, source: file.source, args: splitArgs(args), seed: programSeed(doc.seed, file.name, n) } });
}

/** Starts the scenario's runs in order (a code scenario from the gallery; "Run all"). Returns how many started. */
export function startRuns(sim: SimController, doc: Scenario): number {
  const p = doc.programs;
  if (!p) return 0;
  const runs = p.runs.length ? p.runs : p.files.map((f) => ({ file: f.name, args: f.args }));
  let started = 0;
  for (const r of runs) {
    const f = p.files.find((x) => x.name === r.file);
    if (!f) continue;
    runProgram(sim, doc, f, r.args);
    started++;
  }
  return started;
}
