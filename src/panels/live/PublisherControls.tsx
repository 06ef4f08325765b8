import { simReason } from '../simReason';
import { useId, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Publisher } from '../../model';
import { useLive, useSim } from '../../store/useSim';
import { Composer } from './Composer';
import { type ComposerDraft, type ComposerError, draftToOverrides, nextRoutingKey } from './composerDraft';
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
  // only what the person changed: the rest is the publisher's template as it is now
  const [draft, setDraft] = useState<ComposerDraft>({});
  const [error, setError] = useState<ComposerError | null>(null);
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<{ seq: number; key: string } | { seq: number; failed: string } | null>(null);
  const ownKey = draft.routingKey !== undefined && draft.routingKey !== '' ? draft.routingKey : null;
  const publish = () => {
    const r = draftToOverrides(draft);
    if ('error' in r) {
      setError(r.error);
      setOpen(true);
      return;
    }
    setError(null);
    // what was actually sent (the key it took from its list, or the composer's own)
    const events = sim.input({ type: 'publish', publisher: p.id, overrides: r.overrides });
    for (const e of events) {
      if (e.type === 'publish-sent' && e.publisher === p.id) setLast({ seq: e.seq, key: e.routingKey });
      else if (e.type === 'publish-failed' && e.publisher === p.id) setLast({ seq: e.seq, failed: e.reason });
    }
  };
  return (
    <fieldset className="live-controls">
      <legend>{t('live.publisherLegend', { n: index + 1 })}</legend>
      <div className="button-row">
        <button type="submit" form={formId} className="primary" title={t('live.publishTitle')}>
          {ownKey === null ? t('live.publish') : t('live.publishWithKey', { key: ownKey })}
        </button>
        <button type="button" onClick={() => sim.input({ type: 'burst', publisher: p.id, count: p.burstCount })} title={t('live.burstTitle', { n: p.burstCount })}>
          {t('live.burst')}
        </button>
      </div>
      {last ? (
        <p className="live-status" role="status">
          {'key' in last ? t('live.published', { n: last.seq, key: last.key }) : t('live.publishFailedNow', { n: last.seq, reason: simReason(last.failed, t) })}{' '}
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
          nextKey={nextRoutingKey(p, live?.keyIndex ?? 0)}
          onChange={setDraft}
          error={error}
          onSubmit={publish}
          onResetDraft={() => {
            setDraft({});
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
