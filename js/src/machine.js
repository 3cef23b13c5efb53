// The transition function in JavaScript: a `Job` class over the Rust
// machine's JSON-text functions (`machine::text`, exported by the wasm glue
// as machineCreate, machineApply, ...). The state is the snapshot JSON string
// held by the object: no WebAssembly handle, nothing to free(), and
// `toSnapshot()` / `Job.fromSnapshot()` move it between processes (a Lambda
// keeps it between invocations) and between Rust and JS unchanged.
//
// Like core.js, this file has no module syntax: the package build appends it
// to core.js (core.cjs, core.mjs and the inlined copy in index.cjs).

/** The event types the machine knows (`Event` in index.d.ts). */
const EVENT_TYPES = ['deviceUpdate', 'advance', 'cancelJob', 'cancelJobExecution', 'deleteJob', 'updateJob', 'thingAdded', 'thingRemoved'];

/**
 * A refused creation or event, as AWS would refuse it: `code` is the AWS
 * exception name (`InvalidStateTransitionException`, ...) or one of the
 * machine's own (`timeWentBackwards`, `deadlinePending`); `rule` the rule of
 * the semantics notes; `violations` the validator's errors for an invalid
 * CreateJob/UpdateJob request. The job's state is unchanged.
 */
function errorInfo(e) {
  const out = { code: e.code, message: e.message, rule: e.rule };
  if (e.violations.length > 0) out.violations = e.violations;
  return out;
}

class MachineError extends Error {
  constructor(error) {
    super(error.message);
    this.name = 'MachineError';
    this.code = error.code;
    this.rule = error.rule;
    this.violations = error.violations || [];
  }
}

function makeMachine(glue, ready) {
  // Misuse (wrong argument types, malformed events, a damaged snapshot) is a
  // TypeError with a `.code`, never a MachineError and never a wasm trap.
  const misuse = (code, message) => {
    const e = new TypeError(message);
    e.code = code;
    return e;
  };

  function timeOf(t, what) {
    const ms = t instanceof Date ? t.getTime() : t;
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) {
      throw misuse('invalidTime', `${what} must be whole epoch milliseconds (a safe integer) or a valid Date, not ${t === null ? 'null' : typeof t === 'number' ? t : typeof t}`);
    }
    return ms;
  }

  function eventText(event) {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      throw misuse('invalidEvent', `the event must be an object such as {type: 'deviceUpdate', thing, status}, not ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`);
    }
    if (!EVENT_TYPES.includes(event.type)) {
      throw misuse('invalidEvent', `the event type must be one of ${EVENT_TYPES.join(', ')}, not ${JSON.stringify(String(event.type))}`);
    }
    try {
      return JSON.stringify(event);
    } catch (e) {
      throw misuse('invalidEvent', `the event cannot be serialised as JSON: ${e && e.message}`);
    }
  }

  function argsText(args, what) {
    if (args === undefined || args === null) return '{}';
    if (typeof args !== 'object' || Array.isArray(args)) throw misuse('invalidArguments', `${what} must be an object`);
    try {
      return JSON.stringify(args);
    } catch (e) {
      throw misuse('invalidArguments', `${what} cannot be serialised as JSON: ${e && e.message}`);
    }
  }

  // A tagged answer of the Rust boundary: `success` as is; `misuse` (a
  // malformed input, a damaged snapshot) is a TypeError with Rust's
  // lowerCamel code; `refused` is what the machine refused.
  function answer(text) {
    const a = JSON.parse(text);
    if (a.type === 'success') return a;
    if (a.type === 'misuse') throw misuse(a.error.code, a.error.message);
    if (a.type === 'refused') throw new MachineError(a.error);
    throw misuse('internal', `the machine answered ${JSON.stringify(a.type)}`);
  }

  const TOKEN = Symbol('Job');

  /** One job and its executions, as the Rust `machine::Job` models them. */
  class Job {
    #snapshot;
    #deadline; // undefined until known

    constructor(token, snapshot, deadline) {
      if (token !== TOKEN) throw misuse('invalidArguments', 'use Job.create(request, options) or Job.fromSnapshot(text)');
      this.#snapshot = snapshot;
      this.#deadline = deadline;
    }

    /** Creates a job and answers it with the effects of its creation. */
    static createWithEffects(request, options) {
      const o = options === undefined || options === null ? {} : options;
      if (typeof o !== 'object' || Array.isArray(o)) throw misuse('invalidOptions', 'options must be an object');
      let req;
      if (typeof request === 'string') {
        try {
          JSON.parse(request);
        } catch (e) {
          throw misuse('invalidRequest', `the request is not JSON: ${e && e.message}`);
        }
        req = request;
      } else if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
        try {
          req = JSON.stringify(request);
        } catch (e) {
          throw misuse('invalidRequest', `the request cannot be serialised as JSON: ${e && e.message}`);
        }
      } else {
        throw misuse('invalidRequest', `the request must be a CreateJob request object or JSON text, not ${request === null ? 'null' : typeof request}`);
      }
      const extra = {};
      if (o.things !== undefined) extra.things = o.things;
      if (o.groups !== undefined) extra.groups = o.groups;
      if (o.createdAt !== undefined) extra.createdAt = timeOf(o.createdAt, 'option `createdAt`');
      const opts = {};
      if (o.api !== undefined) opts.api = o.api;
      if (o.profile !== undefined) opts.profile = o.profile;
      if (Object.keys(opts).length > 0) extra.options = opts;
      let rest;
      try {
        rest = JSON.stringify(extra).slice(1);
      } catch (e) {
        throw misuse('invalidOptions', `options cannot be serialised as JSON: ${e && e.message}`);
      }
      ready();
      const a = answer(glue.machineCreate(`{"job":${req}${rest === '}' ? '}' : `,${rest}`}`));
      return { job: new Job(TOKEN, a.snapshot, a.nextDeadline), effects: a.effects };
    }

    /**
     * Creates a job from a CreateJob request (object or JSON text), validated
     * as CreateJob first (an invalid one is a MachineError
     * `InvalidRequestException` with the violations).
     */
    static create(request, options) {
      return Job.createWithEffects(request, options).job;
    }

    /** Restores a job from `toSnapshot()` text (from any surface: Rust, Node, a browser). */
    static fromSnapshot(text) {
      if (typeof text !== 'string') throw misuse('invalidSnapshot', `a snapshot is the text toSnapshot() gave, not ${text === null ? 'null' : typeof text}`);
      ready();
      const a = answer(glue.machineInspect(text));
      return new Job(TOKEN, text, a.nextDeadline);
    }

    /** The state as JSON text; `Job.fromSnapshot` restores it exactly. */
    toSnapshot() {
      return this.#snapshot;
    }

    #update(a) {
      this.#snapshot = a.snapshot;
      this.#deadline = a.nextDeadline;
      return a;
    }

    /**
     * Applies `event` at `at` strictly: throws a MachineError when it is
     * refused (state unchanged), including `deadlinePending` when something
     * is due at or before `at` (call `advance(at)` first, or use `step`).
     */
    apply(at, event) {
      const t = timeOf(at, 'the time');
      const ev = eventText(event);
      ready();
      return this.#update(answer(glue.machineApply(this.#snapshot, t, ev))).effects;
    }

    /**
     * Advances to `at` (firing what is due), then applies `event`. Never
     * throws for a refused event: `error` carries it (null when accepted),
     * the effects of the advance are kept.
     */
    step(at, event) {
      // advance + apply here rather than one wasm export (Rust's Job::step
      // does the same; the vectors compare both): less WebAssembly. The
      // state is a string, so misuse after the advance rolls back.
      const t = timeOf(at, 'the time');
      eventText(event);
      const before = [this.#snapshot, this.#deadline];
      let effects = [];
      try {
        if (event.type !== 'advance') effects = this.advance(t);
        effects = effects.concat(this.apply(t, event));
      } catch (e) {
        if (e instanceof MachineError) return { effects, error: errorInfo(e) };
        [this.#snapshot, this.#deadline] = before;
        throw e;
      }
      return { effects, error: null };
    }

    /** Fires everything due up to and including `to`; idempotent. */
    advance(to) {
      const t = timeOf(to, 'the time');
      ready();
      return this.#update(answer(glue.machineAdvance(this.#snapshot, t))).effects;
    }

    /** When time next matters (epoch ms), or null when only an event can change the job. */
    nextDeadline() {
      if (this.#deadline === undefined) this.#deadline = this.inspect().nextDeadline;
      return this.#deadline;
    }

    /** `{jobId, status, now, nextDeadline, thingCount, counts}` (times in epoch ms). */
    inspect() {
      ready();
      const { type, ...rest } = answer(glue.machineInspect(this.#snapshot));
      return rest;
    }

    /** The job's status. */
    get status() {
      return this.inspect().status;
    }

    /** One thing's execution (times in epoch ms), or null for a thing the job does not know. */
    execution(thing) {
      if (typeof thing !== 'string') throw misuse('invalidArguments', 'the thing name must be a string');
      ready();
      return answer(glue.machineExecution(this.#snapshot, thing)).execution;
    }

    /** The DescribeJob response (times in epoch seconds). */
    describe() {
      ready();
      return answer(glue.machineDescribe(this.#snapshot)).response;
    }

    /** The ListJobExecutionsForJob response; `args` is `{status?, maxResults?, nextToken?}`. */
    listExecutionsForJob(args) {
      const text = argsText(args, 'the arguments');
      ready();
      return answer(glue.machineListExecutionsForJob(this.#snapshot, text)).response;
    }

    /** The ListJobExecutionsForThing response for `thingName`; `args` is `{status?, maxResults?, nextToken?}`. */
    listExecutionsForThing(thingName, args) {
      if (typeof thingName !== 'string') throw misuse('invalidArguments', 'the thing name must be a string');
      if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args))) throw misuse('invalidArguments', 'the arguments must be an object');
      const text = argsText({ ...(args || {}), thingName }, 'the arguments');
      ready();
      return answer(glue.machineListExecutionsForThing(this.#snapshot, text)).response;
    }
  }

  return { Job, MachineError, eventTypes: () => EVENT_TYPES.slice() };
}
