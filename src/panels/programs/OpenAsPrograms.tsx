import { useReactFlow } from '@xyflow/react';
import { useT } from '../../i18n/useLocale';
import { asPrograms } from '../../share';
import { startRuns } from '../../store/programRuns';
import { useEditorApi } from '../../store/useEditor';
import { useSim } from '../../store/useSim';
import { FIT_VIEW } from '../fitView';
import { showPrograms } from './showPrograms';

/**
 * "Open as programs" (in Show code): the simulated clients become their generated amqplib programs,
 * which start at once from time 0 (one undoable edit; the topology stays).
 */
export function OpenAsPrograms({ onDone }: { onDone: () => void }) {
  const t = useT();
  const store = useEditorApi();
  const sim = useSim();
  const { fitView } = useReactFlow();
  const open = () => {
    const { doc } = asPrograms(store.getState().doc);
    store.getState().edit(() => doc);
    sim.reset();
    startRuns(sim, store.getState().doc);
    onDone();
    showPrograms(sim, () => fitView(FIT_VIEW));
  };
  return (
    <button type="button" onClick={open} title={t('programs.openAsProgramsTitle')}>
      {t('programs.openAsPrograms')}
    </button>
  );
}
