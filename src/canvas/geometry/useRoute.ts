import { type ReactFlowState, useStore } from '@xyflow/react';
import { useCallback } from 'react';
import { type RouteEntry, routeIndex } from './index';

const same = (a: RouteEntry | undefined, b: RouteEntry | undefined) => a === b || (a !== undefined && b !== undefined && a.svg === b.svg && a.labelAt?.x === b.labelAt?.x && a.labelAt?.y === b.labelAt?.y);

/** An edge's route and label place (re-renders only when they change). */
export function useRoute(edgeId: string): RouteEntry | undefined {
  const select = useCallback((s: ReactFlowState) => routeIndex(s as unknown as Parameters<typeof routeIndex>[0]).routes.get(edgeId), [edgeId]);
  return useStore(select, same);
}
