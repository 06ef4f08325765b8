import { type DragEvent, useId, useState } from 'react';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/useLocale';
import { EXCHANGE_TYPES, type ExchangeType, type PaletteKind } from '../model';
import { KeyboardHelp } from './KeyboardHelp';

/** MIME type of a palette item being dragged; the value is the kind ("queue", "exchange:topic"). */
export const PALETTE_MIME = 'application/x-warren-palette';

const ITEMS: { kind: PaletteKind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'producer', label: 'palette.producer', hint: 'palette.producerHint' },
  { kind: 'exchange', label: 'palette.exchange', hint: 'palette.exchangeHint' },
  { kind: 'queue', label: 'palette.queue', hint: 'palette.queueHint' },
  { kind: 'consumer', label: 'palette.consumer', hint: 'palette.consumerHint' },
];

/**
 * What can be added: drag an item onto the canvas, or click it / press Enter to add it in the middle
 * of the view. New exchanges get the type chosen beside the Exchange button. One row in the strip
 * over the top of the canvas; the how-to is each button's description.
 */
export function Palette({ onAdd }: { onAdd: (kind: PaletteKind, exchangeType: ExchangeType) => void }) {
  const t = useT();
  const typeId = useId();
  const helpId = useId();
  const [exchangeType, setExchangeType] = useState<ExchangeType>('direct');
  const onDragStart = (kind: PaletteKind) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, kind === 'exchange' ? `${kind}:${exchangeType}` : kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <h2 className="sr-only">{t('palette.title')}</h2>
      {ITEMS.map((item) => (
        <div className="palette-item" key={item.kind}>
          <button
            type="button"
            className={`palette-button palette-${item.kind}`}
            draggable
            onDragStart={onDragStart(item.kind)}
            onClick={() => onAdd(item.kind, exchangeType)}
            title={t(item.hint)}
            aria-describedby={helpId}
          >
            <span className="palette-plus" aria-hidden="true">
              +
            </span>
            {t(item.label)}
          </button>
          {item.kind === 'exchange' ? (
            <div className="palette-exchange-type">
              <label htmlFor={typeId} className="sr-only">
                {t('palette.exchangeType')}
              </label>
              <select id={typeId} value={exchangeType} title={t('palette.exchangeType')} onChange={(e) => setExchangeType(e.target.value as ExchangeType)}>
                {EXCHANGE_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      ))}
      <p id={helpId} className="sr-only">
        {t('palette.help')}
      </p>
      <KeyboardHelp />
    </aside>
  );
}
