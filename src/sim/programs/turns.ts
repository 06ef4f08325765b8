import type { World } from '../world';
import { applyRequest, issueRequest } from './methods';
import type { ProgramEvent, TurnInput, TurnOutput } from './protocol';
import { endProgram } from './lifecycle';
import type { ProgramItem, ProgramRt } from './state';

/**
 * Where a program's turns are computed. The world asks for turn `index` of a program run with its
 * input; the source answers at once (a turn it has in its log, or one it can compute synchronously)
 * or returns null and later calls World.completeTurn: until then the world does not move.
 */
export interface TurnSource {
  turn(program: Pick<ProgramRt, 'pid' | 'runKey' | 'spec'>, index: number, input: TurnInput): TurnOutput | null;
  /** the world will not ask this run for more turns (it ended) */
  release(runKey: string): void;
}

/** A turn the world is waiting for. */
export interface PendingTurn {
  pid: string;
  runKey: string;
  index: number;
  input: TurnInput;
}

/** Runs one scheduled program item. */
export function handleProgramItem(w: World, it: ProgramItem): void {
  const rt = w.programs.get(it.pid);
  if (!rt) return;
  switch (it.type) {
    case 'timer':
      if (rt.state !== 'running' || rt.timers[it.id] !== it.at) return;
      delete rt.timers[it.id];
      runTurn(w, rt, { type: 'timer', id: it.id });
      return;
    case 'turn':
      if (rt.state === 'running') runTurn(w, rt, it.event);
      return;
    case 'method':
      applyRequest(w, rt, it.req);
      return;
    default: {
      const never: never = it;
      throw new Error(`unknown program item ${JSON.stringify(never)}`);
    }
  }
}

export function runTurn(w: World, rt: ProgramRt, event: ProgramEvent): void {
  noteArrival(rt, event);
  const input: TurnInput = { t: w.now, events: [event] };
  const index = rt.turn;
  const out = w.turns ? w.turns.turn(rt, index, input) : UNAVAILABLE;
  if (out === null) {
    w.waitFor({ pid: rt.pid, runKey: rt.runKey, index, input });
    return;
  }
  applyTurnOutput(w, rt, out);
}

/** What the world does with a turn's output: its methods go to the broker, its timers on the clock. */
export function applyTurnOutput(w: World, rt: ProgramRt, out: TurnOutput): void {
  rt.turn++;
  rt.sigint = out.sigint;
  for (const id of out.timersCleared) delete rt.timers[id];
  for (const { id, at } of out.timersSet) {
    rt.timers[id] = at;
    w.schedule(at, { kind: 'program', item: { type: 'timer', pid: rt.pid, id, at } });
  }
  for (const req of out.requests) issueRequest(w, rt, req);
  if (out.exit && rt.state === 'running') endProgram(w, rt, out.exit);
}

/** Counts what reaches the program (its consumers' and publish lines' figures on the canvas), as it arrives. */
function noteArrival(rt: ProgramRt, e: ProgramEvent): void {
  if (e.type === 'deliver') {
    const c = rt.consumers[e.consumerTag];
    if (!c) return;
    c.received++;
    if (e.redelivered) c.redelivered++;
  } else if (e.type === 'confirm' || e.type === 'return') {
    const line = rt.publishes[`${e.conn}:${e.ch}:${e.exchange}`];
    if (line) line[e.type === 'return' ? 'returned' : e.ack ? 'confirmed' : 'nacked']++;
  }
}

/** Without a turn source (a world run where programs cannot run), a program stops at once, saying why. */
const UNAVAILABLE: TurnOutput = {
  requests: [],
  timersSet: [],
  timersCleared: [],
  out: [{ stream: 'err', text: 'Programs cannot run here (no program runner).' }],
  sigint: false,
  exit: { kind: 'crash', code: 1, limit: 'worker', error: { message: 'Programs cannot run here' } },
};
