//! The transition function: machine vectors (`tests/vectors/machine/*.json`,
//! format in `tests/vectors/machine/README.md`), rule coverage, and property
//! tests over random event sequences.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::machine::{
    resolve_things, text, DeviceStatus, ErrorCode, Event, ExecutionStatus, Job, JobStatus,
};
use iot_jobs_policy::types::CreateJobRequest;
use iot_jobs_policy::{ApiVersion, Options, Profile};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/machine")
}

/// `expected` is a subset of `actual`: every member of an expected object
/// must be present and match; arrays and scalars must be equal.
fn subset(expected: &Value, actual: &Value, path: &str, errors: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => subset(ev, av, &format!("{path}/{k}"), errors),
                    None if ev.is_null() => {}
                    None => errors.push(format!("{path}/{k}: missing, expected {ev}")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}/{i}"), errors);
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        _ if expected == actual => {}
        _ => errors.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

fn options_of(case: &Value) -> Options {
    let mut o = Options::default();
    if let Some(api) = case.pointer("/options/api").and_then(Value::as_str) {
        o.api = api.parse::<ApiVersion>().unwrap();
    }
    if let Some(p) = case.pointer("/options/profile").and_then(Value::as_str) {
        o.profile = p.parse::<Profile>().unwrap();
    }
    o
}

fn things_of(case: &Value) -> Vec<String> {
    if let Some(t) = case.get("things") {
        return serde_json::from_value(t.clone()).unwrap();
    }
    let groups: BTreeMap<String, Vec<String>> = case
        .get("groups")
        .map(|g| serde_json::from_value(g.clone()).unwrap())
        .unwrap_or_default();
    let targets: Vec<String> = serde_json::from_value(case["job"]["targets"].clone()).unwrap();
    resolve_things(&targets, &groups).unwrap()
}

fn check_expect(job: &Job, expect: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(expect) = expect.as_object() else {
        return;
    };
    for (k, v) in expect {
        match k.as_str() {
            "status" => {
                let got = json!(job.status());
                if &got != v {
                    errors.push(format!("{at}: status: expected {v}, got {got}"));
                }
            }
            "counts" => subset(v, &json!(job.counts()), &format!("{at}: counts"), errors),
            "executions" => {
                for (thing, ev) in v.as_object().unwrap() {
                    let got = job.execution(thing).map_or(Value::Null, |s| json!(s));
                    if ev.is_null() {
                        if !got.is_null() {
                            errors
                                .push(format!("{at}: execution {thing}: expected none, got {got}"));
                        }
                    } else {
                        subset(ev, &got, &format!("{at}: execution {thing}"), errors);
                    }
                }
            }
            "nextDeadline" => {
                let got = json!(job.next_deadline());
                if &got != v {
                    errors.push(format!("{at}: nextDeadline: expected {v}, got {got}"));
                }
            }
            "describe" => subset(v, &job.describe(), &format!("{at}: describe"), errors),
            "executionsForJob" => {
                let args = v.get("args").cloned().unwrap_or(json!({}));
                let status = args
                    .get("status")
                    .and_then(Value::as_str)
                    .and_then(ExecutionStatus::parse);
                let max = args.get("maxResults").and_then(Value::as_i64);
                let token = args.get("nextToken").and_then(Value::as_str);
                let got = match job.list_executions_for_job(status, max, token) {
                    Ok(r) => r,
                    Err(e) => json!({"error": e}),
                };
                subset(
                    &v["response"],
                    &got,
                    &format!("{at}: executionsForJob"),
                    errors,
                );
            }
            "executionsForThing" => {
                let args = &v["args"];
                let status = args
                    .get("status")
                    .and_then(Value::as_str)
                    .and_then(ExecutionStatus::parse);
                let got = match job.list_executions_for_thing(
                    args["thingName"].as_str().unwrap(),
                    status,
                    None,
                    None,
                ) {
                    Ok(r) => r,
                    Err(e) => json!({"error": e}),
                };
                subset(
                    &v["response"],
                    &got,
                    &format!("{at}: executionsForThing"),
                    errors,
                );
            }
            other => errors.push(format!("{at}: unknown expectation `{other}`")),
        }
    }
}

fn collect_rules(effects: &Value, error: Option<&Value>, seen: &mut BTreeSet<String>) {
    for fx in effects.as_array().into_iter().flatten() {
        if let Some(r) = fx.get("rule").and_then(Value::as_str) {
            seen.insert(r.to_owned());
        }
    }
    if let Some(r) = error.and_then(|e| e.get("rule")).and_then(Value::as_str) {
        seen.insert(r.to_owned());
    }
}

/// Every number as a double: `1.0` and `1` alike.
fn numbers_as_doubles(v: Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(a) => Value::Array(a.into_iter().map(numbers_as_doubles).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, numbers_as_doubles(v)))
                .collect(),
        ),
        other => other,
    }
}

/// The typed views serialise to exactly the JSON of the `Value` views
/// (and `inspect()` to the text surface's answer), byte for byte.
fn typed_views_agree(job: &Job, at: &str, errors: &mut Vec<String>) {
    typed_views_match(job, at, true, errors);
}

/// With `exact` false, numbers may be spelt differently (a request written
/// with `1.0` for a double echoes `1.0` in the `Value` view and `1` in the
/// typed one, which holds an `f64`).
fn typed_views_match(job: &Job, at: &str, exact: bool, errors: &mut Vec<String>) {
    let mut same = |what: &str, typed: String, value: String| {
        let differ = if exact {
            typed != value
        } else {
            let parse = |t: &str| numbers_as_doubles(serde_json::from_str(t).unwrap());
            parse(&typed) != parse(&value)
        };
        if differ {
            errors.push(format!(
                "{at}: typed {what}:\n  typed {typed}\n  value {value}"
            ));
        }
    };
    let text = |v: &dyn erased::Ser| v.json();
    same(
        "describe",
        text(&job.describe_response()),
        job.describe().to_string(),
    );
    same(
        "list all",
        text(&job.list_all_executions_for_job_response()),
        job.list_all_executions_for_job().to_string(),
    );
    let statuses = [
        None,
        Some(ExecutionStatus::Queued),
        Some(ExecutionStatus::Succeeded),
    ];
    for status in statuses {
        // Every page, following the typed tokens.
        let mut token: Option<String> = None;
        loop {
            let typed = job
                .list_executions_for_job_response(status, Some(1), token.as_deref())
                .unwrap();
            let value = job
                .list_executions_for_job(status, Some(1), token.as_deref())
                .unwrap();
            same("list page", text(&typed), value.to_string());
            match typed.next_token {
                Some(t) => token = Some(t),
                None => break,
            }
        }
        for s in job.executions() {
            let typed = job.list_executions_for_thing_response(&s.thing, status, None, None);
            let value = job.list_executions_for_thing(&s.thing, status, None, None);
            same(
                "list for thing",
                text(&typed.unwrap()),
                value.unwrap().to_string(),
            );
        }
    }
    let inspected = text::inspect(&job.to_snapshot());
    let typed = text(&job.inspect());
    same(
        "inspect",
        format!(
            r#"{{"type":"success",{}"#,
            typed.get(1..).unwrap_or_default()
        ),
        inspected,
    );
    // The typed views equal the JSON ones, and read their own JSON
    // back to themselves.
    let describe = job.describe_response();
    let all = job.list_all_executions_for_job_response();
    if serde_json::from_str(&text(&describe)).ok() != Some(describe)
        || serde_json::from_str(&text(&all)).ok() != Some(all)
    {
        errors.push(format!("{at}: a typed view does not read its JSON back"));
    }
}

/// `&dyn` over `Serialize` for `typed_views_agree`.
mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

/// Runs one case; returns the failures.
fn run_case(case: &Value, covered: &mut BTreeSet<String>) -> Vec<String> {
    let mut errors = Vec::new();
    let created_at = case.get("createdAt").and_then(Value::as_i64).unwrap_or(0);
    let created = Job::create(&case["job"], things_of(case), created_at, &options_of(case));
    // The typed request gives the same job, or the same error, when the
    // request fits the typed struct (an invalid one may not: a string
    // where a number belongs).
    match serde_json::from_value::<CreateJobRequest>(case["job"].clone()) {
        Ok(typed) => {
            let t = Job::create(&typed, things_of(case), created_at, &options_of(case));
            let same = match (&created, &t) {
                (Ok((a, fa)), Ok((b, fb))) => a.to_snapshot() == b.to_snapshot() && fa == fb,
                (Err(a), Err(b)) => a == b,
                _ => false,
            };
            if !same {
                errors.push("create: the typed request gives another result".to_owned());
            }
        }
        Err(e) if case.get("createError").is_none() => {
            errors.push(format!(
                "create: a valid request does not fit CreateJobRequest: {e}"
            ));
        }
        Err(_) => {}
    }
    let mut job = match (created, case.get("createError")) {
        (Ok(_), Some(e)) => return vec![format!("create: expected error {e}, got a job")],
        (Err(got), Some(e)) => {
            let got = json!(got);
            collect_rules(&Value::Null, Some(&got), covered);
            subset(e, &got, "create: error", &mut errors);
            return errors;
        }
        (Err(got), None) => return vec![format!("create: unexpected error {}", json!(got))],
        (Ok((job, fx)), None) => {
            let fx = json!(fx);
            collect_rules(&fx, None, covered);
            if let Some(e) = case.pointer("/create/effects") {
                if e != &fx {
                    errors.push(format!("create: effects:\n  expected {e}\n  got      {fx}"));
                }
            }
            if let Some(e) = case.pointer("/create/expect") {
                check_expect(&job, e, "create", &mut errors);
            }
            typed_views_agree(&job, "create", &mut errors);
            job
        }
    };
    for (n, step) in case["steps"].as_array().into_iter().flatten().enumerate() {
        let at = step["at"].as_i64().unwrap();
        let event: Event = match serde_json::from_value(step["event"].clone()) {
            Ok(e) => e,
            Err(e) => {
                errors.push(format!("step {n}: bad event: {e}"));
                continue;
            }
        };
        let label = format!("step {n} ({} at {at})", event.kind());
        // `step`: advance to the event's time, then apply it. A refusal
        // must leave the state as the advance alone leaves it.
        let before = job.clone();
        let (fx, error) = job.step(at, event.clone());
        if error.is_some() {
            let mut advanced = before;
            if !matches!(event, Event::Advance { .. }) {
                let _ = advanced.advance(at);
            }
            if job.to_snapshot() != advanced.to_snapshot() {
                errors.push(format!("{label}: the refused event changed the state"));
            }
        }
        let fx = json!(fx);
        let error = error.map(|e| json!(e));
        collect_rules(&fx, error.as_ref(), covered);
        match (step.get("error"), &error) {
            (None, Some(e)) => errors.push(format!("{label}: unexpected error {e}")),
            (Some(exp), None) => errors.push(format!("{label}: expected error {exp}, got none")),
            (Some(exp), Some(got)) => {
                let exp = if exp.is_string() {
                    json!({"code": exp})
                } else {
                    exp.clone()
                };
                subset(&exp, got, &format!("{label}: error"), &mut errors);
            }
            (None, None) => {}
        }
        if let Some(e) = step.get("effects") {
            if e != &fx {
                errors.push(format!(
                    "{label}: effects:\n  expected {e}\n  got      {fx}"
                ));
            }
        }
        if let Some(e) = step.get("expect") {
            check_expect(&job, e, &label, &mut errors);
        }
        typed_views_agree(&job, &label, &mut errors);
        // Snapshot then restore changes nothing.
        let snap = job.to_snapshot();
        let restored = Job::from_snapshot(&snap).unwrap();
        if restored.to_snapshot() != snap || restored.describe() != job.describe() {
            errors.push(format!("{label}: snapshot round trip differs"));
        }
        job = restored;
    }
    errors
}

/// Every machine rule id of the crate's rule catalogue (`iot-jobs-policy
/// rules`): `J1`..`J14`, `E1`..`E15`, `R-1`..`R-22`.
/// Every machine rule id of the crate's catalogue (`iot-jobs-policy rules`).
fn all_rule_ids() -> Vec<String> {
    iot_jobs_policy::machine_rules()
        .iter()
        .map(|r| r.id.to_owned())
        .collect()
}

#[test]
fn machine_vectors() {
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    let mut names = BTreeSet::new();
    let mut count = 0;
    // `description` and each case's `why` are required, and a misspelt member
    // fails the load (tests/common).
    for (_, case) in common::machine_vectors() {
        count += 1;
        assert!(
            names.insert(case.id.clone()),
            "{}: duplicate case name",
            case.id
        );
        covered.extend(case.rules.iter().cloned());
        for f in run_case(&case.json, &mut covered) {
            failures.push(format!("{}: {f}", case.id));
        }
    }
    assert!(count > 0, "no machine vectors found");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Coverage: every rule id is covered by a vector or listed as not modelled.
    let listed = std::fs::read_to_string(dir().join("not-modelled.txt")).unwrap();
    let not_modelled: BTreeSet<String> = listed
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    let missing: Vec<String> = all_rule_ids()
        .into_iter()
        .filter(|id| !covered.contains(id) && !not_modelled.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules neither covered nor listed as not modelled: {missing:?}"
    );
    let both: Vec<&String> = not_modelled
        .iter()
        .filter(|id| covered.contains(*id))
        .collect();
    assert!(
        both.is_empty(),
        "rules listed as not modelled but covered: {both:?}"
    );
}

// ---------------------------------------------------------------- helpers

const ARN: &str = "arn:aws:iot:us-east-1:123456789012:thing/";

fn request(things: usize, extra: Value) -> Value {
    let mut r = json!({
        "jobId": "job-1",
        "targets": (0..things.min(5)).map(|i| format!("{ARN}t{i}")).collect::<Vec<_>>(),
        "document": "{}"
    });
    for (k, v) in extra.as_object().unwrap() {
        r[k] = v.clone();
    }
    r
}

fn names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("t{i}")).collect()
}

fn device(thing: &str, status: DeviceStatus) -> Event {
    Event::DeviceUpdate {
        thing: thing.into(),
        status,
        step_timeout_in_minutes: None,
        expected_version: None,
    }
}

#[test]
fn strict_apply_refuses_pending_deadlines_and_time_travel() {
    let r = request(
        3,
        json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": 1}}),
    );
    let (mut job, _) = Job::create(&r, names(3), 0, &Options::default()).unwrap();
    assert_eq!(job.next_deadline(), Some(60_000));
    let e = job
        .apply(60_000, device("t1", DeviceStatus::InProgress))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::DeadlinePending);
    // The machine's own refusals cite no catalogue rule, and the JSON form
    // leaves `rule` out.
    assert_eq!(e.rule(), None);
    assert_eq!(serde_json::to_value(&e).unwrap().get("rule"), None, "{e:?}");
    let (fx, e) = job.step(60_000, device("t1", DeviceStatus::InProgress));
    assert!(e.is_none());
    assert_eq!(fx.len(), 2);
    let e = job
        .apply(59_999, device("t1", DeviceStatus::Succeeded))
        .unwrap_err();
    assert_eq!((e.code(), e.rule()), (ErrorCode::TimeWentBackwards, None));
    // advance is idempotent
    let a = job.advance(60_000).unwrap();
    assert!(a.is_empty());
    assert!(job.advance(-1).is_err());
}

/// The machine's limits are the validator's (`ThingName`, `LaserMaxResults`,
/// the in-progress timeout range) or CancelJob's own; each edge is accepted,
/// one past it is refused with the message that names the limit.
#[test]
fn limits_are_named_once_and_keep_their_messages() {
    let r = request(
        1,
        json!({"targetSelection": "CONTINUOUS", "jobExecutionsRolloutConfig": {"maximumPerMinute": 1}}),
    );
    let (mut job, _) = Job::create(&r, names(1), 0, &Options::default()).unwrap();
    // ThingName: 1..=128 of `[a-zA-Z0-9:_-]`.
    let longest = "x".repeat(128);
    let (_, e) = job.step(
        0,
        Event::ThingAdded {
            thing: longest.clone(),
        },
    );
    assert!(e.is_none(), "{e:?}");
    let (_, e) = job.step(
        0,
        Event::ThingAdded {
            thing: format!("{longest}x"),
        },
    );
    assert_eq!(
        e.unwrap().message(),
        format!("`{longest}x` is not a valid thing name")
    );
    // stepTimeoutInMinutes: 1..=10080 or -1.
    let (_, e) = job.step(0, device("t0", DeviceStatus::InProgress));
    assert!(e.is_none(), "{e:?}");
    let step = |m: i64| Event::DeviceUpdate {
        thing: "t0".into(),
        status: DeviceStatus::InProgress,
        step_timeout_in_minutes: Some(m),
        expected_version: None,
    };
    for ok in [-1, 1, 10_080] {
        let (_, e) = job.step(0, step(ok));
        assert!(e.is_none(), "{ok}: {e:?}");
    }
    for bad in [0, 10_081] {
        let (_, e) = job.step(0, step(bad));
        assert_eq!(
            e.unwrap().message(),
            format!("stepTimeoutInMinutes `{bad}` is outside 1..=10080 and is not -1")
        );
    }
    // maxResults: 1..=250, and 250 when absent.
    let e = job
        .list_executions_for_job(None, Some(251), None)
        .unwrap_err();
    assert_eq!(e.message(), "maxResults `251` is outside 1..=250");
    assert!(job.list_executions_for_job(None, Some(250), None).is_ok());
    assert_eq!(iot_jobs_policy::machine::DEFAULT_MAX_RESULTS, 250);
    // CancelJob: reasonCode 1..=128, comment 1..=2028.
    let cancel = |reason_code: String, comment: String| Event::CancelJob {
        force: false,
        reason_code: Some(reason_code),
        comment: Some(comment),
    };
    let mut other = job.clone();
    let (_, e) = other.step(0, cancel("R".repeat(129), "c".into()));
    let reason = "R".repeat(129);
    assert_eq!(
        e.unwrap().message(),
        format!("reasonCode `{reason}` must be 1..=128 characters of upper-case letters, digits and `_`")
    );
    let (_, e) = other.step(0, cancel("R".into(), "c".repeat(2029)));
    assert_eq!(
        e.unwrap().message(),
        "comment must be 1..=2028 characters without control characters"
    );
    let (_, e) = other.step(0, cancel("R".into(), "c\u{7}".into()));
    assert!(e.is_some());
    let (_, e) = other.step(0, cancel("R".repeat(128), "c".repeat(2028)));
    assert!(e.is_none(), "{e:?}");
    assert_eq!(other.status(), JobStatus::Canceled);
}

/// The machine reads a request through the validator's typed structs, so a
/// count written as an integral double (which the validator accepts) means
/// what the integer means; DescribeJob still echoes the member as given.
#[test]
fn integral_doubles_read_as_their_integers() {
    for (rate, minutes) in [(json!(2), json!(3)), (json!(2.0), json!(3.0))] {
        let r = request(
            5,
            json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": rate},
                   "timeoutConfig": {"inProgressTimeoutInMinutes": minutes}}),
        );
        let (mut job, _) = Job::create(&r, names(5), 0, &Options::default()).unwrap();
        assert_eq!(job.counts().queued, 2, "{rate}");
        let (_, e) = job.step(1, device("t0", DeviceStatus::InProgress));
        assert!(e.is_none());
        let (fx, _) = job.step(1 + 3 * 60_000, Event::Advance { to: 1 + 3 * 60_000 });
        let timed_out = fx.iter().filter(|f| {
            matches!(
                f.effect,
                iot_jobs_policy::machine::Effect::ExecutionStatusChanged {
                    to: ExecutionStatus::TimedOut,
                    ..
                }
            )
        });
        assert_eq!(timed_out.count(), 1, "{minutes}");
        let d = job.describe();
        assert_eq!(
            d["job"]["jobExecutionsRolloutConfig"]["maximumPerMinute"],
            rate
        );
    }
}

/// The machine reads every CreateJob and UpdateJob request the validator
/// accepts through the typed structs of `types`: no valid request vector is
/// refused as unreadable (a refusal without a catalogue rule).
#[test]
fn every_valid_request_vector_reads_as_its_typed_struct() {
    let loaded = common::load_request_vectors();
    let mut checked = 0;
    for case in &loaded.cases {
        let Some(request) = case.request.as_ref().filter(|_| case.valid) else {
            continue;
        };
        let at = case.options.now_ms.unwrap_or(0);
        let error = match case.op {
            iot_jobs_policy::Operation::CreateJob => {
                let from_json = Job::create(request, Vec::<String>::new(), at, &case.options);
                // The typed request, read as given (no JSON round trip),
                // sets up the same job as its JSON (explicit `null`s, which
                // the typed form cannot hold, aside).
                let typed: CreateJobRequest = serde_json::from_value(request.clone()).unwrap();
                let typed_json = serde_json::to_value(&typed).unwrap();
                let setup =
                    |r: Result<(Job, Vec<_>), _>| r.ok().map(|(j, fx)| (j.to_snapshot(), fx));
                assert_eq!(
                    setup(Job::create(
                        &typed_json,
                        Vec::<String>::new(),
                        at,
                        &case.options
                    )),
                    setup(Job::create(&typed, Vec::<String>::new(), at, &case.options)),
                    "{}",
                    case.id
                );
                from_json.err()
            }
            iot_jobs_policy::Operation::UpdateJob => {
                let id = request["jobId"].as_str().unwrap();
                let create =
                    json!({"jobId": id, "document": "{}", "targets": [format!("{ARN}t0")]});
                let (mut job, _) = Job::create(&create, ["t0"], at, &case.options).unwrap();
                job.step(
                    at,
                    Event::UpdateJob {
                        request: request.clone(),
                    },
                )
                .1
            }
            _ => continue,
        };
        checked += 1;
        if let Some(e) = error {
            // Every refusal here is the validator's (`V-1`) or AWS behaviour;
            // a request the machine cannot read would carry no rule.
            assert!(e.rule().is_some(), "{}: {}", case.id, e.message());
        }
    }
    assert!(checked > 50, "only {checked} request vectors checked");
}

#[test]
fn creation_refuses_invalid_requests_with_every_violation() {
    let r = json!({"jobId": "bad id", "targets": [], "document": "{}",
        "jobExecutionsRolloutConfig": {"maximumPerMinute": 0}});
    let e = Job::create(&r, names(1), 0, &Options::default()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidRequest);
    assert!(e.violations().len() >= 2, "{:?}", e.violations());
    let e = Job::create(&request(1, json!({})), ["bad name"], 0, &Options::default()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidRequest);
}

#[test]
fn group_targets_resolve_through_the_membership_map() {
    let targets = vec![
        format!("{ARN}a"),
        "arn:aws:iot:us-east-1:123456789012:thinggroup/g".to_owned(),
        format!("{ARN}b"),
    ];
    let mut groups = BTreeMap::new();
    groups.insert(
        "g".to_owned(),
        vec!["b".to_owned(), "c".to_owned(), "a".to_owned()],
    );
    assert_eq!(resolve_things(&targets, &groups).unwrap(), ["a", "b", "c"]);
    let e = resolve_things(&targets, &BTreeMap::new()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::ResourceNotFound);
}

#[test]
fn pagination_tokens_are_deterministic_and_checked() {
    let (job, _) = Job::create(&request(5, json!({})), names(5), 0, &Options::default()).unwrap();
    let p1 = job.list_executions_for_job(None, Some(2), None).unwrap();
    assert_eq!(p1["executionSummaries"].as_array().unwrap().len(), 2);
    let token = p1["nextToken"].as_str().unwrap().to_owned();
    assert_eq!(
        job.list_executions_for_job(None, Some(2), None).unwrap(),
        p1
    );
    let p2 = job
        .list_executions_for_job(None, Some(2), Some(&token))
        .unwrap();
    assert_eq!(p2["executionSummaries"][0]["thingArn"], format!("{ARN}t2"));
    let p3 = job
        .list_executions_for_job(None, Some(2), p2["nextToken"].as_str())
        .unwrap();
    assert_eq!(p3["executionSummaries"].as_array().unwrap().len(), 1);
    assert!(p3.get("nextToken").is_none());
    // a token for another filter, a tampered token, a bad page size
    for bad in [
        job.list_executions_for_job(Some(ExecutionStatus::Queued), Some(2), Some(&token)),
        job.list_executions_for_job(None, Some(2), Some("0000000200000000")),
        job.list_executions_for_job(None, Some(2), Some("zz")),
        job.list_executions_for_job(None, Some(0), None),
        job.list_executions_for_job(None, Some(251), None),
    ] {
        assert_eq!(bad.unwrap_err().code(), ErrorCode::InvalidRequest);
    }
    let t = job
        .list_executions_for_thing("t3", None, None, None)
        .unwrap();
    assert_eq!(t["executionSummaries"][0]["jobId"], "job-1");
    assert_eq!(
        t["executionSummaries"][0]["jobExecutionSummary"]["status"],
        "QUEUED"
    );
    let none = job
        .list_executions_for_thing("t3", Some(ExecutionStatus::Failed), None, None)
        .unwrap();
    assert_eq!(none["executionSummaries"], json!([]));
}

#[test]
fn snapshots_refuse_garbage() {
    for bad in ["", "{}", "[]", r#"{"format": "other"}"#] {
        let e = Job::from_snapshot(bad).unwrap_err();
        assert_eq!((e.code(), e.rule()), (ErrorCode::InvalidSnapshot, None));
    }
    let (job, _) = Job::create(&request(2, json!({})), names(2), 0, &Options::default()).unwrap();
    let snap = job.to_snapshot();
    let tampered = snap.replace("\"QUEUED\"", "\"WAITING\"");
    assert!(Job::from_snapshot(&tampered).is_err());
    let dup = snap.replace("\"t1\"", "\"t0\"");
    assert!(Job::from_snapshot(&dup).is_err());
}

/// Finding 5 (#10): the time bounds are one rule. A rollout slot, step
/// timer or in-progress timer past the maximum time is "never", so every
/// reachable state snapshots and restores, and `next_deadline()` never names
/// a time `advance` refuses.
#[test]
fn deadlines_past_the_maximum_time_are_never() {
    use iot_jobs_policy::machine::MAX_TIME_MS;
    let rate1 = json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": 1},
                       "timeoutConfig": {"inProgressTimeoutInMinutes": 60}});
    for created in [
        MAX_TIME_MS - 60_001,
        MAX_TIME_MS - 60_000,
        MAX_TIME_MS - 1,
        MAX_TIME_MS,
    ] {
        let (mut job, _) = Job::create(
            &request(3, rate1.clone()),
            names(3),
            created,
            &Options::default(),
        )
        .unwrap();
        let check = |job: &Job| {
            let snap = job.to_snapshot();
            let back = Job::from_snapshot(&snap).unwrap_or_else(|e| panic!("{created}: {e}"));
            assert_eq!(back.to_snapshot(), snap);
            if let Some(d) = job.next_deadline() {
                assert!((job.now()..=MAX_TIME_MS).contains(&d), "{created}: {d}");
                assert!(job.clone().advance(d).is_ok(), "{created}: advance({d})");
            }
        };
        check(&job);
        // The in-progress timer (60 minutes) and a step timer lie past the
        // maximum: no timer, and the state still restores.
        let at = job.now();
        let (_, e) = job.step(
            at,
            Event::DeviceUpdate {
                thing: "t0".into(),
                status: DeviceStatus::InProgress,
                step_timeout_in_minutes: Some(5),
                expected_version: None,
            },
        );
        assert!(e.is_none(), "{created}: {e:?}");
        check(&job);
        if let Some(d) = job.next_deadline() {
            job.advance(d).unwrap();
            check(&job);
        }
        while let Some(d) = job.next_deadline() {
            job.advance(d).unwrap();
            check(&job);
        }
        assert!(job.advance(MAX_TIME_MS).is_ok());
        assert_eq!(
            job.advance(MAX_TIME_MS + 1).unwrap_err().code(),
            ErrorCode::InvalidRequest
        );
    }
    // A slot one minute before the maximum fires on it; the next is never.
    let (mut job, _) = Job::create(
        &request(
            3,
            json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": 1}}),
        ),
        names(3),
        MAX_TIME_MS - 60_000,
        &Options::default(),
    )
    .unwrap();
    assert_eq!(job.next_deadline(), Some(MAX_TIME_MS));
    assert_eq!(job.advance(MAX_TIME_MS).unwrap().len(), 1);
    assert_eq!(job.next_deadline(), None);
    assert!(Job::create(
        &request(1, json!({})),
        names(1),
        MAX_TIME_MS + 1,
        &Options::default()
    )
    .is_err());
}

/// Finding 7 (#10): `now` is range-checked at the boundary, and a `now`
/// near `i64::MAX` set through the Rust API never overflows the scheduling
/// checks.
#[test]
fn now_outside_the_time_bounds() {
    use iot_jobs_policy::ffi::parse_options;
    use iot_jobs_policy::machine::MAX_TIME_MS;
    for bad in [
        json!(i64::MAX).to_string(),
        json!(MAX_TIME_MS + 1).to_string(),
        "-1".to_owned(),
        json!(i64::MIN).to_string(),
        "\"9223372036854775807\"".to_owned(),
    ] {
        let e = parse_options(&format!(r#"{{"now": {bad}}}"#)).unwrap_err();
        assert_eq!(e.code(), "invalidOptions", "{bad}");
        assert!(
            e.message().contains("is outside 0..=8640000000000000"),
            "{bad}: {e:?}"
        );
    }
    for good in [0, MAX_TIME_MS] {
        let o = parse_options(&format!(r#"{{"now": {good}}}"#)).unwrap();
        assert_eq!(o.now_ms(), Some(good));
    }
    let sched = |start: &str| {
        json!({"jobId": "j", "targets": [format!("{ARN}t0")], "document": "{}",
               "schedulingConfig": {"startTime": start}})
        .to_string()
    };
    let text = sched("2030-01-01T00:00");
    for now in [i64::MAX, i64::MAX - 1_000, MAX_TIME_MS] {
        let o = Options::default().with_now_ms(Some(now));
        let r = iot_jobs_policy::validate_str(iot_jobs_policy::Operation::CreateJob, &text, &o);
        assert!(!r.is_valid(), "{now}");
        assert!(
            r.violations()
                .iter()
                .any(|v| v.message().contains("at least 30 minutes in the future")),
            "{now}: {r:?}"
        );
        assert!(
            !r.violations()
                .iter()
                .any(|v| v.message().contains("at most")),
            "{now}: {r:?}"
        );
    }
    let o = Options::default().with_now_ms(Some(i64::MIN));
    let r = iot_jobs_policy::validate_str(iot_jobs_policy::Operation::CreateJob, &text, &o);
    assert!(
        r.violations()
            .iter()
            .any(|v| v.message().contains("at most 1 year")),
        "{r:?}"
    );
}

/// `good` with `edit` applied is refused on restore with `invalidSnapshot`
/// (no rule) and a message containing `message`; returns the tampered value.
fn refused_tampered(good: &Value, edit: fn(&mut Value), message: &str) -> Value {
    let mut v = good.clone();
    edit(&mut v);
    let e = Job::from_snapshot(&v.to_string()).unwrap_err();
    assert_eq!(
        (e.code(), e.rule()),
        (ErrorCode::InvalidSnapshot, None),
        "{message}"
    );
    assert!(e.message().contains(message), "{message}: {}", e.message());
    v
}

/// Finding 7 (#10): a tampered snapshot whose counters or times could not
/// come from the machine is refused with `invalidSnapshot` and a precise
/// message, never accepted to overflow later.
#[test]
fn tampered_snapshot_invariants_are_refused() {
    let r = request(
        3,
        json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": 1}}),
    );
    let (mut job, _) = Job::create(&r, names(3), 1_000, &Options::default()).unwrap();
    let (_, e) = job.step(2_000, device("t0", DeviceStatus::Succeeded));
    assert!(e.is_none());
    let good: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
    assert!(Job::from_snapshot(&good.to_string()).is_ok());
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 9] = [
        (
            |v| v["notified"] = json!(u64::MAX),
            "notified `18446744073709551615` exceeds",
        ),
        (|v| v["notified"] = json!(2), "notified `2` exceeds"),
        (
            |v| v["succeededTotal"] = json!(u64::MAX),
            "succeededTotal `18446744073709551615` is outside what the executions allow",
        ),
        (
            |v| v["succeededTotal"] = json!(2),
            "succeededTotal `2` is outside what the executions allow",
        ),
        (
            |v| v["executions"][0][3] = json!(255),
            "execution 0: retry counts exceed",
        ),
        (
            |v| v["executions"][0][4] = json!(11),
            "execution 0: retry counts exceed",
        ),
        (
            |v| v["lastUpdatedAt"] = json!(999),
            "job times are out of order",
        ),
        (|v| v["now"] = json!(500), "job times are out of order"),
        (
            |v| v["executions"][0][9] = json!(5_000),
            "execution 0: a time is outside",
        ),
    ];
    for (edit, message) in cases {
        let v = refused_tampered(&good, edit, message);
        // The text API keeps the `invalidSnapshot` code.
        let answer: Value = serde_json::from_str(&text::describe(&v.to_string())).unwrap();
        assert_eq!(answer["error"]["code"], "invalidSnapshot", "{answer}");
    }
}

/// DeleteJob clears every timer, so a snapshot of a job being deleted with a
/// running timer could not come from the machine (its timer would fire after
/// JobDeleted): refused.
#[test]
fn a_timer_on_a_job_being_deleted_is_refused() {
    let r = request(
        2,
        json!({"timeoutConfig": {"inProgressTimeoutInMinutes": 5}}),
    );
    let (mut job, _) = Job::create(&r, names(2), 1_000, &Options::default()).unwrap();
    let (_, e) = job.step(2_000, device("t0", DeviceStatus::InProgress));
    assert!(e.is_none());
    let good: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
    assert!(Job::from_snapshot(&good.to_string()).is_ok());
    assert!(
        good["executions"][0][10].is_number(),
        "t0 runs a timer: {good}"
    );
    refused_tampered(
        &good,
        |v| v["status"] = json!("DELETION_IN_PROGRESS"),
        "a timer on a job being deleted",
    );
}

/// Found by the fuzz campaign of #10 (`fuzz/regressions/snapshot/r10-*`): a
/// snapshot whose `succeededTotal` already counted a success for a QUEUED
/// execution was accepted, and that execution's SUCCEEDED report wrote a
/// snapshot that no longer restored. `succeededTotal` must lie between the
/// SUCCEEDED executions and what the execution numbers allow.
#[test]
fn restored_success_counts_match_the_executions() {
    let r = json!({"jobId": "j", "document": "{}",
                   "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]});
    let (mut job, _) = Job::create(&r, ["t1"], 0, &Options::default()).unwrap();
    let queued: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
    let mut ahead = queued.clone();
    ahead["succeededTotal"] = json!(1);
    let e = Job::from_snapshot(&ahead.to_string()).unwrap_err();
    assert!(e.to_string().contains("succeededTotal"), "{e}");
    let (_, err) = job.step(
        1000,
        Event::DeviceUpdate {
            thing: "t1".into(),
            status: DeviceStatus::Succeeded,
            step_timeout_in_minutes: None,
            expected_version: None,
        },
    );
    assert!(err.is_none(), "{err:?}");
    let done: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
    assert_eq!(done["succeededTotal"], json!(1));
    Job::from_snapshot(&done.to_string()).unwrap();
    let mut behind = done.clone();
    behind["succeededTotal"] = json!(0);
    assert!(Job::from_snapshot(&behind.to_string()).is_err());
}

/// Maintenance windows in snapshots (J4): the end of the current window is
/// kept (`windowEnd`), checked on restore, and absent for a job without
/// windows, so older snapshots restore as they are.
#[test]
fn window_snapshots_restore_and_refuse_tampering() {
    // Daily 02:00 for an hour; created at 02:30, inside it (J1).
    let r = request(
        2,
        json!({"targetSelection": "CONTINUOUS", "schedulingConfig": {"maintenanceWindows":
            [{"startTime": "cron(0 2 * * ? *)", "durationInMinutes": 60}]}}),
    );
    let (job, _) = Job::create(&r, names(2), DAY_2026_02_30, &Options::default()).unwrap();
    let good: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
    let end = DAY_2026_02_30 + 30 * 60_000;
    assert_eq!(good["windowEnd"], json!(end));
    let back = Job::from_snapshot(&good.to_string()).unwrap();
    assert_eq!(back.next_deadline(), Some(end));
    assert_eq!(back.to_snapshot(), job.to_snapshot());

    // A job without windows writes no `windowEnd`: its snapshot is as before.
    let (plain, _) = Job::create(&request(1, json!({})), names(1), 0, &Options::default()).unwrap();
    assert!(!plain.to_snapshot().contains("windowEnd"));

    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 6] = [
        (|v| v["windowEnd"] = json!(-1), "a job time is out of range"),
        (|v| v["windowEnd"] = v["now"].clone(), "windowEnd needs"),
        (|v| v["status"] = json!("SCHEDULED"), "windowEnd needs"),
        (|v| v["ended"] = json!(true), "windowEnd needs"),
        (
            |v| v["config"]["schedulingConfig"] = json!({}),
            "windowEnd needs",
        ),
        (
            |v| {
                v["config"]["schedulingConfig"]["maintenanceWindows"][0]["startTime"] =
                    json!("nightly")
            },
            "is not a cron expression",
        ),
    ];
    for (edit, message) in cases {
        refused_tampered(&good, edit, message);
    }
}

/// 2026-01-01T02:30Z, inside a daily 02:00 window of an hour.
const DAY_2026_02_30: i64 = 1_767_234_600_000;

/// The windows through the command line (`replay`, text and JSON) and its
/// library entry: a job created outside its window is SCHEDULED, starts at
/// the window (J3), pauses at its end (J4) and lists the next starts (R-5).
#[test]
fn windows_replay_through_the_cli() {
    let scenario = json!({
        "job": {"jobId": "night", "document": "{}",
                "targets": [format!("{ARN}t1"), format!("{ARN}t2")],
                "jobExecutionsRolloutConfig": {"maximumPerMinute": 1},
                "schedulingConfig": {"maintenanceWindows":
                    [{"startTime": "cron(0 2 * * ? *)", "durationInMinutes": 1}]}},
        "createdAt": 1_767_225_600_000i64,
        "events": [{"at": 1_767_232_860_000i64, "type": "advance"}]
    })
    .to_string();
    let out: Value =
        serde_json::from_str(&iot_jobs_policy::replay::replay_json(&scenario).unwrap()).unwrap();
    let job = &out["describe"]["job"];
    assert_eq!(job["status"], "SCHEDULED", "{out}");
    assert_eq!(
        job["scheduledJobRollouts"][0]["startTime"],
        "2026-01-02T02:00"
    );
    assert_eq!(job["jobProcessDetails"]["numberOfQueuedThings"], 1);
    // The binary exists only with the `cli` feature (CI always builds it).
    #[cfg(feature = "cli")]
    windows_replay_cli_leg(&scenario);
}

/// The CLI leg of `windows_replay_through_the_cli`: the same scenario
/// through `iot-jobs-policy replay`, whose text names each transition's rule.
#[cfg(feature = "cli")]
fn windows_replay_cli_leg(scenario: &str) {
    let bin = env!("CARGO_BIN_EXE_iot-jobs-policy");
    let path = std::env::temp_dir().join(format!("windows-{}.json", std::process::id()));
    std::fs::write(&path, scenario).unwrap();
    let o = std::process::Command::new(bin)
        .arg("replay")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(o.status.success(), "{text}");
    for line in [
        "job SCHEDULED [J2]",
        "job SCHEDULED -> IN_PROGRESS [J3]",
        "t1: QUEUED execution #1 [E1]",
        "job IN_PROGRESS -> SCHEDULED [J4]",
        "final status: SCHEDULED",
        "next deadline: 2026-01-02T02:00:00.000Z",
    ] {
        assert!(text.contains(line), "`{line}` missing in:\n{text}");
    }
    assert!(!text.contains("t2: QUEUED"), "{text}");
}

#[test]
fn state_per_thing_stays_within_64_bytes() {
    // #12: at most 64 bytes per thing with 13-byte names (40-byte
    // execution record, the name, its offset, its index slot).
    let n = 100_000;
    let things: Vec<String> = (0..n).map(|i| format!("thing-{i:07}")).collect();
    let (job, _) = Job::create(&request(1, json!({})), &things, 0, &Options::default()).unwrap();
    let per_thing = job.memory_bytes() / n;
    assert!(per_thing <= 64, "{per_thing} bytes per thing");
    // Every thing still found, after a snapshot round trip too.
    let back = Job::from_snapshot(&job.to_snapshot()).unwrap();
    assert!(back.memory_bytes() / n <= 64);
    for thing in things.iter().step_by(997) {
        assert!(back.execution(thing).is_some(), "{thing}");
    }
}

// ---------------------------------------------------------------- properties

#[derive(Debug, Clone)]
enum Op {
    Device(usize, u8, Option<i64>),
    Advance(i64),
    CancelJob(bool),
    CancelExec(usize, bool),
    Delete(bool),
    Added(usize),
    Removed(usize),
    UpdateRetryZero,
    UpdateTimeout(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0..8usize, 0..4u8, prop::option::of(prop_oneof![Just(-1i64), 1..30i64])).prop_map(|(t, s, st)| Op::Device(t, s, st)),
        4 => (0..900_000i64).prop_map(Op::Advance),
        1 => any::<bool>().prop_map(Op::CancelJob),
        1 => (0..8usize, any::<bool>()).prop_map(|(t, f)| Op::CancelExec(t, f)),
        1 => any::<bool>().prop_map(Op::Delete),
        1 => (0..10usize).prop_map(Op::Added),
        1 => (0..10usize).prop_map(Op::Removed),
        1 => Just(Op::UpdateRetryZero),
        1 => (1..30i64).prop_map(Op::UpdateTimeout),
    ]
}

fn to_event(op: &Op) -> Event {
    let thing = |i: &usize| format!("t{i}");
    match op {
        Op::Device(t, s, step) => Event::DeviceUpdate {
            thing: thing(t),
            status: [
                DeviceStatus::InProgress,
                DeviceStatus::Succeeded,
                DeviceStatus::Failed,
                DeviceStatus::Rejected,
            ][*s as usize],
            step_timeout_in_minutes: *step,
            expected_version: None,
        },
        Op::Advance(_) => Event::Advance { to: 0 },
        Op::CancelJob(force) => Event::CancelJob {
            force: *force,
            reason_code: None,
            comment: None,
        },
        Op::CancelExec(t, force) => Event::CancelJobExecution {
            thing: thing(t),
            force: *force,
            expected_version: None,
        },
        Op::Delete(force) => Event::DeleteJob { force: *force },
        Op::Added(t) => Event::ThingAdded { thing: thing(t) },
        Op::Removed(t) => Event::ThingRemoved { thing: thing(t) },
        Op::UpdateRetryZero => Event::UpdateJob {
            request: json!({"jobId": "job-1", "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "ALL", "numberOfRetries": 0}]}}),
        },
        Op::UpdateTimeout(m) => Event::UpdateJob {
            request: json!({"jobId": "job-1", "timeoutConfig": {"inProgressTimeoutInMinutes": m}}),
        },
    }
}

type Config = (bool, u8, u8, f64, i64, u8, u8);

fn config() -> impl Strategy<Value = Config> {
    (
        any::<bool>(),
        0..4u8,
        0..3u8,
        1.0..100.0f64,
        1..4i64,
        0..4u8,
        0..4u8,
    )
}

fn build(
    (continuous, retries_failed, retries_to, threshold, min, schedule, windows): Config,
) -> Value {
    let mut r = request(
        6,
        json!({
            "targetSelection": if continuous { "CONTINUOUS" } else { "SNAPSHOT" },
            "jobExecutionsRolloutConfig": {"maximumPerMinute": 2, "exponentialRate": {"baseRatePerMinute": 1, "incrementFactor": 1.5, "rateIncreaseCriteria": {"numberOfNotifiedThings": 1}}},
            "timeoutConfig": {"inProgressTimeoutInMinutes": 2},
            "jobExecutionsRetryConfig": {"criteriaList": [
                {"failureType": "FAILED", "numberOfRetries": retries_failed},
                {"failureType": "TIMED_OUT", "numberOfRetries": retries_to}]},
            "abortConfig": {"criteriaList": [{"failureType": "ALL", "action": "CANCEL",
                "thresholdPercentage": (threshold * 100.0).round() / 100.0, "minNumberOfExecutedThings": min}]}
        }),
    );
    // Half the cases are scheduled: start after 30 minutes, end an hour later
    // with one of the three end behaviours.
    if let Some(end) = ["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"].get(usize::from(schedule)) {
        r["schedulingConfig"] = json!({"startTime": "1970-01-01T00:30", "endTime": "1970-01-01T01:30", "endBehavior": end});
    }
    // Some cases have maintenance windows (J2..J4): hourly at :10 for 20
    // minutes (created outside it); hourly at :00 and :05 for 5 minutes each
    // (adjacent: one window [:00, :10), created inside it); or one minute at
    // :01 and at :03 and a quarter hour at :30 (short windows, many pauses).
    let windows = match windows {
        1 => Some(json!([{"startTime": "cron(10 * * * ? *)", "durationInMinutes": 20}])),
        2 => Some(
            json!([{"startTime": "cron(0 * * * ? *)", "durationInMinutes": 5},
                         {"startTime": "cron(5 * * * ? *)", "durationInMinutes": 5}]),
        ),
        3 => Some(
            json!([{"startTime": "cron(1 * * * ? *)", "durationInMinutes": 1},
                         {"startTime": "cron(3 * * * ? *)", "durationInMinutes": 1},
                         {"startTime": "cron(30 * * * ? *)", "durationInMinutes": 15}]),
        ),
        _ => None,
    };
    if let Some(w) = windows {
        if r.get("schedulingConfig").is_none() {
            r["schedulingConfig"] = json!({});
        }
        r["schedulingConfig"]["maintenanceWindows"] = w;
    }
    r
}

/// Runs `ops`, checking invariants after every event; returns the outputs.
fn run_ops(cfg: Config, ops: &[Op]) -> Result<(Vec<String>, Job), TestCaseError> {
    let r = build(cfg);
    let (mut job, fx) = Job::create(&r, names(6), 0, &Options::default()).unwrap();
    let budget = job.retry_budget();
    let mut out = vec![serde_json::to_string(&fx).unwrap()];
    let mut at = 0i64;
    let mut last: BTreeMap<String, Option<ExecutionStatus>> = BTreeMap::new();
    for o in ops {
        let ev = match o {
            Op::Advance(d) => {
                at += d;
                Event::Advance { to: at }
            }
            _ => {
                at += 1000;
                to_event(o)
            }
        };
        let before_terminal: Vec<(String, u32)> = job
            .executions()
            .filter(|e| e.status.is_some_and(ExecutionStatus::is_terminal))
            .map(|e| (e.thing.clone(), e.execution_number.unwrap_or(0)))
            .collect();
        let in_progress_before: BTreeSet<String> = job
            .executions()
            .filter(|e| e.status == Some(ExecutionStatus::InProgress))
            .map(|e| e.thing)
            .collect();
        let (fx, err) = job.step(at, ev);
        out.push(serde_json::to_string(&fx).unwrap());
        out.push(format!("{err:?}"));
        // counters add up to the number of things
        let c = job.counts();
        prop_assert_eq!(c.total(), job.thing_count() as u64);
        let from_list = job
            .executions()
            .filter(|e| e.status == Some(ExecutionStatus::Queued))
            .count() as u64;
        prop_assert_eq!(c.queued, from_list);
        // retryAttempt never exceeds the budget (UpdateJob only lowers it)
        for e in job.executions() {
            prop_assert!(
                e.retry_attempt <= budget,
                "{} > {}",
                e.retry_attempt,
                budget
            );
        }
        // terminal executions absorb: only a new execution (re-join) replaces them
        for (thing, number) in before_terminal {
            let now = job.execution(&thing).unwrap();
            if now.execution_number == Some(number) {
                prop_assert!(
                    now.status.is_some_and(ExecutionStatus::is_terminal),
                    "{} left a terminal status",
                    thing
                );
            }
        }
        // abort never cancels an IN_PROGRESS execution
        let aborted = fx.iter().any(|f| {
            matches!(
                f.effect,
                iot_jobs_policy::machine::Effect::JobAborted { .. }
            )
        });
        if aborted {
            for f in &fx {
                if let iot_jobs_policy::machine::Effect::ExecutionStatusChanged {
                    thing,
                    from,
                    to,
                    rule,
                    ..
                } = &f.effect
                {
                    if *rule == "R-9" {
                        prop_assert_eq!(*from, Some(ExecutionStatus::Queued));
                        prop_assert_eq!(*to, ExecutionStatus::Canceled);
                        prop_assert!(
                            !in_progress_before.contains(thing)
                                || *from == Some(ExecutionStatus::Queued)
                        );
                    }
                }
            }
        }
        // terminal job statuses absorb (except CANCELED → DELETION_IN_PROGRESS)
        for e in job.executions() {
            last.insert(e.thing.clone(), e.status);
        }
        // R-5: scheduledJobRollouts is listed exactly when the job has
        // windows: at most seven starts, in time order, none twice.
        let rollouts = job.describe()["job"].get("scheduledJobRollouts").cloned();
        prop_assert_eq!(rollouts.is_some(), cfg.6 != 0);
        if let Some(list) = rollouts {
            let starts: Vec<&str> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["startTime"].as_str().unwrap())
                .collect();
            prop_assert!(starts.len() <= 7);
            prop_assert!(starts.windows(2).all(|w| w[0] < w[1]), "{:?}", starts);
        }
        // snapshot then restore changes nothing
        let snap = job.to_snapshot();
        let restored = Job::from_snapshot(&snap).unwrap();
        prop_assert_eq!(restored.to_snapshot(), snap);
        prop_assert_eq!(restored.next_deadline(), job.next_deadline());
        job = restored;
    }
    out.push(job.describe().to_string());
    out.push(job.list_all_executions_for_job().to_string());
    Ok((out, job))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_over_random_events(cfg in config(), ops in prop::collection::vec(op(), 0..60)) {
        let (_, job) = run_ops(cfg, &ops)?;
        // The typed views equal the JSON views in whatever state the events
        // left (the request here has doubles such as `1.0`, see typed_views_match).
        let mut errors = Vec::new();
        typed_views_match(&job, "end", false, &mut errors);
        prop_assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    #[test]
    fn same_inputs_give_same_outputs(cfg in config(), ops in prop::collection::vec(op(), 0..30)) {
        let (a, _) = run_ops(cfg, &ops)?;
        let (b, _) = run_ops(cfg, &ops)?;
        prop_assert_eq!(a, b);
    }

    #[test]
    fn terminal_job_statuses_absorb(cfg in config(), ops in prop::collection::vec(op(), 0..60)) {
        let r = build(cfg);
        let (mut job, _) = Job::create(&r, names(6), 0, &Options::default()).unwrap();
        let mut at = 0;
        let mut seen_terminal: Option<JobStatus> = None;
        for o in &ops {
            at += 1000;
            let ev = match o { Op::Advance(_) => Event::Advance { to: at }, _ => to_event(o) };
            let _ = job.step(at, ev);
            let s = job.status();
            if let Some(t) = seen_terminal {
                prop_assert!(s == t || s == JobStatus::DeletionInProgress, "{:?} -> {:?}", t, s);
                if s == JobStatus::DeletionInProgress { seen_terminal = Some(s); }
            } else if matches!(s, JobStatus::Completed | JobStatus::Canceled | JobStatus::DeletionInProgress) {
                seen_terminal = Some(s);
            }
        }
    }

    /// #10 finding 5: near the maximum time every reachable state snapshots
    /// and restores, and `next_deadline()` is a time `advance` accepts.
    #[test]
    fn states_near_the_maximum_time_restore(
        cfg in config(),
        back in 0i64..600_000,
        ops in prop::collection::vec((op(), 0i64..90_000), 0..30),
    ) {
        use iot_jobs_policy::machine::MAX_TIME_MS;
        let r = build(cfg);
        let mut at = MAX_TIME_MS - back;
        let Ok((mut job, _)) = Job::create(&r, names(6), at, &Options::default()) else {
            return Ok(()); // e.g. a scheduled start that cannot lie ahead
        };
        for (o, dt) in &ops {
            at = (at + dt).min(MAX_TIME_MS);
            let ev = match o { Op::Advance(_) => Event::Advance { to: at }, _ => to_event(o) };
            let _ = job.step(at, ev);
            let snap = job.to_snapshot();
            let back = Job::from_snapshot(&snap);
            prop_assert!(back.is_ok(), "{:?}", back.err());
            if let Some(d) = job.next_deadline() {
                prop_assert!((job.now()..=MAX_TIME_MS).contains(&d), "{}", d);
                prop_assert!(job.clone().advance(d).is_ok());
            }
        }
    }

    #[test]
    fn refused_events_leave_the_state_unchanged(cfg in config(), ops in prop::collection::vec(op(), 0..30)) {
        let r = build(cfg);
        let (mut job, _) = Job::create(&r, names(6), 0, &Options::default()).unwrap();
        let mut at = 0;
        for o in &ops {
            at += 1000;
            let ev = match o { Op::Advance(_) => Event::Advance { to: at }, _ => to_event(o) };
            // A refused event leaves the state as the advance of `step` left it.
            let mut advanced = job.clone();
            advanced.advance(at).unwrap();
            let (_, error) = job.step(at, ev);
            if error.is_some() {
                prop_assert_eq!(job.to_snapshot(), advanced.to_snapshot());
            }
        }
    }
}

#[test]
fn bundled_scenarios_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/scenarios");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let out: Value =
            serde_json::from_str(&iot_jobs_policy::replay::replay_json(&text).unwrap()).unwrap();
        let again = iot_jobs_policy::replay::replay_json(&text).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&out).unwrap(),
            again,
            "{path:?} is not deterministic"
        );
        let text_out = iot_jobs_policy::replay::replay_text(&text).unwrap();
        assert!(text_out.contains("final status:"));
        let status = out["describe"]["job"]["status"]
            .as_str()
            .unwrap()
            .to_owned();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match name.as_str() {
            "rollout-retry-timeout.json" => assert_eq!(status, "COMPLETED", "{text_out}"),
            "abort.json" => {
                assert_eq!(status, "CANCELED", "{text_out}");
                assert_eq!(out["describe"]["job"]["reasonCode"], "ABORT_CRITERIA_MET");
            }
            "continuous-cancel.json" => assert_eq!(status, "CANCELED", "{text_out}"),
            "scheduled.json" => assert_eq!(status, "COMPLETED", "{text_out}"),
            _ => {}
        }
    }
    assert!(seen >= 4);
}

/// The members of the AWS responses (DescribeJob, ListJobExecutionsForJob,
/// ListJobExecutionsForThing output shapes of the latest model).
const JOB_MEMBERS: &[&str] = &[
    "jobArn",
    "jobId",
    "targetSelection",
    "status",
    "forceCanceled",
    "reasonCode",
    "comment",
    "targets",
    "description",
    "presignedUrlConfig",
    "jobExecutionsRolloutConfig",
    "abortConfig",
    "createdAt",
    "lastUpdatedAt",
    "completedAt",
    "jobProcessDetails",
    "timeoutConfig",
    "namespaceId",
    "jobTemplateArn",
    "jobExecutionsRetryConfig",
    "documentParameters",
    "isConcurrent",
    "schedulingConfig",
    "scheduledJobRollouts",
    "destinationPackageVersions",
];
const PROCESS_MEMBERS: &[&str] = &[
    "processingTargets",
    "numberOfCanceledThings",
    "numberOfSucceededThings",
    "numberOfFailedThings",
    "numberOfRejectedThings",
    "numberOfQueuedThings",
    "numberOfInProgressThings",
    "numberOfRemovedThings",
    "numberOfTimedOutThings",
];
const SUMMARY_MEMBERS: &[&str] = &[
    "status",
    "queuedAt",
    "startedAt",
    "lastUpdatedAt",
    "executionNumber",
    "retryAttempt",
];

fn keys_within(v: &Value, allowed: &[&str], what: &str) {
    for k in v.as_object().unwrap().keys() {
        assert!(
            allowed.contains(&k.as_str()),
            "{what}: `{k}` is not an AWS member"
        );
    }
}

#[test]
fn views_use_only_aws_member_names() {
    let r = request(
        3,
        json!({"description": "d", "documentSource": "https://s3.amazonaws.com/b/k.json",
               "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/r", "expiresInSec": 60},
               "timeoutConfig": {"inProgressTimeoutInMinutes": 5}, "namespaceId": "ns",
               "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "ALL", "numberOfRetries": 1}]}}),
    );
    let mut r = r;
    r.as_object_mut().unwrap().remove("document");
    let (mut job, _) = Job::create(&r, names(3), 0, &Options::default()).unwrap();
    job.step(1000, device("t0", DeviceStatus::InProgress));
    job.step(
        2000,
        Event::CancelJob {
            force: false,
            reason_code: Some("X".into()),
            comment: Some("c".into()),
        },
    );
    let d = job.describe();
    keys_within(&d, &["job", "documentSource"], "DescribeJob");
    keys_within(&d["job"], JOB_MEMBERS, "job");
    keys_within(
        &d["job"]["jobProcessDetails"],
        PROCESS_MEMBERS,
        "jobProcessDetails",
    );
    let l = job.list_all_executions_for_job();
    keys_within(
        &l,
        &["executionSummaries", "nextToken"],
        "ListJobExecutionsForJob",
    );
    for s in l["executionSummaries"].as_array().unwrap() {
        keys_within(
            s,
            &["thingArn", "jobExecutionSummary"],
            "JobExecutionSummaryForJob",
        );
        keys_within(
            &s["jobExecutionSummary"],
            SUMMARY_MEMBERS,
            "JobExecutionSummary",
        );
    }
    let t = job
        .list_executions_for_thing("t0", None, None, None)
        .unwrap();
    for s in t["executionSummaries"].as_array().unwrap() {
        keys_within(
            s,
            &["jobId", "jobExecutionSummary"],
            "JobExecutionSummaryForThing",
        );
        keys_within(
            &s["jobExecutionSummary"],
            SUMMARY_MEMBERS,
            "JobExecutionSummary",
        );
    }
}

/// A typed CreateJob request is read as given, with no JSON round trip; a
/// number JSON cannot hold (NaN, written as `null`) is still judged by the
/// validator first, so the machine never acts on it.
#[test]
fn typed_requests_with_non_finite_numbers_are_refused() {
    let json = request(
        1,
        json!({"abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
            "thresholdPercentage": 50, "minNumberOfExecutedThings": 1}]}}),
    );
    let mut typed: CreateJobRequest = serde_json::from_value(json).unwrap();
    assert!(Job::create(&typed, names(1), 0, &Options::default()).is_ok());
    typed.abort_config.as_mut().unwrap().criteria_list[0].threshold_percentage = f64::NAN;
    let e = Job::create(&typed, names(1), 0, &Options::default()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidRequest);
    assert_eq!(e.rule(), Some("V-1"));
    assert!(!e.violations().is_empty());
}

/// The machine reads scheduling times as the validator does (V-21): under
/// `--profile model`, where the format rule is not applied, a start time
/// written with a space for `T` does not schedule the job; the documented
/// form does.
#[test]
fn the_machine_reads_scheduling_times_as_the_validator_does() {
    use iot_jobs_policy::machine::text;
    let status = |start: &str| {
        let input = json!({
            "job": {"jobId": "j", "document": "{}",
                "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"],
                "schedulingConfig": {"startTime": start}},
            "createdAt": 0,
            "options": {"profile": "model"},
        });
        let created: Value = serde_json::from_str(&text::create(&input.to_string())).unwrap();
        assert_eq!(created["type"], "success", "{created}");
        let snapshot = created["snapshot"].as_str().unwrap();
        let inspected: Value = serde_json::from_str(&text::inspect(snapshot)).unwrap();
        inspected["status"].as_str().unwrap().to_owned()
    };
    assert_eq!(status("2030-01-01T01:00"), "SCHEDULED");
    assert_eq!(status("2030-01-01 01:00"), "IN_PROGRESS");
}
