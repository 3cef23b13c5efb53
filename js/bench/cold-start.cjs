// One cold start, in a fresh process: `node bench/cold-start.cjs <entry.cjs> <request.json>`.
// Run as a file, like an application's own module (so Node's CommonJS loader
// is already in use, as in any real program), it times `require(entry)` and
// the first `validate` and prints them as JSON.
'use strict';
const fs = require('fs');
const [entry, requestFile] = process.argv.slice(2);
const req = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
const t0 = performance.now();
const m = require(entry);
const t1 = performance.now();
const r = m.validate('CreateJob', req, { now: 1795000000000 });
const t2 = performance.now();
if (!r.valid) throw new Error('bench request invalid: ' + JSON.stringify(r));
process.stdout.write(JSON.stringify({ boot: t0, load: t1 - t0, first: t2 - t1, total: t2 - t0 }));
