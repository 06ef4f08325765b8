import { describe, expect, it } from 'vitest';
import { simReason } from './simReason';
import { translator } from '../i18n/translate';

describe('why a simulated publish failed', () => {
  it("says the client's own reasons in the page language and leaves the broker's AMQP texts as they are", () => {
    const es = translator('es');
    expect(simReason('broker unreachable (restarting)', es)).toBe('no se puede contactar con el broker (se está reiniciando)');
    expect(simReason('connection closed', translator('en'))).toBe('the connection is closed');
    const amqp = "NOT_FOUND - no exchange 'x' in vhost '/'";
    expect(simReason(amqp, es)).toBe(amqp);
  });
});
