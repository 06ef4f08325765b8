import { useT } from '../../i18n/useLocale';
import type { HeaderRow, HeaderType } from '../form/bindingDraft';

/** Message headers as rows of name, type and value (a header 1 is not the header "1"). */
export function HeaderRowsEditor({ rows, onChange, invalid }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; invalid?: boolean }) {
  const t = useT();
  const setRow = (i: number, row: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <fieldset className="headers-editor" aria-invalid={invalid ? true : undefined}>
      <legend>{t('composer.headers')}</legend>
      {rows.length === 0 ? <p className="field-hint">{t('composer.noHeaders')}</p> : null}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="header-row" key={i}>
          <input aria-label={t('binding.headerName', { n: i + 1 })} value={row.key} onChange={(e) => setRow(i, { key: e.target.value })} />
          <select
            aria-label={t('binding.headerType', { n: i + 1 })}
            value={row.type}
            onChange={(e) => setRow(i, { type: e.target.value as HeaderType, value: e.target.value === 'boolean' ? 'true' : row.value })}
          >
            <option value="string">{t('binding.typeString')}</option>
            <option value="number">{t('binding.typeNumber')}</option>
            <option value="boolean">{t('binding.typeBoolean')}</option>
          </select>
          {row.type === 'boolean' ? (
            <select aria-label={t('binding.headerValue', { n: i + 1 })} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input aria-label={t('binding.headerValue', { n: i + 1 })} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
          )}
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('binding.removeHeader', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', type: 'string', value: '' }])}>
        {t('binding.addHeader')}
      </button>
    </fieldset>
  );
}
