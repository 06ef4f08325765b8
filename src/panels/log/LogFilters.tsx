import { useId } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { EventGroup } from '../../store/eventLog';
import { useEditor } from '../../store/useEditor';
import type { Names } from '../clientNames';
import { ALL_GROUPS, isFiltered } from './filter';
import { useLogView } from './logViewStore';

const GROUP_KEYS: Record<EventGroup, MessageKey> = {
  publish: 'log.group.publish',
  queue: 'log.group.queue',
  consume: 'log.group.consume',
  topology: 'log.group.topology',
  connection: 'log.group.connection',
  error: 'log.group.error',
};

/** Filters of the event log: event groups, one queue, one consumer, one message, free text. */
export function LogFilters({ names }: { names: Names }) {
  const t = useT();
  const id = useId();
  const filter = useLogView((s) => s.filter);
  const setFilter = useLogView((s) => s.setFilter);
  const clear = useLogView((s) => s.clear);
  const queues = useEditor((s) => s.doc.queues);
  const apps = useEditor((s) => s.doc.apps);
  const consumers = apps.flatMap((a) => a.consumers.map((c) => c.id));
  const toggle = (g: EventGroup, on: boolean) => setFilter({ groups: on ? ALL_GROUPS.filter((x) => x === g || filter.groups.includes(x)) : filter.groups.filter((x) => x !== g) });
  return (
    <div className="log-filters">
      <fieldset className="log-groups">
        <legend>{t('log.groups')}</legend>
        {ALL_GROUPS.map((g) => (
          <label key={g} className={`log-group is-${g}`}>
            <input type="checkbox" checked={filter.groups.includes(g)} onChange={(e) => toggle(g, e.target.checked)} />
            {t(GROUP_KEYS[g])}
          </label>
        ))}
      </fieldset>
      <div className="log-filter">
        <label htmlFor={`${id}-queue`}>{t('log.filterQueue')}</label>
        <select id={`${id}-queue`} value={filter.queue} onChange={(e) => setFilter({ queue: e.target.value })}>
          <option value="">{t('log.any')}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.name}>
              {q.name}
            </option>
          ))}
        </select>
      </div>
      <div className="log-filter">
        <label htmlFor={`${id}-consumer`}>{t('log.filterConsumer')}</label>
        <select id={`${id}-consumer`} value={filter.consumer} onChange={(e) => setFilter({ consumer: e.target.value })}>
          <option value="">{t('log.any')}</option>
          {consumers.map((c) => (
            <option key={c} value={c}>
              {names.consumer(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="log-filter">
        <label htmlFor={`${id}-msg`}>{t('log.filterMessage')}</label>
        <input id={`${id}-msg`} type="text" size={6} placeholder="m42" value={filter.message} onChange={(e) => setFilter({ message: e.target.value })} />
      </div>
      <div className="log-filter log-filter-text">
        <label htmlFor={`${id}-text`}>{t('log.filterText')}</label>
        <input id={`${id}-text`} type="search" value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} />
      </div>
      <button type="button" onClick={clear} disabled={!isFiltered(filter)}>
        {t('log.clearFilters')}
      </button>
    </div>
  );
}
