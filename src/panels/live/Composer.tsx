import { useId } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Publisher } from '../../model';
import { type ComposerDraft, type ComposerError, composerFields } from './composerDraft';
import { HeaderRowsEditor } from './HeaderRowsEditor';

/**
 * The message composer: the fields of one basic.publish. Its form is submitted by the
 * publisher's "Publish" button (outside it, through the form attribute), so the button stays
 * visible while the composer is folded.
 */
export function Composer({ formId, publisher: p, draft, nextKey, onChange, error, onSubmit, onResetDraft }: {
  formId: string;
  publisher: Publisher;
  draft: ComposerDraft;
  /** the key the publisher sends next when the composer has none (null: one of its keys at random) */
  nextKey: string | null;
  onChange: (d: ComposerDraft) => void;
  error: ComposerError | null;
  onSubmit: () => void;
  onResetDraft: () => void;
}) {
  const t = useT();
  const id = useId();
  const set = (patch: ComposerDraft) => onChange({ ...draft, ...patch });
  const f = composerFields(p, draft);
  const err = (field: ComposerError['field']) =>
    error?.field === field ? (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {t(error.key)}
      </p>
    ) : null;
  const invalid = (field: ComposerError['field']) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});
  return (
    <form
      id={formId}
      className="composer"
      aria-label={t('composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('composer.routingKey')}</label>
        <input
          id={`${id}-key`}
          type="text"
          list={`${id}-keys`}
          value={f.routingKey}
          placeholder={nextKey === null ? t('composer.routingKeyRandom') : t('composer.routingKeyNext', { key: nextKey })}
          onChange={(e) => set({ routingKey: e.target.value })}
          aria-describedby={`${id}-key-hint`}
        />
        <datalist id={`${id}-keys`}>
          {p.routingKeys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <p className="field-hint" id={`${id}-key-hint`}>
          {t('composer.routingKeyHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('composer.body')}</label>
        <textarea id={`${id}-body`} rows={2} value={f.body} onChange={(e) => set({ body: e.target.value })} aria-describedby={`${id}-body-hint`} />
        <p className="field-hint" id={`${id}-body-hint`}>
          {t('composer.bodyHint')}
        </p>
      </div>
      <HeaderRowsEditor rows={f.headers} onChange={(headers) => set({ headers })} invalid={error?.field === 'headers'} />
      {err('headers')}
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('field.deliveryMode')}</label>
        <select id={`${id}-mode`} value={f.deliveryMode} onChange={(e) => set({ deliveryMode: e.target.value as '1' | '2' })}>
          <option value="2">{t('option.persistent')}</option>
          <option value="1">{t('option.transient')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t('composer.priority')}</label>
        <input id={`${id}-priority`} type="text" inputMode="numeric" value={f.priority} onChange={(e) => set({ priority: e.target.value })} {...invalid('priority')} />
        {err('priority')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-expiration`}>{t('composer.expiration')}</label>
        <input id={`${id}-expiration`} type="text" inputMode="numeric" value={f.expiration} onChange={(e) => set({ expiration: e.target.value })} {...invalid('expiration')} />
        {err('expiration')}
      </div>
      <div className="field field-inline">
        <input id={`${id}-mandatory`} type="checkbox" checked={f.mandatory} onChange={(e) => set({ mandatory: e.target.checked })} />
        <label htmlFor={`${id}-mandatory`}>{t('field.mandatory')}</label>
      </div>
      <button type="button" onClick={onResetDraft}>
        {t('composer.fromTemplate')}
      </button>
    </form>
  );
}
