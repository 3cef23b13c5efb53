// Runs in the browser: simulateAsync with 1, 2 and 3 threads (and the
// default) against simulate() on a bundled simulation, with progress, an
// abort, a malformed simulation and an invalid job. `Worker` is wrapped to
// count what the package does with workers: constructions (attempted and
// made), terminations, and the shards the workers answered. `?pkg=/pkg-ds`
// loads the opt-in one-module build (target/pkg-document-schema) instead.
const params = new URLSearchParams(location.search);
const { init, initExtras, simulate, simulateAsync } = await import(`${params.get('pkg') || '/pkg'}/web.mjs`);

const results = { errors: [], runs: {} };
const counts = { attempted: 0, made: 0, terminated: 0, answers: 0 };
const reset = () => Object.assign(counts, { attempted: 0, made: 0, terminated: 0, answers: 0 });
const RealWorker = window.Worker;
window.Worker = class CountedWorker extends RealWorker {
  constructor(...args) {
    counts.attempted += 1;
    super(...args);
    counts.made += 1;
    this.addEventListener('message', (e) => {
      if (e.data && e.data.answer !== undefined) counts.answers += 1;
    });
  }

  terminate() {
    counts.terminated += 1;
    super.terminate();
  }
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

main()
  .catch((e) => results.errors.push(`${e && e.name}: ${e && e.message}\n${e && e.stack}`))
  .finally(() => {
    document.getElementById('out').textContent = JSON.stringify(results, null, 1);
    window.__results = results;
  });
