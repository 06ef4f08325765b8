import { useT } from '../../i18n/useLocale';
import type { App } from '../../model';
import { useConnectionLive } from '../../store/liveStagger';
import { useSim } from '../../store/useSim';

/**
 * A connection's heading in the inspector: the app's own count ("Connection 1": the first one the
 * program opens) and, while it is open, the number the broker gave it, which the canvas's cable and
 * the event log show ("TCP connection 3"); the two differ as soon as several apps connect or one
 * reconnects, and a student must be able to tell that they are the same connection.
 */
export function ConnectionLegend({ app, connId, index }: { app: App; connId: string; index: number }) {
  const t = useT();
  const number = useConnectionLive(useSim(), app.id, connId)?.number ?? null;
  return <legend>{number === null ? t('app.connectionClosedNow', { n: index + 1 }) : t('app.connectionOnBroker', { n: index + 1, m: number })}</legend>;
}
