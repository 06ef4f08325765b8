import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/useLocale';
import type { TurnLog } from '../../programs/host/turnLog';
import { formatTime } from '../playback/format';
import type { InstanceView } from './useInstances';

const SHOWN = 500;

/** What a program printed (stdout, stderr in red), each line with the virtual time it was printed at. */
export function ProgramConsole({ instance, log }: { instance: InstanceView | null; log: TurnLog | null }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new turn is what changes the output
  const lines = useMemo(() => (instance && log ? log.output(instance.runKey, instance.turn) : []), [instance?.runKey, instance?.turn, log]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are what scrolls the console down
  useEffect(() => {
    // the newest line in view (the console only: never the page around it)
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines]);
  // the newest lines only: a program printing thousands would cost the page more than it shows
  const shown = lines.length > SHOWN ? lines.slice(-SHOWN) : lines;
  const label = instance ? t('programs.console', { pid: instance.pid }) : t('programs.consoleNone');
  return (
    <section className="program-console" aria-label={label}>
      <h3 className="programs-heading">{label}</h3>
      <div className="program-console-lines" role="log" aria-label={label} ref={box}>
        {instance && lines.length === 0 ? <p className="programs-empty">{t('programs.consoleEmpty')}</p> : null}
        {lines.length > SHOWN ? <p className="programs-empty">{t('programs.consoleEarlier', { n: lines.length - SHOWN })}</p> : null}
        {shown.map((l, i) => (
          // lines never change once printed: their index is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i} className={`console-line is-${l.stream}`}>
            <span className="console-time">{formatTime(l.t)}</span>
            <pre>{l.text}</pre>
          </div>
        ))}
      </div>
    </section>
  );
}
