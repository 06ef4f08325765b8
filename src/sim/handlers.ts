import { onDeliveryArrive, onProcessingDone, onReplyArrive, onSettleArrive } from './consuming';
import { reconnectAll } from './inputs';
import { handleProgramItem } from './programs/turns';
import { confirmSettled, onPublishArrive, onTick } from './publishing';
import type { SimItem } from './runtime';
import type { World } from './world';

/** Runs one scheduled client item. */
export function handleItem(w: World, it: SimItem): void {
  switch (it.kind) {
    case 'publish-tick':
      onTick(w, it.publisher, it.gen);
      return;
    case 'publish-arrive':
      onPublishArrive(w, it.publisher, it.seq, it.params);
      return;
    case 'delivery-arrive':
      onDeliveryArrive(w, it.consumer, it.d);
      return;
    case 'processing-done':
      onProcessingDone(w, it.consumer, it.gen);
      return;
    case 'settle-arrive':
      onSettleArrive(w, it.consumer, it.ch, it.action, it.requeue, it.deliveryTag);
      return;
    case 'reply-arrive':
      onReplyArrive(w, it.consumer, it.ch, it.seq, it.params);
      return;
    case 'return-arrive': {
      const p = w.publishers.get(it.publisher);
      if (!p) return;
      p.returned++;
      w.emit({ type: 'return-received', t: w.now, app: p.app, publisher: p.id, msgId: it.msgId, replyText: it.replyText });
      return;
    }
    case 'confirm-arrive': {
      const p = w.publishers.get(it.publisher);
      if (!p) return;
      if (it.ack) p.confirmed++;
      else p.nacked++;
      if (w.traceAll) w.emit({ type: 'confirm-received', t: w.now, app: p.app, publisher: p.id, msgId: it.msgId, ack: it.ack });
      confirmSettled(w, p.id);
      return;
    }
    case 'confirms-lost':
      confirmSettled(w, it.publisher, true);
      return;
    case 'reconnect':
      reconnectAll(w);
      return;
    case 'program':
      handleProgramItem(w, it.item);
      return;
    default: {
      const never: never = it;
      throw new Error(`unknown sim item ${JSON.stringify(never)}`);
    }
  }
}
