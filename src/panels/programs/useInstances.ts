import { useRef, useSyncExternalStore } from 'react';
import type { ProgramExit, ProgramState } from '../../sim/programs';
import type { SimController } from '../../store/simController';

/** A program instance as the panel lists it. */
export interface InstanceView {
  pid: string;
  file: string;
  args: string[];
  runKey: string;
  state: ProgramState;
  exit?: ProgramExit;
  /** turns run so far (its console grows with them) */
  turn: number;
  sigint: boolean;
  startedAt: number;
}

const cache = new WeakMap<SimController, { sig: string; list: InstanceView[] }>();

function read(sim: SimController): InstanceView[] {
  const list: InstanceView[] = [];
  for (const p of sim.world.programs.values()) {
    list.push({ pid: p.pid, file: p.spec.file, args: p.spec.args, runKey: p.runKey, state: p.state, exit: p.exit, turn: p.turn, sigint: p.sigint, startedAt: p.startedAt });
  }
  const sig = JSON.stringify(list);
  const hit = cache.get(sim);
  if (hit && hit.sig === sig) return hit.list;
  cache.set(sim, { sig, list });
  return list;
}

/** The program the world is waiting for, when it has waited more than half a second (wall time). */
export function useComputing(sim: SimController): string | null {
  const since = useRef<{ pid: string; at: number } | null>(null);
  return useSyncExternalStore(
    (notify) => sim.onFrame(notify),
    () => {
      const b = sim.world.blocked;
      if (!b) {
        since.current = null;
        return null;
      }
      if (since.current?.pid !== b.pid) since.current = { pid: b.pid, at: performance.now() };
      return performance.now() - since.current.at > 500 ? b.pid : null;
    },
  );
}

/** The world's program instances, refreshed once per animation frame (and after every input). */
export function useInstances(sim: SimController): InstanceView[] {
  return useSyncExternalStore(
    (notify) => {
      const off = sim.onFrame(notify);
      const offUi = sim.ui.subscribe(notify);
      return () => {
        off();
        offUi();
      };
    },
    () => read(sim),
  );
}
