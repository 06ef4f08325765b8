import type { WireError } from '../../../sim/programs/protocol';
import { closeMessage, methodInfo } from './defs';

/**
 * amqplib's errors, with its messages, so that a program's error handling (and what it prints) is
 * what it would be against RabbitMQ.
 */

/** Thrown by an operation on a channel or connection that is closed or closing (amqplib's IllegalOperationError). */
export class IllegalOperationError extends Error {
  stackAtStateChange?: string;
  constructor(message: string, stackAtStateChange?: string) {
    super(message);
    this.name = 'IllegalOperationError';
    this.stackAtStateChange = stackAtStateChange;
  }
}

export interface AmqpCloseError extends Error {
  code: number;
  classId: number;
  methodId: number;
}

function withCode(message: string, e: WireError): AmqpCloseError {
  const err = new Error(message) as AmqpCloseError;
  const info = methodInfo(e.method);
  err.code = e.code;
  err.classId = info.classId;
  err.methodId = info.methodId;
  return err;
}

/** The 'error' a channel emits when the broker closes it: "Channel closed by server: 406 (PRECONDITION-FAILED) with message "…"". */
export function channelClosedError(e: WireError): AmqpCloseError {
  return withCode(`Channel closed by server: ${closeMessage(e.code, e.text)}`, e);
}

/**
 * What the RPC that was waiting for a reply is rejected with when the broker closes the channel:
 * "Operation failed: QueueDeclare; 404 (NOT-FOUND) with message "…"" when that RPC caused it.
 */
export function rpcFailedError(method: string, e: WireError): AmqpCloseError {
  return e.method === method ? withCode(`Operation failed: ${methodInfo(method).name}; ${closeMessage(e.code, e.text)}`, e) : channelClosedError(e);
}

/** The 'error' a connection emits when the broker closes it: "Connection closed: 320 (CONNECTION-FORCED) with message "…"". */
export function connectionClosedError(e: WireError): AmqpCloseError {
  return withCode(`Connection closed: ${closeMessage(e.code, e.text)}`, e);
}

/** What connect() fails with when the broker refuses the handshake. */
export function handshakeError(e: WireError): Error {
  if (e.code === 0) {
    // no broker listening (restarting): what Node's net module says
    const err = new Error(e.text) as Error & { code: string; errno: number; syscall: string; address: string; port: number };
    err.code = 'ECONNREFUSED';
    err.errno = -111;
    err.syscall = 'connect';
    err.address = '127.0.0.1';
    err.port = 5672;
    return err;
  }
  return new Error(`Handshake terminated by server: ${closeMessage(e.code, e.text)}`);
}

export function stackCapture(reason: string): string {
  return `Stack capture: ${reason}\n${(new Error().stack ?? '').split('\n').slice(2).join('\n')}`;
}
