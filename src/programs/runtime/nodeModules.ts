import { Buffer } from 'buffer';
import * as events from 'events';
import { createRng, nextFloat, type RngState } from '../../engine';
import { format, inspect } from './inspect';
import type { VirtualTimers } from './timers';

/**
 * The Node.js modules a program may require besides amqplib, as far as students use them with it:
 * buffer, events, util, crypto (random values from the program's seeded stream, so that a run
 * replays), timers and timers/promises (on the virtual clock), process. Anything else is "Cannot find
 * module", as Node says it, with what is available.
 */

function promisify(fn: unknown): (...args: unknown[]) => Promise<unknown> {
  if (typeof fn !== 'function') throw new TypeError('The "original" argument must be of type function');
  return function (this: unknown, ...args: unknown[]) {
    return new Promise((resolve, reject) => {
      (fn as (...a: unknown[]) => void).call(this, ...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
  };
}

function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function utilModule() {
  return {
    format,
    inspect,
    promisify,
    inherits,
    isDeepStrictEqual: (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b),
    types: { isPromise: (v: unknown) => v instanceof Promise, isDate: (v: unknown) => v instanceof Date, isRegExp: (v: unknown) => v instanceof RegExp },
    TextEncoder,
    TextDecoder,
  };
}

/** crypto, drawing from the program's seeded stream. */
export function cryptoModule(rng: RngState) {
  const bytes = (n: number) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(nextFloat(rng) * 256);
    return b;
  };
  const randomUUID = () => {
    const b = bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const randomBytes = (n: number, cb?: (err: Error | null, b: Buffer) => void) => {
    const b = bytes(Number(n) || 0);
    if (cb) cb(null, b);
    return b;
  };
  const randomInt = (min: number, max?: number) => {
    const [lo, hi] = max === undefined ? [0, min] : [min, max];
    return lo + Math.floor(nextFloat(rng) * (hi - lo));
  };
  const getRandomValues = <T extends ArrayBufferView>(arr: T): T => {
    const view = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    view.set(bytes(view.length));
    return arr;
  };
  return { randomUUID, randomBytes, randomInt, getRandomValues, webcrypto: { getRandomValues, randomUUID } };
}

export function timersModule(t: VirtualTimers) {
  return { setTimeout: t.setTimeout, setInterval: t.setInterval, setImmediate: t.setImmediate, clearTimeout: t.clearTimeout, clearInterval: t.clearTimeout, clearImmediate: t.clearTimeout };
}

export function timersPromisesModule(t: VirtualTimers) {
  return {
    setTimeout: (ms?: number, value?: unknown) => new Promise((resolve) => t.setTimeout(() => resolve(value), ms)),
    setImmediate: (value?: unknown) => new Promise((resolve) => t.setImmediate(() => resolve(value))),
    scheduler: { wait: (ms: number) => new Promise((resolve) => t.setTimeout(resolve, ms)) },
  };
}

export const AVAILABLE_MODULES = ['amqplib', 'amqplib/callback_api', 'buffer', 'events', 'util', 'crypto', 'timers', 'timers/promises', 'process'];

/** Node's error for a module it cannot find (with what a Warren program can use). */
export function moduleNotFound(name: string, file: string): Error {
  const e = new Error(`Cannot find module '${name}'\nRequire stack:\n- /app/${file}\n(Warren runs programs in the page: they can use ${AVAILABLE_MODULES.join(', ')}; no files, network or other packages.)`) as Error & { code: string };
  e.code = 'MODULE_NOT_FOUND';
  return e;
}

export { Buffer, events, createRng };
