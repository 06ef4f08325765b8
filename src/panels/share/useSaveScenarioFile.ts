import { useCallback } from 'react';
import { exportScenarioFile, scenarioFileName } from '../../share';
import { shareSourceOf, shareStateOf } from '../../store/shareLink';
import { useLessonContext } from '../../store/useLesson';
import { downloadText } from './fileIO';

/**
 * "Save scenario file": the document as it is now, with its lesson, gallery origin and speed, as a
 * file the browser offers to save (Files menu, and the notice that work is not being saved).
 */
export function useSaveScenarioFile(): () => void {
  const deps = useLessonContext();
  return useCallback(() => {
    const doc = deps.editor.getState().doc;
    const { v: _, ...content } = shareStateOf(shareSourceOf(doc, deps.sim, deps.lessons));
    downloadText(scenarioFileName(doc), exportScenarioFile(content));
  }, [deps]);
}
