/** Escapes text for a double-quoted HTML attribute: names are user data and may hold markup. */
export function escapeHtmlAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface EmbedOptions {
  /** The iframe's accessible name (screen readers announce it); usually the scenario's title. */
  title: string;
  width?: number;
  height?: number;
}

/**
 * The `<iframe>` snippet for slides and course pages. `url` is an embed link (shareUrl with embed).
 * Sizes are clamped to sane whole pixels, and every attribute is escaped.
 */
export function embedCode(url: string, opts: EmbedOptions): string {
  const px = (n: number | undefined, fallback: number) => (n !== undefined && Number.isFinite(n) ? Math.min(4000, Math.max(200, Math.round(n))) : fallback);
  const attrs = [
    `src="${escapeHtmlAttribute(url)}"`,
    `title="${escapeHtmlAttribute(opts.title)}"`,
    `width="${px(opts.width, 960)}"`,
    `height="${px(opts.height, 540)}"`,
    'style="border:0"',
    'loading="lazy"',
    'allowfullscreen',
  ];
  return `<iframe ${attrs.join(' ')}></iframe>`;
}
