import { describe, expect, it } from 'vitest';
import { publisherApp } from '../../sim/fixtures';
import { draftFromPublisher, draftToOverrides } from './composerDraft';

const publisher = () =>
  publisherApp('p', 'producer', {
    routingKeys: ['orders.eu', 'orders.us'],
    mandatory: true,
    message: { body: 'order {n}', deliveryMode: 1, priority: 3, expiration: '60000', headers: { tenant: 'acme', retries: 2, vip: true } },
  }).publishers[0]!;

describe('message composer draft', () => {
  it('starts from the publisher template, with its first routing key', () => {
    const d = draftFromPublisher(publisher());
    expect(d).toEqual({
      routingKey: 'orders.eu',
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
    expect(draftToOverrides(d)).toEqual({
      overrides: { routingKey: 'orders.eu', body: 'order {n}', headers: { tenant: 'acme', retries: 2, vip: true }, deliveryMode: 1, priority: 3, expiration: '60000', mandatory: true },
    });
  });

  it('leaves priority and expiration out when empty', () => {
    const d = { ...draftFromPublisher(publisher()), priority: ' ', expiration: '' };
    const r = draftToOverrides(d);
    expect('overrides' in r && r.overrides).not.toHaveProperty('priority');
    expect('overrides' in r && r.overrides).not.toHaveProperty('expiration');
  });

  it('refuses what RabbitMQ or AMQP would not take', () => {
    const d = draftFromPublisher(publisher());
    expect(draftToOverrides({ ...d, priority: '256' })).toEqual({ error: { field: 'priority', key: 'composer.priorityInvalid' } });
    expect(draftToOverrides({ ...d, priority: '-1' })).toEqual({ error: { field: 'priority', key: 'composer.priorityInvalid' } });
    expect(draftToOverrides({ ...d, expiration: '1.5' })).toEqual({ error: { field: 'expiration', key: 'composer.expirationInvalid' } });
    expect(draftToOverrides({ ...d, headers: [{ key: ' ', type: 'string', value: 'x' }] })).toEqual({ error: { field: 'headers', key: 'validation.headerKeyEmpty' } });
    expect(draftToOverrides({ ...d, headers: [{ key: 'n', type: 'number', value: 'ten' }] })).toEqual({ error: { field: 'headers', key: 'composer.headerNumber' } });
  });
});
