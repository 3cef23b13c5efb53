// Runs the machine vectors (tests/vectors/machine/*.json, prepared with the
// native answers by examples/machine_reports.rs into target/vectors/machine.json)
// through the package's `Job` class. Shared by the Node test and the browser
// page (no Node imports).
//
// Per case it checks what tests/machine.rs checks (effects, errors, `expect`,
// a refused event leaves the state unchanged, snapshot → restore → snapshot
// is the identity) and, byte for byte against native Rust, the effects and
// error JSON, the snapshot after every step and the final DescribeJob and
// List responses. JSON.stringify of a parsed serde_json answer gives back
// the same bytes (member order is kept, numbers print alike), so comparing
// it with the Rust text is a byte comparison.
//
// Snapshot interop, Rust → JS: from Rust's snapshot after the middle step,
// the JS job continues and must reproduce Rust's later snapshots and views.
// JS → Rust: `handoffs` holds the JS snapshot at the middle step and the
// remaining steps, for the Rust side to resume (the Node test does).

/** `expected` is a subset of `actual` (tests/vectors/machine/README.md). */
function subset(expected, actual, path, errors) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      errors.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual) || actual[k] === undefined) {
        if (v !== null) errors.push(`${path}/${k}: missing, expected ${JSON.stringify(v)}`);
      } else subset(v, actual[k], `${path}/${k}`, errors);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((v, i) => subset(v, actual[i], `${path}/${i}`, errors));
  } else if (!same(expected, actual)) {
    errors.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Deep equality of JSON values, member order ignored (serde_json::Value's `==`). */
function same(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
}

/** The JSON of a MachineError as the Rust `MachineError` serialises it. */
function errorJson(e) {
  const out = { code: e.code, message: e.message };
  if (e.rule !== undefined) out.rule = e.rule;
  if (e.violations && e.violations.length > 0) out.violations = e.violations;
  return out;
}

function listArgs(args) {
  const out = {};
  for (const k of ['status', 'maxResults', 'nextToken']) if (args && args[k] !== undefined) out[k] = args[k];
  return out;
}

function orError(f, MachineError) {
  try {
    return f();
  } catch (e) {
    if (e instanceof MachineError) return { error: errorJson(e) };
    throw e;
  }
}

function checkExpect(api, job, expect, at, errors) {
  if (!expect) return;
  const state = job.inspect();
  for (const [k, v] of Object.entries(expect)) {
    if (k === 'status') {
      if (state.status !== v) errors.push(`${at}: status: expected ${v}, got ${state.status}`);
      if (job.status !== state.status) errors.push(`${at}: job.status differs from inspect().status`);
    } else if (k === 'counts') subset(v, state.counts, `${at}: counts`, errors);
    else if (k === 'executions') {
      for (const [thing, ev] of Object.entries(v)) {
        const got = job.execution(thing);
        if (ev === null) {
          if (got !== null) errors.push(`${at}: execution ${thing}: expected none, got ${JSON.stringify(got)}`);
        } else subset(ev, got, `${at}: execution ${thing}`, errors);
      }
    } else if (k === 'nextDeadline') {
      if (job.nextDeadline() !== v) errors.push(`${at}: nextDeadline: expected ${v}, got ${job.nextDeadline()}`);
      if (state.nextDeadline !== v) errors.push(`${at}: inspect().nextDeadline: expected ${v}, got ${state.nextDeadline}`);
    } else if (k === 'describe') subset(v, job.describe(), `${at}: describe`, errors);
    else if (k === 'executionsForJob') {
      const got = orError(() => job.listExecutionsForJob(listArgs(v.args)), api.MachineError);
      subset(v.response, got, `${at}: executionsForJob`, errors);
    } else if (k === 'executionsForThing') {
      const got = orError(() => job.listExecutionsForThing(v.args.thingName, { status: v.args.status }), api.MachineError);
      subset(v.response, got, `${at}: executionsForThing`, errors);
    } else errors.push(`${at}: unknown expectation \`${k}\``);
  }
}

/** Runs one step the Rust runner's way: advance to `at`, then apply strictly. */
function runStep(api, job, step, label, errors) {
  let effects = [];
  let error = null;
  try {
    if (step.event.type !== 'advance') effects = job.advance(step.at);
  } catch (e) {
    if (!(e instanceof api.MachineError)) throw e;
    error = errorJson(e);
  }
  if (error === null) {
    const before = job.toSnapshot();
    try {
      effects = effects.concat(job.apply(step.at, step.event));
    } catch (e) {
      if (!(e instanceof api.MachineError)) throw e;
      if (job.toSnapshot() !== before) errors.push(`${label}: the refused event changed the state`);
      error = errorJson(e);
    }
  }
  return { effects, error };
}

function compareFinal(job, rust, things, label, mismatches) {
  const got = {
    describe: JSON.stringify(job.describe()),
    executions: JSON.stringify(job.listExecutionsForJob()),
    snapshot: job.toSnapshot(),
  };
  for (const k of Object.keys(got)) {
    if (got[k] !== rust[k]) mismatches.push({ at: `${label}: final ${k}`, got: got[k], want: rust[k] });
  }
  for (const [thing, want] of Object.entries(rust.executionsForThing)) {
    const text = JSON.stringify(job.listExecutionsForThing(thing));
    if (text !== want) mismatches.push({ at: `${label}: final executionsForThing ${thing}`, got: text, want });
  }
  void things;
}

/**
 * Runs every prepared case through `api` ({Job, MachineError}). Answers
 * {run, failures, mismatches, handoffs, finals, interop}.
 */
export function runMachineVectors(api, data) {
  const { Job } = api;
  const failures = [];
  const mismatches = [];
  const handoffs = [];
  const finals = {};
  let run = 0;
  let interop = 0;
  for (const item of data) {
    const { key, case: c, rust } = item;
    run++;
    const errors = [];
    const options = { things: item.things, createdAt: c.createdAt === undefined ? 0 : c.createdAt };
    if (c.options && c.options.api !== undefined) options.api = c.options.api;
    if (c.options && c.options.profile !== undefined) options.profile = c.options.profile;
    let created;
    try {
      created = Job.createWithEffects(c.job, options);
    } catch (e) {
      if (!(e instanceof api.MachineError)) throw e;
      const got = errorJson(e);
      if (c.createError === undefined) errors.push(`create: unexpected error ${JSON.stringify(got)}`);
      else subset(c.createError, got, 'create: error', errors);
      if (JSON.stringify(got) !== rust.createError) mismatches.push({ at: `${key}: createError`, got: JSON.stringify(got), want: rust.createError });
      failures.push(...errors.map((m) => `${key}: ${m}`));
      continue;
    }
    if (c.createError !== undefined) {
      failures.push(`${key}: create: expected error ${JSON.stringify(c.createError)}, got a job`);
      continue;
    }
    let job = created.job;
    if (c.create && c.create.effects !== undefined && !same(c.create.effects, created.effects)) {
      errors.push(`create: effects:\n  expected ${JSON.stringify(c.create.effects)}\n  got      ${JSON.stringify(created.effects)}`);
    }
    if (c.create) checkExpect(api, job, c.create.expect, 'create', errors);
    if (JSON.stringify(created.effects) !== rust.create.effects) mismatches.push({ at: `${key}: create effects`, got: JSON.stringify(created.effects), want: rust.create.effects });
    if (job.toSnapshot() !== rust.create.snapshot) mismatches.push({ at: `${key}: create snapshot`, got: job.toSnapshot(), want: rust.create.snapshot });
    const steps = c.steps || [];
    // The same steps through `step()` (advance + apply in one call): the
    // same effects, error and snapshot.
    let viaStep = Job.fromSnapshot(job.toSnapshot());
    const middle = Math.floor(steps.length / 2);
    steps.forEach((step, n) => {
      const label = `step ${n} (${step.event.type} at ${step.at})`;
      const { effects, error } = runStep(api, job, step, label, errors);
      const want = step.error === undefined ? undefined : typeof step.error === 'string' ? { code: step.error } : step.error;
      if (want === undefined && error !== null) errors.push(`${label}: unexpected error ${JSON.stringify(error)}`);
      else if (want !== undefined && error === null) errors.push(`${label}: expected error ${JSON.stringify(want)}, got none`);
      else if (want !== undefined) subset(want, error, `${label}: error`, errors);
      if (step.effects !== undefined && !same(step.effects, effects)) {
        errors.push(`${label}: effects:\n  expected ${JSON.stringify(step.effects)}\n  got      ${JSON.stringify(effects)}`);
      }
      checkExpect(api, job, step.expect, label, errors);
      const r = rust.steps[n];
      const got = { effects: JSON.stringify(effects), error: error === null ? null : JSON.stringify(error), snapshot: job.toSnapshot() };
      for (const k of ['effects', 'error', 'snapshot']) {
        if (got[k] !== r[k]) mismatches.push({ at: `${key}: ${label}: ${k}`, got: got[k], want: r[k] });
      }
      const s = viaStep.step(step.at, step.event);
      if (JSON.stringify(s.effects) !== r.effects || (s.error === null ? null : JSON.stringify(s.error)) !== r.error || viaStep.toSnapshot() !== r.snapshot) {
        mismatches.push({ at: `${key}: ${label}: step()`, got: JSON.stringify(s), want: r });
      }
      // Snapshot then restore changes nothing.
      const snap = job.toSnapshot();
      const restored = Job.fromSnapshot(snap);
      if (restored.toSnapshot() !== snap || JSON.stringify(restored.describe()) !== JSON.stringify(job.describe())) {
        errors.push(`${label}: snapshot round trip differs`);
      }
      job = restored;
      viaStep = Job.fromSnapshot(viaStep.toSnapshot());
      if (n === middle && n + 1 < steps.length) handoffs.push({ key, snapshot: snap, steps: steps.slice(n + 1).map((st) => ({ at: st.at, event: st.event })) });
    });
    compareFinal(job, rust.final, item.things, key, mismatches);
    finals[key] = rust.final;
    // Rust → JS: continue from Rust's snapshot after the middle step.
    if (middle + 1 < steps.length) {
      interop++;
      const resumed = Job.fromSnapshot(rust.steps[middle].snapshot);
      for (let n = middle + 1; n < steps.length; n++) {
        runStep(api, resumed, steps[n], `resumed step ${n}`, errors);
        if (resumed.toSnapshot() !== rust.steps[n].snapshot) mismatches.push({ at: `${key}: resumed from Rust, step ${n}: snapshot`, got: resumed.toSnapshot(), want: rust.steps[n].snapshot });
      }
      compareFinal(resumed, rust.final, item.things, `${key} (resumed from a Rust snapshot)`, mismatches);
    }
    failures.push(...errors.map((m) => `${key}: ${m}`));
  }
  return { run, failures, mismatches, handoffs, finals, interop };
}

/**
 * Misuse must be a TypeError with a `.code` (never a MachineError, never a
 * wasm trap), and leave the job as it was. Answers the problems found.
 */
export function checkMisuse(api) {
  const { Job, MachineError } = api;
  const problems = [];
  const job = Job.create({ jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'], document: '{}' }, { createdAt: 0 });
  const before = job.toSnapshot();
  const cases = [
    ['invalidEvent', () => job.apply(1, null)],
    ['invalidEvent', () => job.apply(1, [])],
    ['invalidEvent', () => job.apply(1, 'deviceUpdate')],
    ['invalidEvent', () => job.apply(1, { type: 'explode' })],
    ['invalidEvent', () => job.apply(1, { thing: 't1', status: 'SUCCEEDED' })],
    ['invalidEvent', () => job.apply(1, { type: 'deviceUpdate', thing: 't1' })],
    ['invalidEvent', () => job.apply(1, { type: 'deviceUpdate', thing: 't1', status: 'DONE' })],
    ['invalidEvent', () => job.apply(1, { type: 'deviceUpdate', thing: 5, status: 'SUCCEEDED' })],
    ['invalidEvent', () => job.apply(1, { type: 'advance', to: 'soon' })],
    ['invalidEvent', () => job.step(1, { type: 'cancelJob', force: 'yes' })],
    ['invalidEvent', () => job.step(1, { type: 'deviceUpdate', thing: 't1', status: 'SUCCEEDED', extra: 1 })],
    ['invalidEvent', () => job.apply(1, { type: 'advance', to: 10n })],
    ['invalidTime', () => job.apply(1.5, { type: 'advance', to: 2 })],
    ['invalidTime', () => job.apply('1', { type: 'advance', to: 2 })],
    ['invalidTime', () => job.advance(Number.NaN)],
    ['invalidTime', () => job.advance(2 ** 60)],
    ['invalidTime', () => job.advance(new Date(Number.NaN))],
    ['invalidSnapshot', () => Job.fromSnapshot('{}')],
    ['invalidSnapshot', () => Job.fromSnapshot('not json')],
    ['invalidSnapshot', () => Job.fromSnapshot({})],
    ['invalidRequest', () => Job.create(null)],
    ['invalidRequest', () => Job.create('{not json')],
    ['invalidOptions', () => Job.create({ jobId: 'j', targets: [], document: '{}' }, { things: 'x' })],
    ['invalidOptions', () => Job.create({ jobId: 'j', targets: [], document: '{}' }, { api: 'yesterday' })],
    ['invalidTime', () => Job.create({ jobId: 'j', targets: [], document: '{}' }, { createdAt: 0.5 })],
    ['invalidArguments', () => job.listExecutionsForJob({ status: 'DONE' })],
    ['invalidArguments', () => job.listExecutionsForJob({ maxResults: 'ten' })],
    ['invalidArguments', () => job.listExecutionsForJob([])],
    ['invalidArguments', () => job.listExecutionsForThing(7)],
    ['invalidArguments', () => job.execution(null)],
    ['invalidArguments', () => new Job()],
  ];
  cases.forEach(([code, f], i) => {
    try {
      f();
      problems.push(`misuse ${i}: no error (expected TypeError ${code})`);
    } catch (e) {
      if (!(e instanceof TypeError) || e instanceof MachineError || e.code !== code) {
        problems.push(`misuse ${i}: expected TypeError ${code}, got ${e && e.name} ${e && e.code}: ${e && e.message}`);
      }
    }
  });
  if (job.toSnapshot() !== before) problems.push('misuse changed the job');
  // Tampered snapshots: the wasm build reads snapshots by hand (snapshot.rs,
  // mod wasm), and must refuse what the native derive refuses.
  const tampered = [
    (v) => { v.extra = 1; },
    (v) => { v.createdAt = 1.5; },
    (v) => { delete v.now; },
    (v) => { v.status = 'DONE'; },
    (v) => { v.ended = 0; },
    (v) => { v.cursor = -1; },
    (v) => { v.executions[0][3] = 300; },
    (v) => { v.executions[0].pop(); },
    (v) => { v.executions[0][0] = 5; },
    (v) => { v.things = 't1'; },
    (v) => { v.format = 'other@1'; },
  ];
  tampered.forEach((edit, i) => {
    const v = JSON.parse(before);
    edit(v);
    try {
      Job.fromSnapshot(JSON.stringify(v));
      problems.push(`tampered snapshot ${i} was accepted`);
    } catch (e) {
      if (!(e instanceof TypeError) || e.code !== 'invalidSnapshot') problems.push(`tampered snapshot ${i}: ${e && e.name} ${e && e.code}`);
    }
  });
  // Optional members may be null or absent, as natively.
  const loose = JSON.parse(before);
  delete loose.completedAt;
  loose.reasonCode = null;
  if (Job.fromSnapshot(JSON.stringify(loose)).toSnapshot() === undefined) problems.push('a snapshot without optional members was refused');
  // A refused event is a MachineError with the AWS exception name, state unchanged.
  try {
    job.apply(0, { type: 'deviceUpdate', thing: 'nope', status: 'SUCCEEDED' });
    problems.push('an unknown thing was accepted');
  } catch (e) {
    if (!(e instanceof MachineError) || e.code !== 'ResourceNotFoundException' || typeof e.rule !== 'string') problems.push(`refused event: ${e && e.name} ${e && e.code}`);
  }
  try {
    Job.create({ jobId: 'bad id', targets: [], document: '{}' });
    problems.push('an invalid CreateJob request was accepted');
  } catch (e) {
    if (!(e instanceof MachineError) || e.code !== 'InvalidRequestException' || e.violations.length === 0) problems.push(`invalid request: ${e && e.name} ${e && e.code}`);
  }
  // The machine's own refusals cite no rule: `rule` is absent, in the thrown
  // MachineError and in the `error` of `step`.
  const late = Job.create({ jobId: 'late', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'], document: '{}' }, { createdAt: 1000 });
  try {
    late.apply(500, { type: 'deviceUpdate', thing: 't1', status: 'IN_PROGRESS' });
    problems.push('an event before the current time was accepted');
  } catch (e) {
    if (!(e instanceof MachineError) || e.code !== 'timeWentBackwards' || e.rule !== undefined) problems.push(`time went backwards: ${e && e.name} ${e && e.code} rule ${e && e.rule}`);
  }
  const stepped = late.step(500, { type: 'deviceUpdate', thing: 't1', status: 'IN_PROGRESS' });
  if (!stepped.error || stepped.error.code !== 'timeWentBackwards' || 'rule' in stepped.error) problems.push(`step before the current time: ${JSON.stringify(stepped.error)}`);
  if (job.toSnapshot() !== before) problems.push('a refused event changed the job');
  // The job still works after all of that (no trap poisoned the instance).
  const fx = job.apply(0, { type: 'deviceUpdate', thing: 't1', status: 'SUCCEEDED' });
  if (!Array.isArray(fx) || fx.length === 0 || job.status !== 'COMPLETED') problems.push(`the job does not work after misuse: ${JSON.stringify(fx)} ${job.status}`);
  return problems;
}
