import { useCallback, useMemo } from 'react';
import { useT } from '../../i18n/useLocale';
import type { WorldEvent } from '../../sim';
import { useEditor } from '../../store/useEditor';
import { usePlayback, useSim } from '../../store/useSim';
import { clientNames } from '../clientNames';
import { isolating } from '../Name';
import { useLogVersion } from '../useLogVersion';
import { filterEntries, isFiltered } from './filter';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { useLogView } from './logViewStore';
import { sentence } from './sentence';
import './log.css';

/**
 * The event log: every world event of the run (the last 5000), as sentences in the user's
 * language, filterable, newest at the bottom. A row about a message opens it in the message
 * inspector.
 */
export function EventLogPanel() {
  const t = useT();
  const sim = useSim();
  const version = useLogVersion();
  const doc = useEditor((s) => s.doc);
  const filter = useLogView((s) => s.filter);
  const selected = usePlayback((s) => s.selected);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` says when the log changed
  const entries = useMemo(() => sim.log.entries(), [sim, version]);
  const names = useMemo(() => clientNames(doc, t, entries), [doc, t, entries]);
  // names isolated: a bidi control in a queue name cannot reverse the rest of its line
  const text = useCallback((e: WorldEvent) => sentence(e, isolating(t), names), [t, names]);
  const rows = useMemo(() => filterEntries(entries, filter, text), [entries, filter, text]);
  // the log keeps the last `capacity` events: when full, older ones were let go
  const full = entries.length >= sim.log.capacity;
  return (
    <section className="event-log" aria-label={t('log.label')}>
      <LogFilters names={names} />
      <p className="log-count" aria-live="off">
        {isFiltered(filter) ? t('log.countFiltered', { shown: rows.length, total: entries.length }) : t('log.count', { total: entries.length })}
        {full ? ` ${t('log.older', { n: sim.log.capacity })}` : ''}
      </p>
      {rows.length === 0 ? <p className="log-empty">{entries.length === 0 ? t('log.empty') : t('log.noMatch')}</p> : null}
      <LogList rows={rows} text={text} selected={selected} onSelect={(ref) => sim.select(ref)} />
    </section>
  );
}
