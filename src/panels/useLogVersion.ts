import { useEffect, useState } from 'react';
import { useSim } from '../store/useSim';

/**
 * A number that changes when the run's log changed (new events, a rewind, a reset), at most
 * once every `ms` of wall time: panels that re-read the whole log (the event log, the message
 * inspector) must not do it on every animation frame while thousands of events pour in. The
 * last change always comes through (trailing update), so a paused run shows its latest state.
 */
export function useLogVersion(ms = 150): number {
  const sim = useSim();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Number.NEGATIVE_INFINITY;
    const bump = () => {
      timer = undefined;
      last = performance.now();
      setVersion((v) => v + 1);
    };
    const unsubscribe = sim.ui.subscribe((s, prev) => {
      if (s.logTick === prev.logTick && s.epoch === prev.epoch) return;
      if (timer !== undefined) return;
      timer = setTimeout(bump, Math.max(0, ms - (performance.now() - last)));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [sim, ms]);
  return version;
}
