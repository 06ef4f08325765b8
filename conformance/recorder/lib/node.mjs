// The broker node: where it listens (loopback only) and how to drive it (./broker.sh).
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const HOST = process.env.AMQP_HOST || '127.0.0.1';
export const PORT = Number(process.env.AMQP_PORT || 5672);
if (!['127.0.0.1', 'localhost', '::1'].includes(HOST)) {
  console.error(`refusing to connect to non-loopback host ${HOST}`);
  process.exit(2);
}

export function url(vhost) {
  return `amqp://guest:guest@${HOST}:${PORT}/${encodeURIComponent(vhost)}`;
}

export function ctl(args) {
  const cmd = process.env.ORACLE_CTL || path.join(ROOT, 'broker.sh');
  return execFileSync(cmd, ['ctl', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

// Stop and start the broker node keeping its state (durable entities, persistent messages); the
// node stays down for at least downMs. Default: `./broker.sh restart <downMs>`; override with
// ORACLE_RESTART (a shell command line; it gets the down time in the env var ORACLE_DOWN_MS).
export function restartNode(downMs = 0) {
  return new Promise((resolve, reject) => {
    const cb = (err, stdout, stderr) => (err ? reject(new Error(`broker restart failed: ${err.message} ${stderr}`)) : resolve(stdout));
    const opts = { timeout: 180000, env: { ...process.env, ORACLE_DOWN_MS: String(downMs) } };
    if (process.env.ORACLE_RESTART) execFile('/bin/sh', ['-c', process.env.ORACLE_RESTART], opts, cb);
    else execFile(path.join(ROOT, 'broker.sh'), ['restart', String(downMs)], opts, cb);
  });
}
