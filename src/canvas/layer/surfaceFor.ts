import { createSurface, type Surface } from './surface';

const surfaces = new WeakMap<HTMLCanvasElement, Surface>();

/**
 * The one surface of a canvas element. A canvas hands its control to a worker once only, and
 * React's StrictMode mounts effects twice: so the surface outlives an unmount that is followed
 * by a mount of the same canvas, and is disposed only when the canvas has left the document.
 */
export function surfaceFor(canvas: HTMLCanvasElement): { get(): Surface; release(): void } {
  return {
    get() {
      let s = surfaces.get(canvas);
      if (!s) {
        s = createSurface(canvas);
        surfaces.set(canvas, s);
      }
      return s;
    },
    release() {
      setTimeout(() => {
        const s = surfaces.get(canvas);
        if (s && !canvas.isConnected) {
          s.dispose();
          surfaces.delete(canvas);
        }
      }, 0);
    },
  };
}
