import type { SimController } from '../../store/simController';
import { useDock } from '../dock/dockStore';

/** How long after a scenario with programs opens the view follows what they put on the canvas (wall ms). */
const FOLLOW_MS = 4000;

/**
 * After a scenario with programs opens: the Programs tab comes forward, and the view fits the picture
 * each time the programs add to it during the first seconds (what they declare appears only as they
 * run, from their Web Workers), then leaves the view to the person.
 */
export function showPrograms(sim: SimController, fit: () => void): void {
  useDock.getState().show('programs');
  let frame = 0;
  const off = sim.extras.subscribe((s, prev) => {
    if (s.extras === prev.extras || !s.extras.apps.length) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => requestAnimationFrame(fit));
  });
  setTimeout(off, FOLLOW_MS);
}
