import { useT } from '../../i18n/useLocale';
import { formatTime } from '../playback/format';
import { SpeedSlider } from '../playback/SpeedSlider';
import { TimelineSlider } from '../playback/TimelineSlider';
import { usePlaybackKeys } from '../playback/usePlaybackKeys';
import { usePlayback, useSim } from '../../store/useSim';

function TimeDisplay() {
  const t = useT();
  const time = usePlayback((s) => s.time);
  return (
    <div className="play-time" role="timer" aria-label={t('play.time')} title={t('play.timeTitle')}>
      {formatTime(time)}
    </div>
  );
}

/**
 * The player's playback: the playback bar's controls (play / pause with Space, step with →, reset,
 * time, timeline, speed) without the broker menu, whose hop latency is an edit of the scenario.
 */
export function PlayerControls() {
  const t = useT();
  const sim = useSim();
  const playing = usePlayback((s) => s.playing);
  usePlaybackKeys(sim);
  return (
    <div className="playback-bar" role="toolbar" aria-label={t('play.toolbar')}>
      <button type="button" className="play-toggle" onClick={() => sim.toggle()} aria-keyshortcuts="Space" title={t(playing ? 'play.pauseTitle' : 'play.playTitle')}>
        <span aria-hidden="true" className="play-icon">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? t('play.pause') : t('play.play')}
      </button>
      <button type="button" onClick={() => sim.step()} aria-keyshortcuts="ArrowRight" title={t('play.stepTitle')}>
        {t('play.step')}
      </button>
      <button type="button" onClick={() => sim.reset()} title={t('play.resetTitle')}>
        {t('play.reset')}
      </button>
      <TimeDisplay />
      <TimelineSlider />
      <SpeedSlider />
    </div>
  );
}
