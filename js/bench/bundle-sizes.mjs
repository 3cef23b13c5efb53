// Bundle sizes of the bundler fixtures (test/bundlers.test.mjs builds them):
// every file a build emitted, raw and gzipped (level 9), grouped as a
// markdown table. The test prints the table for its own builds; to measure
// builds you made yourself:
//
//   node js/bench/bundle-sizes.mjs <label>=<dist dir> ...
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Every file under `dir` (recursively): `{file, raw, gzip}`, sorted by name. */
export function measure(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const bytes = fs.readFileSync(p);
        out.push({ file: path.relative(dir, p), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

const n = (x) => x.toLocaleString('en-US');

/**
 * A markdown table, one row per fixture: `rows` is `[{fixture, files: [{file,
 * raw, gzip, role?}]}]`; each file is listed with its role (when given), and
 * the fixture's total closes the cell.
 */
export function table(rows) {
  const lines = ['| fixture | file (role) | raw B | gzip -9 B |', '|---|---|---:|---:|'];
  for (const { fixture, files } of rows) {
    for (const f of files) lines.push(`| ${fixture} | ${f.file}${f.role ? ` (${f.role})` : ''} | ${n(f.raw)} | ${n(f.gzip)} |`);
    const raw = files.reduce((s, f) => s + f.raw, 0);
    const gzip = files.reduce((s, f) => s + f.gzip, 0);
    lines.push(`| ${fixture} | **total** | **${n(raw)}** | **${n(gzip)}** |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node js/bench/bundle-sizes.mjs <label>=<dist dir> ...');
    process.exit(2);
  }
  console.log(table(args.map((a) => {
    const [fixture, dir] = a.includes('=') ? a.split(/=(.*)/s) : [a, a];
    return { fixture, files: measure(dir) };
  })));
}
