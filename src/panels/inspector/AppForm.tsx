import { useT } from '../../i18n/useLocale';
import { addChannel, addConnection, addConsumer, addPublisher, type App, allChannels, removeChannel, updateApp, updateChannel } from '../../model';
import { CheckboxField, NumberField, TextField } from '../form/fields';
import { DeleteButton, SectionTitle, useDeleteNode, useRun } from './common';
import { ConsumerControls } from '../live/ConsumerControls';
import { PublisherControls } from '../live/PublisherControls';
import { ConnectionLegend } from './ConnectionLegend';
import { ConsumerFields } from './ConsumerFields';
import { PublisherFields } from './PublisherFields';

/**
 * A client application: its name, its connections and channels (basic.qos, confirm.select), and the
 * publishers and consumers on them. Adding a consumer to a producer makes an RPC client.
 */
export function AppForm({ app, kindLabel }: { app: App; kindLabel: string }) {
  const t = useT();
  const run = useRun();
  const del = useDeleteNode();
  const channelCount = allChannels(app).length;
  return (
    <section className="inspector-section" aria-label={`${kindLabel} ${app.name}`}>
      <SectionTitle kind={kindLabel} name={app.name} />
      <TextField label={t('field.name')} value={app.name} onCommit={(name) => run((d) => updateApp(d, app.id, { name }))} />
      {/* what it does in the running simulation first: that is what a person plays with */}
      {app.publishers.map((p, i) => (
        <PublisherControls key={p.id} publisher={p} index={i} />
      ))}
      {app.consumers.map((c, i) => (
        <ConsumerControls key={c.id} consumer={c} index={i} />
      ))}
      {app.connections.map((c, ci) => (
        <fieldset key={c.id} className="connection-fieldset">
          <ConnectionLegend app={app} connId={c.id} index={ci} />
          {c.channels.map((ch) => (
            <fieldset key={ch.id} className="channel-fieldset">
              <legend>{t('app.channel', { n: ch.number })}</legend>
              <NumberField
                label={t('field.channelPrefetch')}
                hint={t(ch.prefetchGlobal ? 'hint.channelPrefetchShared' : 'hint.channelPrefetch')}
                value={ch.prefetchCount}
                onCommit={(v) => run((d) => updateChannel(d, app.id, ch.id, { prefetchCount: v ?? 0 }))}
              />
              <CheckboxField label={t('field.prefetchGlobal')} checked={ch.prefetchGlobal} onCommit={(v) => run((d) => updateChannel(d, app.id, ch.id, { prefetchGlobal: v }))} />
              <CheckboxField label={t('field.confirmSelect')} hint={t('hint.confirmSelect')} checked={ch.confirmSelect} onCommit={(v) => run((d) => updateChannel(d, app.id, ch.id, { confirmSelect: v }))} />
              {channelCount > 1 ? (
                <button type="button" onClick={() => run((d) => removeChannel(d, app.id, ch.id))}>
                  {t('app.closeChannel', { n: ch.number })}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button type="button" onClick={() => run((d) => addChannel(d, app.id, c.id))}>
            {t('app.addChannel')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => run((d) => addConnection(d, app.id))}>
        {t('app.addConnection')}
      </button>
      {app.publishers.map((p, i) => (
        <PublisherFields key={p.id} app={app} publisher={p} index={i} />
      ))}
      {app.consumers.map((c, i) => (
        <ConsumerFields key={c.id} app={app} consumer={c} index={i} />
      ))}
      <div className="button-row">
        <button type="button" onClick={() => run((d) => addPublisher(d, app.id, undefined, t('default.messageBody')))}>
          {t('app.addPublisher')}
        </button>
        <button type="button" onClick={() => run((d) => addConsumer(d, app.id))}>
          {t('app.addConsumer')}
        </button>
      </div>
      <DeleteButton label={t('inspector.deleteApp')} onDelete={() => del(app.id)} />
    </section>
  );
}

/** Options for "which channel": "connection 1 · channel 2". */
export function channelOptions(app: App, t: ReturnType<typeof useT>) {
  return app.connections.flatMap((c, ci) => c.channels.map((ch) => ({ value: ch.id, label: t('app.channelOption', { c: ci + 1, n: ch.number }) })));
}
