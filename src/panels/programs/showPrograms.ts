import type { SimController } from '../../store/simController';
import { TALL_ENOUGH_PX, useDock } from '../dock/dockStore';
import { followView } from './followView';

/**
 * After a scenario with programs opens: the Programs tab comes forward (on a short screen, a projector
 * or a small laptop, the folded dock only selects it: the canvas keeps its room, and one click on the
 * tab shows the code), and the view fits the picture each time the programs add to it or the canvas
 * changes size (the dock opening), until the person touches the canvas. What the programs declare
 * appears only as they run, from their Web Workers, which on a busy machine can take seconds to start:
 * a fixed follow window measured from the click would leave some of it out of view.
 */
export function showPrograms(sim: SimController, fit: () => void): void {
  const dock = useDock.getState();
  if (dock.open || globalThis.innerHeight >= TALL_ENOUGH_PX) dock.show('programs');
  else useDock.setState({ tab: 'programs' });
  followPrograms(sim, fit);
}

/** Fits the view each time running programs add to the picture, until the person touches the canvas. */
export function followPrograms(sim: SimController, fit: () => void): () => void {
  return followView({
    fitNow: fit,
    onChange: (changed) =>
      sim.extras.subscribe((s, prev) => {
        if (s.extras !== prev.extras && s.extras.apps.length) changed();
      }),
    canvas: globalThis.document?.querySelector<HTMLElement>('.react-flow') ?? null,
  });
}
