import { memo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useT } from '../../i18n/useLocale';
import { keyColour, keyPattern } from './palette';
import { NACK_COLOUR, REJECT_COLOUR, TICK_COLOUR } from './vector';

/** Keys shown before "+N more": the legend is one line of the bottom strip, it must not grow over the picture. */
export const LEGEND_MAX = 6;

/**
 * The legend of the message layer, one line in the canvas's bottom strip: the routing keys of the
 * messages on screen (travelling, or waiting in a queue's buffer) with their colour, the two shapes
 * of persistent and transient messages, and what the other marks mean (a disclosure that opens
 * upwards). Shown while there is something to explain.
 */
export const Legend = memo(function Legend({ store }: { store: StoreApi<{ keys: string[] }> }) {
  const t = useT();
  const keys = useStore(store, (s) => s.keys);
  if (keys.length === 0) return null;
  const shown = keys.slice(0, LEGEND_MAX);
  const rest = keys.slice(LEGEND_MAX);
  return (
    <section className="layer-legend canvas-overlay" aria-label={t('layer.legend')}>
      <h2 className="sr-only">{t('layer.legend')}</h2>
      <ul className="layer-legend-keys">
        {shown.map((k) => (
          <li key={k}>
            <span className={`legend-swatch legend-key key-pattern-${keyPattern(k)}`} style={{ backgroundColor: keyColour(k) }} aria-hidden="true" />
            {k === '' ? <em>{t('layer.emptyKey')}</em> : <code title={k}>{k}</code>}
          </li>
        ))}
        {rest.length ? (
          <li className="legend-more" title={rest.join(', ')}>
            {t('layer.moreKeys', { n: rest.length })}
          </li>
        ) : null}
      </ul>
      <ul className="layer-legend-marks">
        <li>
          <span className="legend-shape legend-persistent" aria-hidden="true" />
          {t('layer.sym.persistent')}
        </li>
        <li>
          <span className="legend-shape legend-transient" aria-hidden="true" />
          {t('layer.sym.transient')}
        </li>
      </ul>
      <details className="layer-legend-symbols">
        <summary>{t('layer.symbols')}</summary>
        <ul>
          <li>
            <span className="legend-swatch legend-dead-letter" aria-hidden="true" />
            {t('layer.sym.deadLetter')}
          </li>
          <li>
            <span className="legend-swatch legend-returned" aria-hidden="true" />
            {t('layer.sym.returned')}
          </li>
          <li>
            <span className="legend-glyph" style={{ color: TICK_COLOUR }} aria-hidden="true">
              ✓
            </span>
            {t('layer.sym.ack')}
          </li>
          <li>
            <span className="legend-glyph" style={{ color: NACK_COLOUR }} aria-hidden="true">
              ✕
            </span>
            {t('layer.sym.nack')}
          </li>
          <li>
            <span className="legend-glyph" style={{ color: REJECT_COLOUR }} aria-hidden="true">
              ⊘
            </span>
            {t('layer.sym.reject')}
          </li>
        </ul>
      </details>
    </section>
  );
});
