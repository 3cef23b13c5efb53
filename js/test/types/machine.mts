// Type-checked by test/machine.test.mjs (tsc --noEmit -p test/types/tsconfig.machine.json):
// the transition function's API from an ES module.
import {
  Job, MachineError, eventTypes, replay, simulate, mergeShards, simulateAsync,
  type Simulation, type SimulationSummary, type SimulationShard, type SimulateAsyncOptions,
  type Scenario, type ReplayResult, type TimelineEntry, type Report,
  type Event, type Effect, type MachineErrorCode, type MachineErrorInfo, type JobOptions, type JobState,
  type ExecutionState, type DescribeJobResponse, type ListJobExecutionsForJobResponse,
  type ListJobExecutionsForThingResponse, type StepResult, type JobStatus, type JobUsageErrorCode,
} from 'iot-jobs-policy';

const options: JobOptions = { things: ['t1', 't2'], groups: { g: ['t3'] }, createdAt: new Date(0), api: 'latest', profile: 'documented' };
const job: Job = Job.create({ jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'], document: '{}' }, options);
const { job: other, effects: created }: { job: Job; effects: Effect[] } = Job.createWithEffects('{"jobId":"k","targets":[],"document":"{}"}');
const events: Event[] = [
  { type: 'deviceUpdate', thing: 't1', status: 'IN_PROGRESS', stepTimeoutInMinutes: 5, expectedVersion: 1 },
  { type: 'advance', to: 60_000 },
  { type: 'cancelJob', force: true, reasonCode: 'R', comment: 'c' },
  { type: 'cancelJobExecution', thing: 't1', force: false },
  { type: 'deleteJob', force: true },
  { type: 'updateJob', request: { jobId: 'j' } },
  { type: 'thingAdded', thing: 't9' },
  { type: 'thingRemoved', thing: 't9' },
];
try {
  const fx: Effect[] = job.apply(1000, events[0]!);
  for (const e of fx) {
    const when: number = e.at;
    if (e.type === 'executionStatusChanged') console.log(when, e.thing, e.from, e.to, e.retryAttempt, e.rule);
    else if (e.type === 'jobAborted') console.log(e.matched, e.executed, e.reasonCode);
    else if (e.type === 'jobStatusChanged') { const to: JobStatus = e.to; console.log(to); }
  }
} catch (e) {
  if (e instanceof MachineError) {
    const code: MachineErrorCode = e.code;
    console.log(code, e.rule, e.violations.map((v) => v.path));
  } else if (e instanceof TypeError) {
    const code = (e as TypeError & { code: JobUsageErrorCode }).code;
    console.log(code);
  }
}
const r: StepResult = job.step(new Date(2000), { type: 'deviceUpdate', thing: 't1', status: 'SUCCEEDED' });
const err: MachineErrorInfo | null = r.error;
const advanced: Effect[] = job.advance(job.nextDeadline() ?? 3000);
const deadline: number | null = job.nextDeadline();
const state: JobState = job.inspect();
const exec: ExecutionState | null = job.execution('t1');
const d: DescribeJobResponse = job.describe();
const page: ListJobExecutionsForJobResponse = job.listExecutionsForJob({ status: 'QUEUED', maxResults: 10 });
const more: ListJobExecutionsForJobResponse = job.listExecutionsForJob({ nextToken: page.nextToken });
const mine: ListJobExecutionsForThingResponse = job.listExecutionsForThing('t1', { status: 'SUCCEEDED' });
const copy: Job = Job.fromSnapshot(job.toSnapshot());
const status: JobStatus = copy.status;
console.log(other, created, err, advanced, deadline, state.counts.pending, exec?.status, d.job.jobProcessDetails.numberOfQueuedThings, more, mine.executionSummaries[0]?.jobId, status, eventTypes());
const scenario: Scenario = {
  job: { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'], document: '{}' },
  createdAt: 0,
  options: { api: 'latest' },
  events: [{ at: 60_000, type: 'advance' }, { at: 61_000, type: 'deviceUpdate', thing: 't1', status: 'SUCCEEDED' }],
};
const replayed: ReplayResult | Report = replay(scenario);
if ('timeline' in replayed) {
  const first: TimelineEntry | undefined = replayed.timeline[0];
  console.log(first?.at, first?.event.type, first?.effects.map((fx) => fx.at), first?.error?.code, replayed.describe.job.status, replayed.executions.executionSummaries.length);
} else {
  console.log(replayed.valid, replayed.violations.length);
}
console.log(replay('{"job": {}}'));
const simulation: Simulation = {
  job: { jobId: 'fw', targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/fleet'], document: '{}' },
  fleetSize: 10,
  devices: { outcomes: { SUCCEEDED: 0.9, FAILED: 0.1 } },
  trials: 20,
  seed: 1,
};
const summary: SimulationSummary | Report = simulate(simulation, { trials: 10, seed: 2 });
if (!('valid' in summary)) console.log(summary.finalStatus.COMPLETED, summary.completionMs?.p95, summary.executions.FAILED.mean, summary.timeline.notified.p50[0]);
const shards = [1, 2].map((i) => simulate(simulation, { shard: [i, 2] })).filter((s): s is SimulationShard => !('valid' in s));
const merged: SimulationSummary = mergeShards([...shards, '{}']);
const asyncOptions: SimulateAsyncOptions = { threads: 2, onProgress: (done, total) => console.log(done / total), signal: new AbortController().signal };
const later: Promise<SimulationSummary | Report> = simulateAsync(JSON.stringify(simulation), asyncOptions);
console.log(merged.abortProbability.high, later);
