import { BADGE_FONT, BADGE_H } from './badgeLayout';
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
  /** its width, as the badge layout placed it (else measured when painted) */
  width?: number;
  text: string;
  colour: string;
  alpha: number;
  /** the message's own token fading out where it ended (a square when it was persistent) */
  dot?: { x: number; y: number; r: number; colour: string; square?: boolean };
}

export function paintMarks(ctx: Ctx2D, marks: readonly MarkDraw[]): void {
  if (marks.length === 0) return;
  ctx.font = BADGE_FONT;
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
    // where the badge layout put it (badgeLayout.ts); else right-aligned, never past the canvas's left edge
    const w = m.width ?? ctx.measureText(m.text).width + 10;
    const x = m.width === undefined ? Math.max(2, m.right - w) : m.right - w;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, m.top, w, BADGE_H);
    ctx.strokeStyle = m.colour;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x + 0.5, m.top + 0.5, w - 1, BADGE_H - 1);
    ctx.fillStyle = m.colour;
    // the text fits the box the layout measured it for (a font the worker lacks is squeezed, not cut)
    ctx.fillText(m.text, x + 5, m.top + BADGE_H / 2 + 0.5, w - 10);
  }
  ctx.globalAlpha = 1;
}
