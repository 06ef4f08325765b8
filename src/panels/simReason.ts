import type { MessageKey, Translate } from '../i18n/translate';
import { CLIENT_FAILURE } from '../sim';

/**
 * Why a simulated client's publish failed, in the page's language. The broker's own reasons are AMQP
 * reply texts ("NOT_FOUND - no exchange 'x' in vhost '/'"), which a real client prints as they are and
 * which stay untranslated; the reasons the simulated client gives itself (sim/events.ts) are translated.
 */
const OWN_REASONS: Record<string, MessageKey> = {
  [CLIENT_FAILURE.brokerRestarting]: 'simReason.brokerRestarting',
  [CLIENT_FAILURE.connectionClosed]: 'simReason.connectionClosed',
  [CLIENT_FAILURE.channelClosed]: 'simReason.channelClosed',
};

export function simReason(reason: string, t: Translate): string {
  const key = OWN_REASONS[reason];
  return key ? t(key) : reason;
}
