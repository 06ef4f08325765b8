import { useT } from '../../i18n/useLocale';
import { type App, CONFIRM_WAITS, type ConfirmWait, KEY_ORDERS, type MessageTemplate, PUBLISH_MODES, type Publisher, removePublisher, updatePublisher } from '../../model';
import { useEditor } from '../../store/useEditor';
import { CheckboxField, NumberField, SelectField, TextField } from '../form/fields';
import { channelOptions } from './AppForm';
import { exchangeOptions, useRun } from './common';

/** Text box value for optional strings: empty means "not set". */
const opt = (v: string) => (v === '' ? undefined : v);

/** A publisher: where it publishes (exchange, routing keys), when (manual, rate, burst) and what. */
export function PublisherFields({ app, publisher: p, index }: { app: App; publisher: Publisher; index: number }) {
  const t = useT();
  const run = useRun();
  const doc = useEditor((s) => s.doc);
  const set = (patch: Partial<Publisher>) => run((d) => updatePublisher(d, app.id, p.id, patch));
  const msg = (patch: Partial<MessageTemplate>) => set({ message: { ...p.message, ...patch } });
  return (
    <fieldset className="client-fieldset">
      <legend>{t('app.publisher', { n: index + 1 })}</legend>
      <SelectField label={t('field.channel')} value={p.channelId} options={channelOptions(app, t)} onCommit={(channelId) => set({ channelId })} />
      <SelectField label={t('field.publishExchange')} hint={t('hint.publishExchange')} value={p.exchange} options={exchangeOptions(doc, t, p.exchange, false)} onCommit={(exchange) => set({ exchange })} />
      <TextField
        label={t('field.routingKeys')}
        hint={t('hint.routingKeys')}
        multiline
        value={p.routingKeys.join('\n')}
        onCommit={(v) => set({ routingKeys: v.split('\n').map((k) => k.trim()).filter((k, _, all) => k !== '' || all.length === 1) })}
      />
      <SelectField label={t('field.keyOrder')} value={p.keyOrder} options={KEY_ORDERS.map((k) => ({ value: k, label: t(k === 'random' ? 'option.random' : 'option.roundRobin') }))} onCommit={(keyOrder) => set({ keyOrder })} />
      <SelectField
        label={t('field.publishMode')}
        value={p.mode}
        options={PUBLISH_MODES.map((m) => ({ value: m, label: t(m === 'manual' ? 'option.manual' : m === 'rate' ? 'option.rate' : 'option.burst') }))}
        onCommit={(mode) => set({ mode })}
      />
      {p.mode === 'rate' ? <NumberField label={t('field.ratePerSec')} value={p.ratePerSec} onCommit={(v) => set({ ratePerSec: v })} /> : null}
      {/* the burst size is also what "Send burst" sends, so it stays editable in every mode */}
      <NumberField label={t('field.burstCount')} hint={p.mode === 'burst' ? undefined : t('live.burstCountHint')} value={p.burstCount} onCommit={(v) => set({ burstCount: v })} />
      <CheckboxField label={t('field.mandatory')} hint={t('hint.mandatory')} checked={p.mandatory} onCommit={(mandatory) => set({ mandatory })} />
      <CheckboxField label={t('field.confirms')} hint={t('hint.confirms')} checked={p.confirms} onCommit={(confirms) => set({ confirms })} />
      {p.confirms ? (
        <>
          <SelectField<ConfirmWait>
            label={t('field.waitForConfirms')}
            hint={t('hint.waitForConfirms')}
            value={p.waitForConfirms}
            options={CONFIRM_WAITS.map((w) => ({ value: w, label: t(w === 'each' ? 'option.waitEach' : w === 'batch' ? 'option.waitBatch' : 'option.waitNo') }))}
            onCommit={(waitForConfirms) => set({ waitForConfirms })}
          />
          {p.waitForConfirms === 'batch' ? <NumberField label={t('field.confirmBatchSize')} value={p.confirmBatchSize} onCommit={(v) => set({ confirmBatchSize: v })} /> : null}
        </>
      ) : null}
      <fieldset>
        <legend>{t('app.message')}</legend>
        <TextField label={t('field.body')} hint={t('composer.bodyHint')} multiline value={p.message.body} onCommit={(body) => msg({ body })} />
        <SelectField
          label={t('field.deliveryMode')}
          value={String(p.message.deliveryMode) as '1' | '2'}
          options={[
            { value: '2', label: t('option.persistent') },
            { value: '1', label: t('option.transient') },
          ]}
          onCommit={(v) => msg({ deliveryMode: v === '1' ? 1 : 2 })}
        />
        <NumberField label={t('field.priority')} optional value={p.message.priority} onCommit={(priority) => msg({ priority })} />
        <TextField label={t('field.expiration')} hint={t('hint.expiration')} value={p.message.expiration ?? ''} onCommit={(v) => msg({ expiration: opt(v) })} />
        <TextField label={t('field.contentType')} value={p.message.contentType ?? ''} onCommit={(v) => msg({ contentType: opt(v) })} />
        <TextField label={t('field.messageHeaders')} hint={t('hint.messageHeaders')} multiline value={headersText(p.message.headers)} onCommit={(v) => msg({ headers: parseHeaders(v) })} />
        <TextField label={t('field.messageId')} value={p.message.messageId ?? ''} onCommit={(v) => msg({ messageId: opt(v) })} />
        <TextField label={t('field.correlationId')} value={p.message.correlationId ?? ''} onCommit={(v) => msg({ correlationId: opt(v) })} />
        <TextField label={t('field.replyTo')} value={p.message.replyTo ?? ''} onCommit={(v) => msg({ replyTo: opt(v) })} />
      </fieldset>
      <button type="button" onClick={() => run((d) => removePublisher(d, app.id, p.id))}>
        {t('app.removePublisher', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

/** Headers as "name: value" lines; numbers and true/false keep their type. */
export function headersText(h: Record<string, string | number | boolean>): string {
  return Object.entries(h).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`).join('\n');
}

export function parseHeaders(text: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (line.trim() === '') continue;
    const key = (i < 0 ? line : line.slice(0, i)).trim();
    const raw = i < 0 ? '' : line.slice(i + 1).trim();
    if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else if (raw !== '' && Number.isFinite(Number(raw))) out[key] = Number(raw);
    else if (/^".*"$/.test(raw)) out[key] = JSON.parse(raw) as string;
    else out[key] = raw;
  }
  return out;
}
