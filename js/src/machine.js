// The transition function in JavaScript: a `Job` class over the Rust
// machine's JSON-text functions (`machine::text`, exported by the wasm glue
// as machineCreate, machineApply, ...). The state is the snapshot JSON string
// held by the object: no WebAssembly handle, nothing to free(), and
// `toSnapshot()` / `Job.fromSnapshot()` move it between processes (a Lambda
// keeps it between invocations) and between Rust and JS unchanged.

// Misuse (wrong argument types, malformed events, a damaged snapshot) is a
// TypeError with a `.code`, as in core.js.
import { usageError as misuse, messageOf, readingOptions, escapeLoneSurrogates, utf8Length, MAX_REQUEST_BYTES } from './core.js';
import { EVENT_TYPES } from './names.js';

/** @typedef {import('../index.d.ts').Effect} Effect */
/** @typedef {import('../index.d.ts').Event} Event */
/** @typedef {import('../index.d.ts').Time} Time */
/** @typedef {import('../index.d.ts').JobOptions} JobOptions */
/** @typedef {import('../index.d.ts').MachineErrorCode} MachineErrorCode */
/** @typedef {import('../index.d.ts').MachineErrorInfo} MachineErrorInfo */
/** @typedef {import('../index.d.ts').RequestViolation} RequestViolation */
/** @typedef {import('../index.d.ts').Report} Report */
/** @typedef {import('../index.d.ts').ReplayResult} ReplayResult */
/** @typedef {import('#glue/types').ExtrasGlue} ExtrasGlue */

/**
 * A refused creation or event, as AWS would refuse it: `code` is the AWS
 * exception name (`InvalidStateTransitionException`, ...) or one of the
 * machine's own (`timeWentBackwards`, `deadlinePending`); `rule` the id of
 * the rule catalogue (`rules()`), absent for the machine's own refusals (a
 * bad time, a pending deadline); `violations` the validator's errors for an invalid
 * CreateJob/UpdateJob request. The job's state is unchanged.
 */
/**
 * @param {MachineError} e
 * @returns {MachineErrorInfo}
 */
function errorInfo(e) {
  /** @type {MachineErrorInfo} */
  const out = { code: e.code, message: e.message };
  if (e.rule !== undefined) out.rule = e.rule;
  if (e.violations.length > 0) out.violations = e.violations;
  return out;
}

class MachineError extends Error {
  /** @param {MachineErrorInfo} error */
  constructor(error) {
    super(error.message);
    /** @type {'MachineError'} */
    this.name = 'MachineError';
    this.code = error.code;
    this.rule = error.rule;
    this.violations = error.violations || [];
  }
}

/**
 * The UTF-8 size of `text` when it is over the core's 1 MiB limit (a
 * `tooLarge` request), otherwise undefined. Counted without copying `text`
 * into wasm memory: a string of more code units than the limit is over it
 * (each code unit is at least one byte); a string of fewer than a third of
 * the limit is under it (each code unit is at most three bytes); in between
 * the bytes are counted.
 * @param {string} text
 * @returns {number | undefined}
 */
function oversize(text) {
  if (text.length * 3 <= MAX_REQUEST_BYTES) return undefined;
  const n = utf8Length(text);
  return n > MAX_REQUEST_BYTES ? n : undefined;
}

/**
 * The refusal of a CreateJob request over the size limit, as the machine
 * refuses an invalid request (Rust's `MachineError::invalid_request` with
 * the validator's `tooLarge` violation).
 * @param {number} size
 * @returns {MachineError}
 */
function tooLargeRequest(size) {
  return new MachineError({
    code: 'InvalidRequestException',
    message: 'the CreateJob request is not valid (1 violation)',
    rule: 'V-1',
    violations: [{ code: 'tooLarge', path: '', message: `the request is ${size} bytes, more than the limit of ${MAX_REQUEST_BYTES}` }],
  });
}

/**
 * The transition function's part of the package API (see index.d.ts).
 * @typedef {object} MachineApi
 * @property {typeof import('../index.d.ts').Job} Job
 * @property {typeof import('../index.d.ts').MachineError} MachineError
 * @property {typeof import('../index.d.ts').eventTypes} eventTypes
 * @property {typeof import('../index.d.ts').replay} replay
 * @property {typeof import('../index.d.ts').simulate} simulate
 * @property {typeof import('../index.d.ts').mergeShards} mergeShards
 * @property {typeof import('../index.d.ts').simulateAsync} simulateAsync
 * @property {{ simulationText: (simulation: unknown) => string, simulateOptionsText: (options: unknown) => string, simulationAnswer: (answer: string) => any }} internal
 *   for the `simulateAsync` over workers (simulate-node.js, simulate-web.js), not exported by the package
 */

/** The largest simulation document the core reads (64 MiB, the CLI's limit). */
export const MAX_SIMULATION_BYTES = 64 * 1024 * 1024;

/**
 * The error a `simulateAsync` rejects with when its signal aborts it.
 * @returns {Error}
 */
export function abortError() {
  return new DOMException('the simulation was aborted', 'AbortError');
}

/**
 * How many shards `simulateAsync` cuts a simulation into: four per thread
 * (progress is reported as each shard completes), 8 without threads.
 * @param {unknown} threads
 * @returns {number}
 */
export function shardCount(threads) {
  if (threads === undefined || threads === null) return 8;
  if (typeof threads !== 'number' || !Number.isSafeInteger(threads) || threads < 1 || threads > 256) {
    throw misuse('invalidOptions', `\`threads\` must be a whole number from 1 to 256, not ${typeof threads === 'number' ? threads : typeof threads}`);
  }
  return threads * 4;
}

/**
 * The default number of threads from the machine's parallelism (Node's
 * `os.availableParallelism()`, browsers' `navigator.hardwareConcurrency`):
 * at least 1, at most 256 (`threads`' limit).
 * @param {unknown} n
 * @returns {number}
 */
export function threadsOf(n) {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 1 ? Math.min(n, 256) : 1;
}

/**
 * Builds the `Job` class over the extras glue's machine functions.
 * `ready()` throws when the glue has not been initialised yet.
 * @param {ExtrasGlue} glue
 * @param {() => void} ready
 * @returns {MachineApi}
 */
export function makeMachine(glue, ready) {
  // Misuse is never a MachineError and never a wasm trap.
  /**
   * @param {unknown} t
   * @param {string} what
   * @returns {number}
   */
  function timeOf(t, what) {
    const ms = t instanceof Date ? t.getTime() : t;
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) {
      throw misuse('invalidTime', `${what} must be whole epoch milliseconds (a safe integer) or a valid Date, not ${t === null ? 'null' : typeof t === 'number' ? t : typeof t}`);
    }
    return ms;
  }

  /**
   * @param {unknown} event
   * @returns {string}
   */
  function eventText(event) {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      throw misuse('invalidEvent', `the event must be an object such as {type: 'deviceUpdate', thing, status}, not ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`);
    }
    const type = /** @type {{ type?: unknown }} */ (event).type;
    if (!EVENT_TYPES.some((t) => t === type)) {
      throw misuse('invalidEvent', `the event type must be one of ${EVENT_TYPES.join(', ')}, not ${JSON.stringify(String(type))}`);
    }
    try {
      return JSON.stringify(event);
    } catch (e) {
      throw misuse('invalidEvent', `the event cannot be serialised as JSON: ${messageOf(e)}`);
    }
  }

  /**
   * @param {unknown} args
   * @param {string} what
   * @returns {string}
   */
  function argsText(args, what) {
    if (args === undefined || args === null) return '{}';
    if (typeof args !== 'object' || Array.isArray(args)) throw misuse('invalidArguments', `${what} must be an object`);
    try {
      return JSON.stringify(args);
    } catch (e) {
      throw misuse('invalidArguments', `${what} cannot be serialised as JSON: ${messageOf(e)}`);
    }
  }

  // A tagged answer of the Rust boundary: `success` as is; `misuse` (a
  // malformed input, a damaged snapshot) is a TypeError with Rust's
  // lowerCamel code; `refused` is what the machine refused.
  /**
   * @param {string} text
   * @returns {any}
   */
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
    /** @type {string} */
    #snapshot;
    /** @type {number | null | undefined} */
    #deadline; // undefined until known

    /**
     * Private: `Job.create` and `Job.fromSnapshot` build jobs.
     * @param {symbol} [token]
     * @param {string} [snapshot]
     * @param {number | null} [deadline]
     */
    constructor(token, snapshot, deadline) {
      if (token !== TOKEN) throw misuse('invalidArguments', 'use Job.create(request, options) or Job.fromSnapshot(text)');
      this.#snapshot = /** @type {string} */ (snapshot);
      this.#deadline = deadline;
    }

    /**
     * Creates a job and answers it with the effects of its creation.
     * @param {unknown} request
     * @param {JobOptions} [options]
     * @returns {{ job: Job, effects: Effect[] }}
     */
    static createWithEffects(request, options) {
      const o = /** @type {JobOptions} */ (options === undefined || options === null ? {} : options);
      if (typeof o !== 'object' || readingOptions(() => Array.isArray(o))) throw misuse('invalidOptions', 'options must be an object');
      let req;
      if (typeof request === 'string') {
        // Over 1 MiB: refused before it is parsed or copied into wasm memory
        // (#10 finding 3), as `validate` reports it (`tooLarge`).
        const size = oversize(request);
        if (size !== undefined) throw tooLargeRequest(size);
        try {
          JSON.parse(request);
        } catch (e) {
          throw misuse('invalidRequest', `the request is not JSON: ${messageOf(e)}`);
        }
        // A raw lone surrogate is refused as the object's escape is, not
        // made U+FFFD on its way into wasm memory (see core.js).
        req = escapeLoneSurrogates(request);
      } else if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
        try {
          req = JSON.stringify(request);
        } catch (e) {
          throw misuse('invalidRequest', `the request cannot be serialised as JSON: ${messageOf(e)}`);
        }
        const size = typeof req === 'string' ? oversize(req) : undefined;
        if (size !== undefined) throw tooLargeRequest(size);
      } else {
        throw misuse('invalidRequest', `the request must be a CreateJob request object or JSON text, not ${request === null ? 'null' : typeof request}`);
      }
      // A throwing getter or Proxy trap in the options is `invalidOptions`.
      const rest = readingOptions(() => {
        /** @type {Record<string, unknown>} */
        const extra = {};
        if (o.things !== undefined) extra.things = o.things;
        if (o.groups !== undefined) extra.groups = o.groups;
        if (o.createdAt !== undefined) extra.createdAt = timeOf(o.createdAt, 'option `createdAt`');
        /** @type {Record<string, unknown>} */
        const opts = {};
        if (o.api !== undefined) opts.api = o.api;
        if (o.profile !== undefined) opts.profile = o.profile;
        if (Object.keys(opts).length > 0) extra.options = opts;
        try {
          return JSON.stringify(extra).slice(1);
        } catch (e) {
          throw misuse('invalidOptions', `options cannot be serialised as JSON: ${messageOf(e)}`);
        }
      });
      ready();
      const a = answer(glue.machineCreate(`{"job":${req}${rest === '}' ? '}' : `,${rest}`}`));
      return { job: new Job(TOKEN, a.snapshot, a.nextDeadline), effects: a.effects };
    }

    /**
     * Creates a job from a CreateJob request (object or JSON text), validated
     * as CreateJob first (an invalid one is a MachineError
     * `InvalidRequestException` with the violations).
     * @param {unknown} request
     * @param {JobOptions} [options]
     * @returns {Job}
     */
    static create(request, options) {
      return Job.createWithEffects(request, options).job;
    }

    /**
     * Restores a job from `toSnapshot()` text (from any surface: Rust, Node, a browser).
     * @param {unknown} text
     * @returns {Job}
     */
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

    /**
     * @param {{ snapshot: string, nextDeadline: number | null, effects: Effect[], error?: MachineErrorInfo }} a
     */
    #update(a) {
      this.#snapshot = a.snapshot;
      this.#deadline = a.nextDeadline;
      return a;
    }

    /**
     * Applies `event` at `at` strictly: throws a MachineError when it is
     * refused (state unchanged), including `deadlinePending` when something
     * is due at or before `at` (call `advance(at)` first, or use `step`).
     * @param {Time} at
     * @param {Event} event
     * @returns {Effect[]}
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
     * @param {Time} at
     * @param {Event} event
     * @returns {import('../index.d.ts').StepResult}
     */
    step(at, event) {
      // One call into Rust's Job::step (advance to `at` unless the event is
      // an `advance`, then apply): a refused event is a success carrying its
      // `error`, the advance's state kept; misuse changes nothing.
      const t = timeOf(at, 'the time');
      const ev = eventText(event);
      ready();
      const a = this.#update(answer(glue.machineStep(this.#snapshot, t, ev)));
      return { effects: a.effects, error: a.error === undefined ? null : errorInfo(new MachineError(a.error)) };
    }

    /**
     * Fires everything due up to and including `to`; idempotent.
     * @param {Time} to
     * @returns {Effect[]}
     */
    advance(to) {
      const t = timeOf(to, 'the time');
      ready();
      return this.#update(answer(glue.machineAdvance(this.#snapshot, t))).effects;
    }

    /**
     * When time next matters (epoch ms), or null when only an event can change the job.
     * @returns {number | null}
     */
    nextDeadline() {
      if (this.#deadline === undefined) this.#deadline = this.inspect().nextDeadline;
      return this.#deadline;
    }

    /**
     * `{jobId, status, now, nextDeadline, thingCount, counts}` (times in epoch ms).
     * @returns {import('../index.d.ts').JobState}
     */
    inspect() {
      ready();
      const { type, ...rest } = answer(glue.machineInspect(this.#snapshot));
      return rest;
    }

    /**
     * The job's status.
     * @returns {import('../index.d.ts').JobStatus}
     */
    get status() {
      return this.inspect().status;
    }

    /**
     * One thing's execution (times in epoch ms), or null for a thing the job does not know.
     * @param {string} thing
     * @returns {import('../index.d.ts').ExecutionState | null}
     */
    execution(thing) {
      if (typeof thing !== 'string') throw misuse('invalidArguments', 'the thing name must be a string');
      ready();
      return answer(glue.machineExecution(this.#snapshot, thing)).execution;
    }

    /**
     * The DescribeJob response (times in epoch seconds).
     * @returns {import('../index.d.ts').DescribeJobResponse}
     */
    describe() {
      ready();
      return answer(glue.machineDescribe(this.#snapshot)).response;
    }

    /**
     * The ListJobExecutionsForJob response; `args` is `{status?, maxResults?, nextToken?}`.
     * @param {import('../index.d.ts').ListArgs} [args]
     * @returns {import('../index.d.ts').ListJobExecutionsForJobResponse}
     */
    listExecutionsForJob(args) {
      const text = argsText(args, 'the arguments');
      ready();
      return answer(glue.machineListExecutionsForJob(this.#snapshot, text)).response;
    }

    /**
     * The ListJobExecutionsForThing response for `thingName`; `args` is `{status?, maxResults?, nextToken?}`.
     * @param {string} thingName
     * @param {import('../index.d.ts').ListArgs} [args]
     * @returns {import('../index.d.ts').ListJobExecutionsForThingResponse}
     */
    listExecutionsForThing(thingName, args) {
      if (typeof thingName !== 'string') throw misuse('invalidArguments', 'the thing name must be a string');
      if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args))) throw misuse('invalidArguments', 'the arguments must be an object');
      const text = argsText({ ...(args || {}), thingName }, 'the arguments');
      ready();
      return answer(glue.machineListExecutionsForThing(this.#snapshot, text)).response;
    }
  }

  /**
   * Replays a scenario (object or JSON text) as the CLI's
   * `replay --format json` does: its output, parsed; or, when the job is not
   * a valid CreateJob request, its validation report (`valid: false`), which
   * is what the CLI prints then (a bare thing name in `targets` included).
   * A malformed scenario throws a TypeError `invalidScenario`, a malformed
   * event `invalidEvent` with `.index` and `.field` (its message names the
   * member, as the CLI's does); a valid job the machine refuses to create
   * (an unknown group) a MachineError.
   * @param {unknown} scenario
   * @returns {ReplayResult | Report}
   */
  function replay(scenario) {
    let text;
    if (typeof scenario === 'string') {
      text = scenario;
    } else if (scenario !== null && typeof scenario === 'object' && !Array.isArray(scenario)) {
      try {
        text = JSON.stringify(scenario);
      } catch (e) {
        throw misuse('invalidScenario', `the scenario cannot be serialised as JSON: ${messageOf(e)}`);
      }
    } else {
      throw misuse('invalidScenario', `the scenario must be an object or JSON text, not ${scenario === null ? 'null' : Array.isArray(scenario) ? 'an array' : typeof scenario}`);
    }
    if (typeof text !== 'string') throw misuse('invalidScenario', 'the scenario serialises to nothing (a toJSON method answered undefined)');
    // Over 1 MiB of code units cannot fit: refused before the copy into wasm
    // memory (the core counts the bytes of a shorter one itself).
    if (text.length > MAX_REQUEST_BYTES) {
      throw misuse('invalidScenario', `the scenario is ${utf8Length(text)} bytes, more than the limit of ${MAX_REQUEST_BYTES}`);
    }
    ready();
    const a = JSON.parse(glue.replay(escapeLoneSurrogates(text)));
    if (a.type === 'success') return a.replay !== undefined ? a.replay : a.report;
    if (a.type === 'misuse') {
      const e = /** @type {TypeError & { code: string, index?: number, field?: string }} */ (misuse(a.error.code, a.error.message));
      if (a.error.index !== undefined) e.index = a.error.index;
      if (a.error.field !== undefined) e.field = a.error.field;
      throw e;
    }
    if (a.type === 'refused') throw new MachineError(a.error);
    throw misuse('internal', `the replay answered ${JSON.stringify(a.type)}`);
  }

  /**
   * The JSON text of a simulation given as an object or as JSON text.
   * @param {unknown} simulation
   * @returns {string}
   */
  function simulationText(simulation) {
    let text;
    if (typeof simulation === 'string') {
      text = simulation;
    } else if (simulation !== null && typeof simulation === 'object' && !Array.isArray(simulation)) {
      try {
        text = JSON.stringify(simulation);
      } catch (e) {
        throw simulationMisuse(`the simulation cannot be serialised as JSON: ${messageOf(e)}`, '');
      }
    } else {
      throw simulationMisuse(`the simulation must be an object or JSON text, not ${simulation === null ? 'null' : Array.isArray(simulation) ? 'an array' : typeof simulation}`, '');
    }
    if (typeof text !== 'string') throw simulationMisuse('the simulation serialises to nothing (a toJSON method answered undefined)', '');
    // Over 64 MiB of code units cannot fit: refused before the copy into
    // wasm memory (the core counts the bytes of a shorter one itself).
    if (text.length > MAX_SIMULATION_BYTES) {
      throw simulationMisuse(`the simulation is ${utf8Length(text)} bytes, more than the limit of ${MAX_SIMULATION_BYTES}`, '');
    }
    return text;
  }

  /**
   * @param {string} message
   * @param {string} pointer
   * @returns {TypeError & { code: string, pointer: string }}
   */
  function simulationMisuse(message, pointer) {
    const e = /** @type {TypeError & { code: string, pointer: string }} */ (misuse('invalidSimulation', message));
    e.pointer = pointer;
    return e;
  }

  /**
   * The options JSON text of `glue.simulate`.
   * @param {unknown} options
   * @returns {string}
   */
  function simulateOptionsText(options) {
    if (options === undefined || options === null) return '';
    if (typeof options !== 'object' || Array.isArray(options)) throw misuse('invalidOptions', 'the options must be an object such as {trials, seed, shard: [i, k]}');
    const o = /** @type {Record<string, unknown>} */ (options);
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const k of ['trials', 'seed']) {
      const v = o[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw misuse('invalidOptions', `\`${k}\` must be a whole number (a safe integer), not ${typeof v === 'number' ? v : typeof v}`);
      out[k] = v;
    }
    if (o.shard !== undefined && o.shard !== null) {
      const sh = o.shard;
      if (!Array.isArray(sh) || sh.length !== 2 || !sh.every((x) => typeof x === 'number' && Number.isSafeInteger(x))) {
        throw misuse('invalidOptions', '`shard` must be [i, k], two whole numbers with 1 <= i <= k');
      }
      out.shard = sh;
    }
    // Other members (threads, onProgress, signal: simulateAsync's) are not the core's.
    return JSON.stringify(out);
  }

  /**
   * One tagged answer of `glue.simulate` / `glue.simulateMerge`, parsed: its
   * value, or the error thrown.
   * @param {string} answer
   * @returns {any}
   */
  function simulationAnswer(answer) {
    const a = JSON.parse(answer);
    if (a.type === 'success') {
      if (a.summary !== undefined) return a.summary;
      if (a.shard !== undefined) return a.shard;
      return a.report;
    }
    if (a.type === 'misuse') {
      const e = /** @type {TypeError & { code: string, pointer?: string, index?: number }} */ (misuse(a.error.code, a.error.message));
      if (a.error.pointer !== undefined) e.pointer = a.error.pointer;
      if (a.error.index !== undefined) e.index = a.error.index;
      throw e;
    }
    if (a.type === 'refused') throw new MachineError(a.error);
    throw misuse('internal', `the simulation answered ${JSON.stringify(a.type)}`);
  }

  /**
   * Runs a simulation (object or JSON text) as the CLI's
   * `simulate --format json` does: its summary, parsed; with
   * `{shard: [i, k]}` (i from 1, as `--shard I/K`) the shard. An invalid
   * job gives its validation report (`valid: false`), as `replay` does; a
   * malformed simulation throws a TypeError `invalidSimulation` with
   * `.pointer`; malformed options `invalidOptions`.
   * @param {unknown} simulation
   * @param {unknown} [options]
   * @returns {any}
   */
  function simulate(simulation, options) {
    const opts = simulateOptionsText(options);
    const text = simulationText(simulation);
    ready();
    return simulationAnswer(glue.simulate(escapeLoneSurrogates(text), opts));
  }

  /**
   * Merges the shards of one simulation (objects, or the JSON text the
   * CLI's `simulate --shard` prints) into its summary, equal to the whole
   * run's. Shards that are malformed or do not merge throw a TypeError
   * `invalidShard` (with `.index` for a malformed one).
   * @param {unknown} shards
   * @returns {any}
   */
  function mergeShards(shards) {
    if (!Array.isArray(shards)) throw misuse('invalidShard', `the shards must be an array, not ${shards === null ? 'null' : typeof shards}`);
    const texts = shards.map((s, index) => {
      if (typeof s === 'string') {
        // One JSON value, so that the text cannot be more than one element.
        try {
          JSON.parse(s);
        } catch (e) {
          const err = /** @type {TypeError & { code: string, index?: number }} */ (misuse('invalidShard', `shard ${index}: not JSON: ${messageOf(e)}`));
          err.index = index;
          throw err;
        }
        return s;
      }
      if (s === null || typeof s !== 'object' || Array.isArray(s)) {
        const err = /** @type {TypeError & { code: string, index?: number }} */ (misuse('invalidShard', `shard ${index}: a shard must be an object or JSON text`));
        err.index = index;
        throw err;
      }
      return JSON.stringify(s);
    });
    ready();
    return simulationAnswer(glue.simulateMerge(escapeLoneSurrogates(`[${texts.join(',')}]`)));
  }

  /**
   * `simulate` in turn over shards, yielding to the event loop between them
   * (no threads: a bundle for Node, and browsers with one thread or where
   * Web Workers cannot start; simulate-node.js and simulate-web.js run the
   * shards in workers).
   * @param {unknown} simulation
   * @param {import('../index.d.ts').SimulateAsyncOptions} [options]
   * @returns {Promise<any>}
   */
  async function simulateAsync(simulation, options) {
    const o = options === undefined || options === null ? {} : options;
    if (typeof o !== 'object' || Array.isArray(o)) throw misuse('invalidOptions', 'the options must be an object such as {threads, onProgress, signal}');
    if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw misuse('invalidOptions', '`onProgress` must be a function');
    const signal = o.signal;
    const opts = { trials: o.trials, seed: o.seed };
    const text = simulationText(simulation);
    simulateOptionsText(opts);
    const count = shardCount(o.threads);
    const shards = [];
    let done = 0;
    for (let i = 1; i <= count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal && signal.aborted) throw abortError();
      const shard = simulate(text, { ...opts, shard: [i, count] });
      if (shard.valid !== undefined) return shard;
      shards.push(shard);
      done += shard.trialsRun;
      if (o.onProgress) o.onProgress(done, shard.trials);
    }
    return mergeShards(shards);
  }

  return { Job, MachineError, eventTypes: () => EVENT_TYPES.slice(), replay, simulate, mergeShards, simulateAsync, internal: { simulationText, simulateOptionsText, simulationAnswer } };
}
