import type { BasicProperties } from '../../engine';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { MessageContent } from '../../store/messageDetails';
import type { Names } from '../clientNames';
import { formatValue } from './formatValue';
import { XDeathTable } from './XDeathTable';

/** The basic properties a person looks at first, always listed (unset ones say so). */
const MAIN: readonly [keyof BasicProperties, MessageKey][] = [
  ['contentType', 'msg.prop.contentType'],
  ['deliveryMode', 'msg.prop.deliveryMode'],
  ['priority', 'msg.prop.priority'],
  ['expiration', 'msg.prop.expiration'],
  ['messageId', 'msg.prop.messageId'],
  ['correlationId', 'msg.prop.correlationId'],
  ['replyTo', 'msg.prop.replyTo'],
  ['timestamp', 'msg.prop.timestamp'],
];
/** The others, listed only when set. */
const MORE: readonly [keyof BasicProperties, MessageKey][] = [
  ['contentEncoding', 'msg.prop.contentEncoding'],
  ['type', 'msg.prop.type'],
  ['userId', 'msg.prop.userId'],
  ['appId', 'msg.prop.appId'],
];

const SOURCE_KEYS: Record<MessageContent['source'], MessageKey> = {
  queue: 'msg.source.queue',
  channel: 'msg.source.channel',
  transit: 'msg.source.transit',
  delivery: 'msg.source.delivery',
  received: 'msg.source.received',
  publish: 'msg.source.publish',
};

/** Where the content was read, exchange, routing key and the basic properties of a message. */
export function MessageProperties({ content: c, names }: { content: MessageContent; names: Names }) {
  const t = useT();
  const p = c.properties;
  const show = (key: keyof BasicProperties): string => {
    const v = p[key];
    if (v === undefined) return t('msg.notSet');
    if (key === 'deliveryMode') return t(v === 2 ? 'msg.persistent' : 'msg.transient', { n: v as number });
    if (key === 'timestamp') return t('msg.seconds', { n: v as number });
    if (key === 'expiration') return t('msg.ms', { n: v as string });
    return String(v);
  };
  return (
    <>
      <h4>{t('msg.properties')}</h4>
      <p className="field-hint">{t(SOURCE_KEYS[c.source])}</p>
      <dl className="msg-props">
        <div>
          <dt>{t('msg.exchange')}</dt>
          <dd>{names.exchange(c.exchange)}</dd>
        </div>
        <div>
          <dt>{t('msg.routingKey')}</dt>
          <dd>
            <code>{c.routingKey}</code>
          </dd>
        </div>
        {c.redelivered !== undefined ? (
          <div>
            <dt>{t('msg.redelivered')}</dt>
            <dd>{t(c.redelivered ? 'log.yes' : 'log.no')}</dd>
          </div>
        ) : null}
        {c.source === 'publish'
          ? null
          : [...MAIN, ...MORE.filter(([k]) => p[k] !== undefined)].map(([k, label]) => (
              <div key={k}>
                <dt>{t(label)}</dt>
                <dd className={p[k] === undefined ? 'is-unset' : undefined}>{show(k)}</dd>
              </div>
            ))}
      </dl>
    </>
  );
}

/** Headers (x-death as a table of its own) and body of a message. */
export function MessageHeadersAndBody({ content: c }: { content: MessageContent }) {
  const t = useT();
  const headers = Object.entries(c.properties.headers ?? {});
  return (
    <>
      {c.source === 'publish' ? null : (
        <>
          <h4>{t('msg.headers')}</h4>
          {headers.length === 0 ? (
            <p className="field-hint">{t('msg.noHeaders')}</p>
          ) : (
            <table className="msg-headers">
              <caption className="sr-only">{t('msg.headers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('msg.headerName')}</th>
                  <th scope="col">{t('msg.headerValue')}</th>
                </tr>
              </thead>
              <tbody>
                {headers.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">
                      <code>{k}</code>
                    </th>
                    <td>{k === 'x-death' ? <XDeathTable value={v} /> : <code>{formatValue(v)}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h4>{t('msg.body')}</h4>
      <pre className="msg-body">{c.body === '' ? t('msg.emptyBody') : c.body}</pre>
    </>
  );
}
