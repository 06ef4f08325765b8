import { type RefObject, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { exportDefinitions, scenarioFileName } from '../../share';
import { useEditor } from '../../store/useEditor';
import { downloadText } from './fileIO';
import { Modal } from './Modal';
import { ReportEntries } from './ReportView';

/** AMQP shortstr: a vhost name is at most 255 bytes. */
const validVhost = (v: string) => v.length > 0 && new TextEncoder().encode(v).length <= 255;

/**
 * The broker side of the scenario as a RabbitMQ definitions file (for `rabbitmqctl import_definitions`
 * or the management UI), in the vhost the person names, with what it leaves out and why.
 */
export function ExportDefinitionsDialog({ onClose, returnFocus }: { onClose: () => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const id = useId();
  const [vhost, setVhost] = useState('/');
  const ok = validVhost(vhost);
  const result = useMemo(() => exportDefinitions(doc, { vhost: ok ? vhost : '/' }), [doc, vhost, ok]);
  const { queues, exchanges, bindings } = result.definitions;
  return (
    <Modal title={t('shareui.defs.exportTitle')} onClose={onClose} returnFocus={returnFocus} className="export-defs-dialog">
      <p>{t('shareui.defs.exportIntro')}</p>
      <div className={`field${ok ? '' : ' has-error'}`}>
        <label htmlFor={id}>{t('shareui.defs.vhost')}</label>
        <input id={id} type="text" value={vhost} aria-invalid={ok ? undefined : true} onChange={(e) => setVhost(e.target.value)} />
        {ok ? null : <p className="field-error">{t('shareui.defs.vhostInvalid')}</p>}
      </div>
      <p>{t('shareui.defs.exportCounts', { exchanges: exchanges.length, queues: queues.length, bindings: bindings.length })}</p>
      {result.report.length ? (
        <section aria-label={t('shareui.defs.leftOut')}>
          <h3>{t('shareui.defs.leftOut')}</h3>
          <ReportEntries entries={result.report} />
        </section>
      ) : null}
      <p className="field-hint">
        {t('shareui.defs.howToLoad')} <code>rabbitmqctl import_definitions {scenarioFileName(doc, '.definitions.json')}</code>
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={!ok} onClick={() => downloadText(scenarioFileName(doc, '.definitions.json'), result.text)}>
          {t('shareui.defs.download')}
        </button>
      </div>
    </Modal>
  );
}
