// npm run bench:definitions — how long opening a big RabbitMQ definitions file takes (Node, one core).
//
// Times share/file.ts readShareFile (sniff, size limit, parse, forbidden keys, item count, validation)
// on generated files: 6 MB (12 vhosts), 20 MB refused by its item count (110,110 items), 20 MB accepted
// (40,040 items of about 1 KB). zod runs jitless, as in the app (src/zodConfig.ts). Each file is read
// 5 times; prints the median and the slowest, then one JSON line.
import '../src/zodConfig';
import { readShareFile } from '../src/share';
import { definitionsFile } from '../src/share/testing/bigDefinitions';

const CASES = [
  { name: '6 MB, 12 vhosts (accepted)', text: definitionsFile(12, 800, 280) },
  { name: '20 MB, 110,110 items (refused by count)', text: definitionsFile(55, 1000) },
  { name: '20 MB, 40,040 items (accepted)', text: definitionsFile(20, 1000, 650) },
];

const runs = CASES.map(({ name, text }) => {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = readShareFile(text);
    times.push(performance.now() - t0);
    outcome = r.ok ? `accepted (${r.value.kind})` : `refused (${r.error.key})`;
  }
  times.sort((a, b) => a - b);
  const row = { name, mb: +(text.length / 1e6).toFixed(1), outcome, medianMs: Math.round(times[2]!), maxMs: Math.round(times[4]!) };
  console.log(`${name.padEnd(42)} ${String(row.mb).padStart(5)} MB  ${outcome.padEnd(40)} median ${row.medianMs} ms, max ${row.maxMs} ms`);
  return row;
});
console.log(JSON.stringify({ runs }));
