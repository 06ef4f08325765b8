/** The longest the view follows what programs draw, if the person never touches the canvas (wall ms). */
export const FOLLOW_MAX_MS = 20_000;

export interface FollowOptions {
  /** Fits the view to the picture. */
  fitNow: () => void;
  /** Calls `changed` whenever the picture gains or loses something; returns the unsubscribe. */
  onChange: (changed: () => void) => () => void;
  /** The canvas: a pointer, wheel or key on it means the person takes the view over; its resizes refit. */
  canvas: HTMLElement | null;
  /** For tests: scheduling (defaults to two animation frames, so React Flow has drawn the new nodes). */
  schedule?: (run: () => void) => () => void;
  setTimer?: (run: () => void, ms: number) => () => void;
}

const twoFrames = (run: () => void) => {
  let inner = 0;
  const outer = requestAnimationFrame(() => (inner = requestAnimationFrame(run)));
  return () => {
    cancelAnimationFrame(outer);
    cancelAnimationFrame(inner);
  };
};

const timer = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

const TAKE_OVER = ['pointerdown', 'wheel', 'keydown'] as const;

/**
 * Keeps the view fitted to a picture that grows by itself (programs declaring what they use), one fit
 * per burst of changes, until the person takes the view over or FOLLOW_MAX_MS pass. Returns the stop.
 */
export function followView({ fitNow, onChange, canvas, schedule = twoFrames, setTimer = timer }: FollowOptions): () => void {
  let cancelFit: (() => void) | null = null;
  const refit = () => {
    cancelFit?.();
    cancelFit = schedule(() => {
      cancelFit = null;
      fitNow();
    });
  };
  const off = onChange(refit);
  let lastSize = '';
  const resize =
    canvas && typeof ResizeObserver !== 'undefined'
      ? new ResizeObserver(([entry]) => {
          const size = `${Math.round(entry!.contentRect.width)}×${Math.round(entry!.contentRect.height)}`;
          if (lastSize && size !== lastSize) refit();
          lastSize = size;
        })
      : null;
  resize?.observe(canvas!);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    off();
    cancelFit?.();
    resize?.disconnect();
    for (const e of TAKE_OVER) canvas?.removeEventListener(e, stop, true);
    cancelTimer();
  };
  for (const e of TAKE_OVER) canvas?.addEventListener(e, stop, true);
  const cancelTimer = setTimer(stop, FOLLOW_MAX_MS);
  return stop;
}
