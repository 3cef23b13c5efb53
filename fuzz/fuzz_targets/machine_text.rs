//! The transition function's JSON-text surface (`machine::text`): one line
//! of input is `text::create`'s input, every further line an action on the
//! snapshot the previous success answered, `<letter><at?> <argument>`:
//!
//! - `s`: `step(snapshot, at, event)`, which must agree with `advance`
//!   to `at` followed by `apply` (see `step_agrees`);
//! - `a`: `apply`; `v`: `advance(snapshot, at)`; `d`: `describe`;
//!   `i`: `inspect`; `j` / `t`: `list_executions_for_job` / `_for_thing`
//!   with the argument as `args`; `e`: `execution(snapshot, argument)`.
//!
//! `at` is an optional signed decimal right after the letter (the previous
//! one when absent). Every answer must be tagged JSON, and every snapshot a
//! success hands back must restore, to exactly itself. Every effect carries
//! an integer `at`: the creation time for a creation's; for `step`, `apply`
//! and `advance` never before the job's time before the call nor after
//! `at`, in order, and those of an event (not an advance) exactly `at`.
#![no_main]

use iot_jobs_policy::machine::{text, Job};
use iot_jobs_policy_fuzz::tagged;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// At most this many actions per input, to keep one run short.
const MAX_ACTIONS: usize = 64;

fn number(s: &str) -> (Option<i64>, &str) {
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
        .map_or(s.len(), |(i, _)| i);
    let (digits, rest) = s.split_at(end);
    (digits.parse().ok(), rest.strip_prefix(' ').unwrap_or(rest))
}

fn snapshot_of(answer: &Value) -> String {
    match answer.get("snapshot").and_then(Value::as_str) {
        Some(s) => s.to_owned(),
        None => panic!("a success without a snapshot: {answer}"),
    }
}

fn restores(snapshot: &str) {
    let (ok, answer) = tagged(&text::inspect(snapshot));
    assert!(
        ok,
        "a snapshot the machine wrote does not restore: {answer}\n{snapshot}"
    );
    match Job::from_snapshot(snapshot) {
        Ok(job) => assert_eq!(job.to_snapshot(), snapshot, "restore changed the snapshot"),
        Err(e) => panic!("a snapshot the machine wrote does not restore: {e}\n{snapshot}"),
    }
}

/// `step(s, at, e)` is `advance(s, at)` then `apply(.., at, e)` for every
/// event but `advance` (which `step` applies as it is): the same snapshot,
/// the effects of both parts, and the error `apply` refuses the event with.
fn step_agrees(snapshot: &str, at: i64, event: &str, stepped: &(bool, Value)) {
    let (ok, stepped) = stepped;
    let is_advance = serde_json::from_str::<Value>(event)
        .is_ok_and(|e| e.get("type").and_then(Value::as_str) == Some("advance"));
    if !ok || is_advance {
        // A bad event (or an advance): `apply` answers the same.
        let (applied_ok, applied) = tagged(&text::apply(snapshot, at, event));
        match (ok, stepped.get("error")) {
            (false, _) => assert_eq!(stepped, &applied, "a bad event: the same failure"),
            (true, Some(error)) => {
                assert!(!applied_ok, "step refused, apply accepted: {applied}");
                assert_eq!(Some(error), applied.get("error"));
            }
            (true, None) => assert_eq!(stepped, &applied),
        }
        return;
    }
    let (advanced_ok, advanced) = tagged(&text::advance(snapshot, at));
    if !advanced_ok {
        assert_eq!(stepped.get("error"), advanced.get("error"), "{stepped}");
        return;
    }
    let (applied_ok, applied) = tagged(&text::apply(&snapshot_of(&advanced), at, event));
    let mut effects = advanced["effects"].as_array().cloned().unwrap_or_default();
    if applied_ok {
        assert_eq!(stepped.get("error"), None, "{stepped}");
        assert_eq!(stepped["snapshot"], applied["snapshot"]);
        effects.extend(applied["effects"].as_array().cloned().unwrap_or_default());
    } else {
        assert_eq!(stepped.get("error"), applied.get("error"), "{stepped}");
        assert_eq!(stepped["snapshot"], advanced["snapshot"]);
    }
    assert_eq!(stepped["effects"], Value::Array(effects), "{stepped}");
}

/// The job's time in `snapshot` (`inspect`'s `now`).
fn now_of(snapshot: &str) -> i64 {
    let (_, answer) = tagged(&text::inspect(snapshot));
    match answer["now"].as_i64() {
        Some(now) => now,
        None => panic!("inspect without `now`: {answer}"),
    }
}

/// The effects of a success are timed in `from..=to`, in order.
fn timed(answer: &Value, from: i64, to: i64) {
    let mut previous = from;
    for fx in answer["effects"].as_array().into_iter().flatten() {
        let Some(t) = fx["at"].as_i64() else {
            panic!("an effect without an integer `at`: {fx}");
        };
        assert!(
            previous <= t && t <= to,
            "an effect at {t} outside {previous}..={to}: {answer}"
        );
        previous = t;
    }
}

/// The `to` of an `advance` event, if `event` is one.
fn advance_to(event: &str) -> Option<i64> {
    let e = serde_json::from_str::<Value>(event).ok()?;
    if e.get("type").and_then(Value::as_str) != Some("advance") {
        return None;
    }
    e.get("to").and_then(Value::as_i64)
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut lines = input.split('\n');
    let (ok, created) = tagged(&text::create(lines.next().unwrap_or("")));
    if !ok {
        return;
    }
    let mut snapshot = snapshot_of(&created);
    restores(&snapshot);
    let created_at = now_of(&snapshot);
    timed(&created, created_at, created_at);
    let mut at = 0_i64;
    for line in lines.take(MAX_ACTIONS) {
        let mut chars = line.chars();
        let Some(action) = chars.next() else {
            continue;
        };
        let (n, arg) = number(chars.as_str());
        at = n.unwrap_or(at);
        let before = now_of(&snapshot);
        let next = match action {
            's' => {
                let stepped = tagged(&text::step(&snapshot, at, arg));
                step_agrees(&snapshot, at, arg, &stepped);
                stepped
            }
            'a' => tagged(&text::apply(&snapshot, at, arg)),
            'v' => tagged(&text::advance(&snapshot, at)),
            'd' => tagged(&text::describe(&snapshot)),
            'i' => tagged(&text::inspect(&snapshot)),
            'j' => tagged(&text::list_executions_for_job(&snapshot, arg)),
            't' => tagged(&text::list_executions_for_thing(&snapshot, arg)),
            'e' => tagged(&text::execution(&snapshot, arg)),
            _ => continue,
        };
        if next.0 {
            let to = advance_to(arg).map_or(at, |to| to.max(at));
            match action {
                // An advance fires each deadline at its own time.
                'v' => timed(&next.1, before, at),
                's' => timed(&next.1, before, to),
                // An event's own effects are at its time.
                'a' if advance_to(arg).is_none() => timed(&next.1, at, at),
                'a' => timed(&next.1, before, to),
                _ => {}
            }
        }
        if let (true, Some(s)) = (next.0, next.1.get("snapshot").and_then(Value::as_str)) {
            if s != snapshot {
                snapshot = s.to_owned();
                restores(&snapshot);
            }
        }
    }
});
