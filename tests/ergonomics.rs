//! The Rust API as a caller uses it: reports that deserialise back equal
//! (every shared test vector), `into_result()` with `?`, the enums of the
//! typed requests (every value, the model's lists, unknown values reported
//! like text), and the typed machine.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files

use iot_jobs_policy::machine::Job;
use iot_jobs_policy::types::{
    AbortAction, AbortConfig, AbortCriteria, AbortFailureType, CreateJobRequest,
    CreateJobTemplateRequest, JobEndBehavior, JobExecutionStatus, JobExecutionsRetryConfig,
    ListJobExecutionsForJobRequest, ListJobExecutionsForThingRequest, Request, RetryCriteria,
    RetryFailureType, SchedulingConfig, TargetSelection, UpdateJobRequest,
};
use iot_jobs_policy::{
    validate_bytes, validate_request, validate_str, ApiVersion, Code, InvalidRequest, Operation,
    Options, Profile, Report, Severity, Source, UnknownApiVersion, UnknownProfile, UnknownSeverity,
    UnknownSource,
};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;
use common::{request_vectors, Case};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The report of a vector case, through the entry point the vector runner uses.
fn report_of(case: &Case) -> Report {
    #[cfg(feature = "document-schema")]
    if let Some(schema) = &case.document_schema {
        use iot_jobs_policy::document_schema::{
            validate_bytes_with_document_schema, DocumentSchema,
        };
        let schema = DocumentSchema::new(schema).unwrap();
        return validate_bytes_with_document_schema(case.op, &case.input, &case.options, &schema);
    }
    validate_bytes(case.op, &case.input, &case.options)
}

#[test]
fn every_vector_report_reads_back_equal() {
    let (mut cases, mut with_positions, mut invalid) = (0, 0, 0);
    let mut codes = std::collections::BTreeSet::new();
    for case in &request_vectors() {
        let id = &case.id;
        let report = report_of(case);
        let json = report.to_json();
        let back: Report =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{id}: {e}\n{json}"));
        assert_eq!(back, report, "{id}");
        // Byte for byte: what was read writes the same text again.
        assert_eq!(back.to_json(), json, "{id}");
        assert_eq!(back.aws_message(), report.aws_message(), "{id}");
        cases += 1;
        with_positions += usize::from(report.violations().iter().any(|v| v.position().is_some()));
        invalid += usize::from(!report.is_valid());
        codes.extend(report.violations().iter().map(|v| v.code()));
    }
    // The one case too large to store as data (tests/vectors.rs builds it too).
    let large = format!(
        r#"{{"jobId": "{}"}}"#,
        "a".repeat(iot_jobs_policy::MAX_REQUEST_BYTES)
    );
    let report = validate_str(Operation::DescribeJob, &large, &Options::default());
    assert_eq!(
        serde_json::from_str::<Report>(&report.to_json()).unwrap(),
        report
    );
    codes.extend(report.violations().iter().map(|v| v.code()));

    assert!(cases > 500, "only {cases} vector cases found");
    assert!(
        with_positions > 100 && invalid > 100,
        "{with_positions} / {invalid}"
    );
    // Every code occurs (documentSchema only with the feature that checks it).
    let missing: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|c| !codes.contains(c))
        .collect();
    if cfg!(feature = "document-schema") {
        assert_eq!(missing, [], "codes no vector produced");
    } else {
        assert_eq!(missing, [Code::DocumentSchema], "codes no vector produced");
    }
}

#[test]
fn reading_refuses_what_this_version_cannot_hold() {
    let report = validate_str(
        Operation::DescribeJob,
        r#"{"jobId": "my job"}"#,
        &Options::default(),
    );
    let json = report.to_json();
    let err = |text: &str| {
        serde_json::from_str::<Report>(text)
            .unwrap_err()
            .to_string()
    };
    // An unknown code is an error naming it, not a fallback.
    let e = err(&json.replace(r#""code":"pattern""#, r#""code":"fromTheFuture""#));
    assert!(e.contains("`fromTheFuture` is not a violation code"), "{e}");
    let e = err(&json.replace(r#""rule":"model.pattern""#, r#""rule":"no.such.rule""#));
    assert!(e.contains("`no.such.rule` is not a rule id"), "{e}");
    let e = err(&json.replace(r#""valid":false"#, r#""valid":true"#));
    assert!(
        e.contains("`valid` is true but the violations include an error"),
        "{e}"
    );
    let e = err(&json.replace(r#""severity":"error""#, r#""severity":"fatal""#));
    assert!(
        e.contains("unknown variant `fatal`, expected `error` or `warning`"),
        "{e}"
    );
    let e = err(&json.replace(r#""source":"model""#, r#""source":"folklore""#));
    assert!(
        e.contains("unknown variant `folklore`, expected one of `model`, `documented`, `user`"),
        "{e}"
    );
    // A valid report with a warning reads back too.
    let warned = validate_str(
        Operation::CreateJob,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","presignedUrlConfig":{"expiresInSec":60}}"#,
        &Options::default(),
    );
    assert!(warned.is_valid() && !warned.violations().is_empty());
    assert_eq!(
        serde_json::from_str::<Report>(&warned.to_json()).unwrap(),
        warned
    );
}

/// Codes, severities, sources, API versions and profiles: written through
/// one `as_str`/`name`, read back by `FromStr` and serde alike, and refused
/// with typed errors that are `std::error::Error`s naming what was given.
#[test]
fn the_vocabulary_round_trips_and_refuses_with_typed_errors() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>(e: E) -> Box<dyn std::error::Error> {
        Box::new(e)
    }
    for c in Code::ALL {
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
        assert_eq!(c.to_string(), c.as_str());
        assert_eq!(c.as_str().parse::<Code>(), Ok(c));
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), c);
    }
    for s in Severity::ALL {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{s}\""));
        assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        assert_eq!(serde_json::from_str::<Severity>(&json).unwrap(), s);
    }
    for s in Source::ALL {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{s}\""));
        assert_eq!(s.as_str().parse::<Source>(), Ok(s));
        assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), s);
    }
    for api in [ApiVersion::Latest, ApiVersion::V2022_01] {
        assert_eq!(api.name().parse::<ApiVersion>(), Ok(api));
    }
    for p in [Profile::Documented, Profile::Model] {
        assert_eq!(p.name().parse::<Profile>(), Ok(p));
    }
    let errors: Vec<(String, Box<dyn std::error::Error>)> = vec![
        (
            "2023".into(),
            is_error("2023".parse::<ApiVersion>().unwrap_err()),
        ),
        (
            "strict".into(),
            is_error("strict".parse::<Profile>().unwrap_err()),
        ),
        (
            "fatal".into(),
            is_error("fatal".parse::<Severity>().unwrap_err()),
        ),
        (
            "folk".into(),
            is_error("folk".parse::<Source>().unwrap_err()),
        ),
        ("nope".into(), is_error("nope".parse::<Code>().unwrap_err())),
        (
            "Nope".into(),
            is_error("Nope".parse::<Operation>().unwrap_err()),
        ),
    ];
    for (given, e) in errors {
        assert!(e.to_string().contains(&format!("`{given}`")), "{e}");
    }
    let e: UnknownApiVersion = "v1".parse::<ApiVersion>().unwrap_err();
    assert_eq!(e.given(), "v1");
    let e: UnknownProfile = "p".parse::<Profile>().unwrap_err();
    assert_eq!(e.given(), "p");
    let e: UnknownSeverity = "s".parse::<Severity>().unwrap_err();
    assert_eq!(e.given(), "s");
    let e: UnknownSource = "s".parse::<Source>().unwrap_err();
    assert_eq!(e.given(), "s");
}

/// `Options` (non-exhaustive) is built with `with_*` and read with accessors;
/// the builder gives what the options text gives.
#[test]
fn options_are_built_and_read_through_methods() {
    let built = Options::default()
        .with_api(ApiVersion::V2022_01)
        .with_profile(Profile::Model)
        .with_now_ms(Some(60_000));
    let parsed = iot_jobs_policy::ffi::parse_options(
        r#"{"api": "2022-01", "profile": "model", "now": "1970-01-01T00:01:00Z"}"#,
    )
    .unwrap();
    assert_eq!(built, parsed);
    assert_eq!(
        (built.api(), built.profile(), built.now_ms()),
        (ApiVersion::V2022_01, Profile::Model, Some(60_000))
    );
    assert_eq!(built.with_now_ms(None).now_ms(), None);
    assert_eq!(Options::default().api(), ApiVersion::Latest);
    assert_eq!(Options::default().profile(), Profile::Documented);
}

/// An HTTP-handler-like function: `?` on the report, then the typed request.
fn handle(body: &str) -> Result<(UpdateJobRequest, usize), InvalidRequest> {
    let report = validate_str(Operation::UpdateJob, body, &Options::default()).into_result()?;
    let request: UpdateJobRequest = serde_json::from_str(body).expect("a valid body deserialises");
    Ok((request, report.violations().len()))
}

#[test]
fn into_result_works_with_the_question_mark() {
    let (request, warnings) =
        handle(r#"{"jobId": "fw-1", "timeoutConfig": {"inProgressTimeoutInMinutes": 30}, "presignedUrlConfig": {"expiresInSec": 60}}"#)
            .unwrap();
    assert_eq!(request.job_id, "fw-1");
    assert_eq!(warnings, 1); // V-20: presignedUrlConfig without roleArn cannot sign URLs
                             // A number the validator accepts as an integer (`2.0`) deserialises too.
    let (request, _) = handle(
        r#"{"jobId": "fw-1", "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 0.0}]}}"#,
    )
    .unwrap();
    let retry = request.job_executions_retry_config.unwrap();
    assert_eq!(retry.criteria_list[0].number_of_retries, 0);
    assert_eq!(
        retry.criteria_list[0].failure_type,
        RetryFailureType::Failed
    );

    let e = handle(r#"{"jobId": "fw 1", "description": 5}"#).unwrap_err();
    assert_eq!(e.errors().count(), 2);
    assert_eq!(
        e.errors().map(|v| (v.code(), v.path())).collect::<Vec<_>>(),
        [(Code::Pattern, "/jobId"), (Code::Type, "/description")]
    );
    assert_eq!(e.to_string(), e.report().aws_message().unwrap());
    assert_eq!(e.aws_message(), e.to_string());
    // Boxed as any error, the first error is its source.
    let boxed: Box<dyn std::error::Error> = Box::new(e.clone());
    assert!(
        boxed
            .to_string()
            .starts_with("1 validation error detected: "),
        "{boxed}"
    );
    let source = boxed.source().unwrap();
    assert_eq!(source.to_string(), e.errors().next().unwrap().to_string());
    assert!(
        source.to_string().starts_with("error[pattern] /jobId: "),
        "{source}"
    );
    let report: Report = e.into();
    assert!(!report.is_valid());
    // A report read back without awsMessage still displays a summary.
    let mut v: Value = serde_json::from_str(&report.to_json()).unwrap();
    v["awsMessage"] = Value::Null;
    let e = serde_json::from_value::<Report>(v)
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "2 error(s): `fw 1` does not match the pattern `[a-zA-Z0-9_-]+`: ` ` is not allowed"
    );
}

/// `(AWS shape, the Rust enum's values)` for every enum of the typed requests.
fn rust_enums() -> BTreeMap<&'static str, Vec<String>> {
    fn strs<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
        all.iter().map(ToString::to_string).collect()
    }
    BTreeMap::from([
        ("TargetSelection", strs(TargetSelection::ALL)),
        ("JobExecutionFailureType", strs(AbortFailureType::ALL)),
        ("AbortAction", strs(AbortAction::ALL)),
        ("RetryableFailureType", strs(RetryFailureType::ALL)),
        ("JobEndBehavior", strs(JobEndBehavior::ALL)),
        ("JobExecutionStatus", strs(JobExecutionStatus::ALL)),
    ])
}

#[test]
fn the_enums_are_the_models_enums() {
    let ours = rust_enums();
    let mut seen = BTreeMap::new();
    for version in ["latest", "2022"] {
        let path = root().join(format!(
            "tests/reference/iot-jobs-constraints-{version}.json"
        ));
        let model: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (op, o) in model["operations"].as_object().unwrap() {
            for member in o["input"].as_array().unwrap() {
                let Some(values) = member.get("enum") else {
                    continue;
                };
                let shape = member["shape"].as_str().unwrap();
                let values: Vec<String> = serde_json::from_value(values.clone()).unwrap();
                assert_eq!(
                    ours.get(shape),
                    Some(&values),
                    "{version} {op} {}: shape {shape}",
                    member["path"]
                );
                seen.insert(shape.to_owned(), ());
            }
        }
    }
    // Every Rust enum is one of the model's.
    assert_eq!(seen.len(), ours.len());
}

fn round_trips<T>(all: &[T])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Clone,
    T: std::fmt::Display + std::str::FromStr + for<'a> From<&'a str>,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    for v in all {
        let text = serde_json::to_string(v).unwrap();
        assert_eq!(text, format!("\"{v}\""));
        assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), v);
        assert_eq!(&T::from(v.to_string().as_str()), v);
        assert_eq!(&v.to_string().parse::<T>().unwrap(), v);
    }
    // Outside the enum: kept as given, written back unchanged.
    for odd in ["failed", "", "CANCEL ", "ÜBER"] {
        let v: T = serde_json::from_str(&serde_json::to_string(odd).unwrap()).unwrap();
        assert!(!all.contains(&v), "{odd:?}");
        assert_eq!(v.to_string(), odd);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            serde_json::to_string(odd).unwrap()
        );
    }
    // Not a string at all: a serde error (the typed form holds strings).
    assert!(serde_json::from_str::<T>("5").is_err());
}

#[test]
fn every_enum_value_round_trips() {
    round_trips(TargetSelection::ALL);
    round_trips(AbortFailureType::ALL);
    round_trips(AbortAction::ALL);
    round_trips(RetryFailureType::ALL);
    round_trips(JobEndBehavior::ALL);
    round_trips(JobExecutionStatus::ALL);
    assert_eq!(JobExecutionStatus::ALL.len(), 8);
}

/// A report as JSON without positions (text has them, typed requests do not).
fn without_positions(r: &Report) -> Value {
    let mut v: Value = serde_json::from_str(&r.to_json()).unwrap();
    for x in v["violations"].as_array_mut().unwrap() {
        x["position"] = Value::Null;
    }
    v
}

/// The typed request and its JSON text give the same report, and it has an
/// `enum` violation at each of `paths`.
fn same_as_text<R: Request>(request: &R, options: &Options, paths: &[&str]) {
    let text = serde_json::to_string_pretty(request).unwrap();
    let typed = validate_request(request, options);
    let from_text = validate_str(R::OPERATION, &text, options);
    assert_eq!(
        without_positions(&typed),
        without_positions(&from_text),
        "{text}"
    );
    let enums: Vec<&str> = typed
        .violations()
        .iter()
        .filter(|v| v.code() == Code::Enum)
        .map(|v| v.path())
        .collect();
    assert_eq!(enums, paths, "{text}");
    assert!(typed
        .violations()
        .iter()
        .all(|v| v.code() == Code::Enum || v.severity() == Severity::Warning));
}

fn abort(failure: &str, action: &str) -> AbortConfig {
    AbortConfig {
        criteria_list: vec![AbortCriteria {
            failure_type: failure.into(),
            action: action.into(),
            threshold_percentage: 50.0,
            min_number_of_executed_things: 10,
        }],
    }
}

fn retry(failure: &str) -> JobExecutionsRetryConfig {
    JobExecutionsRetryConfig {
        criteria_list: vec![RetryCriteria {
            failure_type: failure.into(),
            number_of_retries: 0,
        }],
    }
}

#[test]
fn unknown_enum_values_are_enum_violations_as_in_text() {
    let options = Options::default().with_now_ms(Some(1_767_225_600_000));
    let create = CreateJobRequest {
        job_id: "fw-1".into(),
        targets: vec!["arn:aws:iot:us-east-1:123456789012:thing/t1".into()],
        document: Some("{}".into()),
        target_selection: Some("continuous".into()),
        abort_config: Some(abort("FAILURE", "STOP")),
        job_executions_retry_config: Some(retry("REJECTED")),
        scheduling_config: Some(SchedulingConfig {
            end_time: Some("2026-01-01T03:00".into()),
            end_behavior: Some("STOP".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        create.target_selection,
        Some(TargetSelection::Unknown("continuous".into()))
    );
    same_as_text(
        &create,
        &options,
        &[
            "/targetSelection",
            "/abortConfig/criteriaList/0/failureType",
            "/abortConfig/criteriaList/0/action",
            "/jobExecutionsRetryConfig/criteriaList/0/failureType",
            "/schedulingConfig/endBehavior",
        ],
    );
    // The same request with known values is valid.
    let fixed = CreateJobRequest {
        target_selection: Some(TargetSelection::Continuous),
        abort_config: Some(abort("FAILED", "CANCEL")),
        job_executions_retry_config: Some(retry("TIMED_OUT")),
        scheduling_config: Some(SchedulingConfig {
            end_time: Some("2026-01-01T03:00".into()),
            end_behavior: Some(JobEndBehavior::ForceCancel),
            ..Default::default()
        }),
        timeout_config: Some(iot_jobs_policy::types::TimeoutConfig {
            in_progress_timeout_in_minutes: Some(30),
        }),
        ..create
    };
    assert!(
        validate_request(&fixed, &options).is_valid(),
        "{:?}",
        validate_request(&fixed, &options)
    );
    same_as_text(
        &UpdateJobRequest {
            job_id: "fw-1".into(),
            abort_config: Some(abort("ALL", "cancel")),
            job_executions_retry_config: Some(retry("all")),
            ..Default::default()
        },
        &options,
        &[
            "/abortConfig/criteriaList/0/action",
            "/jobExecutionsRetryConfig/criteriaList/0/failureType",
        ],
    );
    same_as_text(
        &CreateJobTemplateRequest {
            job_template_id: "t-1".into(),
            description: "d".into(),
            document: Some("{}".into()),
            abort_config: Some(abort("TIMEDOUT", "CANCEL")),
            ..Default::default()
        },
        &options,
        &["/abortConfig/criteriaList/0/failureType"],
    );
    same_as_text(
        &ListJobExecutionsForJobRequest {
            job_id: "fw-1".into(),
            status: Some("DONE".into()),
            ..Default::default()
        },
        &options,
        &["/status"],
    );
    same_as_text(
        &ListJobExecutionsForThingRequest {
            thing_name: "t1".into(),
            status: Some("in_progress".into()),
            ..Default::default()
        },
        &options,
        &["/status"],
    );
}

#[test]
fn typed_requests_serialise_as_an_sdk_sends_them() {
    let r = CreateJobRequest {
        job_id: "fw-1".into(),
        targets: vec!["arn:aws:iot:us-east-1:123456789012:thing/t1".into()],
        target_selection: Some(TargetSelection::Snapshot),
        abort_config: Some(abort("ALL", "CANCEL")),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"jobId": "fw-1", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"],
               "targetSelection": "SNAPSHOT",
               "abortConfig": {"criteriaList": [{"failureType": "ALL", "action": "CANCEL",
                   "thresholdPercentage": 50, "minNumberOfExecutedThings": 10}]}})
    );
    let back: CreateJobRequest = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn the_typed_job_answers_like_the_json_one() {
    let typed = CreateJobRequest {
        job_id: "fw-1".into(),
        targets: vec![
            "arn:aws:iot:us-east-1:123456789012:thing/t1".into(),
            "arn:aws:iot:us-east-1:123456789012:thing/t2".into(),
        ],
        document: Some("{}".into()),
        abort_config: Some(abort("FAILED", "CANCEL")),
        job_executions_retry_config: Some(retry("FAILED")),
        ..Default::default()
    };
    let value = serde_json::to_value(&typed).unwrap();
    let (a, fa) = Job::create(&typed, ["t1", "t2"], 1_000, &Options::default()).unwrap();
    let (b, fb) = Job::create(&value, ["t1", "t2"], 1_000, &Options::default()).unwrap();
    assert_eq!((a.to_snapshot(), &fa), (b.to_snapshot(), &fb));
    let d = a.describe_response();
    assert_eq!(d.job.abort_config, typed.abort_config);
    assert_eq!(d.job.target_selection, TargetSelection::Snapshot);
    assert_eq!(d.job.created_at.as_millis(), 1_000);
    assert_eq!(serde_json::to_string(&d).unwrap(), a.describe().to_string());
    let page = a
        .list_executions_for_job_response(None, None, None)
        .unwrap();
    assert_eq!(page.execution_summaries.len(), 2);
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        a.list_executions_for_job(None, None, None).unwrap()
    );

    // An unknown enum value refuses creation with an `enum` violation.
    let odd = CreateJobRequest {
        target_selection: Some("DYNAMIC".into()),
        ..typed
    };
    let e = Job::create(&odd, ["t1"], 0, &Options::default()).unwrap_err();
    assert_eq!(e.violations()[0].path, "/targetSelection");
    assert_eq!(e.violations()[0].code, "enum");
}

/// Deserialises `input` as the typed request of `op` and validates that.
fn typed_report(op: Operation, input: &[u8], options: &Options) -> Result<Report, String> {
    fn check<R: Request + serde::de::DeserializeOwned>(
        input: &[u8],
        options: &Options,
    ) -> Result<Report, String> {
        // As the README's handler: a leading byte-order mark is not JSON for serde.
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let r: R = serde_json::from_slice(input).map_err(|e| e.to_string())?;
        Ok(validate_request(&r, options))
    }
    use iot_jobs_policy::types::{DescribeJobRequest, DescribeJobTemplateRequest};
    match op {
        Operation::CreateJob => check::<CreateJobRequest>(input, options),
        Operation::CreateJobTemplate => check::<CreateJobTemplateRequest>(input, options),
        Operation::DescribeJob => check::<DescribeJobRequest>(input, options),
        Operation::DescribeJobTemplate => check::<DescribeJobTemplateRequest>(input, options),
        Operation::ListJobExecutionsForJob => {
            check::<ListJobExecutionsForJobRequest>(input, options)
        }
        Operation::ListJobExecutionsForThing => {
            check::<ListJobExecutionsForThingRequest>(input, options)
        }
        Operation::UpdateJob => check::<UpdateJobRequest>(input, options),
    }
}

/// The README's advice holds: a body `validate_bytes` accepts deserialises
/// into the typed request, which is valid too.
#[test]
fn every_valid_vector_body_deserialises_into_its_typed_request() {
    let (mut checked, mut failures) = (0, Vec::new());
    for case in &request_vectors() {
        let report = report_of(case);
        if !report.is_valid() || case.document_schema.is_some() {
            continue;
        }
        let id = &case.id;
        match typed_report(case.op, &case.input, &case.options) {
            Ok(typed) if typed.is_valid() => checked += 1,
            Ok(typed) => failures.push(format!("{id}: typed form invalid: {}", typed.to_json())),
            Err(e) => failures.push(format!("{id}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 200, "only {checked} valid cases");
}
