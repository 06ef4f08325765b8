import type { MessageKey, Translate } from './translate';

/**
 * Why a simulated client's publish failed, in the page's language. The broker's own reasons are AMQP
 * reply texts ("NOT_FOUND - no exchange 'x' in vhost '/'"), which a real client prints as they are and
 * which stay untranslated; the few reasons the simulated client says itself are translated here.
 */
const OWN_REASONS: Record<string, MessageKey> = {
  'broker unreachable (restarting)': 'simReason.brokerRestarting',
  'connection closed': 'simReason.connectionClosed',
  'channel closed': 'simReason.channelClosed',
};

export function simReason(reason: string, t: Translate): string {
  const key = OWN_REASONS[reason];
  return key ? t(key) : reason;
}
