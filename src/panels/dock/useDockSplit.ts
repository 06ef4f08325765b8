import { type CSSProperties, type KeyboardEvent, type PointerEvent, type RefObject, useRef, useState } from 'react';
import { DOCK_SIZE_RANGE, useDock } from './dockStore';

/** The canvas never gets less than this height, an open dock never less than this (less folds it). */
const CANVAS_MIN_REM = 10;
const DOCK_MIN_REM = 8;
/** One arrow key press moves the splitter by this share of the column (%). */
const KEY_STEP = 5;

/** What the splitter looks like now (dock.css styles it by its data-separator attribute). */
export type SplitterState = 'inactive' | 'hover' | 'active' | 'focus';

/**
 * The splitter between the canvas and the dock under it (the WAI-ARIA window splitter pattern),
 * tied to the dock store: dragged, or focused and moved with the arrow keys (Home: the dock at its
 * tallest; End: folded); dragging the dock below half its smallest height folds it, and up from
 * folded opens it. A height set by the splitter is remembered once the drag or the key press is
 * over; a drag that ends folded keeps the height it started from, for the dock's next opening.
 * Present mode gives the canvas the dock's room too, without touching the person's choice.
 * Sizes are shares of the column, so the split keeps its proportions when the window is resized.
 * (Hand-written rather than a library: the library that did this was 15 kB of the first load's
 * JavaScript, gzipped, for this one splitter.)
 */
export function useDockSplit(column: RefObject<HTMLElement | null>, presenting: boolean) {
  const open = useDock((s) => s.open) && !presenting;
  const size = useDock((s) => s.size);
  const [pointer, setPointer] = useState<'inactive' | 'hover' | 'active'>('inactive');
  const [focused, setFocused] = useState(false);
  const drag = useRef<{ startSize: number } | null>(null);

  /** The dock's smallest and largest open height, in % of the column. */
  const limits = () => {
    const h = column.current?.clientHeight ?? 0;
    if (!h) return { min: DOCK_SIZE_RANGE.min, max: DOCK_SIZE_RANGE.max };
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const min = Math.max(DOCK_SIZE_RANGE.min, ((DOCK_MIN_REM * rem) / h) * 100);
    const max = Math.min(DOCK_SIZE_RANGE.max, 100 - ((CANVAS_MIN_REM * rem) / h) * 100);
    return { min, max: Math.max(min, max) };
  };

  /** The dock at `pct` % of the column: folded below its smallest height, else open at `pct` (within limits). */
  const moveTo = (pct: number, remember: boolean) => {
    const dock = useDock.getState();
    const { min, max } = limits();
    if (pct < min) {
      if (dock.open) dock.setOpen(false);
      return;
    }
    if (!dock.open) dock.setOpen(true);
    dock.setSize(Math.min(max, pct), remember);
  };

  const endDrag = () => {
    const started = drag.current;
    if (!started) return;
    drag.current = null;
    setPointer('hover');
    const dock = useDock.getState();
    if (dock.open) dock.setSize(dock.size, true);
    else dock.setSize(started.startSize);
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0 || presenting) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startSize: useDock.getState().size };
    setPointer('active');
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const el = column.current;
    if (!drag.current || !el) return;
    const box = el.getBoundingClientRect();
    const room = box.height - e.currentTarget.offsetHeight;
    if (room <= 0) return;
    const pct = ((box.bottom - e.clientY - e.currentTarget.offsetHeight / 2) / room) * 100;
    // below half the smallest height it folds; between that and the smallest, it stays at the smallest
    const { min } = limits();
    moveTo(pct < min / 2 ? 0 : Math.max(min, pct), false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const dock = useDock.getState();
    const now = dock.open ? dock.size : 0;
    const { min, max } = limits();
    let next: number;
    if (e.key === 'ArrowUp') next = dock.open ? now + KEY_STEP : min;
    else if (e.key === 'ArrowDown') next = now - KEY_STEP;
    else if (e.key === 'Home') next = max;
    else if (e.key === 'End') next = 0;
    else if (e.key === 'Enter') {
      dock.setOpen(!dock.open); // opens at the remembered height
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    moveTo(next, true);
  };

  const { max } = limits();
  const dockShare = open ? size : 0;
  const splitter = {
    // the splitter's value (aria-valuenow) is the canvas's share of the column: the pane before it
    value: { now: Math.round(100 - dockShare), min: Math.round(100 - max), max: 100 },
    'data-separator': (pointer === 'active' ? 'active' : focused ? 'focus' : pointer) satisfies SplitterState,
    style: { touchAction: 'none' } satisfies CSSProperties,
    onPointerDown,
    onPointerMove,
    onPointerUp: endDrag,
    onLostPointerCapture: endDrag,
    onPointerEnter: () => setPointer((p) => (p === 'active' ? p : 'hover')),
    onPointerLeave: () => setPointer((p) => (p === 'active' ? p : 'inactive')),
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    onKeyDown,
  } as const;
  // flex shares of the column: the canvas grows into what the dock leaves (at least CANVAS_MIN_REM)
  const canvasStyle: CSSProperties = { flex: `${100 - dockShare} 1 0px`, minHeight: `${CANVAS_MIN_REM}rem`, overflow: 'hidden' };
  const dockStyle: CSSProperties = open
    ? { flex: `${dockShare} 1 0px`, minHeight: `${DOCK_MIN_REM}rem`, overflow: 'hidden' }
    : { flex: '0 0 0px', minHeight: 0, overflow: 'visible' };
  return { splitter, canvasStyle, dockStyle };
}
