/**
 * AMQP exceptions as values. A soft error (403, 404, 405, 406) closes the channel that caused
 * it; a hard error (5xx) closes the whole connection. Nothing in the engine throws for a
 * protocol error: methods return `{ ok: false, error }` and the trace records the close.
 */
export const REPLY_NAMES = {
  200: 'REPLY_SUCCESS',
  312: 'NO_ROUTE',
  320: 'CONNECTION_FORCED',
  403: 'ACCESS_REFUSED',
  404: 'NOT_FOUND',
  405: 'RESOURCE_LOCKED',
  406: 'PRECONDITION_FAILED',
  501: 'FRAME_ERROR',
  502: 'SYNTAX_ERROR',
  503: 'COMMAND_INVALID',
  504: 'CHANNEL_ERROR',
  505: 'UNEXPECTED_FRAME',
  506: 'RESOURCE_ERROR',
  530: 'NOT_ALLOWED',
  540: 'NOT_IMPLEMENTED',
  541: 'INTERNAL_ERROR',
} as const;

export type ReplyCode = keyof typeof REPLY_NAMES;

export interface AmqpError {
  code: ReplyCode;
  /** e.g. "PRECONDITION_FAILED" */
  name: string;
  /** RabbitMQ-style reply text: "PRECONDITION_FAILED - unknown delivery tag 5" */
  text: string;
  /** What the error closes: the channel (soft error) or the whole connection (hard error). */
  scope: 'channel' | 'connection';
  /** The AMQP method that failed, e.g. "basic.ack". */
  method: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AmqpError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Reply codes that AMQP 0-9-1 defines as connection exceptions: 320 CONNECTION_FORCED and every 5xx. */
function isConnectionCode(code: ReplyCode): boolean {
  return code === 320 || code >= 500;
}

export function amqpError(code: ReplyCode, method: string, message: string): AmqpError {
  const name = REPLY_NAMES[code];
  return { code, name, text: `${name} - ${message}`, scope: isConnectionCode(code) ? 'connection' : 'channel', method };
}

/** Thrown inside the engine to abort a method; caught at the method boundary and turned into a Result. */
export class AmqpException extends Error {
  constructor(readonly error: AmqpError) {
    super(error.text);
  }
}

export function fail(code: ReplyCode, method: string, message: string): never {
  throw new AmqpException(amqpError(code, method, message));
}

/** "channel 2 closed: PRECONDITION_FAILED - unknown delivery tag 5" */
export function describeClose(error: AmqpError, channel?: number): string {
  return error.scope === 'connection' || channel === undefined
    ? `connection closed: ${error.text}`
    : `channel ${channel} closed: ${error.text}`;
}
