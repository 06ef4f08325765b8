import { MAX_SPEED, MIN_SPEED } from '../../store/simController';

/**
 * Virtual time as mm:ss.mmm (minutes keep counting past 59: a simulation rarely runs for hours,
 * and "75:00.000" reads better than a third field that is almost always zero).
 */
export function formatTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/**
 * The speed slider is logarithmic: its position is log10(speed), so 0.1×, 1×, 10× and 100× are
 * evenly spaced and 1× sits at one third. Speeds are rounded to two significant digits so that
 * the value shown is the value used.
 */
export const SPEED_SLIDER_MIN = Math.log10(MIN_SPEED);
export const SPEED_SLIDER_MAX = Math.log10(MAX_SPEED);

export function speedToSlider(speed: number): number {
  return Math.log10(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)));
}

export function sliderToSpeed(position: number): number {
  const raw = 10 ** Math.min(SPEED_SLIDER_MAX, Math.max(SPEED_SLIDER_MIN, position));
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number(raw.toPrecision(2))));
}

/** "0.25×", "1×", "2.5×", "40×" */
export function formatSpeed(speed: number): string {
  return `${Number(speed.toPrecision(2))}×`;
}

/** A rate for people: one decimal below 10 msg/s, whole numbers above. */
export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}
