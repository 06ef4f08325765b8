#!/usr/bin/env node
// Records scenarios three times and keeps only the goldens that came out identical.
//
//   node record3.mjs <scenarios-dir> <golden-dir> [--only substring]
//
// Runs run-real.mjs three times (three fresh vhosts) into temporary directories, compares the
// three outcomes of every scenario and writes the ones that agree to <golden-dir>. Outcomes are
// compared as the engine's runner compares them: everything but errors[].text (RabbitMQ cuts long
// error texts at 255 bytes, and the vhost name in them has a different length on every run).
// Scenarios whose runs differ are listed and get no golden: timing, not AMQP, decided them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [scDir, goldenDir, ...rest] = process.argv.slice(2);
if (!scDir || !goldenDir) {
  console.error('usage: node record3.mjs <scenarios-dir> <golden-dir> [--only substring]');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'record3-'));
const runs = [1, 2, 3].map((i) => path.join(tmp, `run${i}`));
for (const out of runs) {
  console.log(`--- recording into ${out}`);
  try {
    execFileSync(process.execPath, [path.join(HERE, 'run-real.mjs'), scDir, out, ...rest], { stdio: 'inherit' });
  } catch {
    console.error('a run failed (see above); scenarios it did not record get no golden');
  }
}

function list(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json'));
}
const comparable = (file) => {
  const o = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const e of o.errors) delete e.text;
  return JSON.stringify(o);
};

let kept = 0;
const differ = [];
for (const rel of list(runs[0]).sort()) {
  const files = runs.map((r) => path.join(r, rel));
  if (!files.every((f) => fs.existsSync(f))) {
    differ.push(`${rel} (not recorded in every run)`);
    continue;
  }
  const [a, b, c] = files.map(comparable);
  if (a !== b || a !== c) {
    differ.push(rel);
    continue;
  }
  const dest = path.join(goldenDir, rel);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(files[0], dest);
  kept++;
}
console.log(`\n${kept} golden(s) written to ${goldenDir}`);
if (differ.length) console.log(`not identical in three runs (no golden):\n  ${differ.join('\n  ')}`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(differ.length ? 1 : 0);
