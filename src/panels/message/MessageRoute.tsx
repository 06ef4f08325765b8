import { useT } from '../../i18n/useLocale';
import type { WorldEvent } from '../../sim';
import type { MessageStory } from '../../store/messageStory';
import { severity } from '../log/sentence';
import { formatTime } from '../playback/format';

/**
 * The message's route so far: the log events of the message and of its dead-letter lineage,
 * in order (published → routed → enqueued → delivered → acked / nacked / requeued / expired /
 * dead-lettered …).
 */
export function MessageRoute({ story, text }: { story: MessageStory; text: (e: WorldEvent) => string }) {
  const t = useT();
  return (
    <>
      <h4>{t('msg.route')}</h4>
      {story.truncated ? <p className="field-hint">{t('msg.routeTruncated')}</p> : null}
      {story.route.length === 0 ? (
        <p className="field-hint">{t('msg.noRoute')}</p>
      ) : (
        <ol className="msg-route" aria-label={t('msg.route')}>
          {story.route.map(({ seq, e }) => (
            <li key={seq} className={`is-${severity(e)}`}>
              <span className="log-time">{formatTime(e.t)}</span> {text(e)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
