import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Scenario } from '../../model';
import { type DefinitionsImport, importDefinitions, type ShareError, type VhostSummary } from '../../share';
import type { Definitions } from '../../share/definitions';
import { type LessonSession, loadWithSession } from '../../store/lessonStore';
import { sessionOf } from '../../store/sharedWork';
import { useLessonContext } from '../../store/useLesson';
import { FIT_VIEW } from '../fitView';
import { readFileText } from './fileIO';
import { type FileContent, fromDefinitions, readFileContent } from './importKind';

/** Where an import is: refused (why), asking which vhost, showing the report, or done. */
export type ImportState =
  | { step: 'error'; fileName: string; error: ShareError }
  | { step: 'vhost'; fileName: string; defs: Definitions; vhosts: VhostSummary[]; suggested: string }
  | { step: 'report'; fileName: string; result: DefinitionsImport; loaded: boolean }
  | { step: 'opened'; fileName: string; title: string };

/**
 * Opening a file (picked or dropped): a Warren scenario file opens at once; RabbitMQ definitions show
 * their report first (after asking which vhost, when there are several) and load when the person says
 * so. All or nothing: a refused file changes nothing. What is loaded replaces the document as one
 * undoable step (the lesson with it), and the simulation starts over at time 0 on it.
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
      if (session.lesson || session.galleryId) deps.side.getState().show('guide');
      requestAnimationFrame(() => requestAnimationFrame(() => fitView(FIT_VIEW)));
    },
    [deps, fitView],
  );

  const show = useCallback(
    (fileName: string, c: FileContent) => {
      switch (c.kind) {
        case 'scenario':
          load(c.state.scenario, sessionOf(c.state), c.state.speed);
          return setState({ step: 'opened', fileName, title: c.state.scenario.title });
        case 'choose-vhost':
          return setState({ step: 'vhost', fileName, defs: c.defs, vhosts: c.vhosts, suggested: c.suggested });
        case 'definitions':
          return setState({ step: 'report', fileName, result: c.result, loaded: false });
        default:
          return setState({ step: 'error', fileName, error: c.error });
      }
    },
    [load],
  );

  const openFile = useCallback(
    async (file: File) => {
      const r = await readFileText(file);
      show(file.name, r.ok ? readFileContent(r.text) : { kind: 'refused', error: r.error });
    },
    [show],
  );

  const chooseVhost = useCallback((fileName: string, defs: Definitions, vhost: string) => show(fileName, fromDefinitions(importDefinitions(defs, { vhost }))), [show]);

  const loadReport = useCallback(() => {
    if (state?.step !== 'report' || state.loaded) return;
    load(state.result.scenario, { lesson: null, galleryId: null });
    setState({ ...state, loaded: true });
  }, [state, load]);

  return { state, openFile, chooseVhost, loadReport, close: () => setState(null) };
}
