import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { FIT_VIEW } from '../panels/fitView';
import { followPrograms } from '../panels/programs/showPrograms';
import { useSim } from '../store/useSim';

/**
 * A canvas that opened fitted to a scenario with programs (a link, the embedded player, a new visit)
 * keeps fitting while the programs put what they declare on it, until the person touches the view:
 * their nodes appear only as the programs run, after the first fit. (Opening one from the gallery does
 * the same through showPrograms.)
 */
export function useFollowPrograms(fitted: boolean, hasPrograms: boolean): void {
  const sim = useSim();
  const { fitView } = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the view the canvas opened with
  useEffect(() => {
    if (!fitted || !hasPrograms) return;
    return followPrograms(sim, () => void fitView(FIT_VIEW));
  }, []);
}
