import { memo, useMemo } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { MessageKey } from '../../i18n/messages.en';
import type { Consumer, Publisher } from '../../model';
import type { ConsumerLive, PublisherLive } from '../../store/liveCounts';
import { messageKeysOf } from '../../store/messageKeys';
import { useNodeLive } from '../../store/liveStagger';
import { useSim } from '../../store/useSim';
import { type ChipItem, ChipList } from './Chips';
import './live.css';

/** Unacked messages shown per consumer before "+N" (on their own row, under its counts). */
export const HOLDING_CHIPS = 12;

/** A figure with a short label; its title says in full what it counts (hover, and the accessible description). */
function Stat({ label, title, value, tone }: { label: string; title: string; value: number; tone?: string }) {
  return (
    <span className={`stat${tone ? ` stat-${tone}` : ''}`} title={title}>
      {label} <b>{value}</b>
    </span>
  );
}

const stat = (t: Translate, key: 'received' | 'acked' | 'nacked' | 'sent' | 'confirmed' | 'brokerNacked' | 'returned' | 'failed') => ({
  label: t(`stat.${key}` as MessageKey),
  title: t(`stat.${key}Title` as MessageKey),
});

/**
 * A consumer's live state: what it received, acked and nacked (so load balancing across the
 * consumers of a queue can be compared at a glance), the messages it holds unacked as chips (the
 * one being processed outlined), and its state when it is not running (or runs on standby behind a
 * single active consumer), with the channel error.
 */
export const ConsumerLiveRow = memo(function ConsumerLiveRow({ node, consumer, appName }: { node: string; consumer: Consumer; appName: string }) {
  const t = useT();
  const sim = useSim();
  const live = useNodeLive(sim, node, (s) => s.consumers[consumer.id]) as ConsumerLive | undefined;
  // the chips change less often than the counts: same ids, same array (the chip list skips its render)
  const shown = live ? live.holding.slice(0, HOLDING_CHIPS) : [];
  const ids = shown.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ids` stands for the contents of `shown`
  const items = useMemo<ChipItem[]>(() => {
    const keys = messageKeysOf(sim.log);
    return shown.map((msgId) => ({ msgId, key: keys.get(msgId), persistent: keys.persistent(msgId) }));
  }, [ids, sim]);
  // before its first figures (not subscribed yet) the rows keep their room: the node does not grow later
  if (!live) {
    return (
      <div className="live-row" aria-hidden="true">
        <div className="stats" />
        <div className="holding-row" />
      </div>
    );
  }
  return (
    <div className={`live-row consumer-live state-${live.state}`}>
      <div className="stats consumer-stats">
        <Stat {...stat(t, 'received')} value={live.received} />
        <Stat {...stat(t, 'acked')} value={live.acked} tone="ok" />
        <Stat {...stat(t, 'nacked')} value={live.nacked + live.rejected} tone={live.nacked + live.rejected > 0 ? 'bad' : undefined} />
        {live.state !== 'running' ? <span className={`state-pill state-${live.state}`}>{t(`consumer.state.${live.state}`)}</span> : null}
        {live.state === 'running' && live.standby ? (
          <span className="state-pill state-standby" title={t('consumer.state.standbyTitle')}>
            {t('consumer.state.standby')}
          </span>
        ) : null}
      </div>
      {/* a row of their own: beside the counts they got what the counts left, a few px */}
      <div className="holding-row">
        <ChipList className="holding" items={items} busy={live.busy} more={Math.max(0, live.holding.length - items.length)} label={t('consumer.holding', { app: appName })} />
      </div>
      {live.error ? <p className="consumer-error">{live.error}</p> : null}
    </div>
  );
});

/** A publisher's live counts: sent, and (when it asks for them) confirms and returns; failures when any. */
export const PublisherLiveRow = memo(function PublisherLiveRow({ node, publisher }: { node: string; publisher: Publisher }) {
  const t = useT();
  const live = useNodeLive(useSim(), node, (s) => s.publishers[publisher.id]) as PublisherLive | undefined;
  if (!live) return <div className="live-row stats" aria-hidden="true" />;
  return (
    <div className="live-row publisher-live">
      <div className="stats">
        <Stat {...stat(t, 'sent')} value={live.sent} />
        {publisher.confirms ? <Stat {...stat(t, 'confirmed')} value={live.confirmed} tone="ok" /> : null}
        {publisher.confirms || live.nacked > 0 ? <Stat {...stat(t, 'brokerNacked')} value={live.nacked} tone={live.nacked > 0 ? 'bad' : undefined} /> : null}
        {publisher.mandatory || live.returned > 0 ? <Stat {...stat(t, 'returned')} value={live.returned} tone={live.returned > 0 ? 'warn' : undefined} /> : null}
        {live.failed > 0 ? <Stat {...stat(t, 'failed')} value={live.failed} tone="bad" /> : null}
      </div>
    </div>
  );
});
