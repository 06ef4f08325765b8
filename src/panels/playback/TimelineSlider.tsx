import { type KeyboardEvent, useId, useRef } from 'react';
import { useT } from '../../i18n/useLocale';
import { usePlayback, useSim } from '../../store/useSim';
import { formatTime } from './format';

/**
 * The recorded run from 0 to its furthest point: dragging seeks back and forth. Going back
 * restores a checkpoint and replays the recorded inputs (the world is deterministic, so it is
 * the same run). Playback pauses while the thumb is held and resumes when it is let go.
 */
export function TimelineSlider() {
  const t = useT();
  const sim = useSim();
  const id = useId();
  const time = usePlayback((s) => s.time);
  const horizon = usePlayback((s) => s.horizon);
  const resume = useRef(false);
  const hold = () => {
    if (sim.ui.getState().playing) {
      resume.current = true;
      sim.pause();
    }
  };
  const release = () => {
    if (resume.current) sim.play();
    resume.current = false;
  };
  // arrow keys move by 1% of the run (a millisecond per press would be useless), PageUp/PageDown by 10%
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const small = Math.max(10, horizon / 100);
    const moves: Record<string, number> = { ArrowLeft: -small, ArrowDown: -small, ArrowRight: small, ArrowUp: small, PageDown: -10 * small, PageUp: 10 * small, Home: -Infinity, End: Infinity };
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    sim.seek(Math.min(horizon, Math.max(0, time + d)));
  };
  return (
    <div className="play-timeline">
      <label htmlFor={id}>{t('play.timeline')}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(horizon, 0)}
        step={1}
        value={Math.min(time, horizon)}
        disabled={horizon <= 0}
        aria-valuetext={t('play.timelineValue', { time: formatTime(time), end: formatTime(horizon) })}
        title={t('play.timelineTitle')}
        onPointerDown={hold}
        onPointerUp={release}
        onPointerCancel={release}
        onBlur={release}
        onKeyDown={onKeyDown}
        onChange={(e) => sim.seek(Number(e.target.value))}
      />
      <span className="play-horizon" aria-hidden="true">
        {formatTime(horizon)}
      </span>
    </div>
  );
}
