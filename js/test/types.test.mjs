// tsc --noEmit over a typed usage file (must pass) and a deliberate misuse
// file (must fail, with an error on exactly the lines marked `// error:`).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { JS } from './helpers.mjs';

const tsc = path.join(JS, 'node_modules', 'typescript', 'bin', 'tsc');
const run = (project) => spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: JS, encoding: 'utf8' });

test('the typed usage files type-check', () => {
  const r = run('test/types/tsconfig.json');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the deliberate misuse fails tsc on every marked line and nowhere else', () => {
  const r = run('test/types/tsconfig.misuse.json');
  assert.notEqual(r.status, 0, 'tsc accepted the misuse file');
  const lines = fs.readFileSync(path.join(JS, 'test/types/misuse.mts'), 'utf8').split('\n');
  const marked = lines.flatMap((l, i) => (/^[^/].*\/\/ error:/.test(l) ? [i + 1] : []));
  const reported = [...new Set([...r.stdout.matchAll(/misuse\.mts\((\d+),\d+\): error/g)].map((m) => Number(m[1])))];
  assert.ok(marked.length >= 8);
  assert.deepEqual(reported, marked, r.stdout);
});
