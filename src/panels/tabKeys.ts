/**
 * The WAI-ARIA tabs pattern's keys (automatic activation): → and ← move to the next and previous tab,
 * wrapping around, Home and End to the first and last. Undefined for any other key.
 */
export function nextTab<T>(tabs: readonly T[], key: string, current: T): T | undefined {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  if (key === 'ArrowRight') return tabs[(i + 1) % n];
  if (key === 'ArrowLeft') return tabs[(i + n - 1) % n];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[n - 1];
  return undefined;
}
