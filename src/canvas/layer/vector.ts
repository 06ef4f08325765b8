import { LOOK } from './looks';
import type { TextDraw } from './lod';
import type { Ctx2D, DrawList } from './paint';

/**
 * The shapes of tokens, drawn with the canvas API: used once per look, colour and size to make
 * the stamps the raster painter copies (raster.ts), and for the few things drawn on top of them
 * every frame (the selected message's rings, the counts of still tokens).
 */
export const TICK_COLOUR = '#1f9d55';
// marks differ by shape too (a nack is a cross, a reject a slashed circle), and stand out on white (≥ 3:1)
export const NACK_COLOUR = '#b85c00';
export const REJECT_COLOUR = '#c0392b';
export const RING_COLOUR = '#1d2330';

/** One token of a look and colour, centred on (x, y), `size` px across. */
export function drawToken(ctx: Ctx2D, look: number, colour: string, x: number, y: number, size: number): void {
  const h = size / 2;
  const dot = (r: number, fill: string) => {
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  };
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(1.5, size / 4);
  // a persistent message is a square (rounded a little), a transient one a circle
  const square = (r: number, fill: string) => {
    ctx.fillStyle = fill;
    ctx.beginPath();
    const k = Math.max(0.5, r * 0.25);
    ctx.roundRect(x - r, y - r, 2 * r, 2 * r, k);
    ctx.fill();
  };
  switch (look) {
    case LOOK.message:
      // a thin dark edge: the shape reads on any background and any key colour
      dot(h + 0.75, 'rgba(29,35,48,.55)');
      dot(h - 0.25, colour);
      return;
    case LOOK.messagePersistent:
      square(h * 0.9 + 0.75, 'rgba(29,35,48,.55)');
      square(h * 0.9 - 0.25, colour);
      return;
    case LOOK.deadLetter:
      // a dark ring: on its way to a dead-letter exchange
      dot(h + 1.5, RING_COLOUR);
      dot(h - 0.5, colour);
      return;
    case LOOK.deadLetterPersistent:
      square(h * 0.9 + 1.5, RING_COLOUR);
      square(h * 0.9 - 0.5, colour);
      return;
    case LOOK.returned:
      // hollow: bouncing back to its publisher
      dot(h + 1.5, colour);
      dot(Math.max(1, h - 1), '#ffffff');
      return;
    case LOOK.returnedPersistent:
      square(h * 0.9 + 1.5, colour);
      square(Math.max(1, h * 0.9 - 1), '#ffffff');
      return;
    case LOOK.chip:
      ctx.fillStyle = RING_COLOUR;
      ctx.fillRect(Math.round(x - h) - 1, Math.round(y - h) - 1, Math.round(size) + 2, Math.round(size) + 2);
      ctx.fillStyle = colour;
      ctx.fillRect(Math.round(x - h), Math.round(y - h), Math.round(size), Math.round(size));
      return;
    case LOOK.chipTransient:
      dot(h + 1, RING_COLOUR);
      dot(h, colour);
      return;
    case LOOK.ack:
    case LOOK.confirm: {
      const k = look === LOOK.confirm ? h * 0.8 : h;
      ctx.strokeStyle = TICK_COLOUR;
      ctx.beginPath();
      ctx.moveTo(x - k, y);
      ctx.lineTo(x - k / 3, y + k * 0.7);
      ctx.lineTo(x + k, y - k * 0.8);
      ctx.stroke();
      return;
    }
    case LOOK.reject: {
      // a slashed circle: refused for good (basic.reject), unlike a nack's cross
      const r = h * 0.85;
      ctx.strokeStyle = REJECT_COLOUR;
      ctx.lineWidth = Math.max(1.5, size / 5);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.moveTo(x - r * 0.7, y + r * 0.7);
      ctx.lineTo(x + r * 0.7, y - r * 0.7);
      ctx.stroke();
      return;
    }
    default: {
      const k = look === LOOK.confirmNack ? h * 0.75 : h * 0.9;
      ctx.strokeStyle = look === LOOK.nack ? NACK_COLOUR : REJECT_COLOUR;
      ctx.beginPath();
      ctx.moveTo(x - k, y - k);
      ctx.lineTo(x + k, y + k);
      ctx.moveTo(x + k, y - k);
      ctx.lineTo(x - k, y + k);
      ctx.stroke();
    }
  }
}

/** Rings around the tokens of the selected message, and the counts of still tokens (reduced motion). */
export function drawOverlay(ctx: Ctx2D, f: DrawList, size: number): void {
  if (f.selected.length) {
    ctx.strokeStyle = RING_COLOUR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let k = 0; k < f.selected.length; k++) {
      const i = f.selected[k]!;
      ctx.moveTo(f.x[i]! + size, f.y[i]!);
      ctx.arc(f.x[i]!, f.y[i]!, size, 0, Math.PI * 2);
    }
    ctx.stroke();
  }
  let labelled = false;
  for (let i = 0; i < f.n; i++) {
    if (f.count[i]! <= 1) continue;
    if (!labelled) {
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = RING_COLOUR;
      labelled = true;
    }
    ctx.fillText(`×${f.count[i]}`, f.x[i]! + size, f.y[i]! - size);
  }
}

/** Centred texts with a white halo, readable over lines and nodes (the zoomed-out node figures). */
export function drawTexts(ctx: Ctx2D, texts: readonly TextDraw[]): void {
  if (texts.length === 0) return;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,.9)';
  let font = '';
  for (const t of texts) {
    const f = `700 ${t.px}px system-ui, sans-serif`;
    if (f !== font) ctx.font = font = f;
    ctx.strokeText(t.text, t.x, t.y);
    ctx.fillStyle = t.colour;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.textAlign = 'start';
}
