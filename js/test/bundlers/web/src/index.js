// A browser app as a user writes it, bundled by webpack 5, Vite and esbuild
// (the same source for each; see test/bundlers.test.mjs). On load it
// initialises the core module only and validates a valid and an invalid
// request; `window.__extras()` then uses a Job and schema(), which need the
// extras module, loaded on that request by initExtras(); `window.__simulate()`
// runs a simulation with simulateAsync over 2 Web Workers and simulate(). The
// results land in window.__results / the promises for the Playwright driver.
import { init, initExtras, validate, isValid, Job, schema, simulate, simulateAsync } from 'iot-jobs-policy';

const valid = {
  jobId: 'firmware-42',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thing/sensor-1'],
  document: '{"operation":"install"}',
};
const invalid = { jobId: 'firmware rollout #2', targets: [], document: '{"operation":"install"}' };

const brief = (report) => ({ valid: report.valid, violations: report.violations.map((v) => [v.code, v.path, v.severity]) });
const code = (f) => {
  try {
    f();
    return null;
  } catch (e) {
    return e.code;
  }
};

async function main() {
  await init();
  return {
    valid: brief(validate('CreateJob', valid)),
    invalid: brief(validate('CreateJob', invalid)),
    isValid: [isValid('CreateJob', valid), isValid('CreateJob', invalid)],
    // Job and schema() need the extras module: not loaded by init().
    beforeExtras: [code(() => Job.create(valid, { createdAt: 0 })), code(() => schema('CreateJob'))],
  };
}

window.__extras = async () => {
  await initExtras();
  const t0 = Date.UTC(2026, 0, 1);
  const job = Job.create(valid, { createdAt: t0 });
  const effects = job.apply(t0 + 1000, { type: 'deviceUpdate', thing: 'sensor-1', status: 'SUCCEEDED' });
  return {
    effects: effects.map((e) => e.type),
    status: job.status,
    schemaRequired: schema('CreateJob').required,
  };
};

// A small rollout: 3 things at 2 a minute, 10 % FAILED, abort on 20 % after 2.
const simulation = {
  job: {
    jobId: 'fw-7',
    document: '{"operation":"install"}',
    targets: ['arn:aws:iot:eu-west-1:123456789012:thinggroup/fleet'],
    jobExecutionsRolloutConfig: { maximumPerMinute: 2 },
    abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 20, minNumberOfExecutedThings: 2 }] },
  },
  fleetSize: 3,
  devices: { outcomes: { SUCCEEDED: 0.9, FAILED: 0.1 }, run: { fixed: 60000 } },
  trials: 40,
  seed: 7,
};

window.__simulate = async () => {
  await initExtras();
  const progress = [];
  const summary = await simulateAsync(simulation, { threads: 2, onProgress: (done, total) => progress.push([done, total]) });
  return { async: JSON.stringify(summary), sync: JSON.stringify(simulate(simulation)), progress };
};

main().then(
  (r) => {
    document.getElementById('out').textContent = JSON.stringify(r, null, 1);
    window.__results = r;
  },
  (e) => {
    window.__results = { error: `${e && e.name}: ${e && e.message}` };
  },
);
