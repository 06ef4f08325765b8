import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { type App, type Channel, type Connection, type Consumer, channelConsumes, PORT, type Publisher } from '../../model';
import { keysLabel } from '../flowEdges';
import { type AppFlowNode, appKindWord } from '../flowNodes';
import { laneAnchor } from '../geometry/anchors';
import { ConsumerLiveRow, PublisherLiveRow } from './AppLive';
import { Name } from '../../panels/Name';
import { ConnectionHead, LaneHead } from './LaneLive';
import { Warnings } from './Warnings';

/**
 * A client application. Each of its connections is drawn as the start of its cable: a band across
 * the node, open on the side that faces the broker, where the cable goes on to the broker frame
 * (edges/ConnectionEdge.tsx); inside it a lane per channel (its number, prefetch, unacked count,
 * confirm mode), and in each lane the publishers and consumers that use that channel. Their
 * handles sit on the broker's side: a publisher's (drag it to an exchange) and a consumer's (drag a
 * queue to it) line runs through its channel's lane in the cable.
 */
export const AppNode = memo(function AppNode({ id, data, selected }: NodeProps<AppFlowNode>) {
  const t = useT();
  const app = data.app;
  const side = data.side === 'left' ? Position.Left : Position.Right;
  // the handles moved to the other side (the app was dragged across the broker): React Flow re-reads
  // them. Not on mount: React Flow measures new nodes itself (and an early update would fit the view
  // to this node alone)
  const update = useUpdateNodeInternals();
  const drawnSide = useRef(side);
  useEffect(() => {
    if (drawnSide.current === side) return;
    drawnSide.current = side;
    update(id);
  }, [side, id, update]);
  return (
    <div className={`node node-app faces-${data.side}${selected ? ' is-selected' : ''}`}>
      <div className="node-head">
        {/* the sign first, then the kind (cut short where "Producer and consumer" does not fit beside it) */}
        {data.program ? (
          <span className="program-marker" title={t('programs.markerTitle')}>
            {'</>'}
            <span className="sr-only"> {t('programs.marker')}</span>
          </span>
        ) : null}
        <span className="node-kind">{appKindWord(app, t)}</span>
        <Warnings issues={data.warnings} />
      </div>
      <div className="node-name">
        <Name>{app.name}</Name>
      </div>
      {app.connections.map((c, i) => (
        <AppConnection key={c.id} app={app} conn={c} index={i} side={side} program={!!data.program} t={t} />
      ))}
      <Handle type="source" id={PORT.connection} position={side} className="hidden-handle" isConnectable={false} />
    </div>
  );
});

function AppConnection({ app, conn, index, side, program, t }: { app: App; conn: Connection; index: number; side: Position; program: boolean; t: Translate }) {
  return (
    <div className="app-conn" data-connection={conn.id}>
      <ConnectionHead app={app} conn={conn} index={index} />
      {conn.channels.map((ch) => (
        <ChannelLane key={ch.id} app={app} conn={conn} channel={ch} side={side} program={program} t={t} />
      ))}
    </div>
  );
}

function ChannelLane({ app, conn, channel, side, program, t }: { app: App; conn: Connection; channel: Channel; side: Position; program: boolean; t: Translate }) {
  const pubs = app.publishers.filter((p) => p.channelId === channel.id);
  const cons = app.consumers.filter((c) => c.channelId === channel.id);
  return (
    <div className="app-lane" data-channel={channel.id}>
      <LaneHead app={app} conn={conn} channel={channel} consuming={channelConsumes(app, channel.id)} />
      {pubs.map((p) => (
        <PublisherRow key={p.id} app={app} p={p} side={side} program={program} t={t} />
      ))}
      {cons.map((c) => (
        <ConsumerRow key={c.id} app={app} c={c} side={side} t={t} />
      ))}
      {/* where the lane leaves the node when no client uses the channel yet */}
      <Handle type="source" id={laneAnchor(channel.id)} position={side} className="lane-anchor" isConnectable={false} style={{ top: 10 }} />
    </div>
  );
}

function publisherText(p: Publisher, program: boolean, t: Translate): { short: string; full: string } {
  const exchange = p.exchange === '' ? t('node.defaultExchangeName') : p.exchange;
  // a program publishes when its code says so: no schedule to show
  const mode = program ? '' : p.mode === 'rate' ? t('app.rate', { n: p.ratePerSec }) : p.mode === 'burst' ? t('app.burst', { n: p.burstCount }) : t('app.manual');
  const tail = mode ? ` · ${mode}` : '';
  return {
    short: `→ ${keysLabel(p.routingKeys)}${tail}`,
    full: `${t('app.publishesTo', { exchange })} ${keysLabel(p.routingKeys)}${tail}${p.confirms ? ` · ${t('app.confirmsTag')}` : ''}`,
  };
}

function PublisherRow({ app, p, side, program, t }: { app: App; p: Publisher; side: Position; program: boolean; t: Translate }) {
  const text = publisherText(p, program, t);
  return (
    <div className="app-row app-publisher">
      <span className="app-row-text" title={text.full}>
        {text.short}
      </span>
      <PublisherLiveRow node={app.id} publisher={p} />
      <Handle type="source" position={side} id={p.id} role="img" aria-label={t('handle.publisher', { app: app.name })} title={t('handle.publisher', { app: app.name })} style={{ top: 10 }} />
    </div>
  );
}

function ConsumerRow({ app, c, side, t }: { app: App; c: Consumer; side: Position; t: Translate }) {
  const what = c.queue ? `← ${c.queue}` : t('app.notSubscribed');
  // basic.qos limits unacked deliveries only: an auto-ack consumer gets messages as fast as they come
  const ack = c.noAck ? t('app.autoAck') : t('app.manualAck');
  const full = `${c.queue ? t('app.consumesFrom', { queue: c.queue }) : t('app.notSubscribed')} · ${c.noAck ? t('app.autoAckNoPrefetch') : `${t('app.prefetch', { n: c.prefetchCount === 0 ? '∞' : c.prefetchCount })} · ${t('app.manualAck')}`}${c.running ? '' : ` · ${t('app.stopped')}`}`;
  return (
    <div className={`app-row app-consumer${c.running ? '' : ' is-stopped'}`}>
      <span className="app-row-text" title={full}>
        {what} · {ack}
        {c.running ? '' : ` · ${t('app.stopped')}`}
      </span>
      <ConsumerLiveRow node={app.id} consumer={c} appName={app.name} />
      <Handle type="target" position={side} id={c.id} role="img" aria-label={t('handle.consumer', { app: app.name })} title={t('handle.consumer', { app: app.name })} style={{ top: 10 }} />
    </div>
  );
}
