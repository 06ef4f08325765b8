import { type KeyboardEvent, type RefObject, useId, useMemo, useState } from 'react';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { CODE_LANGUAGES, type CodeFile, type CodeLanguage, connectionHint, generateCode, scenarioFileName } from '../../share';
import { useEditor } from '../../store/useEditor';
import { OpenAsPrograms } from '../programs/OpenAsPrograms';
import { useCopy } from './clipboard';
import { downloadText } from './fileIO';
import { Isolated, isolate } from '../Name';
import { Modal } from './Modal';

const TAB_NAME: Record<CodeLanguage, string> = { node: 'Node.js (amqplib)', python: 'Python (pika)' };
const MIME: Record<CodeLanguage, string> = { node: 'text/javascript', python: 'text/x-python' };

/** All programs in one text file, each under a banner with its file name (to split by hand). */
function concatenated(files: CodeFile[], comment: string): string {
  return files.map((f) => `${comment} ===== ${f.name} =====\n${f.code}`).join('\n');
}

function CodeSection({ file, language }: { file: CodeFile; language: CodeLanguage }) {
  const t = useT();
  const headingId = useId();
  const [copied, copy] = useCopy();
  const role = file.role === 'setup' ? t('shareui.code.setup') : t(file.role === 'producer' ? 'shareui.code.producer' : 'shareui.code.consumer', { app: isolate(file.app) });
  return (
    <section className="code-file" aria-labelledby={headingId}>
      <div className="code-file-head">
        <h3 id={headingId}>
          <Isolated text={role} /> <code>{file.name}</code>
        </h3>
        <button type="button" onClick={() => copy(file.name, file.code)} aria-label={t('shareui.code.copyFile', { name: file.name })}>
          {t('shareui.code.copy')}
        </button>
        <button type="button" onClick={() => downloadText(file.name, file.code, MIME[language])} aria-label={t('shareui.code.downloadFile', { name: file.name })}>
          {t('shareui.code.download')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copied[file.name] === 'copied' ? `✓ ${t('shareui.code.copied')}` : copied[file.name] === 'refused' ? t('shareui.code.copyRefused') : ''}
      </p>
      <pre>
        <code>{file.code}</code>
      </pre>
    </section>
  );
}

/**
 * "Show code": runnable client programs for the current topology, in Node.js (amqplib) and Python
 * (pika): a setup program that declares everything, one per producer, one per consumer.
 */
export function CodeDialog({ onClose, returnFocus }: { onClose: () => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const [language, setLanguage] = useState<CodeLanguage>('node');
  const locale = useLocaleStore((s) => s.locale);
  // the programs' header comment is in the page's language
  const files = useMemo(() => generateCode(doc, language, locale), [doc, language, locale]);
  const baseId = useId();
  const tabId = (l: CodeLanguage) => `${baseId}-tab-${l}`;
  const panelId = `${baseId}-panel`;
  // arrow keys move between tabs (the tab list is one stop for Tab)
  const onKeyDown = (e: KeyboardEvent) => {
    const i = CODE_LANGUAGES.indexOf(language);
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = CODE_LANGUAGES[(i + d + CODE_LANGUAGES.length) % CODE_LANGUAGES.length]!;
    setLanguage(next);
    document.getElementById(tabId(next))?.focus();
  };
  const ext = language === 'node' ? 'js' : 'py';
  return (
    <Modal title={t('shareui.code.title')} onClose={onClose} returnFocus={returnFocus} className="code-dialog">
      <div role="tablist" aria-label={t('shareui.code.languages')} onKeyDown={onKeyDown}>
        {CODE_LANGUAGES.map((l) => (
          <button key={l} id={tabId(l)} type="button" role="tab" aria-selected={l === language} aria-controls={panelId} tabIndex={l === language ? 0 : -1} onClick={() => setLanguage(l)}>
            {TAB_NAME[l]}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(language)} className="code-panel">
        <section className="code-howto" aria-label={t('shareui.code.howTo')}>
          <h3>{t('shareui.code.howTo')}</h3>
          <ol>
            <li>
              {t('shareui.code.install')} <code>{language === 'node' ? 'npm install amqplib' : 'pip install pika'}</code>
            </li>
            <li>
              {t('shareui.code.runSetup')} <code>{language === 'node' ? `node setup.${ext}` : `python3 setup.${ext}`}</code>
            </li>
            <li>{t('shareui.code.runOthers')}</li>
            <li>
              {t('shareui.code.url')} <code>{connectionHint(language)}</code>
            </li>
          </ol>
          <button type="button" onClick={() => downloadText(scenarioFileName(doc, `.${language}.txt`), concatenated(files, language === 'node' ? '//' : '#'), 'text/plain')}>
            {t('shareui.code.downloadAll')}
          </button>
          {/* the amqplib programs run in the page too, in place of the simulated clients */}
          {language === 'node' ? <OpenAsPrograms onDone={onClose} /> : null}
        </section>
        {files.map((f) => (
          <CodeSection key={f.name} file={f} language={language} />
        ))}
      </div>
    </Modal>
  );
}
