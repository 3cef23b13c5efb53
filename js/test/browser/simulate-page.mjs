// Runs in the browser: simulateAsync with 1, 2 and 3 threads (and the
// default) against simulate() on a bundled simulation, with progress, an
// abort, a malformed simulation and an invalid job. `Worker` is wrapped to
// count what the package does with workers: constructions (attempted and
// made), terminations, and the shards the workers answered, and the Blob
// URLs made and revoked; it can also hold back the workers' ready messages
// (`faults.stall`) or throw a DataCloneError from postMessage
// (`faults.cloneFails`). `?pkg=/pkg-ds` loads the opt-in one-module build
// (target/pkg-document-schema) instead. `?scenario=stall` and
// `?scenario=clone` run only the start-up failures (each on a page of its
// own: after one, the page's later calls run in turn).
const params = new URLSearchParams(location.search);
const pkg = params.get('pkg') || '/pkg';
const { init, initExtras, simulate, simulateAsync } = await import(`${pkg}/web.mjs`);

const results = { errors: [], runs: {} };
const counts = { attempted: 0, made: 0, terminated: 0, answers: 0, held: 0, urls: 0, revoked: 0 };
const reset = () => Object.assign(counts, { attempted: 0, made: 0, terminated: 0, answers: 0, held: 0, urls: 0, revoked: 0 });
/** @type {{ stall: boolean, cloneFails: boolean, onHeld?: () => void }} */
const faults = { stall: false, cloneFails: false };
const RealWorker = window.Worker;
window.Worker = class CountedWorker extends RealWorker {
  constructor(...args) {
    counts.attempted += 1;
    super(...args);
    counts.made += 1;
    // Added before the package's onmessage, so it runs first and can hide the message from it.
    this.addEventListener('message', (e) => {
      if (e.data && e.data.answer !== undefined) counts.answers += 1;
      if (faults.stall && e.data && e.data.ready === true) {
        e.stopImmediatePropagation();
        counts.held += 1;
        if (faults.onHeld) faults.onHeld();
      }
    });
  }

  postMessage(...args) {
    if (faults.cloneFails) throw new DOMException('refused by the test page', 'DataCloneError');
    return super.postMessage(...args);
  }

  terminate() {
    counts.terminated += 1;
    super.terminate();
  }
};
const realCreate = URL.createObjectURL;
const realRevoke = URL.revokeObjectURL;
URL.createObjectURL = (...args) => {
  counts.urls += 1;
  return realCreate(...args);
};
URL.revokeObjectURL = (...args) => {
  counts.revoked += 1;
  return realRevoke(...args);
};

const outcome = (p) =>
  p.then(
    (value) => ({ value }),
    (e) => ({ error: { name: e && e.name, code: e && e.code, pointer: e && e.pointer, message: e && e.message } }),
  );

async function main() {
  const name = params.get('simulation');
  const text = await fetch(`/simulations/${name}`).then((r) => r.text());
  // Before initExtras(): notInitialized, as simulate() says it.
  results.beforeExtras = (await outcome(simulateAsync(text, { trials: 20, threads: 2 }))).error;
  await init();
  await initExtras();
  const reference = JSON.stringify(simulate(text, { trials: 20 }));
  results.reference = reference;
  for (const threads of [1, 2, 3, undefined]) {
    reset();
    const progress = [];
    const summary = await simulateAsync(text, { trials: 20, threads, onProgress: (done, total) => progress.push([done, total]) });
    results.runs[String(threads)] = { same: JSON.stringify(summary) === reference, progress, ...counts };
  }
  results.hardwareConcurrency = navigator.hardwareConcurrency;
  // Aborted at the first progress: rejects with an AbortError, every worker terminated.
  reset();
  const ac = new AbortController();
  const aborted = await outcome(simulateAsync(text, { trials: 200, threads: 2, signal: ac.signal, onProgress: () => ac.abort() }));
  results.aborted = { name: aborted.error && aborted.error.name, ...counts };
  // Aborted before the call: no worker at all.
  reset();
  const early = await outcome(simulateAsync(text, { trials: 20, threads: 2, signal: AbortSignal.abort() }));
  results.abortedEarly = { name: early.error && early.error.name, ...counts };
  // Aborted while the workers start (both ready messages held back, the
  // abort when the second is): an AbortError, both terminated, the URL
  // revoked. Not a failure to start: the next call runs over workers.
  reset();
  faults.stall = true;
  const starting = new AbortController();
  faults.onHeld = () => {
    if (counts.held === 2) starting.abort();
  };
  const abortedStarting = await outcome(simulateAsync(text, { trials: 20, threads: 2, signal: starting.signal }));
  Object.assign(faults, { stall: false, onHeld: undefined });
  results.abortedStarting = { name: abortedStarting.error && abortedStarting.error.name, ...counts };
  reset();
  const after = await simulateAsync(text, { trials: 20, threads: 2 });
  results.afterAbortedStarting = { same: JSON.stringify(after) === results.reference, ...counts };
  // A simulation the core refuses (found by the worker, rethrown here as simulate() throws it).
  const malformed = JSON.parse(text);
  malformed.fleetSize = 'many';
  reset();
  results.malformed = { async: (await outcome(simulateAsync(malformed, { trials: 20, threads: 2 }))).error, ...counts };
  try {
    simulate(malformed, { trials: 20 });
  } catch (e) {
    results.malformed.sync = { name: e.name, code: e.code, pointer: e.pointer, message: e.message };
  }
  // An invalid job: its validation report, as simulate() answers it.
  const invalid = JSON.parse(text);
  invalid.job = { ...invalid.job, jobId: 'not a valid id!' };
  reset();
  const report = await simulateAsync(invalid, { trials: 20, threads: 2 });
  results.invalid = { same: JSON.stringify(report) === JSON.stringify(simulate(invalid, { trials: 20 })), valid: report.valid, ...counts };
}

/**
 * A start-up failure (`stall`: the workers never ready, the start-up
 * timeout shortened to 300 ms; `clone`: postMessage throws): the shards in
 * turn, simulate()'s summary; then a call that does not try workers.
 */
async function startFailure(scenario) {
  const name = params.get('simulation');
  const text = await fetch(`/simulations/${name}`).then((r) => r.text());
  await init();
  await initExtras();
  results.reference = JSON.stringify(simulate(text, { trials: 20 }));
  // The chunk web.mjs imports (the same module): its start-up timeout, shortened.
  const { startup } = await import(`${pkg}/simulate-web.mjs`);
  startup.timeout = 300;
  if (scenario === 'stall') faults.stall = true;
  else faults.cloneFails = true;
  const progress = [];
  const summary = await simulateAsync(text, { trials: 20, threads: 2, onProgress: (done, total) => progress.push([done, total]) });
  results.failed = { same: JSON.stringify(summary) === results.reference, progress, ...counts };
  reset();
  const later = await simulateAsync(text, { trials: 20, threads: 2 });
  results.later = { same: JSON.stringify(later) === results.reference, ...counts };
}

const scenario = params.get('scenario');
(scenario ? startFailure(scenario) : main())
  .catch((e) => results.errors.push(`${e && e.name}: ${e && e.message}\n${e && e.stack}`))
  .finally(() => {
    document.getElementById('out').textContent = JSON.stringify(results, null, 1);
    window.__results = results;
  });
