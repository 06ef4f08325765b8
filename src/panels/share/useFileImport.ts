import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Scenario } from '../../model';
import { type DefinitionsImport, importDefinitions, importScenarioFile, listVhosts, parseDefinitions, type ShareError, type VhostSummary } from '../../share';
import type { Definitions } from '../../share/definitions';
import { type LessonSession, loadWithSession } from '../../store/lessonStore';
import { sessionOf } from '../../store/sharedWork';
import { useLessonContext } from '../../store/useLesson';
import { readFileText } from './fileIO';

/** Where an import is: refused (why), asking which vhost, showing the report, or done. */
export type ImportState =
  | { step: 'error'; fileName: string; error: ShareError }
  | { step: 'vhost'; fileName: string; defs: Definitions; vhosts: VhostSummary[] }
  | { step: 'report'; fileName: string; result: DefinitionsImport; loaded: boolean }
  | { step: 'opened'; fileName: string; title: string };

const hasContent = (v: VhostSummary) => v.exchanges + v.queues + v.bindings + v.policies > 0;

/**
 * Opening a file: a Warren scenario file, or RabbitMQ definitions (told apart by their content, as
 * share/file.ts does with looksLikeDefinitions). All or nothing: a refused file changes nothing. What
 * is loaded replaces the document as one undoable step (the lesson with it), and the simulation
 * starts over at time 0 on it.
 */
export function useFileImport() {
  const deps = useLessonContext();
  const { fitView } = useReactFlow();
  const [state, setState] = useState<ImportState | null>(null);

  const load = useCallback(
    (doc: Scenario, session: LessonSession, speed?: number) => {
      loadWithSession(deps.editor, deps.lessons, doc, session);
      deps.sim.setDocument(deps.editor.getState().doc);
      deps.sim.reset();
      if (speed !== undefined) deps.sim.setSpeed(speed);
      if (session.lesson || session.galleryId) deps.guide.getState().setOpen(true);
      requestAnimationFrame(() => requestAnimationFrame(() => fitView({ padding: 0.15, maxZoom: 1 })));
    },
    [deps, fitView],
  );

  const chooseVhost = useCallback((fileName: string, defs: Definitions, vhost: string) => {
    const r = importDefinitions(defs, { vhost });
    setState(r.ok ? { step: 'report', fileName, result: r.value, loaded: false } : { step: 'error', fileName, error: r.error });
  }, []);

  const openText = useCallback(
    (fileName: string, text: string) => {
      const file = importScenarioFile(text);
      if (file.ok) {
        load(file.value.scenario, sessionOf(file.value), file.value.speed);
        return setState({ step: 'opened', fileName, title: file.value.scenario.title });
      }
      if (file.error.key !== 'share.file.looksLikeDefinitions') return setState({ step: 'error', fileName, error: file.error });
      const defs = parseDefinitions(text);
      if (!defs.ok) return setState({ step: 'error', fileName, error: defs.error });
      const vhosts = listVhosts(defs.value);
      const withContent = vhosts.filter(hasContent);
      if (withContent.length > 1) return setState({ step: 'vhost', fileName, defs: defs.value, vhosts });
      chooseVhost(fileName, defs.value, (withContent[0] ?? vhosts[0])!.name);
    },
    [load, chooseVhost],
  );

  const openFile = useCallback(
    async (file: File) => {
      const r = await readFileText(file);
      if (!r.ok) return setState({ step: 'error', fileName: file.name, error: r.error });
      openText(file.name, r.text);
    },
    [openText],
  );

  const loadReport = useCallback(() => {
    if (state?.step !== 'report' || state.loaded) return;
    load(state.result.scenario, { lesson: null, galleryId: null });
    setState({ ...state, loaded: true });
  }, [state, load]);

  return { state, openFile, chooseVhost, loadReport, close: () => setState(null) };
}
