import { useT } from '../../i18n/useLocale';
import type { Consumer } from '../../model';
import { useLive, useSim } from '../../store/useSim';
import { CounterTable } from './CounterTable';

const STATE_KEYS = {
  running: 'live.state.running',
  standby: 'live.state.standby',
  stopped: 'live.state.stopped',
  crashed: 'live.state.crashed',
  error: 'live.state.error',
} as const;

/**
 * A consumer in the running simulation: start, stop (its connection closes cleanly) or crash it
 * (mid-message). Either way the broker requeues what it held unacked, flagged redelivered. Its
 * state says "standby" while a single-active-consumer queue delivers to another consumer.
 */
export function ConsumerControls({ consumer: c, index }: { consumer: Consumer; index: number }) {
  const t = useT();
  const sim = useSim();
  const live = useLive((s) => s.consumers[c.id]);
  const state = live?.state ?? 'stopped';
  const running = state === 'running';
  // subscribed, but the queue's single active consumer is another one: it waits its turn
  const shown = running && live?.standby ? 'standby' : state;
  return (
    <fieldset className="live-controls">
      <legend>{t('live.consumerLegend', { n: index + 1 })}</legend>
      <p className="live-state">
        {t('live.state')}: <strong className={`consumer-state is-${shown}`}>{t(STATE_KEYS[shown])}</strong>
        {live?.busy != null ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => sim.select({ msgId: live.busy! })}>
              {t('live.processing', { id: live.busy })}
            </button>
          </>
        ) : null}
      </p>
      {live?.error ? (
        <p className="field-error live-error">
          {t('live.lastError')}: <span lang="en">{live.error}</span>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" disabled={running} onClick={() => sim.input({ type: 'consumer-start', consumer: c.id })} title={t('live.startTitle')}>
          {t('live.start')}
        </button>
        <button type="button" disabled={!running} onClick={() => sim.input({ type: 'consumer-stop', consumer: c.id })} title={t('live.stopTitle')}>
          {t('live.stop')}
        </button>
        <button type="button" disabled={!running} onClick={() => sim.input({ type: 'consumer-crash', consumer: c.id })} title={t('live.crashTitle')}>
          {t('live.crash')}
        </button>
      </div>
      <CounterTable
        caption={t('live.counters')}
        rows={[
          [t('live.received'), live?.received ?? 0],
          [t('live.acked'), live?.acked ?? 0],
          [t('live.nacked'), live?.nacked ?? 0],
          [t('live.rejected'), live?.rejected ?? 0],
          [t('live.redelivered'), live?.redelivered ?? 0],
          // with auto-ack the broker counts a message as settled once sent: what the client holds is not unacked
          [t(c.noAck ? 'live.holdingAutoAck' : 'live.holding'), live?.holding.length ?? 0],
        ]}
      />
    </fieldset>
  );
}
