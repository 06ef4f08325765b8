import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { type App, type Consumer, findChannel, PORT, type Publisher } from '../../model';
import { keysLabel } from '../flowEdges';
import { type AppFlowNode, appKindWord } from '../flowNodes';
import { ConsumerLiveRow, PublisherLiveRow } from './AppLive';
import { Name } from '../../panels/Name';
import { Warnings } from './Warnings';

/**
 * A client application: its connections with their channels as chips, and one row per publisher (with
 * a source handle on the right: drag it to an exchange) and per consumer (a target handle on the left:
 * drag a queue to it).
 */
export const AppNode = memo(function AppNode({ data, selected }: NodeProps<AppFlowNode>) {
  const t = useT();
  const app = data.app;
  return (
    <div className={`node node-app${selected ? ' is-selected' : ''}`}>
      <div className="node-kind">
        {appKindWord(app, t)}
        {data.program ? (
          <span className="program-marker" title={t('programs.markerTitle')}>
            {'</>'} {t('programs.marker')}
          </span>
        ) : null}
      </div>
      <div className="node-name">
        <Name>{app.name}</Name>
      </div>
      {app.connections.map((c, i) => (
        <div className="app-connection" key={c.id}>
          <span className="app-connection-label">{t('app.connectionShort', { n: i + 1 })}</span>
          {c.channels.map((ch) => (
            <span
              className={`channel-chip${ch.confirmSelect ? ' is-confirm' : ''}`}
              key={ch.id}
              title={t('app.channelTitle', { n: ch.number, prefetch: ch.prefetchCount, scope: t(ch.prefetchGlobal ? 'app.channelScopeGlobal' : 'app.channelScopeConsumer') })}
            >
              {t('app.channelChip', { n: ch.number })}
            </span>
          ))}
        </div>
      ))}
      {app.publishers.map((p) => (
        <PublisherRow key={p.id} app={app} p={p} t={t} program={!!data.program} />
      ))}
      {app.consumers.map((c) => (
        <ConsumerRow key={c.id} app={app} c={c} t={t} />
      ))}
      <Warnings issues={data.warnings} />
      <Handle type="source" id={PORT.connection} position={Position.Right} className="hidden-handle" isConnectable={false} />
    </div>
  );
});

function channelNumber(app: App, channelId: string): number {
  return findChannel(app, channelId)?.channel.number ?? 0;
}

function PublisherRow({ app, p, t, program }: { app: App; p: Publisher; t: Translate; program: boolean }) {
  const exchange = p.exchange === '' ? t('node.defaultExchangeName') : p.exchange;
  // a program publishes when its code says so: no schedule to show
  const mode = program ? '' : p.mode === 'rate' ? t('app.rate', { n: p.ratePerSec }) : p.mode === 'burst' ? t('app.burst', { n: p.burstCount }) : t('app.manual');
  return (
    <div className="app-row app-publisher">
      <span className="app-row-channel">{t('app.channelChip', { n: channelNumber(app, p.channelId) })}</span>
      <span>
        {t('app.publishesTo', { exchange })} <code>{keysLabel(p.routingKeys)}</code>
        {mode ? ` · ${mode}` : ''}
        {p.confirms ? ` · ${t('app.confirmsTag')}` : ''}
      </span>
      <PublisherLiveRow node={app.id} publisher={p} />
      <Handle type="source" position={Position.Right} id={p.id} role="img" aria-label={t('handle.publisher', { app: app.name })} title={t('handle.publisher', { app: app.name })} />
    </div>
  );
}

function ConsumerRow({ app, c, t }: { app: App; c: Consumer; t: Translate }) {
  return (
    <div className={`app-row app-consumer${c.running ? '' : ' is-stopped'}`}>
      <Handle type="target" position={Position.Left} id={c.id} role="img" aria-label={t('handle.consumer', { app: app.name })} title={t('handle.consumer', { app: app.name })} />
      <span className="app-row-channel">{t('app.channelChip', { n: channelNumber(app, c.channelId) })}</span>
      <span>
        {c.queue ? t('app.consumesFrom', { queue: c.queue }) : t('app.notSubscribed')} ·{' '}
        {/* basic.qos limits unacked deliveries only: an auto-ack consumer gets messages as fast as they come */}
        {c.noAck ? t('app.autoAckNoPrefetch') : `${t('app.prefetch', { n: c.prefetchCount === 0 ? '∞' : c.prefetchCount })} · ${t('app.manualAck')}`}
        {c.running ? '' : ` · ${t('app.stopped')}`}
      </span>
      <ConsumerLiveRow node={app.id} consumer={c} appName={app.name} />
    </div>
  );
}
