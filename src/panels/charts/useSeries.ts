import { useEffect, useState } from 'react';
import type { Sample } from '../../store/series';
import { useSim } from '../../store/useSim';

/** Charts redraw at most this often (wall ms): enough to look live, cheap while thousands of messages move. */
export const CHART_REFRESH_MS = 400;

/**
 * The chart samples, re-read a few times per second when they changed (new samples, a rewind
 * that dropped some, a reset). Returns a copy: the series array is appended to in place.
 */
export function useSeries(): readonly Sample[] {
  const sim = useSim();
  const [samples, setSamples] = useState<readonly Sample[]>(() => sim.series.samples.slice());
  useEffect(() => {
    let last = sim.series.samples.at(-1);
    let count = sim.series.samples.length;
    const id = setInterval(() => {
      const s = sim.series.samples;
      if (s.length === count && s.at(-1) === last) return;
      last = s.at(-1);
      count = s.length;
      setSamples(s.slice());
    }, CHART_REFRESH_MS);
    return () => clearInterval(id);
  }, [sim]);
  return samples;
}
