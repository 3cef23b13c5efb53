// Type-checked by `tsc --noEmit -p test/types/tsconfig.requests.json` (must
// pass; also with exactOptionalPropertyTypes, tsconfig.requests-exact.json):
// the request and output types are interchangeable with @aws-sdk/client-iot's
// (the version pinned in js/package.json), both ways, for all seven
// operations; the latest API's types have exactly the SDK's members.
// The 2022-01 types are a subset of the SDK's (which follows the latest
// model): they are assignable to the SDK's, and the SDK's to them only as
// far as the members the 2022 model has (`Omit` of the newer ones).
// The SDK's outputs are `*CommandOutput` = response + `$metadata`; ours are
// the response alone, so the SDK's output is assignable to ours, and ours to
// the SDK's `*Response` model types.
import type * as sdk from '@aws-sdk/client-iot';
import { validate, type Requests, type Requests2022, type Outputs, type Outputs2022 } from 'iot-jobs-policy';

/** `true` when A is assignable to B. */
type To<A, B> = [A] extends [B] ? true : false;
/** `true` when A and B have the same members. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** Compiles only when its argument is `true`. */
type Assert<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;

export const checks = {
  CreateJob: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.CreateJobCommandInput, Requests['CreateJob']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['CreateJob'], sdk.CreateJobCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.CreateJobCommandInput, Requests['CreateJob']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['CreateJob'], sdk.CreateJobCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.CreateJobCommandInput, keyof Requests2022['CreateJob'] & keyof sdk.CreateJobCommandInput>, Requests2022['CreateJob']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.CreateJobCommandOutput, Outputs['CreateJob']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.CreateJobCommandOutput, Outputs2022['CreateJob']>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['CreateJob'], sdk.CreateJobResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['CreateJob'], sdk.CreateJobResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.CreateJobResponse, Outputs['CreateJob']>>,
  },
  CreateJobTemplate: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.CreateJobTemplateCommandInput, Requests['CreateJobTemplate']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['CreateJobTemplate'], sdk.CreateJobTemplateCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.CreateJobTemplateCommandInput, Requests['CreateJobTemplate']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['CreateJobTemplate'], sdk.CreateJobTemplateCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.CreateJobTemplateCommandInput, keyof Requests2022['CreateJobTemplate'] & keyof sdk.CreateJobTemplateCommandInput>, Requests2022['CreateJobTemplate']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.CreateJobTemplateCommandOutput, Outputs['CreateJobTemplate']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.CreateJobTemplateCommandOutput, Outputs2022['CreateJobTemplate']>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['CreateJobTemplate'], sdk.CreateJobTemplateResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['CreateJobTemplate'], sdk.CreateJobTemplateResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.CreateJobTemplateResponse, Outputs['CreateJobTemplate']>>,
  },
  DescribeJob: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.DescribeJobCommandInput, Requests['DescribeJob']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['DescribeJob'], sdk.DescribeJobCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.DescribeJobCommandInput, Requests['DescribeJob']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['DescribeJob'], sdk.DescribeJobCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.DescribeJobCommandInput, keyof Requests2022['DescribeJob'] & keyof sdk.DescribeJobCommandInput>, Requests2022['DescribeJob']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.DescribeJobCommandOutput, Outputs['DescribeJob']>>,
    // Not the other way: the SDK follows the latest model, whose job status
    // has SCHEDULED; the 2022 model's has not.
    sdkOutputNotTo2022: null as unknown as Assert<Not<To<sdk.DescribeJobCommandOutput, Outputs2022['DescribeJob']>>>,
    sdkOutputTo2022ButStatus: null as unknown as Assert<To<Omit<sdk.Job, 'status'>, Omit<NonNullable<Outputs2022['DescribeJob']['job']>, 'status'>>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['DescribeJob'], sdk.DescribeJobResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['DescribeJob'], sdk.DescribeJobResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.DescribeJobResponse, Outputs['DescribeJob']>>,
  },
  DescribeJobTemplate: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.DescribeJobTemplateCommandInput, Requests['DescribeJobTemplate']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['DescribeJobTemplate'], sdk.DescribeJobTemplateCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.DescribeJobTemplateCommandInput, Requests['DescribeJobTemplate']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['DescribeJobTemplate'], sdk.DescribeJobTemplateCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.DescribeJobTemplateCommandInput, keyof Requests2022['DescribeJobTemplate'] & keyof sdk.DescribeJobTemplateCommandInput>, Requests2022['DescribeJobTemplate']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.DescribeJobTemplateCommandOutput, Outputs['DescribeJobTemplate']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.DescribeJobTemplateCommandOutput, Outputs2022['DescribeJobTemplate']>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['DescribeJobTemplate'], sdk.DescribeJobTemplateResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['DescribeJobTemplate'], sdk.DescribeJobTemplateResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.DescribeJobTemplateResponse, Outputs['DescribeJobTemplate']>>,
  },
  ListJobExecutionsForJob: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.ListJobExecutionsForJobCommandInput, Requests['ListJobExecutionsForJob']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['ListJobExecutionsForJob'], sdk.ListJobExecutionsForJobCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.ListJobExecutionsForJobCommandInput, Requests['ListJobExecutionsForJob']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['ListJobExecutionsForJob'], sdk.ListJobExecutionsForJobCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.ListJobExecutionsForJobCommandInput, keyof Requests2022['ListJobExecutionsForJob'] & keyof sdk.ListJobExecutionsForJobCommandInput>, Requests2022['ListJobExecutionsForJob']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.ListJobExecutionsForJobCommandOutput, Outputs['ListJobExecutionsForJob']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.ListJobExecutionsForJobCommandOutput, Outputs2022['ListJobExecutionsForJob']>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['ListJobExecutionsForJob'], sdk.ListJobExecutionsForJobResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['ListJobExecutionsForJob'], sdk.ListJobExecutionsForJobResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.ListJobExecutionsForJobResponse, Outputs['ListJobExecutionsForJob']>>,
  },
  ListJobExecutionsForThing: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.ListJobExecutionsForThingCommandInput, Requests['ListJobExecutionsForThing']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['ListJobExecutionsForThing'], sdk.ListJobExecutionsForThingCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.ListJobExecutionsForThingCommandInput, Requests['ListJobExecutionsForThing']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['ListJobExecutionsForThing'], sdk.ListJobExecutionsForThingCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.ListJobExecutionsForThingCommandInput, keyof Requests2022['ListJobExecutionsForThing'] & keyof sdk.ListJobExecutionsForThingCommandInput>, Requests2022['ListJobExecutionsForThing']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.ListJobExecutionsForThingCommandOutput, Outputs['ListJobExecutionsForThing']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.ListJobExecutionsForThingCommandOutput, Outputs2022['ListJobExecutionsForThing']>>,
    oursToSdkResponse: null as unknown as Assert<To<Outputs['ListJobExecutionsForThing'], sdk.ListJobExecutionsForThingResponse>>,
    ours2022ToSdkResponse: null as unknown as Assert<To<Outputs2022['ListJobExecutionsForThing'], sdk.ListJobExecutionsForThingResponse>>,
    sameResponseMembers: null as unknown as Assert<SameKeys<sdk.ListJobExecutionsForThingResponse, Outputs['ListJobExecutionsForThing']>>,
  },
  UpdateJob: {
    sdkInputToOurs: null as unknown as Assert<To<sdk.UpdateJobCommandInput, Requests['UpdateJob']>>,
    oursToSdkInput: null as unknown as Assert<To<Requests['UpdateJob'], sdk.UpdateJobCommandInput>>,
    sameRequestMembers: null as unknown as Assert<SameKeys<sdk.UpdateJobCommandInput, Requests['UpdateJob']>>,
    ours2022ToSdkInput: null as unknown as Assert<To<Requests2022['UpdateJob'], sdk.UpdateJobCommandInput>>,
    sdkInputTo2022: null as unknown as Assert<To<Pick<sdk.UpdateJobCommandInput, keyof Requests2022['UpdateJob'] & keyof sdk.UpdateJobCommandInput>, Requests2022['UpdateJob']>>,
    sdkOutputToOurs: null as unknown as Assert<To<sdk.UpdateJobCommandOutput, Outputs['UpdateJob']>>,
    sdkOutputTo2022: null as unknown as Assert<To<sdk.UpdateJobCommandOutput, Outputs2022['UpdateJob']>>,
    oursToSdkOutputBody: null as unknown as Assert<To<Outputs['UpdateJob'], Omit<sdk.UpdateJobCommandOutput, '$metadata'>>>,
  },
};

// Nested structures and timestamps too (assignability above is deep; these
// name a few directly).
export const nested = {
  job: null as unknown as Assert<SameKeys<sdk.Job, NonNullable<Outputs['DescribeJob']['job']>>>,
  createdAtIsDate: null as unknown as Assert<To<NonNullable<NonNullable<Outputs['DescribeJob']['job']>['createdAt']>, Date>>,
  retry: null as unknown as Assert<SameKeys<sdk.JobExecutionsRetryConfig, NonNullable<Requests['CreateJob']['jobExecutionsRetryConfig']>>>,
  scheduling: null as unknown as Assert<SameKeys<sdk.SchedulingConfig, NonNullable<Requests['CreateJob']['schedulingConfig']>>>,
  status: null as unknown as Assert<To<sdk.JobExecutionStatus, NonNullable<Requests['ListJobExecutionsForJob']['status']>>>,
};

// What a preflight Lambda does: validate the SDK input it is about to send.
export function preflight(input: sdk.CreateJobCommandInput, update: sdk.UpdateJobCommandInput): boolean {
  return validate('CreateJob', input).valid && validate('UpdateJob', update, { profile: 'model' }).valid;
}

