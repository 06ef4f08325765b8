import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { withText } from '../../i18n/lazyText';
import type { Scenario } from '../../model';
import type { DefinitionsImport, ShareError, VhostSummary } from '../../share';
import type { Definitions } from '../../share/definitions';
import { type LessonSession, loadWithSession } from '../../store/lessonStore';
import { useLessonContext } from '../../store/useLesson';
import { FIT_VIEW } from '../fitView';
import { readFileText } from './fileIO';
import type { FileContent } from './importKind';

/**
 * Reading files (scenario files, definitions, their validation) is a chunk loaded with the first file
 * opened, with the rest of the dictionary (its refusals and reports are not in the first part).
 */
const importing = () => withText(import('./fileImporting'));
type Importing = Awaited<ReturnType<typeof importing>>;

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
    (fileName: string, c: FileContent, m: Importing) => {
      switch (c.kind) {
        case 'scenario':
          load(c.state.scenario, m.sessionOf(c.state), c.state.speed);
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
      const [r, m] = await Promise.all([readFileText(file), importing()]);
      show(file.name, r.ok ? m.readFileContent(r.text) : { kind: 'refused', error: r.error }, m);
    },
    [show],
  );

  const chooseVhost = useCallback(
    (fileName: string, defs: Definitions, vhost: string) => void importing().then((m) => show(fileName, m.fromDefinitions(m.importDefinitions(defs, { vhost })), m)),
    [show],
  );

  const loadReport = useCallback(() => {
    if (state?.step !== 'report' || state.loaded) return;
    load(state.result.scenario, { lesson: null, galleryId: null });
    setState({ ...state, loaded: true });
  }, [state, load]);

  return { state, openFile, chooseVhost, loadReport, close: () => setState(null) };
}
