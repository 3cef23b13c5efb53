// Shared paths for the JS tests: the package under test is the built pkg/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const JS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(JS, '..');
export const PKG = path.join(ROOT, 'pkg');
export const VECTORS = path.join(ROOT, 'target', 'vectors');
/**
 * The raw wasm-bindgen `--target nodejs` glue of the same build (inlined in
 * pkg/index.cjs): a second instance of the same module, for tests that need
 * the JSON text the wasm answers before the shim parses it.
 */
export const RAW_GLUE = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'wasm-bindgen', 'nodejs', 'iot_jobs_policy.js');

/** The prepared vector cases and native answers (.ci/js-tests writes them). */
export function vectorData() {
  const cases = JSON.parse(fs.readFileSync(path.join(VECTORS, 'requests.json'), 'utf8'));
  const native = JSON.parse(fs.readFileSync(path.join(VECTORS, 'reports.json'), 'utf8'));
  return { cases, native };
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm pack` of pkg/ into `dest`: npm's description of the tarball (its `files`, …) and the tarball's path. */
export function npmPack(dest) {
  const [info] = JSON.parse(execFileSync(NPM, ['pack', PKG, '--json', '--pack-destination', dest], { encoding: 'utf8' }));
  return { info, tarball: path.join(dest, info.filename) };
}

/** Installs a packed tarball into the project `dir` as a user would, offline (from npm's cache). */
export function npmInstall(dir, tarball) {
  execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: 'pipe' });
}

export { jsSkip } from './shared/expect.mjs';
