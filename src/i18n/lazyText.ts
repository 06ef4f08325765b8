import { type ComponentType, lazy } from 'react';
import { loadRestOfText } from './translate';

/**
 * What loads after the first canvas also waits for the rest of the dictionary (the first part holds
 * only the keys the first canvas's modules mention: see textSplit.ts), so that no text of it ever
 * shows as a raw key or blank. Both are fetched at the same time; the rest is usually already here.
 */
export function withText<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadRestOfText()]).then(([m]) => m);
}

/** React.lazy for a component loaded after the first canvas: it renders once its text is here too. */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React.lazy's own
export function lazyText<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => withText(load()));
}
