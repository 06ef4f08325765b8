import { useId } from 'react';
import { useT } from '../../i18n/useLocale';
import type { ExchangeType, XMatch } from '../../model';
import { type BindingDraft, type HeaderRow, type HeaderType, X_MATCH_OPTIONS } from './bindingDraft';

/**
 * The parts of a binding a person writes: the binding key (direct, topic), or x-match and the headers
 * to match (headers). A fanout exchange ignores both, and the form says so.
 */
export function BindingFields({ type, draft, onChange }: { type: ExchangeType; draft: BindingDraft; onChange: (d: BindingDraft) => void }) {
  const t = useT();
  const id = useId();
  const setRow = (i: number, row: Partial<HeaderRow>) => onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) });
  if (type === 'fanout') return <p className="field-hint">{t('binding.fanoutHint')}</p>;
  if (type !== 'headers') {
    return (
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('field.bindingKey')}</label>
        <input id={`${id}-key`} type="text" value={draft.routingKey} onChange={(e) => onChange({ ...draft, routingKey: e.target.value })} aria-describedby={`${id}-hint`} />
        <p className="field-hint" id={`${id}-hint`}>
          {type === 'topic' ? t('binding.topicHint') : t('binding.directHint')}
        </p>
      </div>
    );
  }
  return (
    <fieldset className="headers-editor">
      <legend>{t('binding.headersLegend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-xmatch`}>x-match</label>
        <select id={`${id}-xmatch`} value={draft.xMatch} onChange={(e) => onChange({ ...draft, xMatch: e.target.value as XMatch })}>
          {X_MATCH_OPTIONS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <p className="field-hint">{t('binding.xMatchHint')}</p>
      </div>
      {draft.rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="header-row" key={i}>
          <input aria-label={t('binding.headerName', { n: i + 1 })} value={row.key} onChange={(e) => setRow(i, { key: e.target.value })} />
          <select aria-label={t('binding.headerType', { n: i + 1 })} value={row.type} onChange={(e) => setRow(i, { type: e.target.value as HeaderType, value: e.target.value === 'boolean' ? 'true' : e.target.value === 'json' && row.type !== 'json' ? '[]' : row.value })}>
            <option value="string">{t('binding.typeString')}</option>
            <option value="number">{t('binding.typeNumber')}</option>
            <option value="boolean">{t('binding.typeBoolean')}</option>
            <option value="json">{t('binding.typeJson')}</option>
          </select>
          {row.type === 'boolean' ? (
            <select aria-label={t('binding.headerValue', { n: i + 1 })} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input aria-label={t('binding.headerValue', { n: i + 1 })} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
          )}
          <button type="button" onClick={() => onChange({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}>
            {t('binding.removeHeader', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ ...draft, rows: [...draft.rows, { key: '', type: 'string', value: '' }] })}>
        {t('binding.addHeader')}
      </button>
    </fieldset>
  );
}
