//! The simulator's lean path ([`Job::step_device`], [`Job::advance_into`]
//! into [`Fx::lean`]) against the public one ([`Job::step`],
//! [`Job::advance`]): the same records as the public effects (things by
//! index), the same errors, the same state.

use super::{DeviceStatus, Effect, Event, Fx, Job, JobStatus, Record, TimedEffect};
use crate::Options;

/// What the lean sink records for the public effects `fx`.
fn as_records(job: &Job, fx: Vec<TimedEffect>) -> Vec<Record> {
    fx.into_iter()
        .map(|timed| match timed.effect {
            Effect::ExecutionStatusChanged {
                thing,
                to,
                retry_attempt,
                ..
            } => Record::Execution {
                at: timed.at,
                thing: job.names.find(&thing).unwrap(),
                to,
                retry_attempt,
            },
            _ => Record::Other(Box::new(timed)),
        })
        .collect()
}

fn job(things: usize, threshold: u32, min: u32) -> Job {
    let request = serde_json::json!({
        "jobId": "lean",
        "targets": (1..=things)
            .map(|i| format!("arn:aws:iot:us-east-1:123456789012:thing/t{i}"))
            .collect::<Vec<_>>(),
        "document": "{}",
        "jobExecutionsRolloutConfig": { "maximumPerMinute": 3 },
        "jobExecutionsRetryConfig": { "criteriaList": [
            { "failureType": "FAILED", "numberOfRetries": 1 },
            { "failureType": "TIMED_OUT", "numberOfRetries": 1 }
        ] },
        "timeoutConfig": { "inProgressTimeoutInMinutes": 2 },
        "abortConfig": { "criteriaList": [ {
            "failureType": "FAILED", "action": "CANCEL",
            "thresholdPercentage": threshold, "minNumberOfExecutedThings": min
        } ] }
    });
    let names: Vec<String> = (1..=things).map(|i| format!("t{i}")).collect();
    let (full, created) = Job::create(&request, &names, 0, &Options::default()).unwrap();
    let mut fx = Fx::lean();
    let lean = Job::create_into(&request, &names, 0, &Options::default(), &mut fx).unwrap();
    assert_eq!(
        fx.drain().collect::<Vec<_>>(),
        as_records(&full, created),
        "creation"
    );
    assert_eq!(lean.to_snapshot(), full.to_snapshot());
    full
}

#[test]
fn the_lean_sink_records_what_the_public_api_returns() {
    // The abort fires (half of them fail), or not and the job completes.
    assert_eq!(walk(10, 4), JobStatus::Canceled);
    assert_eq!(walk(100, 4), JobStatus::Completed);
}

/// Drives a job of 12 things with an abort at `threshold` % FAILED of at
/// least `min` executed both ways, checking every step; its final status.
fn walk(threshold: u32, min: u32) -> JobStatus {
    let things = 12;
    let mut full = job(things, threshold, min);
    let mut lean = full.clone();
    let mut fx = Fx::lean();
    let mut errors = 0;
    let mut records = 0;
    // A fixed walk: every thing starts, then reports an outcome that
    // depends on its index (FAILED, SUCCEEDED, silent so that the timer
    // fires, REJECTED); updates to terminal or unnotified executions are
    // refused alike; advances fire slots, timers, retries and the abort.
    for round in 0..40_i64 {
        let at = round * 20_000;
        if round % 3 == 2 {
            let a = full.advance(at);
            let b = lean.advance_into(at, &mut fx);
            assert_eq!(a.as_ref().err(), b.as_ref().err(), "advance at {at}");
            let got: Vec<Record> = fx.drain().collect();
            records += got.len();
            assert_eq!(
                got,
                as_records(&full, a.unwrap_or_default()),
                "advance at {at}"
            );
            continue;
        }
        for i in 0..things {
            let status = match (round + i as i64) % 5 {
                0 | 1 => DeviceStatus::InProgress,
                2 => DeviceStatus::Failed,
                3 if i % 3 == 0 => DeviceStatus::Failed,
                3 => DeviceStatus::Succeeded,
                _ if i % 4 == 0 => continue,
                _ => DeviceStatus::Rejected,
            };
            let at = at + i as i64;
            let event = Event::DeviceUpdate {
                thing: format!("t{}", i + 1),
                status,
                step_timeout_in_minutes: None,
                expected_version: None,
            };
            let (a, error) = full.step(at, event);
            let b = lean.step_device(at, i, status, &mut fx);
            assert_eq!(error.as_ref(), b.as_ref().err(), "thing {i} at {at}");
            errors += usize::from(error.is_some());
            let got: Vec<Record> = fx.drain().collect();
            records += got.len();
            assert_eq!(got, as_records(&full, a), "thing {i} at {at}");
            assert_eq!(lean.next_deadline(), full.next_deadline());
        }
        assert_eq!(lean.to_snapshot(), full.to_snapshot(), "round {round}");
    }
    // The walk covers refusals and a run to a terminal job.
    assert!(errors > 10, "{errors} errors");
    assert!(records > 30, "{records} records");
    full.status()
}

#[test]
fn a_thing_without_an_execution_is_refused_by_index_as_by_name() {
    let mut full = job(12, 100, 4);
    let mut lean = full.clone();
    let mut fx = Fx::lean();
    // t12 is not notified yet (3 a minute).
    let (_, error) = full.step(
        10,
        Event::DeviceUpdate {
            thing: "t12".into(),
            status: DeviceStatus::InProgress,
            step_timeout_in_minutes: None,
            expected_version: None,
        },
    );
    let b = lean.step_device(10, 11, DeviceStatus::InProgress, &mut fx);
    assert!(error.is_some());
    assert_eq!(error.as_ref(), b.as_ref().err());
    // An index past the fleet is refused too, and changes nothing.
    let before = lean.to_snapshot();
    assert!(lean
        .step_device(10, 12, DeviceStatus::InProgress, &mut fx)
        .is_err());
    assert_eq!(fx.drain().count(), 0);
    assert_eq!(lean.to_snapshot(), before);
}
