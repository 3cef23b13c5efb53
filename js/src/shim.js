// The shared shim (the package's core.mjs and core.cjs): what the entries
// that do not inline it (web.mjs, aws-sdk.*) take from one copy. Entries
// import it as './shim.js'; js/tools/build-pkg.mjs leaves that import to
// the sibling file core.mjs (ES modules) or core.cjs (CommonJS).
export { joinGlue, makeApi } from './core.js';
export { makeMachine, MachineError } from './machine.js';
export { makeMiddleware, InvalidRequestException, COMMANDS } from './middleware.js';
export { OPERATIONS } from './names.js';
