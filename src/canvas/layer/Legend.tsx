import { Panel } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n/useLocale';
import { NACK_COLOUR, REJECT_COLOUR, TICK_COLOUR } from './vector';
import { keyColour, keyPattern } from './palette';

/** Keys shown before "+N more": the legend must not cover the canvas. */
export const LEGEND_MAX = 10;

/**
 * The legend of the message layer: the routing keys of the messages on screen with their colour,
 * and what the other marks mean. Shown while something travels.
 */
export const Legend = memo(function Legend({ keys }: { keys: string[] }) {
  const t = useT();
  if (keys.length === 0) return null;
  const shown = keys.slice(0, LEGEND_MAX);
  return (
    <Panel position="top-left" className="layer-legend">
      <section aria-label={t('layer.legend')}>
        <h2 className="layer-legend-title">{t('layer.legend')}</h2>
        <ul className="layer-legend-keys">
          {shown.map((k) => (
            <li key={k}>
              <span className={`legend-swatch legend-key key-pattern-${keyPattern(k)}`} style={{ backgroundColor: keyColour(k) }} aria-hidden="true" />
              {k === '' ? <em>{t('layer.emptyKey')}</em> : <code>{k}</code>}
            </li>
          ))}
          {keys.length > LEGEND_MAX ? <li className="legend-more">{t('layer.moreKeys', { n: keys.length - LEGEND_MAX })}</li> : null}
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
              <span className="legend-glyph" style={{ color: TICK_COLOUR }} aria-hidden="true">✓</span>
              {t('layer.sym.ack')}
            </li>
            <li>
              <span className="legend-glyph" style={{ color: NACK_COLOUR }} aria-hidden="true">✕</span>
              {t('layer.sym.nack')}
            </li>
            <li>
              <span className="legend-glyph" style={{ color: REJECT_COLOUR }} aria-hidden="true">⊘</span>
              {t('layer.sym.reject')}
            </li>
          </ul>
        </details>
      </section>
    </Panel>
  );
});
