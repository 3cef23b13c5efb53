//! Properties of the validator over generated input: it never panics, it is
//! deterministic, the three entry points agree, and the fast path agrees
//! with the full report.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::{
    is_valid_str, validate_bytes, validate_str, validate_value, ApiVersion, Operation, Options,
    Profile,
};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../benches/data/create-job-typical.json");

fn any_options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(0i64..4_000_000_000_000),
    )
        .prop_map(|(api, model, now)| {
            Options::default()
                .with_api(if api {
                    ApiVersion::Latest
                } else {
                    ApiVersion::V2022_01
                })
                .with_profile(if model {
                    Profile::Model
                } else {
                    Profile::Documented
                })
                .with_now_ms(now)
        })
}

fn any_op() -> impl Strategy<Value = Operation> {
    prop::sample::select(Operation::ALL.to_vec())
}

/// JSON values biased towards the members and values the validator knows.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let key = prop::sample::select(vec![
        "jobId",
        "targets",
        "document",
        "documentSource",
        "abortConfig",
        "criteriaList",
        "failureType",
        "numberOfRetries",
        "thresholdPercentage",
        "maximumPerMinute",
        "exponentialRate",
        "incrementFactor",
        "rateIncreaseCriteria",
        "timeoutConfig",
        "inProgressTimeoutInMinutes",
        "tags",
        "Key",
        "Value",
        "jobExecutionsRetryConfig",
        "jobExecutionsRolloutConfig",
        "schedulingConfig",
        "startTime",
        "x~/y",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "FAILED",
            "ALL",
            "CANCEL",
            "TIMED_OUT",
            "2026-01-01T00:00",
            "a b",
            "arn:aws:iot:r::jobtemplate/AWS-x"
        ])
        .prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| {
                serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(op in any_op(), bytes in prop::collection::vec(any::<u8>(), 0..256), options in any_options()) {
        let a = validate_bytes(op, &bytes, &options);
        let b = validate_bytes(op, &bytes, &options);
        prop_assert_eq!(a.to_json(), b.to_json());
        prop_assert!(!a.violations().is_empty() || a.is_valid());
    }

    #[test]
    fn mutated_requests_never_panic(op in any_op(), cut in 0usize..1300, insert in "\\PC{0,4}", options in any_options()) {
        let cut = (0..=cut.min(SAMPLE.len())).rev().find(|i| SAMPLE.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{insert}{}", &SAMPLE[..cut], &SAMPLE[cut..]);
        let report = validate_str(op, &text, &options);
        prop_assert_eq!(report.is_valid(), is_valid_str(op, &text, &options));
    }

    #[test]
    fn text_and_value_agree(op in any_op(), value in json_value(), options in any_options()) {
        let text = serde_json::to_string(&value).unwrap();
        let from_text = validate_str(op, &text, &options);
        let from_value = validate_value(op, &value, &options);
        prop_assert_eq!(from_text.is_valid(), from_value.is_valid());
        prop_assert_eq!(from_text.is_valid(), is_valid_str(op, &text, &options));
        let codes = |r: &iot_jobs_policy::Report| r.violations().iter().map(|v| (v.code(), v.path().to_owned())).collect::<Vec<_>>();
        prop_assert_eq!(codes(&from_text), codes(&from_value));
        prop_assert_eq!(from_text.aws_message().is_some(), !from_text.is_valid());
    }
}

#[test]
fn pathological_shapes_are_refused_not_crashed() {
    let options = Options::default();
    let deep = "[".repeat(100_000);
    assert_eq!(
        validate_str(Operation::CreateJob, &deep, &options).violations()[0]
            .code()
            .as_str(),
        "tooDeep"
    );
    let many_keys: String = format!(
        "{{{}}}",
        (0..20_000)
            .map(|i| format!("\"k{}\":0", i % 10_000))
            .collect::<Vec<_>>()
            .join(",")
    );
    let report = validate_str(Operation::DescribeJob, &many_keys, &options);
    // 10,000 duplicates, 20,000 unknown keys and the missing `jobId`: the
    // report lists the first 1,000 (all duplicates), then the total.
    let v = report.violations();
    assert_eq!(v.len(), iot_jobs_policy::MAX_VIOLATIONS + 1);
    assert!(v[..1000]
        .iter()
        .all(|v| v.code().as_str() == "duplicateKey"));
    assert_eq!(v[1000].code().as_str(), "tooManyViolations");
    assert!(
        v[1000].message().ends_with("(30001 in all)"),
        "{}",
        v[1000].message()
    );
    let mut value = serde_json::json!(1);
    for _ in 0..200 {
        value = serde_json::json!([value]);
    }
    let wrapped = serde_json::json!({ "jobId": value });
    assert_eq!(
        validate_value(Operation::DescribeJob, &wrapped, &options).violations()[0]
            .code()
            .as_str(),
        "tooDeep"
    );
}
