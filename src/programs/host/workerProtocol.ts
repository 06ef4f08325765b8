import type { ProgramSpec, TurnInput, TurnOutput } from '../../sim/programs';

/** What the page and a program's Web Worker send each other. */
export type ToProgramWorker = { kind: 'init'; spec: ProgramSpec; clientName: string } | { kind: 'turn'; id: number; input: TurnInput };

export type FromProgramWorker = { kind: 'done'; id: number; output: TurnOutput } | { kind: 'fatal'; message: string };
