import type { SimController } from '../../store/simController';
import { useDock } from '../dock/dockStore';

/**
 * After a scenario with programs opens: the Programs tab comes forward, and `fit` runs once the
 * programs have put something on the canvas (what they declare appears only when they run).
 */
export function showPrograms(sim: SimController, fit: () => void): void {
  const dock = useDock.getState();
  dock.show('programs');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = sim.extras.subscribe((s) => {
    if (!s.extras.apps.length) return;
    off();
    clearTimeout(timer);
    requestAnimationFrame(() => requestAnimationFrame(fit));
  });
  timer = setTimeout(off, 10_000);
}
