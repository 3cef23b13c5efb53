// Runs in the browser: init(), then every machine vector through the Job
// class of the web entry, compared byte for byte with native Rust.
import { init, initExtras, Job, MachineError, eventTypes } from '/pkg/web.mjs';
import { runMachineVectors, checkMisuse } from '../shared/machine-runner.mjs';

const results = { errors: [], failures: [], mismatches: [], run: 0, interop: 0, handoffs: [] };

async function main() {
  try {
    Job.create({ jobId: 'j', targets: [], document: '{}' });
    results.errors.push('Job.create before init did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized') results.errors.push(`before init: ${e.code} ${e.message}`);
  }
  await init();
  // init() loads the core only: Job needs the extras, and says how to load them.
  try {
    Job.create({ jobId: 'j', targets: [], document: '{}' });
    results.errors.push('Job.create before initExtras did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized' || !e.message.includes('initExtras()')) results.errors.push(`before initExtras: ${e.code} ${e.message}`);
  }
  await initExtras();
  const data = await fetch('/vectors/machine.json').then((r) => r.json());
  const r = runMachineVectors({ Job, MachineError, eventTypes }, data);
  Object.assign(results, { failures: r.failures, mismatches: r.mismatches, run: r.run, interop: r.interop, handoffs: r.handoffs, finals: r.finals });
  results.misuse = checkMisuse({ Job, MachineError });
}

main()
  .catch((e) => results.errors.push(`${e && e.name}: ${e && e.message}\n${e && e.stack}`))
  .finally(() => {
    document.getElementById('out').textContent = JSON.stringify({ ...results, handoffs: results.handoffs.length, finals: undefined }, null, 1);
    window.__results = results;
  });
