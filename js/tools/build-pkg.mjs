// Assembles the publishable package: node tools/build-pkg.mjs <wasm-bindgen out> <pkg dir>
// <out>/web and <out>/nodejs hold the two wasm-bindgen outputs of one module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const js = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [out, pkgArg] = process.argv.slice(2);
const pkg = path.resolve(pkgArg);
fs.mkdirSync(pkg, { recursive: true });

const copy = (from, to) => fs.copyFileSync(from, path.join(pkg, to));
copy(path.join(out, 'web', 'iot_jobs_policy_bg.wasm'), 'iot_jobs_policy_bg.wasm');
copy(path.join(out, 'web', 'iot_jobs_policy.js'), 'iot_jobs_policy_web.mjs');
copy(path.join(out, 'nodejs', 'iot_jobs_policy.js'), 'iot_jobs_policy_node.cjs');

const core = fs.readFileSync(path.join(js, 'core.js'), 'utf8');
const names = 'makeApi, makeMiddleware, InvalidRequestException, COMMANDS, OPERATIONS';
fs.writeFileSync(path.join(pkg, 'core.cjs'), `'use strict';\n${core}\nmodule.exports = { ${names} };\n`);
fs.writeFileSync(path.join(pkg, 'core.mjs'), `${core}\nexport { ${names} };\n`);

for (const f of ['index.cjs', 'index.mjs', 'web.mjs', 'index.d.ts', 'aws-sdk.cjs', 'aws-sdk.mjs', 'aws-sdk.web.mjs', 'aws-sdk.d.ts', 'README.md']) {
  copy(path.join(js, f), f);
}

// The published manifest: js/package.json without the development fields,
// the version taken from Cargo.toml so the crate and the package agree.
// js/package.json is the development manifest (no "exports", so that files
// under js/ resolve `iot-jobs-policy` to node_modules/iot-jobs-policy, the
// link to pkg/, and never to js/ itself); js/package.publish.json holds the
// published entry points.
const dev = JSON.parse(fs.readFileSync(path.join(js, 'package.json'), 'utf8'));
const publish = JSON.parse(fs.readFileSync(path.join(js, 'package.publish.json'), 'utf8'));
const { name, description, license, keywords } = dev;
const manifest = { name, version: '', description, license, keywords, ...publish };
const cargo = fs.readFileSync(path.join(js, '..', 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no version in Cargo.toml');
manifest.version = version;
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// Every file the exports map names must exist.
const targets = [];
const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
walk(manifest.exports);
for (const t of new Set([...targets, ...manifest.files, manifest.main, manifest.types])) {
  if (!fs.existsSync(path.join(pkg, t))) throw new Error(`exports names ${t}, which the package lacks`);
}
console.log(`assembled ${pkg} (version ${version})`);
