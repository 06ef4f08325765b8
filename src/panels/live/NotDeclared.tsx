import { useMemo } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Exchange, Queue } from '../../model';
import { whyNotDeclared } from '../../store/queueGone';
import { useLive, usePlayback, useSim } from '../../store/useSim';
import './live.css';

const QUEUE_WHY = { exclusive: 'queue.notDeclaredExclusive', restart: 'queue.notDeclaredTransient', other: 'queue.notDeclaredOther' } as const;

/**
 * In the inspector of a queue or exchange the broker does not have now: why (from the log), and
 * "Declare again", which sends the declare and its bindings as the app that uses it would when it
 * reconnects (an input of the run: a rewind replays it). An exclusive queue comes back with its
 * app (its consumer's Start), since it belongs to that app's connection.
 */
export function NotDeclared(props: { queue: Queue } | { exchange: Exchange }) {
  const t = useT();
  const sim = useSim();
  const isQueue = 'queue' in props;
  const name = isQueue ? props.queue.name : props.exchange.name;
  const declared = useLive((s) => (isQueue ? s.declared[name] === true : s.exchanges[name] === true));
  const epoch = usePlayback((s) => s.epoch);
  const logTick = usePlayback((s) => s.logTick);
  const exclusive = isQueue && props.queue.exclusive;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `epoch` and `logTick` stand for the log changing
  const why = useMemo(() => {
    if (declared) return null;
    if (isQueue) return t(QUEUE_WHY[whyNotDeclared(sim.log, { name, exclusive })]);
    const gone = sim.log.findLast((e) => e.type === 'exchange-deleted' && e.exchange === name);
    return t(gone?.type === 'exchange-deleted' && gone.reason === 'broker-restart' ? 'exchange.notDeclaredTransient' : 'exchange.notDeclaredTitle');
  }, [declared, isQueue, name, exclusive, sim, t, epoch, logTick]);
  if (declared || why === null) return null;
  return (
    <div className="not-declared" role="note">
      <p>
        <strong>{t(isQueue ? 'queue.notDeclared' : 'exchange.notDeclared')}</strong> {why}
      </p>
      {exclusive ? null : (
        <>
          <button type="button" onClick={() => sim.input({ type: 'redeclare', kind: isQueue ? 'queue' : 'exchange', name })}>
            {t('live.redeclare')}
          </button>
          <p className="field-hint">{t(isQueue ? 'live.redeclareQueueHint' : 'live.redeclareExchangeHint')}</p>
        </>
      )}
    </div>
  );
}
