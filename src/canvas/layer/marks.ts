import { BADGE_FONT, BADGE_H, badgeFont } from './badgeLayout';
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
  /** how much bigger than 12 px text it is drawn (badgeScale of the zoom; 1 when absent) */
  scale?: number;
  /** the message's own token fading out where it ended (a square when it was persistent) */
  dot?: { x: number; y: number; r: number; colour: string; square?: boolean };
}

export function paintMarks(ctx: Ctx2D, marks: readonly MarkDraw[]): void {
  if (marks.length === 0) return;
  let font = BADGE_FONT;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  for (const m of marks) {
    const s = m.scale ?? 1;
    const h = BADGE_H * s;
    const want = badgeFont(s);
    if (want !== font) {
      font = want;
      ctx.font = font;
    }
    ctx.globalAlpha = m.alpha;
    if (m.dot) {
      ctx.fillStyle = m.dot.colour;
      ctx.beginPath();
      if (m.dot.square) ctx.rect(m.dot.x - m.dot.r * 0.9, m.dot.y - m.dot.r * 0.9, m.dot.r * 1.8, m.dot.r * 1.8);
      else ctx.arc(m.dot.x, m.dot.y, m.dot.r, 0, Math.PI * 2);
      ctx.fill();
    }
    // where the badge layout put it (badgeLayout.ts); else right-aligned, never past the canvas's left edge
    const w = m.width ?? ctx.measureText(m.text).width + 10 * s;
    const x = m.width === undefined ? Math.max(2, m.right - w) : m.right - w;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, m.top, w, h);
    ctx.strokeStyle = m.colour;
    ctx.lineWidth = 1.5 * Math.min(2, s);
    ctx.strokeRect(x + 0.5, m.top + 0.5, w - 1, h - 1);
    ctx.fillStyle = m.colour;
    // the text fits the box the layout measured it for (a font the worker lacks is squeezed, not cut)
    ctx.fillText(m.text, x + 5 * s, m.top + h / 2 + 0.5, w - 10 * s);
  }
  ctx.globalAlpha = 1;
}
