import { useCallback } from 'react';
import { useLessonContext } from '../../store/useLesson';
import { downloadText } from './fileIO';

/**
 * "Save scenario file": the document as it is now, with its lesson, gallery origin and speed, as a
 * file the browser offers to save (Files menu, and the notice that work is not being saved). What
 * writes the file (the codec and its schemas) is loaded on first use: not needed to draw the canvas.
 */
export function useSaveScenarioFile(): () => Promise<void> {
  const deps = useLessonContext();
  return useCallback(async () => {
    const [{ exportScenarioFile, scenarioFileName }, { shareSourceOf, shareStateOf }] = await Promise.all([import('../../share/file'), import('../../store/shareLink')]);
    const doc = deps.editor.getState().doc;
    const { v: _, ...content } = shareStateOf(shareSourceOf(doc, deps.sim, deps.lessons));
    downloadText(scenarioFileName(doc), exportScenarioFile(content));
  }, [deps]);
}
