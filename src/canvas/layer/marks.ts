import type { Ctx2D } from './paint';

/**
 * Effect badges as the painter receives them: plain data in screen pixels, so that they can be
 * posted to the paint worker.
 */
/** A badge ready to paint, in screen pixels (computed on the main thread, painted wherever the canvas is). */
export interface MarkDraw {
  /** right edge and top of the badge */
  right: number;
  top: number;
  text: string;
  colour: string;
  alpha: number;
  /** the message's own token fading out where it ended (a square when it was persistent) */
  dot?: { x: number; y: number; r: number; colour: string; square?: boolean };
}

export function paintMarks(ctx: Ctx2D, marks: readonly MarkDraw[]): void {
  if (marks.length === 0) return;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const m of marks) {
    ctx.globalAlpha = m.alpha;
    if (m.dot) {
      ctx.fillStyle = m.dot.colour;
      ctx.beginPath();
      if (m.dot.square) ctx.rect(m.dot.x - m.dot.r * 0.9, m.dot.y - m.dot.r * 0.9, m.dot.r * 1.8, m.dot.r * 1.8);
      else ctx.arc(m.dot.x, m.dot.y, m.dot.r, 0, Math.PI * 2);
      ctx.fill();
    }
    const w = ctx.measureText(m.text).width + 10;
    // right-aligned on its node, but never past the canvas's left edge (a long error above a node at
    // the left would lose its start: the glyph and the error code)
    const x = Math.max(2, m.right - w);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, m.top, w, 17);
    ctx.strokeStyle = m.colour;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x + 0.5, m.top + 0.5, w - 1, 16);
    ctx.fillStyle = m.colour;
    ctx.fillText(m.text, x + 5, m.top + 9);
  }
  ctx.globalAlpha = 1;
}
