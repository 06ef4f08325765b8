// npm run conformance -- <dir> [--only substring] [--verbose]
// Runs every scenarios/**/*.json under <dir> against the engine and compares each outcome with
// golden/<same path>. Prints a diff per mismatch and ends with "N passed, M failed".
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareOutcome, formatDifferences } from '../src/engine/conformance/compare';
import { runScenario } from '../src/engine/conformance/runner';
import type { Scenario } from '../src/engine/conformance/scenario';

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? listJson(p) : f.endsWith('.json') ? [p] : [];
    });
}

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const verbose = args.includes('--verbose');
if (!dir) {
  console.error('usage: npm run conformance -- <dir> [--only substring] [--verbose]');
  process.exit(2);
}
const scenarios = join(dir, 'scenarios');
const goldens = join(dir, 'golden');
let files = listJson(scenarios);
if (only) files = files.filter((f) => f.includes(only));

let passed = 0;
let failed = 0;
for (const file of files) {
  const rel = relative(scenarios, file);
  const goldenPath = join(goldens, rel);
  const sc = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  if (!existsSync(goldenPath)) {
    failed++;
    console.log(`FAIL ${rel}: no golden at ${goldenPath}`);
    continue;
  }
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, unknown>;
  let diffs: ReturnType<typeof compareOutcome>;
  let outcome: ReturnType<typeof runScenario>;
  try {
    outcome = runScenario(sc);
    diffs = compareOutcome(outcome as unknown as Record<string, unknown>, golden);
  } catch (e) {
    failed++;
    console.log(`FAIL ${rel}: the engine threw: ${(e as Error).stack ?? e}`);
    continue;
  }
  if (diffs.length === 0) {
    passed++;
    if (verbose) console.log(`ok   ${rel}`);
  } else {
    failed++;
    console.log(`FAIL ${rel}\n${formatDifferences(diffs)}`);
    if (verbose) console.log(JSON.stringify(outcome, null, 1));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
