// The shared shim (the package's core.mjs and core.cjs): what the entries
// that do not inline it (web.mjs, aws-sdk.*) take from one copy. Entries
// import it as './shim.js'; js/tools/build-pkg.mjs leaves that import to
// the sibling file core.mjs (ES modules) or core.cjs (CommonJS). Neither is
// in the package's "exports" map, so these are its only importers: web.mjs
// (joinGlue, makeApi, makeMachine, threadsOf), its simulate-web.mjs chunk
// (what it takes from core.js and machine.js, which build-pkg resolves to
// this file) and aws-sdk.* (makeMiddleware); the classes and lists they
// build come out of those factories.
export { escapeLoneSurrogates, joinGlue, makeApi, usageError } from './core.js';
export { abortError, makeMachine, shardCount, threadsOf } from './machine.js';
export { makeMiddleware } from './middleware.js';
