import { useId, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Publisher } from '../../model';
import { useLive, useSim } from '../../store/useSim';
import { Composer } from './Composer';
import { type ComposerError, draftFromPublisher, draftToOverrides } from './composerDraft';
import { CounterTable } from './CounterTable';
import './live.css';

/**
 * A publisher in the running simulation: publish one message now (as composed), send a burst,
 * and its live counters. Each action is an input of the run, recorded so a rewind replays it.
 */
export function PublisherControls({ publisher: p, index }: { publisher: Publisher; index: number }) {
  const t = useT();
  const sim = useSim();
  const formId = useId();
  const live = useLive((s) => s.publishers[p.id]);
  const [draft, setDraft] = useState(() => draftFromPublisher(p));
  const [error, setError] = useState<ComposerError | null>(null);
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<{ seq: number; key: string } | null>(null);
  const publish = () => {
    const r = draftToOverrides(draft);
    if ('error' in r) {
      setError(r.error);
      setOpen(true);
      return;
    }
    setError(null);
    sim.input({ type: 'publish', publisher: p.id, overrides: r.overrides });
    const seq = sim.world.publishers.get(p.id)?.sent;
    if (seq !== undefined) setLast({ seq, key: draft.routingKey });
  };
  return (
    <fieldset className="live-controls">
      <legend>{t('live.publisherLegend', { n: index + 1 })}</legend>
      <div className="button-row">
        <button type="submit" form={formId} className="primary" title={t('live.publishTitle')}>
          {t('live.publish')}
        </button>
        <button type="button" onClick={() => sim.input({ type: 'burst', publisher: p.id, count: p.burstCount })} title={t('live.burstTitle', { n: p.burstCount })}>
          {t('live.burst')}
        </button>
      </div>
      {last ? (
        <p className="live-status" role="status">
          {t('live.published', { n: last.seq, key: last.key })}{' '}
          <button type="button" className="link-button" onClick={() => sim.select({ publisher: p.id, seq: last.seq })}>
            {t('live.inspect', { n: last.seq })}
          </button>
        </p>
      ) : null}
      <details className="composer-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('composer.label')}</summary>
        <Composer
          formId={formId}
          publisher={p}
          draft={draft}
          onChange={setDraft}
          error={error}
          onSubmit={publish}
          onResetDraft={() => {
            setDraft(draftFromPublisher(p));
            setError(null);
          }}
        />
      </details>
      <CounterTable
        caption={t('live.counters')}
        rows={[
          [t('live.sent'), live?.sent ?? 0],
          [t('live.routed'), live?.routed ?? 0],
          [t('live.unroutable'), live?.unroutable ?? 0],
          [t('live.confirmed'), live?.confirmed ?? 0],
          [t('live.nacked'), live?.nacked ?? 0],
          [t('live.returned'), live?.returned ?? 0],
          [t('live.failed'), live?.failed ?? 0],
        ]}
      />
    </fieldset>
  );
}
