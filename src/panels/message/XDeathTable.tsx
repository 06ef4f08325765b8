import { type FieldValue, plain } from '../../engine';
import { useT } from '../../i18n/useLocale';
import { formatValue } from './formatValue';

const COLUMNS = ['count', 'reason', 'queue', 'exchange', 'routing-keys', 'time', 'original-expiration'] as const;

/**
 * The x-death header as RabbitMQ writes it (one entry per queue and reason, most recent first)
 * shown as a table: how many times, why, from which queue, published to which exchange with
 * which keys, and when.
 */
export function XDeathTable({ value }: { value: FieldValue }) {
  const t = useT();
  const rows = Array.isArray(value) ? value.map((v) => plain(v)).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
  if (rows.length === 0) return <code>{formatValue(value)}</code>;
  return (
    <table className="xdeath-table">
      <caption>{t('msg.xDeathCaption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: x-death entries are identified by their place (most recent first)
          <tr key={i}>
            {COLUMNS.map((c) => (
              <td key={c}>{c === 'time' && typeof r[c] === 'number' ? `${r[c]} s` : r[c] === undefined ? '—' : formatValue(r[c] as FieldValue)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
