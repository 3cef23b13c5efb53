//! Positions of violations in request text: byte offset, line and column
//! (code points), for values, unknown keys, duplicates, missing members and
//! parse errors.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::{validate_str, validate_value, Operation, Options};

fn positions(op: Operation, text: &str) -> Vec<(String, String, usize, usize, usize)> {
    validate_str(op, text, &Options::default())
        .violations()
        .iter()
        .map(|v| {
            let p = v.position().expect("text input has positions");
            (
                v.code().as_str().to_owned(),
                v.path().to_owned(),
                p.offset(),
                p.line(),
                p.column(),
            )
        })
        .collect()
}

#[test]
fn value_key_and_parent_positions() {
    let text = "{\n  \"jobId\": \"a b\",\n  \"désc\": 1,\n  \"maxResults\": 0\n}";
    let got = positions(Operation::ListJobExecutionsForJob, text);
    assert_eq!(
        got,
        vec![
            (
                "unknownField".into(),
                "/désc".into(),
                text.find("\"désc\"").unwrap(),
                3,
                3
            ),
            (
                "pattern".into(),
                "/jobId".into(),
                text.find("\"a b\"").unwrap(),
                2,
                12
            ),
            (
                "minimum".into(),
                "/maxResults".into(),
                text.find('0').unwrap(),
                4,
                17
            ),
        ]
    );
    // A missing required member points at the object that lacks it.
    let got = positions(
        Operation::CreateJob,
        "{\"jobId\":\"j\",\"document\":\"{}\",\"abortConfig\":\n   {}}",
    );
    assert_eq!(got[0].0, "required");
    assert_eq!(got[0].1, "/targets");
    assert_eq!((got[0].3, got[0].4), (1, 1));
    assert_eq!(got[1].1, "/abortConfig/criteriaList");
    assert_eq!((got[1].3, got[1].4), (2, 4));
}

#[test]
fn columns_count_code_points_and_duplicates_point_at_their_own_key() {
    let text = "{\"jobId\":\"é\",\"😀\":1,\"jobId\":\"x\"}";
    let got = positions(Operation::DescribeJob, text);
    assert_eq!(got[0].0, "duplicateKey");
    assert_eq!(got[0].2, text.rfind("\"jobId\"").unwrap());
    assert_eq!(got[0].4, 20); // after {"jobId":"é","😀":1, = 19 code points
    assert_eq!(got[1].0, "unknownField");
    assert_eq!(got[1].4, 14);
}

#[test]
fn a_repeated_map_key_is_checked_and_located_at_its_own_occurrence() {
    // Finding 9 (#10): the second `a`'s empty value was reported at the
    // first `a`'s value. Each occurrence is now checked at its own node, and
    // the duplicate itself points at the second key.
    let text = "{\"jobId\":\"j\",\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t\"],\n\"jobTemplateArn\":\"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0\",\n\"documentParameters\":{\"runAsUser\":\"u\",\n  \"runAsUser\":\"\"}}";
    let got = positions(Operation::CreateJob, text);
    let second_key = text.rfind("\"runAsUser\"").unwrap();
    let second_value = text.rfind("\"\"").unwrap();
    assert!(second_key > text.find("\"runAsUser\"").unwrap());
    let at = |code: &str| got.iter().find(|g| g.0 == code).cloned().unwrap();
    let dup = at("duplicateKey");
    assert_eq!(
        (dup.1.as_str(), dup.2, dup.3, dup.4),
        ("/documentParameters/runAsUser", second_key, 4, 3)
    );
    for code in ["minLength", "pattern"] {
        let v = at(code);
        assert_eq!(
            (v.1.as_str(), v.2, v.3, v.4),
            ("/documentParameters/runAsUser", second_value, 4, 15),
            "{code}"
        );
    }
    // A key the managed template does not take (V-28) points at that key.
    let text = "{\"jobId\":\"j\",\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t\"],\n\"jobTemplateArn\":\"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0\",\n\"documentParameters\":{\"runAsUser\":\"u\",\n  \"services\":\"ssh\"}}";
    let got = positions(Operation::CreateJob, text);
    assert_eq!(
        got,
        vec![(
            "unknownField".into(),
            "/documentParameters/services".into(),
            text.find("\"services\"").unwrap(),
            4,
            3
        )]
    );
    // A repeated structure member points at its second key as well.
    let text = "{\"jobId\":\"j\",\n\"jobId\":\"k\"}";
    let got = positions(Operation::DescribeJob, text);
    assert_eq!(
        got,
        vec![(
            "duplicateKey".into(),
            "/jobId".into(),
            text.rfind("\"jobId\"").unwrap(),
            2,
            1
        )]
    );
}

#[test]
fn parse_errors_have_positions_and_values_have_none() {
    let got = positions(Operation::DescribeJob, "{\n  \"jobId\": NaN\n}");
    assert_eq!(got[0].0, "nonFiniteNumber");
    assert_eq!((got[0].3, got[0].4), (2, 12));
    let value = serde_json::json!({"jobId": "a b"});
    let report = validate_value(Operation::DescribeJob, &value, &Options::default());
    assert!(report.violations()[0].position().is_none());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(json["violations"][0]["position"].is_null());
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let text = "\u{feff}{\"jobId\":\"a b\"}";
    let got = positions(Operation::DescribeJob, text);
    assert_eq!(got[0].2, 12); // byte offset still counts the mark's 3 bytes
    assert_eq!((got[0].3, got[0].4), (1, 10));
}

#[test]
fn criteria_found_by_the_documented_checks_point_at_their_values() {
    // The documented checks push `criteriaList` and an index themselves;
    // the node they name is the one whose member is reported.
    let text = "{\"jobId\":\"j\",\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t\"],\"document\":\"{}\",\n\"jobExecutionsRetryConfig\":{\"criteriaList\":[\n {\"failureType\":\"FAILED\",\"numberOfRetries\":1},\n {\"failureType\":\"FAILED\",\"numberOfRetries\":1}]}}";
    let got = positions(Operation::CreateJob, text);
    let dup = got.iter().find(|g| g.0 == "duplicate").unwrap();
    assert_eq!(
        dup.1,
        "/jobExecutionsRetryConfig/criteriaList/1/failureType"
    );
    assert_eq!(dup.2, text.rfind("\"FAILED\"").unwrap());
    assert_eq!((dup.3, dup.4), (4, 17));
}

#[test]
fn the_too_many_violations_entry_points_at_the_request_object() {
    let keys: String = (0..1001).map(|i| format!(",\"k{i}\":0")).collect();
    let text = format!("\u{feff}\n  {{\"jobId\":\"j\"{keys}}}");
    let got = positions(Operation::DescribeJob, &text);
    assert_eq!(got.len(), 1001);
    let last = &got[1000];
    assert_eq!(last.0, "tooManyViolations");
    assert_eq!(last.1, "");
    assert_eq!((last.2, last.3, last.4), (text.find('{').unwrap(), 2, 3));
}

/// Objects of more than 32 members take the walker's map of seen keys
/// (#12: no sort) instead of the pairwise comparison: the same answer, each
/// occurrence after a key's first reported at its own offset, in request
/// order. Checked against the definition for object sizes on both sides of
/// 32, with repeats near the start, the end and far apart.
#[test]
fn duplicates_in_large_objects_are_every_later_occurrence_in_request_order() {
    for n in [31usize, 32, 33, 40, 200] {
        // Key i is `k{i % m}` for a modulus that repeats some keys: m = n
        // - 3 repeats the first three keys at the end, and a key that
        // repeats three times sits in the middle.
        let m = n - 3;
        let keys: Vec<String> = (0..n)
            .map(|i| {
                if i == n / 2 {
                    "k1".to_owned()
                } else {
                    format!("k{}", i % m)
                }
            })
            .collect();
        let mut text = String::from("{\"jobId\":\"j\",\"documentParameters\":{");
        let mut offsets = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            offsets.push(text.len());
            text.push_str(&format!("\"{k}\":\"v\""));
        }
        text.push_str("}}");
        let want: Vec<usize> = (0..n)
            .filter(|&i| keys[..i].contains(&keys[i]))
            .map(|i| offsets[i])
            .collect();
        assert!(want.len() >= 4, "{n}: {want:?}");
        let got: Vec<usize> = positions(Operation::CreateJob, &text)
            .into_iter()
            .filter(|g| g.0 == "duplicateKey")
            .map(|g| g.2)
            .collect();
        assert_eq!(got, want, "{n} members");
    }
}
