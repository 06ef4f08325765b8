import { type RefObject, useId, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { Isolated, isolate } from '../Name';
import { Modal } from './Modal';
import { ReportView } from './ReportView';
import { ShareErrorText } from './ShareErrorText';
import { useSay } from './shareText';
import type { ImportState, useFileImport } from './useFileImport';

type Importer = ReturnType<typeof useFileImport>;

function VhostChoice({ state, importer }: { state: Extract<ImportState, { step: 'vhost' }>; importer: Importer }) {
  const t = useT();
  const name = useId();
  const [vhost, setVhost] = useState(state.suggested);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        importer.chooseVhost(state.fileName, state.defs, vhost);
      }}
    >
      <fieldset className="vhost-choice">
        <legend>{t('shareui.import.whichVhost')}</legend>
        {state.vhosts.map((v) => (
          <label key={v.name}>
            <input type="radio" name={name} value={v.name} checked={vhost === v.name} onChange={() => setVhost(v.name)} />
            <code>{v.name}</code> {t('shareui.import.vhostCounts', { exchanges: v.exchanges, queues: v.queues, bindings: v.bindings, policies: v.policies })}
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="submit" className="primary">
          {t('shareui.import.continue')}
        </button>
      </div>
    </form>
  );
}

/** The steps of opening a file: why it was refused, which vhost, the report before and after loading. */
export function ImportDialog({ importer, returnFocus }: { importer: Importer; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const say = useSay();
  const s = importer.state;
  if (!s) return null;
  const title = s.step === 'vhost' || s.step === 'report' ? t('shareui.import.defsTitle') : t('shareui.import.title');
  return (
    <Modal title={title} onClose={importer.close} returnFocus={returnFocus} className="import-dialog">
      <p className="muted">
        <Isolated text={t('shareui.import.file', { name: isolate(s.fileName) })} />
      </p>
      {s.step === 'error' ? (
        <div role="alert">
          <ShareErrorText error={s.error} />
          <p>{t('shareui.workUnchanged')}</p>
        </div>
      ) : null}
      {s.step === 'opened' ? <p role="status">
          <Isolated text={t('shareui.import.opened', { title: isolate(s.title.trim() || t('shareui.untitled')) })} />
        </p> : null}
      {s.step === 'vhost' ? <VhostChoice state={s} importer={importer} /> : null}
      {s.step === 'report' ? (
        <>
          {s.result.report.refusal && !s.loaded ? (
            <div role="alert" className="import-refusal">
              <p>
                <Isolated text={say(s.result.report.refusal)} />
              </p>
              <p>{t('shareui.import.anywayHint')}</p>
            </div>
          ) : null}
          <div role="status">{s.loaded ? <p className="field-ok">{t('shareui.import.loaded')}</p> : <p>{t('shareui.import.before')}</p>}</div>
          <ReportView report={s.result.report} />
          <div className="dialog-actions">
            {s.loaded ? null : (
              <button type="button" className="primary" onClick={importer.loadReport}>
                {t(s.result.report.refusal ? 'shareui.import.loadAnyway' : 'shareui.import.load')}
              </button>
            )}
          </div>
        </>
      ) : null}
    </Modal>
  );
}
