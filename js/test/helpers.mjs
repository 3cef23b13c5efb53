// Shared paths for the JS tests: the package under test is the built pkg/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const JS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(JS, '..');
export const PKG = path.join(ROOT, 'pkg');
export const VECTORS = path.join(ROOT, 'target', 'vectors');

/** The prepared vector cases and native answers (.ci/js-tests writes them). */
export function vectorData() {
  const cases = JSON.parse(fs.readFileSync(path.join(VECTORS, 'requests.json'), 'utf8'));
  const native = JSON.parse(fs.readFileSync(path.join(VECTORS, 'reports.json'), 'utf8'));
  return { cases, native };
}

/**
 * Cases the JS API cannot take, each with the reason. JavaScript strings are
 * UTF-16, so raw bytes that are not UTF-8 (`requestBase64` cases) cannot be
 * passed as a request; they run in the Rust and wasm-bindgen tests instead.
 */
export function jsSkip(c) {
  return c.requestBytes !== undefined ? 'requestBase64: non-UTF-8 bytes cannot be a JS string' : null;
}
