import { describe, expect, it } from 'vitest';
import { publisherApp } from '../../sim/fixtures';
import { composerFields, draftToOverrides, nextRoutingKey } from './composerDraft';

const publisher = () =>
  publisherApp('p', 'producer', {
    routingKeys: ['orders.eu', 'orders.us'],
    mandatory: true,
    message: { body: 'order {n}', deliveryMode: 1, priority: 3, expiration: '60000', headers: { tenant: 'acme', retries: 2, vip: true } },
  }).publishers[0]!;

describe('message composer draft', () => {
  it('shows the publisher template as it is now, with no routing key of its own', () => {
    expect(composerFields(publisher(), {})).toEqual({
      routingKey: '',
      body: 'order {n}',
      headers: [
        { key: 'tenant', type: 'string', value: 'acme' },
        { key: 'retries', type: 'number', value: '2' },
        { key: 'vip', type: 'boolean', value: 'true' },
      ],
      deliveryMode: '1',
      priority: '3',
      expiration: '60000',
      mandatory: true,
    });
    // an edit of the template shows at once: the composer keeps no copy of it
    const edited = { ...publisher(), routingKeys: ['app.info'], message: { ...publisher().message, body: 'edited' } };
    expect(composerFields(edited, {}).body).toBe('edited');
  });

  it('sends only what the person changed: untouched, "Publish" sends what the schedule would (its keys in turn)', () => {
    expect(draftToOverrides({})).toEqual({ overrides: {} });
    expect(draftToOverrides({ routingKey: '' })).toEqual({ overrides: {} });
    expect(draftToOverrides({ routingKey: 'orders.asia', body: 'hi' })).toEqual({ overrides: { routingKey: 'orders.asia', body: 'hi' } });
    expect(draftToOverrides({ headers: [{ key: 'n', type: 'number', value: '4' }], deliveryMode: '2', mandatory: false })).toEqual({
      overrides: { headers: { n: 4 }, deliveryMode: 2, mandatory: false },
    });
  });

  it('says which of its keys the publisher sends next (round-robin), none when it picks at random', () => {
    expect(nextRoutingKey(publisher(), 0)).toBe('orders.eu');
    expect(nextRoutingKey(publisher(), 3)).toBe('orders.us');
    expect(nextRoutingKey({ ...publisher(), keyOrder: 'random' }, 3)).toBeNull();
  });

  it('leaves priority and expiration out when empty', () => {
    const r = draftToOverrides({ priority: ' ', expiration: '' });
    expect('overrides' in r && r.overrides).not.toHaveProperty('priority');
    expect('overrides' in r && r.overrides).not.toHaveProperty('expiration');
  });

  it('refuses what RabbitMQ or AMQP would not take', () => {
    expect(draftToOverrides({ priority: '256' })).toEqual({ error: { field: 'priority', key: 'composer.priorityInvalid' } });
    expect(draftToOverrides({ priority: '-1' })).toEqual({ error: { field: 'priority', key: 'composer.priorityInvalid' } });
    expect(draftToOverrides({ expiration: '1.5' })).toEqual({ error: { field: 'expiration', key: 'composer.expirationInvalid' } });
    expect(draftToOverrides({ headers: [{ key: ' ', type: 'string', value: 'x' }] })).toEqual({ error: { field: 'headers', key: 'validation.headerKeyEmpty' } });
    expect(draftToOverrides({ headers: [{ key: 'n', type: 'number', value: 'ten' }] })).toEqual({ error: { field: 'headers', key: 'composer.headerNumber' } });
  });
});
