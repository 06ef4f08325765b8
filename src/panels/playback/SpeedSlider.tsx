import { useId } from 'react';
import { useT } from '../../i18n/useLocale';
import { usePlayback, useSim } from '../../store/useSim';
import { formatSpeed, SPEED_SLIDER_MAX, SPEED_SLIDER_MIN, sliderToSpeed, speedToSlider } from './format';

/** Simulation speed, 0.1× to 100×, on a logarithmic slider (1× in the first third). */
export function SpeedSlider() {
  const t = useT();
  const sim = useSim();
  const id = useId();
  const speed = usePlayback((s) => s.speed);
  const text = formatSpeed(speed);
  return (
    <div className="play-speed">
      <label htmlFor={id}>{t('play.speed')}</label>
      <input
        id={id}
        type="range"
        min={SPEED_SLIDER_MIN}
        max={SPEED_SLIDER_MAX}
        step={0.01}
        value={speedToSlider(speed)}
        aria-valuetext={text}
        onChange={(e) => sim.setSpeed(sliderToSpeed(Number(e.target.value)))}
      />
      <output htmlFor={id} className="play-speed-value">
        {text}
      </output>
    </div>
  );
}
