// Shared paths for the JS tests: the package under test is the built pkg/.
import fs from 'node:fs';
import path from 'node:path';
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

export { jsSkip } from './browser/expect.mjs';
