// Cold start of two builds of the package, alternated in one window (the
// host is shared: only runs taken side by side compare):
//   node bench/cold-compare.mjs <pkg dir A> <pkg dir B> [runs per build, 15]
// Each run is a fresh `node bench/cold-start.cjs <dir>/index.cjs create-job.json`
// (require + the first validate of the 1.2 KB CreateJob object, with `now`),
// A and B taking turns; prints the medians of each and the load average.
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [a, b, n = '15'] = process.argv.slice(2);
if (a === undefined || b === undefined) throw new Error('usage: node bench/cold-compare.mjs <pkg dir A> <pkg dir B> [runs]');
const RUNS = Number(n);
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const run = (dir) =>
  JSON.parse(execFileSync(process.execPath, [path.join(HERE, 'cold-start.cjs'), path.join(path.resolve(dir), 'index.cjs'), path.join(HERE, 'create-job.json')], { encoding: 'utf8' }));
const loadBefore = os.loadavg()[0];
const runs = { [a]: [], [b]: [] };
for (let i = 0; i < RUNS; i++) {
  for (const dir of i % 2 ? [b, a] : [a, b]) runs[dir].push(run(dir));
}
console.log(`| build (${RUNS} fresh processes each, alternated; median) | require | first validate | total |\n|---|---|---|---|`);
for (const dir of [a, b]) {
  const r = runs[dir];
  const f = (k) => median(r.map((x) => x[k])).toFixed(2);
  console.log(`| ${dir} | ${f('load')} ms | ${f('first')} ms | ${f('total')} ms |`);
}
console.log(`\n(load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after)`);
