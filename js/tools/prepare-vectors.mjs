// Flattens the shared test vectors into one case list for every runner that
// cannot walk directories itself (the wasm-bindgen test, the browser page,
// the native `vector_reports` example).
//
//   node js/tools/prepare-vectors.mjs <vectors dir> <out.json>
//
// Each case becomes {key, file, name, operation, options, request |
// requestBytes, expect}; `options` and `request` are JSON text made with
// JSON.stringify (the vectors' canonical compact form), `requestText` is
// kept exactly, `requestBase64` is decoded to a byte array.
import fs from 'node:fs';
import path from 'node:path';

export function loadCases(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) files.push(p);
    }
  };
  walk(dir);
  const cases = [];
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    // machine/ holds the job state-machine vectors (events and effects, a
    // different format, run by tests/machine.rs), not request validation.
    if (rel.startsWith('machine/')) {
      console.log(`not a validation vector file (state machine): ${rel}`);
      continue;
    }
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(doc.cases)) throw new Error(`${rel}: no "cases" array`);
    for (const c of doc.cases) {
      const given = ['request', 'requestText', 'requestBase64'].filter((k) => k in c);
      if (given.length !== 1) throw new Error(`${rel}#${c.name}: needs exactly one of request, requestText, requestBase64`);
      const out = {
        key: `${rel}#${c.name}`,
        file: rel,
        name: c.name,
        operation: c.operation,
        options: c.options === undefined ? '' : JSON.stringify(c.options),
        expect: c.expect,
      };
      // The caller's job-document schema, as JSON text (Cargo feature document-schema).
      if (c.documentSchema !== undefined) out.documentSchema = JSON.stringify(c.documentSchema);
      if ('request' in c) out.request = JSON.stringify(c.request);
      else if ('requestText' in c) out.request = c.requestText;
      else out.requestBytes = [...Buffer.from(c.requestBase64, 'base64')];
      cases.push(out);
    }
  }
  // Known disagreements (tests/vectors/README.md, "Expected failures"): one
  // case id `<file>#<case name>` per line (the `key`), `#` comments. Runners report them as
  // expected failures and fail when a listed case passes.
  const listFile = path.join(dir, 'expected-failures.txt');
  if (fs.existsSync(listFile)) {
    let reason = '';
    for (const raw of fs.readFileSync(listFile, 'utf8').split('\n')) {
      const line = raw.trim();
      if (line === '') {
        reason = '';
      } else if (line.startsWith('#')) {
        reason += (reason ? ' ' : '') + line.replace(/^#\s*/, '');
      } else {
        const c = cases.find((x) => x.key === line);
        if (!c) throw new Error(`expected-failures.txt lists an unknown case: ${line}`);
        c.expectedFailure = reason || 'listed in expected-failures.txt';
      }
    }
  }
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, out] = process.argv.slice(2);
  const cases = loadCases(dir);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(cases));
  console.log(`${cases.length} vector cases from ${dir} -> ${out}`);
}
