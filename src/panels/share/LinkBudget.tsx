import { useT } from '../../i18n/useLocale';
import { exportScenarioFile, scenarioFileName, type ShareState } from '../../share';
import { downloadText } from './fileIO';

/** Characters a link may have and still travel well (chat apps, e-mail, QR codes cut longer ones). */
export const LINK_BUDGET = 2000;

/**
 * Past the budget (a scenario with programs, typically): the link still works where long links do,
 * but the dialog says so and offers the scenario as a file instead.
 */
export function LinkBudget({ length, state }: { length: number; state: ShareState }) {
  const t = useT();
  if (length <= LINK_BUDGET) return null;
  const save = () => {
    const { v: _, ...content } = state;
    downloadText(scenarioFileName(state.scenario), exportScenarioFile(content));
  };
  return (
    <p className="field-hint link-budget" role="note">
      {t('shareui.share.overBudget', { n: length, budget: LINK_BUDGET })}{' '}
      <button type="button" onClick={save}>
        {t('shareui.share.saveFileInstead')}
      </button>
    </p>
  );
}
