import { useMemo } from 'react';
import type { Scenario } from '../../model';
import { assignKeyColours } from './palette';

/** The routing keys the scenario's publishers send with. */
export const scenarioKeys = (doc: Scenario): string[] => doc.apps.flatMap((a) => a.publishers.flatMap((p) => p.routingKeys));

/**
 * Gives the scenario's routing keys distinct colours before anything is drawn (during the canvas's
 * render, so the nodes' chips and the message layer see them in the same frame).
 */
export function useKeyColours(doc: Scenario) {
  useMemo(() => assignKeyColours(scenarioKeys(doc)), [doc]);
}
