import { describe, expect, it } from 'vitest';
import { formatRate, formatSpeed, formatTime, sliderToSpeed, speedToSlider } from './format';

describe('playback formats', () => {
  it('shows virtual time as mm:ss.mmm', () => {
    expect(formatTime(0)).toBe('00:00.000');
    expect(formatTime(1234)).toBe('00:01.234');
    expect(formatTime(61_005)).toBe('01:01.005');
    expect(formatTime(75 * 60_000)).toBe('75:00.000');
    expect(formatTime(-3)).toBe('00:00.000');
    expect(formatTime(999.6)).toBe('00:01.000');
  });

  it('maps the speed slider logarithmically from 0.1× to 100×', () => {
    expect(sliderToSpeed(-1)).toBe(0.1);
    expect(sliderToSpeed(0)).toBe(1);
    expect(sliderToSpeed(1)).toBe(10);
    expect(sliderToSpeed(2)).toBe(100);
    expect(sliderToSpeed(5)).toBe(100);
    expect(sliderToSpeed(Math.log10(2.5))).toBe(2.5);
    // two significant digits: what is shown is what runs
    expect(sliderToSpeed(0.123)).toBe(1.3);
    for (const s of [0.1, 0.5, 1, 3, 20, 100]) expect(sliderToSpeed(speedToSlider(s))).toBe(s);
  });

  it('formats speeds and rates for people', () => {
    expect(formatSpeed(1)).toBe('1×');
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(42)).toBe('42×');
    expect(formatRate(4.24)).toBe('4.2');
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(12.6)).toBe('13');
  });
});
