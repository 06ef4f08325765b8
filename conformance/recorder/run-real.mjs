#!/usr/bin/env node
// Differential-testing oracle runner.
// Executes engine-neutral AMQP 0-9-1 scenarios (JSON, see ../README.md) against a
// REAL RabbitMQ broker on 127.0.0.1 and writes one golden outcome JSON per scenario.
//
//   node run-real.mjs scenarios/ golden/ [--only substring] [--vhost NAME] [--keep-vhost]
//
// Isolation: every run creates a fresh, uniquely named vhost (oracle-<time>-<pid>)
// via rabbitmqctl (through ./broker.sh ctl), so scenario names are used verbatim
// (no name mangling: default-exchange routing keys, DLX routing keys and x-death
// contents stay engine-neutral). Every scenario deletes all queues/exchanges it
// created; the vhost is deleted at the end of the run.
//
// The steps live in lib/ops/ (one file per op family), the player in lib/runner.mjs.
import fs from 'node:fs';
import path from 'node:path';
import amqp from 'amqplib';
import { ctl, url } from './lib/node.mjs';
import { Runner } from './lib/runner.mjs';
import { sleep } from './lib/values.mjs';

function listScenarios(dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) out.push(...listScenarios(p));
    else if (f.endsWith('.json')) out.push(p);
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--only', '--vhost'].includes(args[i - 1])));
  const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const [scDir = 'scenarios', outDir = 'golden'] = pos;
  const only = opt('--only');
  fs.mkdirSync(outDir, { recursive: true });

  let vhost = opt('--vhost');
  let created = false;
  if (!vhost) {
    vhost = `oracle-${Date.now()}-${process.pid}`;
    try {
      ctl(['add_vhost', vhost]);
      ctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
      created = true;
    } catch (e) {
      console.error(`could not create vhost via rabbitmqctl (${e.message.split('\n')[0]}); falling back to "/"`);
      vhost = '/';
    }
  }
  let version = 'unknown';
  {
    const c = await amqp.connect(url(vhost));
    const sp = c.connection.serverProperties || {};
    version = `${sp.product} ${sp.version}`;
    await c.close();
  }
  console.log(`broker: ${version}  vhost: ${vhost}`);
  // Guard: a golden must never encode a broker-internal crash. If the broker log is readable,
  // count "crashed queue" / crasher reports around every scenario and fail the scenario if any appear.
  const LOG = process.env.ORACLE_BROKER_LOG || '/tmp/rmq-oracle/log/rabbit@localhost.log';
  const crashCount = () => {
    try { return (fs.readFileSync(LOG, 'utf8').match(/Restarting crashed queue|crasher:/g) || []).length; } catch (_e) { return -1; }
  };
  let files = listScenarios(scDir);
  if (only) files = files.filter((f) => f.includes(only));
  let failed = 0;
  for (const f of files) {
    const sc = JSON.parse(fs.readFileSync(f, 'utf8'));
    const rel = path.relative(scDir, f);
    const r = new Runner(sc, vhost);
    let out;
    const t0 = Date.now();
    const crashesBefore = crashCount();
    try {
      out = await r.run();
      await sleep(50);
      const crashesAfter = crashCount();
      if (crashesBefore >= 0 && crashesAfter > crashesBefore) throw new Error(`broker log reports a crash during this scenario (${LOG})`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${rel}: ${e.stack || e}`);
      await r.cleanup();
      continue;
    }
    await r.cleanup();
    const ordered = {
      scenario: sc.name, category: sc.category, broker: version,
      errors: out.errors, publishes: out.publishes, returns: out.returns,
      deliveries: out.deliveries, steps: out.steps, final: out.final,
    };
    const dest = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, `${JSON.stringify(ordered, null, 2)}\n`);
    console.log(`ok   ${rel} (${Date.now() - t0} ms)`);
  }
  if (created && !args.includes('--keep-vhost')) {
    try { ctl(['delete_vhost', vhost]); } catch (_e) { console.error(`could not delete vhost ${vhost}`); }
  }
  console.log(`${files.length - failed} scenarios ok, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
