import type { World } from '../world';
import type { ProgramExit, ProgramSpec } from './protocol';
import { forgetConnection, sendDown } from './react';
import { hashText, newProgramRt, programIds, type ProgramRt } from './state';

/**
 * Starting and stopping programs: a program is an app of the world from the moment it starts until
 * its process ends; its instances are numbered per file ("worker.js #1", "worker.js #2").
 */

/** `node file args…`, now: the program's first turn runs its main module. Returns the new instance's id. */
export function startProgram(w: World, spec: ProgramSpec): string {
  let n = 1;
  while (w.programs.has(`${spec.file} #${n}`)) n++;
  const pid = `${spec.file} #${n}`;
  // the same pid can be a different run after a rewind: the turn log tells them apart by this key
  const runKey = `${pid}@${w.now}/${w.steps}/${hashText(`${spec.seed}\u0000${spec.args.join('\u0000')}\u0000${spec.source}`)}`;
  const rt = newProgramRt(pid, runKey, spec, w.now);
  w.programs.set(pid, rt);
  w.emit({ type: 'client-state', t: w.now, app: programIds.app(pid), state: 'running' });
  w.schedule(w.now, { kind: 'program', item: { type: 'turn', pid, event: { type: 'start' } } });
  return pid;
}

/**
 * Stop: a program listening for SIGINT gets it (Ctrl+C) and shuts down by itself; otherwise, or with
 * SIGKILL, its process ends at once, as one killed in a terminal: its connections drop without a
 * close, and the broker requeues what they held unacked.
 */
export function stopProgram(w: World, pid: string, signal: 'SIGINT' | 'SIGKILL'): void {
  const rt = w.programs.get(pid);
  if (rt?.state !== 'running') return;
  if (signal === 'SIGINT' && rt.sigint) {
    w.schedule(w.now, { kind: 'program', item: { type: 'turn', pid, event: { type: 'signal', signal: 'SIGINT' } } });
    return;
  }
  endProgram(w, rt, { kind: 'killed', code: signal === 'SIGINT' ? 130 : 137 });
}

/** The process ended: whatever connection it still had drops. */
export function endProgram(w: World, rt: ProgramRt, exit: ProgramExit): void {
  if (rt.state !== 'running') return;
  rt.state = exit.kind === 'exit' ? 'exited' : exit.kind === 'crash' ? 'crashed' : 'killed';
  rt.exit = exit;
  rt.timers = {};
  for (const [key, id] of Object.entries(rt.conns)) {
    if (id === null) continue;
    const conn = Number(key);
    const busyUntil = rt.wireFreeAt[conn] ?? Number.NEGATIVE_INFINITY;
    // what it sent before it died is on the wire and still arrives; the socket closes after it
    if (busyUntil >= w.now) {
      w.schedule(busyUntil, { kind: 'program', item: { type: 'method', pid: rt.pid, req: { op: 'connection.drop', conn } } });
      continue;
    }
    w.broker.connectionClose(id);
    w.collect();
    forgetConnection(w, rt, conn);
  }
  w.turns?.release(rt.runKey);
  const app = programIds.app(rt.pid);
  if (exit.kind === 'crash') {
    const where = exit.error?.line === undefined ? '' : ` (line ${exit.error.line})`;
    w.emit({ type: 'client-error', t: w.now, app, text: `${rt.pid} exited with code ${exit.code}: ${exit.error?.message ?? 'stopped'}${where}` });
  }
  w.emit({ type: 'client-state', t: w.now, app, state: exit.kind === 'crash' ? 'crashed' : 'stopped' });
}

export { sendDown };
