import type { Translate } from '../../i18n/translate';
import type { MessageDetails } from '../../store/messageDetails';
import type { Names } from '../clientNames';
import { DROP_REASON } from '../log/reasons';
import { formatTime } from '../playback/format';

/**
 * "Where is it now?" as sentences: the broker's live view (ready at a position, unacked on a
 * channel), the consumers holding it, and for copies that left, what became of them.
 */
export function whereNow(d: MessageDetails, t: Translate, n: Names): string[] {
  const out: string[] = [];
  if (d.msgId === undefined) {
    if (d.sent) out.push(t('msg.toBroker', { exchange: n.exchange(d.sent.exchange), publisher: n.publisher(d.sent.publisher), at: formatTime(d.sent.arriveAt) }));
    else out.push(t('msg.unknown'));
    return out;
  }
  const story = d.story;
  for (const loc of d.locations) {
    if (loc.where === 'ready') out.push(t('msg.ready', { queue: loc.queue, position: loc.position + 1 }));
    else out.push(t('msg.unacked', { queue: loc.queue, connection: n.connection(loc.connection), channel: loc.channel, tag: loc.deliveryTag, consumer: n.consumer(loc.consumerTag) }));
  }
  for (const h of d.holders) out.push(t(h.busy ? 'msg.heldBusy' : 'msg.heldWaiting', { consumer: n.consumer(h.consumer) }));
  const live = new Set(d.locations.map((l) => l.queue));
  for (const c of story?.copies ?? []) {
    if (live.has(c.queue)) continue;
    switch (c.state) {
      case 'travelling':
        out.push(t('msg.travelling', { queue: c.queue }));
        break;
      case 'ready':
      case 'unacked':
        // the log says it is there but the broker no longer has it: a restart or a deletion not yet logged
        break;
      case 'acked':
        out.push(t('msg.acked', { queue: c.queue, consumer: n.consumer(c.consumer) }));
        break;
      case 'auto-acked':
        out.push(t('msg.autoAcked', { queue: c.queue, consumer: n.consumer(c.consumer) }));
        break;
      case 'rejected':
        out.push(t('msg.rejected', { queue: c.queue, consumer: n.consumer(c.consumer) }));
        break;
      case 'expired':
        out.push(t('msg.expired', { queue: c.queue }));
        break;
      case 'dead-lettered':
        out.push(t('msg.deadLettered', { queue: c.queue, reason: c.reason, exchange: n.exchange(c.exchange), id: c.newMsgId }));
        break;
      case 'dropped':
        out.push(t('msg.dropped', { queue: c.queue, reason: t(DROP_REASON[c.reason]) }));
        break;
      case 'purged':
        out.push(t('msg.purged', { queue: c.queue }));
        break;
    }
  }
  if (story?.stage === 'unroutable' || story?.stage === 'returned') out.push(t(story.stage === 'returned' ? 'msg.returned' : 'msg.unroutable'));
  if (story?.stage === 'failed') out.push(t('msg.failed'));
  if (story?.stage === 'dropped' && story.dropReason) out.push(t('msg.droppedNowhere', { reason: t(DROP_REASON[story.dropReason]) }));
  if (out.length === 0) out.push(story?.stage === 'in-broker' ? t('msg.inBroker') : t('msg.unknown'));
  return out;
}
