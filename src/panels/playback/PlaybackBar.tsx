import { useT } from '../../i18n/useLocale';
import { usePlayback, useSim } from '../../store/useSim';
import { BrokerMenu } from './BrokerMenu';
import './playback.css';
import { formatTime } from './format';
import { SkipAhead } from './SkipAhead';
import { SpeedSlider } from './SpeedSlider';
import { TimelineSlider } from './TimelineSlider';
import { usePlaybackKeys } from './usePlaybackKeys';

/** Virtual time, re-rendered alone on every frame (the rest of the bar does not move). */
function TimeDisplay() {
  const t = useT();
  const time = usePlayback((s) => s.time);
  return (
    <div className="play-time" role="timer" aria-label={t('play.time')} title={t('play.timeTitle')}>
      {formatTime(time)}
    </div>
  );
}

/** While a shared run catches up (a frame's work at a time): what is happening, and how far it got. */
function CatchUpStatus() {
  const t = useT();
  const target = usePlayback((s) => s.catchUpTo);
  const time = usePlayback((s) => s.time);
  return (
    <div className="play-catchup" role="status">
      {target === null ? null : (
        <>
          {t('play.catchingUp')} <progress max={target} value={time} aria-label={t('play.catchingUp')} />
        </>
      )}
    </div>
  );
}

/**
 * Playback of the simulation: play / pause (Space), step to the next event (→), reset, virtual
 * time, the timeline to scrub back and forth, the speed, skipping ahead, and the broker's own controls (left out
 * by the embedded player, where the hop latency, an edit of the scenario, is not offered).
 */
export function PlaybackBar({ brokerMenu = true }: { brokerMenu?: boolean }) {
  const t = useT();
  const sim = useSim();
  const playing = usePlayback((s) => s.playing);
  usePlaybackKeys(sim);
  return (
    <div className="playback-bar" role="toolbar" aria-label={t('play.toolbar')}>
      <button type="button" className="play-toggle" onClick={() => sim.toggle()} aria-keyshortcuts="Space" title={t(playing ? 'play.pauseTitle' : 'play.playTitle')}>
        <svg aria-hidden="true" className="play-icon" viewBox="0 0 10 10" width="10" height="10">
          {playing ? (
            <>
              <rect x="1.5" y="1" width="2.5" height="8" />
              <rect x="6" y="1" width="2.5" height="8" />
            </>
          ) : (
            <path d="M2 1 L9 5 L2 9 Z" />
          )}
        </svg>
        {/* both words share one grid cell, the other one hidden: the button is as wide as the longer
            ("Reproducir" / "Pausa"), so pressing it does not move (or wrap) the rest of the header */}
        <span className="play-labels">
          <span>{playing ? t('play.pause') : t('play.play')}</span>
          <span className="play-label-spare" aria-hidden="true">
            {playing ? t('play.play') : t('play.pause')}
          </span>
        </span>
      </button>
      <button type="button" onClick={() => sim.step()} aria-keyshortcuts="ArrowRight" title={t('play.stepTitle')}>
        {t('play.step')}
      </button>
      <button type="button" onClick={() => sim.reset()} title={t('play.resetTitle')}>
        {t('play.reset')}
      </button>
      <TimeDisplay />
      <SkipAhead />
      <CatchUpStatus />
      <TimelineSlider />
      <SpeedSlider />
      {brokerMenu ? <BrokerMenu /> : null}
    </div>
  );
}
