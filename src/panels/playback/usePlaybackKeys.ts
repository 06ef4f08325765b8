import { useEffect } from 'react';
import type { SimController } from '../../store/simController';
import { aDialogIsOpen } from '../dialogOpen';

/**
 * Controls where Space or an arrow key already means something: typing, choosing, pressing a
 * focused button, moving a selected node on the canvas, switching tabs. There the key keeps its
 * meaning and playback is left alone.
 */
// (a range input is not among them: Space means nothing to a slider, and would scroll the page)
const KEEPS_SPACE = 'input:not([type="range"]), textarea, select, button, a[href], summary, [contenteditable=""], [contenteditable="true"], [role="button"], [role="tab"], [role="option"], [role="slider"], [role="checkbox"], [role="switch"], [role="menuitem"], .react-flow__node, .react-flow__edge';
const KEEPS_ARROWS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="tab"], [role="tablist"], [role="listbox"], [role="option"], [role="menu"], .react-flow__node, .react-flow__edge';

function keeps(target: EventTarget | null, selector: string): boolean {
  return target instanceof Element && target.closest(selector) !== null;
}

/** Space plays or pauses, → steps to the next event (as in media players and debuggers). */
export function usePlaybackKeys(sim: SimController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      // a dialog open over the page owns the keyboard
      if (aDialogIsOpen()) return;
      if (e.key === ' ' && !e.shiftKey && !keeps(e.target, KEEPS_SPACE)) {
        e.preventDefault();
        sim.toggle();
      } else if (e.key === 'ArrowRight' && !e.shiftKey && !keeps(e.target, KEEPS_ARROWS)) {
        e.preventDefault();
        sim.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sim]);
}
