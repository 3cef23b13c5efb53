//! End-to-end tests of the `iot-jobs-policy` binary: exit codes, output
//! formats, options and input handling.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::{validate_bytes, Operation, Options, Profile};
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

#[path = "common/run_cli.rs"]
mod run_cli;
use run_cli::cli;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const BROKEN: &str = "examples/requests/create-job-broken.json";
const VALID: &str = "examples/requests/create-job-valid.json";

#[test]
fn valid_request_exits_0() {
    let o = cli(&["validate", "CreateJob", VALID], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("CreateJob request is valid"));
}

#[test]
fn invalid_request_exits_1_and_json_is_the_library_report() {
    let o = cli(&["validate", "CreateJob", BROKEN, "--format", "json"], None);
    assert_eq!(o.status.code(), Some(1));
    let expected = validate_bytes(
        Operation::CreateJob,
        &std::fs::read(BROKEN).unwrap(),
        &Options::default(),
    );
    assert_eq!(stdout(&o), expected.to_json() + "\n");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["valid"], false);
    assert!(v["awsMessage"]
        .as_str()
        .unwrap()
        .contains("validation errors detected"));
}

#[test]
fn text_output_names_path_code_and_help_without_colour_in_a_pipe() {
    let o = cli(&["validate", "create_job", BROKEN], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[pattern] /jobId:"), "{out}");
    assert!(
        out.contains("help: did you mean `jobExecutionsRetryConfig`?"),
        "{out}"
    );
    assert!(out.contains("aws: "), "{out}");
    assert!(!out.contains('\u{1b}'), "colour codes in a pipe: {out}");
}

#[test]
fn text_output_is_the_reports_display_with_file_and_positions() {
    let o = cli(&["validate", "CreateJob", BROKEN], None);
    let report = validate_bytes(
        Operation::CreateJob,
        &std::fs::read(BROKEN).unwrap(),
        &Options::default(),
    );
    // Each violation line is `  {file}:{line}:{column}: ` + the Display form.
    let prefix = format!("  {BROKEN}:");
    let without_positions: String = stdout(&o)
        .lines()
        .map(|line| match line.strip_prefix(&prefix) {
            Some(rest) => {
                let mut parts = rest.splitn(3, ':');
                let (line_no, column, tail) = (
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                );
                assert!(line_no.parse::<usize>().is_ok() && column.parse::<usize>().is_ok());
                format!("  {}\n", tail.strip_prefix(' ').unwrap())
            }
            None => format!("{line}\n"),
        })
        .collect();
    assert_eq!(
        without_positions,
        format!("{BROKEN}: CreateJob request is {report}\n")
    );
    assert!(report.violations().iter().all(|v| v.position().is_some()));
}

#[test]
fn stdin_is_read_by_default_and_with_dash() {
    for args in [
        &["validate", "DescribeJob"][..],
        &["validate", "DescribeJob", "-"][..],
    ] {
        let o = cli(args, Some(br#"{"jobId":"job-1"}"#));
        assert_eq!(o.status.code(), Some(0));
        let o = cli(args, Some(br#"{"jobId":"job 1"}"#));
        assert_eq!(o.status.code(), Some(1));
    }
}

#[test]
fn api_profile_and_now_flags_change_the_verdict() {
    let scheduled =
        br#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}",
        "schedulingConfig":{"startTime":"2026-01-01T00:10"}}"#;
    let o = cli(
        &["validate", "CreateJob", "--format", "json"],
        Some(scheduled),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(r#""code":"skippedRule""#));
    let o = cli(
        &[
            "validate",
            "CreateJob",
            "--api",
            "2022-01",
            "--format",
            "json",
        ],
        Some(scheduled),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(r#""code":"unknownField","path":"/schedulingConfig""#));
    // 10 minutes after "now": too soon.
    let o = cli(
        &[
            "validate",
            "CreateJob",
            "--now",
            "2026-01-01T00:00:00Z",
            "--format",
            "json",
        ],
        Some(scheduled),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(r#""code":"scheduleWindow","path":"/schedulingConfig/startTime""#));
    // A year and 10 minutes after "now": too late.
    let o = cli(
        &[
            "validate",
            "CreateJob",
            "--now=1735689600000",
            "--format",
            "json",
        ],
        Some(scheduled),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let fast =
        br#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}",
        "jobExecutionsRolloutConfig":{"maximumPerMinute":5000}}"#;
    assert_eq!(
        cli(&["validate", "CreateJob"], Some(fast)).status.code(),
        Some(1)
    );
    assert_eq!(
        cli(&["validate", "CreateJob", "--profile", "model"], Some(fast))
            .status
            .code(),
        Some(0)
    );
    let model = Options::default().with_profile(Profile::Model);
    assert!(validate_bytes(Operation::CreateJob, fast, &model).is_valid());
}

#[test]
fn usage_errors_and_unreadable_input_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["validate"][..],
        &["validate", "MakeCoffee", VALID][..],
        &["validate", "CreateJob", VALID, "--api", "2019"][..],
        &["validate", "CreateJob", VALID, "--profile", "strict"][..],
        &["validate", "CreateJob", VALID, "--now", "yesterday"][..],
        &["validate", "CreateJob", VALID, "--format", "yaml"][..],
        &["validate", "CreateJob", VALID, "--colour"][..],
        &["validate", "CreateJob", VALID, "--format"][..],
        // SARIF is for validate only.
        &["rules", "--format", "sarif"][..],
        &["replay", "examples/scenarios/abort.json", "--format=sarif"][..],
        &["schema", "CreateJob", "--format", "json"][..],
    ] {
        let o = cli(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("usage:"),
            "{args:?}"
        );
    }
    // Unreadable files: exit 2 after the readable ones were reported.
    let o = cli(
        &["validate", "CreateJob", "/nonexistent/request.json"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read /nonexistent/request.json"));
    let o = cli(&["validate", "CreateJob", VALID, "extra"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("request is valid"));
}

#[test]
fn each_refused_option_is_named_on_standard_error() {
    let scenario = "examples/scenarios/abort.json";
    for (args, message) in [
        (
            &["validate", "CreateJob", VALID, "--colour", "always"][..],
            "unknown option `--colour` for validate; expected `--api`, `--profile`, \
             `--now`, `--format` or `--document-schema`",
        ),
        (
            &["schema", "CreateJob", "--format", "json"][..],
            "unknown option `--format` for schema; expected `--api`, `--dialect` or `--profile`",
        ),
        (
            &["rules", "--api", "latest"][..],
            "unknown option `--api` for rules; expected `--format`",
        ),
        (
            &["replay", scenario, "--now", "0"][..],
            "unknown option `--now` for replay; expected `--format`",
        ),
        (
            &["rules", "--format", "sarif"][..],
            "rules has no SARIF output; expected `text` or `json`",
        ),
        (
            &["replay", scenario, "--format=sarif"][..],
            "replay has no SARIF output; expected `text` or `json`",
        ),
        (
            &["replay", scenario, "--format", "yaml"][..],
            "unknown format `yaml`; expected `text` or `json`",
        ),
    ] {
        let o = cli(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}: nothing printed as if accepted");
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(
            err.lines().next(),
            Some(format!("iot-jobs-policy: {message}").as_str()),
            "{args:?}"
        );
        assert!(err.contains("\nusage:\n"), "{args:?}: {err}");
    }
}

#[test]
fn malformed_input_is_a_report_not_a_crash() {
    let cases: [(&[u8], &str); 5] = [
        (b"\xff\xfe{}", "invalidUtf8"),
        (b"{\"jobId\": NaN}", "nonFiniteNumber"),
        (b"[1,2]", "notAnObject"),
        (b"{\"jobId\":\"a\",\"jobId\":\"b\"}", "duplicateKey"),
        (b"{\"jobId\":", "invalidJson"),
    ];
    for (input, code) in cases {
        let o = cli(
            &["validate", "DescribeJob", "--format", "json"],
            Some(input),
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stdout(&o).contains(&format!(r#""code":"{code}""#)),
            "{code}: {}",
            stdout(&o)
        );
    }
    let huge = vec![b' '; iot_jobs_policy::MAX_REQUEST_BYTES + 10];
    let o = cli(
        &["validate", "DescribeJob", "--format", "json"],
        Some(&huge),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(r#""code":"tooLarge""#));
}

#[test]
fn rules_lists_every_rule() {
    let o = cli(&["rules", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), iot_jobs_policy::ffi::rules_json() + "\n");
    let o = cli(&["rules"], None);
    let text = stdout(&o);
    for rule in iot_jobs_policy::rules() {
        assert!(text.contains(rule.id), "{}", rule.id);
        assert!(text.contains(rule.link), "{}", rule.link);
    }
    assert_eq!(cli(&["rules", "x"], None).status.code(), Some(2));
}

#[test]
fn help_and_version() {
    assert_eq!(cli(&["--help"], None).status.code(), Some(0));
    assert!(stdout(&cli(&["--version"], None)).starts_with("iot-jobs-policy "));
}

#[test]
fn several_files_and_globs_with_a_summary() {
    let o = cli(&["validate", "CreateJob", "examples/requests/*.json"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("2 files: 1 valid, 1 invalid;"), "{out}");
    assert!(
        out.find(BROKEN).unwrap() < out.find(VALID).unwrap(),
        "sorted order: {out}"
    );
    assert!(
        out.contains(&format!("{BROKEN}:2:12: error[pattern] /jobId:")),
        "{out}"
    );
    let o = cli(
        &[
            "validate",
            "CreateJob",
            "examples/**/create-job-valid.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], VALID);
    assert_eq!(lines[0]["report"]["valid"], true);
    let o = cli(
        &[
            "validate",
            "CreateJob",
            VALID,
            "examples/requests/nothing-*.json",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "a glob that matches nothing is an error"
    );
}

#[test]
fn sarif_output_locates_each_violation() {
    let o = cli(
        &["validate", "CreateJob", BROKEN, VALID, "--format", "sarif"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), iot_jobs_policy::rules().len());
    let results = run["results"].as_array().unwrap();
    let report = validate_bytes(
        Operation::CreateJob,
        &std::fs::read(BROKEN).unwrap(),
        &Options::default(),
    );
    assert_eq!(results.len(), report.violations().len());
    let first = &results[1];
    assert_eq!(first["ruleId"], "model.pattern");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "model.pattern"
    );
    let region = &first["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(2), Some(12))
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        BROKEN
    );
}

#[test]
fn document_schema_checks_the_inline_document() {
    let schema = "examples/firmware-document.schema.json";
    let o = cli(
        &["validate", "CreateJob", VALID, "--document-schema", schema],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let bad = br#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{\"operation\":\"fly\"}"}"#;
    let o = cli(
        &[
            "validate",
            "CreateJob",
            "--document-schema",
            schema,
            "--format",
            "json",
        ],
        Some(bad),
    );
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found: Vec<(String, String, String)> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap().into(),
                v["path"].as_str().unwrap().into(),
                v["source"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("documentSchema".into(), "/document".into(), "user".into()),
            (
                "documentSchema".into(),
                "/document/operation".into(),
                "user".into()
            ),
        ]
    );
    // Without the flag the same request is valid.
    assert_eq!(
        cli(&["validate", "CreateJob"], Some(bad)).status.code(),
        Some(0)
    );
    // A schema that is not a schema is a usage error.
    let o = cli(
        &[
            "validate",
            "CreateJob",
            VALID,
            "--document-schema",
            "Cargo.toml",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_prints_the_exported_json_schema() {
    use iot_jobs_policy::schema_export::{json_schema_string_for, Dialect};
    let o = cli(
        &[
            "schema",
            "CreateJob",
            "--api",
            "2022-01",
            "--dialect",
            "draft-07",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        json_schema_string_for(
            Operation::CreateJob,
            iot_jobs_policy::ApiVersion::V2022_01,
            Profile::Documented,
            Dialect::Draft07
        )
    );
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(
        schema["properties"].get("schedulingConfig").is_none(),
        "2022-01 has no schedulingConfig"
    );
    let o = cli(&["schema", "update_job"], None);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    for bad in [
        &["schema"][..],
        &["schema", "Nope"][..],
        &["schema", "CreateJob", "--dialect", "draft-04"][..],
    ] {
        assert_eq!(cli(bad, None).status.code(), Some(2), "{bad:?}");
    }
}

/// #10, warnings people can act on: a numeric string gets the SDK v2 help;
/// both rate thresholds draw nothing; `ALL` retries draw nothing; a
/// template's TIMED_OUT warning says jobs can still set `timeoutConfig`.
#[test]
fn actionable_warnings_through_the_cli() {
    let job = r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","#;

    let text = format!(r#"{job}"jobExecutionsRolloutConfig":{{"maximumPerMinute":"1000"}}}}"#);
    let o = cli(&["validate", "CreateJob"], Some(text.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("error[type] /jobExecutionsRolloutConfig/maximumPerMinute"),
        "{out}"
    );
    assert!(
        out.contains("help: write the number without quotes: `1000`"),
        "{out}"
    );
    assert!(out.contains("SDK for JavaScript v2"), "{out}");

    let both = format!(
        r#"{job}"jobExecutionsRolloutConfig":{{"maximumPerMinute":1000,"exponentialRate":{{"baseRatePerMinute":50,"incrementFactor":2,"rateIncreaseCriteria":{{"numberOfNotifiedThings":1000,"numberOfSucceededThings":1000}}}}}}}}"#
    );
    let all = format!(
        r#"{job}"jobExecutionsRetryConfig":{{"criteriaList":[{{"failureType":"ALL","numberOfRetries":3}}]}}}}"#
    );
    for text in [both, all] {
        let o = cli(
            &["validate", "CreateJob", "--format", "json"],
            Some(text.as_bytes()),
        );
        assert_eq!(o.status.code(), Some(0), "{text}");
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["violations"], serde_json::json!([]), "{text}");
    }

    let template = br#"{"jobTemplateId":"t-1","description":"d","document":"{}","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"TIMED_OUT","numberOfRetries":3}]}}"#;
    let o = cli(&["validate", "CreateJobTemplate"], Some(template));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("warning[noEffect] /jobExecutionsRetryConfig/criteriaList"),
        "{out}"
    );
    assert!(
        out.contains("a job created from a template can still set it"),
        "{out}"
    );
}

#[test]
fn documented_target_source_and_time_forms_through_the_cli() {
    // targets-arn (V-7): a bare thing name, with the ARN form as help.
    let bare = br#"{"jobId":"job-1","targets":["my-thing"],"document":"{}"}"#;
    let o = cli(&["validate", "CreateJob"], Some(bare));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[pattern] /targets/0"), "{out}");
    assert!(
        out.contains("arn:aws:iot:<region>:<account>:thing/my-thing"),
        "{out}"
    );
    let o = cli(&["validate", "CreateJob", "--profile", "model"], Some(bare));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // documentSource-url (V-6): not a URL is an error, a non-S3 URL a warning.
    let src = |s: &str| {
        format!(
            r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"documentSource":"{s}"}}"#
        )
    };
    let o = cli(
        &["validate", "CreateJob", "--format", "json"],
        Some(src("my-bucket/job.json").as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"][0]["rule"], "documentSource-url");
    let o = cli(
        &["validate", "CreateJob", "--format", "json"],
        Some(src("https://example.com/job.json").as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"][0]["rule"], "documentSource-not-s3");
    assert_eq!(v["violations"][0]["severity"], "warning");

    // scheduling-format (V-21): a space for `T` is an error, the documented
    // extension `:SS.sssZ` is not.
    let at = |t: &str| {
        format!(
            r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{{}}","schedulingConfig":{{"startTime":"{t}"}}}}"#
        )
    };
    let now = ["validate", "CreateJob", "--now", "2026-01-01T00:00:00Z"];
    let o = cli(&now, Some(at("2026-01-01 01:00").as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("error[timestampFormat] /schedulingConfig/startTime"),
        "{out}"
    );
    assert!(
        out.contains("a space separates the date and the time"),
        "{out}"
    );
    let o = cli(&now, Some(at("2026-01-01T01:00:00.000Z").as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const VALID_DESCRIBE: &[u8] = br#"{"jobId": "job-1"}"#;

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_directly_and_through_a_glob() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("non-utf8");
    let file = dir.join(OsStr::from_bytes(b"job-\xff.json"));
    std::fs::write(&file, VALID_DESCRIBE).unwrap();
    let shown = format!("{}/job-\u{fffd}.json", dir.display());
    let o = cli(
        &[
            OsStr::new("validate"),
            OsStr::new("DescribeJob"),
            file.as_os_str(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with(&format!("{shown}: DescribeJob request is valid")),
        "{}",
        stdout(&o)
    );
    // The same file found by a glob: read, not reported missing.
    let pattern = format!("{}/*.json", dir.display());
    let o = cli(
        &["validate", "DescribeJob", &pattern, "--format", "json"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    assert_eq!(line["file"], shown.as_str());
    assert_eq!(line["report"]["valid"], true);
    // A glob whose plain part is not UTF-8 walks from that directory.
    let sub = dir.join(OsStr::from_bytes(b"d\xfe"));
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.json"), VALID_DESCRIBE).unwrap();
    let mut glob = sub.clone().into_os_string();
    glob.push("/*.json");
    let o = cli(
        &[OsStr::new("validate"), OsStr::new("DescribeJob"), &glob],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("d\u{fffd}/a.json: DescribeJob request is valid"),
        "{}",
        stdout(&o)
    );
    // `--document-schema=FILE` with a name that is not UTF-8 reaches the file.
    let schema = dir.join(OsStr::from_bytes(b"s\xff.schema"));
    std::fs::write(&schema, "{").unwrap();
    let mut flag = OsString::from("--document-schema=");
    flag.push(&schema);
    let o = cli(
        &[OsStr::new("validate"), OsStr::new("CreateJob"), &flag],
        Some(b"{}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("s\u{fffd}.schema: "), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn other_arguments_that_are_not_utf8_are_usage_errors() {
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"Create\xffJob");
    let cases: [(Vec<&OsStr>, &str); 6] = [
        (
            vec![bad],
            "the command `Create\u{fffd}Job` is not valid UTF-8",
        ),
        (
            vec![OsStr::new("validate"), bad],
            "the OPERATION `Create\u{fffd}Job` is not valid UTF-8",
        ),
        (
            vec![
                OsStr::new("validate"),
                OsStr::new("CreateJob"),
                OsStr::new("--now"),
                bad,
            ],
            "the value of `--now` `Create\u{fffd}Job` is not valid UTF-8",
        ),
        (
            vec![
                OsStr::new("validate"),
                OsStr::new("CreateJob"),
                OsStr::from_bytes(b"--now=\xff"),
            ],
            "the value of `--now` `\u{fffd}` is not valid UTF-8",
        ),
        (
            vec![OsStr::new("schema"), bad],
            "the OPERATION `Create\u{fffd}Job` is not valid UTF-8",
        ),
        (
            vec![OsStr::new("rules"), OsStr::from_bytes(b"--f\xffrmat")],
            "option `--f\u{fffd}rmat` is not valid UTF-8",
        ),
    ];
    for (args, message) in cases {
        let o = cli(&args, Some(VALID_DESCRIBE));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("iot-jobs-policy: {message}\nusage:")),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn too_large_states_the_real_size_of_a_file() {
    let dir = scratch("too-large");
    let file = dir.join("big.json");
    let size = iot_jobs_policy::MAX_REQUEST_BYTES + 12_345;
    std::fs::write(&file, vec![b' '; size]).unwrap();
    let path = file.to_str().unwrap();
    let o = cli(&["validate", "DescribeJob", path, "--format", "json"], None);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["violations"][0]["code"], "tooLarge");
    assert_eq!(
        report["violations"][0]["message"],
        format!("the request is {size} bytes, more than the limit of 1048576")
    );
    // As the library states it for the same bytes.
    let library = validate_bytes(
        Operation::DescribeJob,
        &vec![b' '; size],
        &Options::default(),
    );
    assert_eq!(
        report["violations"][0]["message"],
        library.violations()[0].message()
    );
    assert_eq!(report["awsMessage"], library.aws_message().unwrap());
    // Standard input's size is not known: no number that is not true.
    let o = cli(&["validate", "DescribeJob"], Some(&vec![b' '; size]));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("error[tooLarge] /: the request is more than the limit of 1048576 bytes"),
        "{out}"
    );
    assert!(!out.contains("1048577"), "{out}");
}

#[test]
fn a_replay_scenario_over_the_limit_is_too_large_not_truncated() {
    let dir = scratch("replay-large");
    let file = dir.join("scenario.json");
    let size = iot_jobs_policy::MAX_REQUEST_BYTES + 1;
    std::fs::write(&file, vec![b' '; size]).unwrap();
    let path = file.to_str().unwrap();
    let o = cli(&["replay", path], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        format!("iot-jobs-policy: {path}: the scenario is {size} bytes, more than the limit of 1048576\n")
    );
    let o = cli(
        &["replay", "-", "--format", "json"],
        Some(&vec![b' '; size + 100]),
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "iot-jobs-policy: -: the scenario is more than the limit of 1048576 bytes\n"
    );
    // At the limit exactly it is read, and judged as JSON.
    std::fs::write(&file, vec![b' '; size - 1]).unwrap();
    let o = cli(&["replay", path], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !stderr(&o).contains("more than the limit"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_document_schema_is_read_with_a_limit() {
    let dir = scratch("schema-large");
    let file = dir.join("schema.json");
    let size = iot_jobs_policy::cli::MAX_DOCUMENT_SCHEMA_BYTES + 7;
    std::fs::write(&file, vec![b' '; size]).unwrap();
    let path = file.to_str().unwrap();
    let o = cli(
        &["validate", "CreateJob", "--document-schema", path],
        Some(b"{}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(&format!(
            "iot-jobs-policy: cannot read {path}: the document schema is {size} bytes, more than the limit of 1048576\nusage:"
        )),
        "{}",
        stderr(&o)
    );
    // A device that never ends is refused after the limit, not read on.
    if cfg!(target_os = "linux") {
        let o = cli(
            &["validate", "CreateJob", "--document-schema", "/dev/zero"],
            Some(b"{}"),
        );
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).starts_with(
                "iot-jobs-policy: cannot read /dev/zero: the document schema is more than the limit of 1048576 bytes\n"
            ),
            "{}",
            stderr(&o)
        );
    }
}

/// Runs the CLI with standard output `out` (standard input `input`).
fn cli_to(args: &[&str], out: Stdio, input: &[u8]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-policy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The tool may stop reading early; a broken pipe here is not the test.
    let _ = stdin.write_all(input);
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    (o.status.code(), String::from_utf8(o.stderr).unwrap())
}

#[test]
fn a_failed_write_to_standard_output_is_exit_2() {
    // A closed pipe: the reading end is gone before the tool writes (it
    // first waits for standard input, written after the close).
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-policy"))
        .args(["validate", "DescribeJob", "--format", "sarif"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(VALID_DESCRIBE).unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("iot-jobs-policy: cannot write to standard output: Broken pipe"),
        "{}",
        stderr(&o)
    );
    // A full disk.
    if cfg!(target_os = "linux") {
        for args in [
            &["validate", "DescribeJob"][..],
            &["rules"][..],
            &["--help"][..],
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let (code, err) = cli_to(args, Stdio::from(full), VALID_DESCRIBE);
            assert_eq!(code, Some(2), "{args:?}: {err}");
            assert!(
                err.starts_with(
                    "iot-jobs-policy: cannot write to standard output: No space left on device"
                ),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn text_output_escapes_control_characters() {
    let dir = scratch("escapes");
    // The request's value holds a newline, an escape sequence, a C1 control
    // and a bidirectional override (JSON escapes, so real characters in the value).
    let request = br#"{"jobId": "a\nb\u001b[2J\u009b\u202e"}"#;
    let file = dir.join("line\nbreak\u{1b}[31m.json");
    std::fs::write(&file, request).unwrap();
    let path = file.to_str().unwrap();
    let o = cli(&["validate", "DescribeJob", path], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for raw in ['\u{1b}', '\u{9b}', '\u{202e}'] {
        assert!(!out.contains(raw), "{raw:?} in {out}");
    }
    // One line of verdict, one violation, one AWS message: no line broken.
    assert_eq!(out.lines().count(), 3, "{out}");
    let shown = format!("{}/line\\nbreak\\u{{1b}}[31m.json", dir.display());
    assert!(
        out.starts_with(&format!("{shown}: DescribeJob request is invalid")),
        "{out}"
    );
    // The message quotes the value escaped already (the validator's own form).
    assert!(
        out.contains(&format!(
            "  {shown}:1:11: error[pattern] /jobId: `a\\u{{a}}b\\u{{1b}}"
        )),
        "{out}"
    );
    assert!(out.contains("  aws: 1 validation error detected: Value 'a\\nb\\u{1b}[2J\\u{9b}\\u{202e}' at 'jobId'"), "{out}");
    // JSON and SARIF carry the exact text (escaped by JSON itself).
    let o = cli(&["validate", "DescribeJob", path, "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let aws = report["awsMessage"].as_str().unwrap();
    assert!(
        aws.contains("Value 'a\nb\u{1b}[2J\u{9b}\u{202e}' at"),
        "{aws}"
    );
    assert!(!o.stdout.contains(&0x1b));
    let o = cli(
        &["validate", "DescribeJob", path, "--format", "sarif"],
        None,
    );
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(sarif.to_string().contains(r"line\nbreak\u001b[31m.json"));
    // A file name in a message on standard error is escaped too.
    let missing = dir.join("gone\u{7}.json");
    let o = cli(
        &["validate", "DescribeJob", missing.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&7), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("gone\\u{7}.json: No such file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn replay_text_escapes_control_characters_of_the_scenario() {
    // An event type with an escape sequence: echoed in the timeline (or,
    // where a malformed event is refused, in the message), escaped either way.
    let scenario = br#"{"job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/a"], "document": "{}"},
        "events": [{"at": 1, "type": "nope\u001b[2J\u0007"}]}"#;
    let o = cli(&["replay", "-"], Some(scenario));
    let all = [o.stdout.as_slice(), o.stderr.as_slice()].concat();
    assert!(!all.contains(&0x1b) && !all.contains(&7), "{all:?}");
    let all = String::from_utf8(all).unwrap();
    assert!(all.contains(r"nope\u{1b}[2J\u{7}"), "{all}");
}

#[test]
fn now_outside_the_time_bounds_is_a_usage_error() {
    // #10 finding 7: `--now` near i64::MAX used to overflow `now + 30 min`.
    for now in ["9223372036854775807", "8640000000000001", "-1"] {
        let o = cli(&["validate", "CreateJob", VALID, "--now", now], None);
        assert_eq!(o.status.code(), Some(2), "{now}");
        assert!(
            stderr(&o).contains(&format!(
                "now: the time `{now}` is outside 0..=8640000000000000 epoch milliseconds"
            )),
            "{now}: {}",
            stderr(&o)
        );
    }
    let o = cli(
        &["validate", "CreateJob", VALID, "--now", "8640000000000000"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// `**` globs (finding 9 of #10): a request 40 directories down is found
/// (the walk used to stop silently 32 levels down), and a pattern of many
/// repeated `**` over a few hundred directories answers with every file
/// once (each `**` step is taken once per directory; the repeated ones
/// used to multiply the walk).
#[test]
fn double_star_globs_go_deep_and_repeated_ones_stay_linear() {
    let dir = scratch("globs");
    let mut deep = dir.join("deep");
    for _ in 0..40 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("r.json"), VALID_DESCRIBE).unwrap();
    let pattern = format!("{}/deep/**/*.json", dir.display());
    let o = cli(
        &["validate", "DescribeJob", &pattern, "--format", "json"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], deep.join("r.json").display().to_string());

    // 7 + 49 + 343 = 399 directories, a request in each of the deepest.
    for a in 0..7 {
        for b in 0..7 {
            for c in 0..7 {
                let leaf = dir.join(format!("wide/a{a}/b{b}/c{c}"));
                std::fs::create_dir_all(&leaf).unwrap();
                std::fs::write(leaf.join("r.json"), VALID_DESCRIBE).unwrap();
            }
        }
    }
    for stars in ["**/**/**/**/**/**/**/**/", "**/*/**/*/**/*/**/"] {
        let pattern = format!("{}/wide/{stars}*.json", dir.display());
        let o = cli(
            &["validate", "DescribeJob", &pattern, "--format", "json"],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{stars}: {}", stderr(&o));
        let files: Vec<String> = stdout(&o)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["file"].as_str().unwrap().to_owned()
            })
            .collect();
        assert_eq!(files.len(), 343, "{stars}");
        let mut sorted = files.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, files, "{stars}: each file once, in sorted order");
    }
}

/// V-28 through the CLI: a managed template's documentParameters are
/// checked against its documented parameters (missing, unknown with a
/// did-you-mean, regex), an UpdateJob timeoutConfig (V-32) draws no
/// warning, and a template the data does not cover is a warning that
/// names the covered ones.
#[test]
fn managed_template_parameters_through_the_cli() {
    let job = |template: &str, params: &str| {
        format!(
            r#"{{"jobId":"new-managed-template-job","targets":["arn:aws:iot:us-east-1:123456789012:thing/thingOne"],
"jobTemplateArn":"arn:aws:iot:us-east-1::jobtemplate/{template}",
"documentParameters":{params}}}"#
        )
    };
    // The CLI guide's example: valid, no warning.
    let ok = job(
        "AWS-Download-File:1.0",
        r#"{"downloadUrl":"https://example.com/index.html","filePath":"path/to/file"}"#,
    );
    let o = cli(
        &["validate", "CreateJob", "--format", "json"],
        Some(ok.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"], serde_json::json!([]));

    let bad = job(
        "AWS-Download-File:1.0",
        &format!(
            r#"{{"downloadURL":"https://example.com/index.html","filePath":"/tmp/f","runAsUser":"{}"}}"#,
            "u".repeat(257)
        ),
    );
    let o = cli(&["validate", "CreateJob"], Some(bad.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "<stdin>:3:22: error[required] /documentParameters: `AWS-Download-File:1.0` needs the parameter `downloadUrl` in `documentParameters` (documented, managedTemplate-parameter-required)",
        "<stdin>:3:23: error[unknownField] /documentParameters/downloadURL: `downloadURL` is not a parameter of `AWS-Download-File:1.0` (documented, managedTemplate-parameter-unknown)",
        "help: did you mean `downloadUrl`? `AWS-Download-File:1.0` takes downloadUrl, filePath (required); runAsUser, pathToHandler (optional)",
        "error[pattern] /documentParameters/runAsUser:",
        "regex `(.){0,256}` for `runAsUser`: it is 257 characters long, more than 256 (documented, managedTemplate-parameter-pattern)",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }

    let uncovered = job("AWS-Run-Command:1.0", r#"{"command":"echo,ok"}"#);
    let o = cli(&["validate", "CreateJob"], Some(uncovered.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("warning[skippedRule] /jobTemplateArn: `AWS-Run-Command:1.0` is not among the managed templates"),
        "{out}"
    );
    assert!(
        out.contains("covered (AWS documentation retrieved 2026-11-30): AWS-Download-File:1.0, AWS-Install-Application:1.0, AWS-Reboot:1.0,"),
        "{out}"
    );

    // V-32 is modelled by the machine, not warned about.
    let update = br#"{"jobId":"010","timeoutConfig":{"inProgressTimeoutInMinutes":100}}"#;
    let o = cli(&["validate", "UpdateJob", "--format", "json"], Some(update));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"], serde_json::json!([]));
}

#[test]
fn a_bad_maintenance_window_cron_in_a_file_names_the_field() {
    // #10: V-22, maintenanceWindow-cron; the model profile does not check it.
    let dir = scratch("cron");
    let file = dir.join("template.json");
    std::fs::write(
        &file,
        br#"{"jobTemplateId": "t-1", "description": "weekly", "document": "{}",
            "maintenanceWindows": [{"startTime": "cron(0 2 ? * 8 *)", "durationInMinutes": 60}]}"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let o = cli(&["validate", "CreateJobTemplate", path], None);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "error[cron] /maintenanceWindows/0/startTime: Day-of-week: `8` is outside 1-7 (or SUN-SAT)"
        ),
        "{out}"
    );
    assert!(
        out.contains("help: Day-of-week takes 1-7 (or SUN-SAT), 1 = SUN"),
        "{out}"
    );
    assert!(
        out.contains("aws: Invalid cron expression: cron(0 2 ? * 8 *)"),
        "{out}"
    );
    let o = cli(
        &["validate", "CreateJobTemplate", path, "--profile", "model"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// 35 things at 10 a minute, advanced five minutes in one event (#10).
fn wave_scenario() -> Vec<u8> {
    let things: Vec<String> = (1..=35).map(|i| format!("t{i:02}")).collect();
    serde_json::json!({
        "job": {"jobId": "wave", "document": "{}",
                "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
                "jobExecutionsRolloutConfig": {"maximumPerMinute": 10}},
        "groups": {"fleet": things},
        "events": [{"at": 300_000, "type": "advance"}]
    })
    .to_string()
    .into_bytes()
}

#[test]
fn replay_shows_each_effect_at_the_time_its_deadline_fired() {
    let scenario = wave_scenario();
    // Text: the notifications of each minute under that minute.
    let o = cli(&["replay", "-"], Some(&scenario));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut minute = String::new();
    let mut per_minute: Vec<(String, usize)> = Vec::new();
    for line in out.lines() {
        if let Some(t) = line.strip_prefix("  at ") {
            minute = t.to_owned();
        } else if !line.starts_with(' ') {
            // An event line: its effects are at its own time.
            minute = line.split("  ").next().unwrap_or("").to_owned();
        } else if line.ends_with(": QUEUED execution #1 [E1]") {
            match per_minute.last_mut() {
                Some((m, n)) if *m == minute => *n += 1,
                _ => per_minute.push((minute.clone(), 1)),
            }
        }
    }
    let expected: Vec<(String, usize)> = [0, 1, 2, 3]
        .iter()
        .zip([10, 10, 10, 5])
        .map(|(m, n)| (format!("1970-01-01T00:0{m}:00.000Z"), n))
        .collect();
    assert_eq!(per_minute, expected, "{out}");
    assert!(
        out.contains("1970-01-01T00:05:00.000Z  advance\n  at 1970-01-01T00:01:00.000Z\n    t11: QUEUED execution #1 [E1]\n"),
        "{out}"
    );
    // JSON: the same times on the effects.
    let o = cli(&["replay", "-", "--format", "json"], Some(&scenario));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut times: Vec<i64> = Vec::new();
    for entry in v["timeline"].as_array().unwrap() {
        for fx in entry["effects"].as_array().unwrap() {
            if fx["to"] == "QUEUED" {
                times.push(fx["at"].as_i64().unwrap());
            }
        }
    }
    let counts: Vec<usize> = [0, 60_000, 120_000, 180_000]
        .iter()
        .map(|t| times.iter().filter(|x| *x == t).count())
        .collect();
    assert_eq!(counts, [10, 10, 10, 5]);
    assert_eq!(times.len(), 35);
}

#[test]
fn replay_of_a_malformed_event_is_a_usage_error_naming_index_and_member() {
    let job = r#""job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"], "document": "{}"}"#;
    for (event, message) in [
        (
            r#"{"at": 3, "type": "thingAdded", "thingNmae": "t2"}"#,
            "event 3 (thingNmae): unknown field `thingNmae`",
        ),
        (
            r#"{"at": 3, "type": "deviceUpdate", "thing": "t1", "status": 1}"#,
            "event 3 (status): `status` must be a string",
        ),
        (
            r#"{"at": 3, "type": "deviceUpdate", "thing": "t1", "status": "DONE"}"#,
            "event 3 (status): unknown device status `DONE`",
        ),
        (
            r#"{"at": 3, "type": "cancelJobExecution"}"#,
            "event 3 (thing): missing field `thing`",
        ),
        (
            r#"{"type": "deleteJob"}"#,
            "event 3 (at): missing field `at`",
        ),
        (
            r#"{"at": 3, "type": "teleport"}"#,
            "event 3 (type): unknown variant `teleport`, expected one of `deviceUpdate`, `advance`, `cancelJob`, `cancelJobExecution`, `deleteJob`, `updateJob`, `thingAdded`, `thingRemoved`",
        ),
        ("7", "event 3: an event must be an object with `at` and `type`"),
    ] {
        let scenario = format!(
            r#"{{{job}, "events": [{{"at": 0, "type": "advance"}}, {{"at": 1, "type": "advance"}}, {{"at": 2, "type": "advance"}}, {event}]}}"#
        );
        for format in ["text", "json"] {
            let o = cli(
                &["replay", "-", "--format", format],
                Some(scenario.as_bytes()),
            );
            assert_eq!(o.status.code(), Some(2), "{event}");
            assert!(o.stdout.is_empty(), "{event}: {}", stdout(&o));
            assert_eq!(
                stderr(&o),
                format!("iot-jobs-policy: -: the scenario is not valid: {message}\n")
            );
        }
    }
}

#[test]
fn replay_of_an_invalid_job_prints_its_report_and_exits_1() {
    let dir = scratch("replay-invalid-job");
    let file = dir.join("scenario.json");
    let job = serde_json::json!({"jobId": "bad id", "targets": [], "document": "{}"});
    let scenario = serde_json::json!({"job": job, "createdAt": 0, "events": []});
    std::fs::write(&file, scenario.to_string()).unwrap();
    let path = file.to_str().unwrap();
    let report = iot_jobs_policy::validate_value(
        Operation::CreateJob,
        &job,
        &Options::default().with_now_ms(Some(0)),
    );
    assert_eq!(report.errors().count(), 2);
    // JSON: the report as `validate --format json` prints it.
    let o = cli(&["replay", path, "--format", "json"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), report.to_json() + "\n");
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    // Text: as `validate` prints it, labelled `job` in the scenario file,
    // the paths within the scenario.
    let o = cli(&["replay", path], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!(
            "{path}: job: CreateJob request is invalid (2 error(s), 0 warning(s))\n"
        )),
        "{out}"
    );
    assert!(out.contains("\n  error[pattern] /job/jobId: "), "{out}");
    assert!(out.contains("\n  error[minItems] /job/targets: "), "{out}");
    // The same job through `validate` gives the same violations.
    let request = dir.join("job.json");
    std::fs::write(&request, job.to_string()).unwrap();
    let v = cli(
        &[
            "validate",
            "CreateJob",
            request.to_str().unwrap(),
            "--now",
            "0",
        ],
        None,
    );
    assert_eq!(v.status.code(), Some(1));
    // The same lines but the label, the paths and the positions: the replay
    // validates the job as a value taken from the scenario, which has no
    // positions of its own.
    let strip = |s: &str, name: &str| s.replace(name, "FILE");
    let v_out = strip(&stdout(&v), request.to_str().unwrap())
        .replace("FILE:1:26: ", "")
        .replace("FILE:1:45: ", "");
    let out = strip(&out, path)
        .replacen("FILE: job: ", "FILE: ", 1)
        .replace("] /job/", "] /");
    assert_eq!(out, v_out);
}

#[test]
fn replay_of_a_job_targeting_a_bare_thing_name_prints_its_report_and_exits_1() {
    let job = serde_json::json!({"jobId": "j", "document": "{}", "targets": ["t1"]});
    let scenario = serde_json::json!({"job": job, "events": [{"at": 1, "type": "advance"}]});
    let scenario = scenario.to_string();
    let report = iot_jobs_policy::validate_value(
        Operation::CreateJob,
        &job,
        &Options::default().with_now_ms(Some(0)),
    );
    assert!(!report.is_valid());
    let o = cli(
        &["replay", "-", "--format", "json"],
        Some(scenario.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), report.to_json() + "\n");
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let o = cli(&["replay", "-"], Some(scenario.as_bytes()));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "<stdin>: job: CreateJob request is invalid (1 error(s), 0 warning(s))\n  error[pattern] /job/targets/0: `t1` is not a thing or thing-group ARN"
        ),
        "{out}"
    );
    assert!(
        out.contains("\n    help: `t1` looks like a thing name: "),
        "{out}"
    );
    // A violation of the request itself is at `/job` (`/` in the JSON).
    let empty = r#"{"job": {"jobId": "j", "targets": ["t1"]}}"#;
    let o = cli(&["replay", "-"], Some(empty.as_bytes()));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\n  error[missingOneOf] /job: needs `document`"),
        "{}",
        stdout(&o)
    );
    let o = cli(&["replay", "-", "--format=json"], Some(empty.as_bytes()));
    assert!(stdout(&o).contains(r#""path":"","#), "{}", stdout(&o));
    // A valid job whose group is unknown: the refusal of the creation.
    let group = r#"{"job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}}"#;
    let o = cli(&["replay", "-"], Some(group.as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("iot-jobs-policy: -: the job could not be created: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn replay_of_maintenance_windows_review_cases() {
    // E15: a thing added while the job rolls out (R-3) that leaves and
    // re-joins while the job is paused between windows gets a new execution
    // at the next window start.
    let rejoin = br#"{"job": {"jobId": "w", "document": "{}",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"],
        "targetSelection": "CONTINUOUS", "jobExecutionsRolloutConfig": {"maximumPerMinute": 1},
        "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 0 * * ? *)", "durationInMinutes": 60}]}},
        "groups": {"g": ["t1"]}, "createdAt": 1767225600000,
        "events": [{"at": 1767226200000, "type": "thingAdded", "thing": "t2"},
                   {"at": 1767226800000, "type": "thingRemoved", "thing": "t2"},
                   {"at": 1767231000000, "type": "thingAdded", "thing": "t2"},
                   {"at": 1767312300000, "type": "advance"}]}"#;
    let o = cli(&["replay", "-"], Some(rejoin));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("  at 2026-01-02T00:00:00.000Z\n    job SCHEDULED -> IN_PROGRESS [J3]\n    t2: QUEUED execution #2 [E15]\n"),
        "{out}"
    );
    // R-5: no window start before a startTime still ahead.
    let start = br#"{"job": {"jobId": "w", "document": "{}",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"],
        "schedulingConfig": {"startTime": "2026-01-10T00:00",
          "maintenanceWindows": [{"startTime": "cron(0 2 * * ? *)", "durationInMinutes": 60}]}},
        "createdAt": 1767225600000, "events": []}"#;
    let o = cli(&["replay", "-", "--format", "json"], Some(start));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let listed: Vec<&str> = v["describe"]["job"]["scheduledJobRollouts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["startTime"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 7);
    assert_eq!(listed.first(), Some(&"2026-01-10T02:00"));
    assert_eq!(listed.last(), Some(&"2026-01-16T02:00"));
    // J4: two thousand copies of an every-minute window are one window: the
    // run is computed far ahead at once (it took seconds, one day at a time).
    let windows: Vec<serde_json::Value> = (0..2000)
        .map(|_| serde_json::json!({"startTime": "cron(* * * * ? *)", "durationInMinutes": 1430}))
        .collect();
    let many = serde_json::json!({"job": {"jobId": "w", "document": "{}",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"],
        "targetSelection": "CONTINUOUS",
        "schedulingConfig": {"maintenanceWindows": windows}},
        "groups": {"g": ["t1"]}, "createdAt": 1_767_225_600_000_i64,
        "events": [{"at": 1_768_089_600_000_i64, "type": "advance"}]});
    let o = cli(&["replay", "-"], Some(many.to_string().as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let deadline = out
        .lines()
        .find_map(|l| l.strip_prefix("next deadline: "))
        .unwrap();
    assert!(deadline > "2027-01-01", "{out}");
}

const FLAKY: &str = "examples/simulations/retry-heavy-flaky-fleet.json";
const BAD: &str = "examples/simulations/bad-update-caught.json";

#[test]
fn simulate_prints_the_same_bytes_for_any_thread_count_and_as_the_library() {
    let args = |threads: &str| {
        [
            "simulate",
            FLAKY,
            "--trials",
            "12",
            "--format",
            "json",
            "--threads",
            threads,
        ]
        .map(String::from)
    };
    let one = cli(&args("1"), None);
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    for t in ["2", "3", "7"] {
        assert_eq!(stdout(&cli(&args(t), None)), stdout(&one), "{t} threads");
    }
    let sim =
        iot_jobs_policy::simulate::Simulation::from_json(&std::fs::read_to_string(FLAKY).unwrap())
            .unwrap()
            .with_trials(12);
    assert_eq!(
        stdout(&one),
        iot_jobs_policy::simulate::run(&sim).to_json() + "\n"
    );
    // From standard input, with another seed: other bytes.
    let text = std::fs::read(FLAKY).unwrap();
    let other = cli(
        &[
            "simulate", "-", "--trials", "12", "--seed", "8", "--format", "json",
        ],
        Some(&text),
    );
    assert_eq!(other.status.code(), Some(0));
    assert_ne!(stdout(&other), stdout(&one));
}

#[test]
fn simulate_shards_merge_into_the_whole_run() {
    let dir = std::env::temp_dir().join(format!("iot-jobs-policy-shards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let whole = cli(
        &["simulate", BAD, "--trials", "10", "--format", "json"],
        None,
    );
    let mut files = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let o = cli(
            &[
                "simulate",
                BAD,
                "--trials",
                "10",
                "--shard",
                &shard,
                "--threads",
                "2",
            ],
            None,
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let file = dir.join(format!("shard-{i}.json"));
        std::fs::write(&file, &o.stdout).unwrap();
        files.push(file.into_os_string());
    }
    let mut args: Vec<OsString> = ["simulate", "--merge", "--format", "json"]
        .map(OsString::from)
        .to_vec();
    args.extend(files.iter().rev().cloned());
    let merged = cli(&args, None);
    assert_eq!(
        merged.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert_eq!(stdout(&merged), stdout(&whole));
    // Text: the headline answers.
    let text = cli(
        &[
            "simulate",
            "--merge",
            &files[0].to_string_lossy(),
            &files[1].to_string_lossy(),
            &files[2].to_string_lossy(),
        ],
        None,
    );
    assert!(
        stdout(&text).contains("abort probability"),
        "{}",
        stdout(&text)
    );
    // A missing shard is refused.
    let missing = cli(&["simulate", "--merge", &files[0].to_string_lossy()], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("missing"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn simulate_refusals() {
    // A malformed simulation: exit 2, the pointer on standard error.
    let o = cli(&["simulate", "-"], Some(br#"{"job": {}, "fleetSize": 0}"#));
    assert_eq!(o.status.code(), Some(1), "an invalid job comes first");
    let job = r#"{"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}"#;
    let doc = format!(
        r#"{{"job": {job}, "fleetSize": 2, "devices": {{"outcomes": {{"SUCCEEDED": 0.5}}}}}}"#
    );
    let o = cli(&["simulate", "-"], Some(doc.as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("/devices/outcomes"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // An invalid job: its report, exit 1.
    let o = cli(
        &["simulate", "-", "--format", "json"],
        Some(br#"{"job": {"jobId": "j", "targets": []}}"#),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("\"valid\":false"), "{}", stdout(&o));
    // Usage errors.
    for args in [
        &["simulate"][..],
        &["simulate", FLAKY, "--shard", "0/2"],
        &["simulate", FLAKY, "--shard", "3/2"],
        &["simulate", FLAKY, "--shard", "1/2", "--format", "text"],
        &["simulate", FLAKY, "--trials", "0"],
        &["simulate", FLAKY, "--seed", "9007199254740992"],
        &["simulate", FLAKY, "--threads", "0"],
        &["simulate", FLAKY, "--format", "sarif"],
        &["simulate", "--merge"],
        &["simulate", "--merge", "a.json", "--seed", "1"],
        &["simulate", FLAKY, "--now", "0"],
    ] {
        let o = cli(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("usage:"),
            "{args:?}"
        );
    }
}

/// Checks that `text` is one well-formed XML element (no DTD): every tag
/// closed in order, attributes quoted and unique, `&` only in an entity,
/// no `<` in text or attribute values. Returns the root's name and the
/// names of every element, in document order.
fn well_formed_xml(text: &str) -> Result<(String, Vec<String>), String> {
    fn entity_ok(s: &str) -> bool {
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            let after = &rest[i + 1..];
            let Some(end) = after.find(';') else {
                return false;
            };
            let name = &after[..end];
            let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || (name.starts_with("#x")
                    && name.len() > 2
                    && name[2..].chars().all(|c| c.is_ascii_hexdigit()))
                || (name.starts_with('#')
                    && name.len() > 1
                    && name[1..].chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return false;
            }
            rest = &after[end + 1..];
        }
        true
    }
    fn is_name(s: &str) -> bool {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
    }
    let mut stack: Vec<String> = Vec::new();
    let mut names = Vec::new();
    let mut root = None;
    let mut rest = text;
    if let Some(r) = rest.strip_prefix("<?xml") {
        rest = &r[r.find("?>").ok_or("unclosed declaration")? + 2..];
    }
    loop {
        let Some(lt) = rest.find('<') else {
            if !rest.trim().is_empty() && stack.is_empty() {
                return Err(format!("text after the root: {rest:?}"));
            }
            if !entity_ok(rest) {
                return Err(format!("bad entity in {rest:?}"));
            }
            break;
        };
        let between = &rest[..lt];
        if stack.is_empty() && !between.trim().is_empty() {
            return Err(format!("text outside the root: {between:?}"));
        }
        if !entity_ok(between) {
            return Err(format!("bad entity in {between:?}"));
        }
        rest = &rest[lt + 1..];
        if let Some(r) = rest.strip_prefix("!--") {
            rest = &r[r.find("-->").ok_or("unclosed comment")? + 3..];
            continue;
        }
        let gt = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !is_name(name) {
            return Err(format!("bad element name {name:?}"));
        }
        if stack.is_empty() {
            if root.is_some() {
                return Err(format!("a second root <{name}>"));
            }
            root = Some(name.to_owned());
        }
        let mut attrs = tag[name_end..].trim_start();
        let mut seen = Vec::new();
        while !attrs.is_empty() {
            let eq = attrs
                .find('=')
                .ok_or(format!("attribute without value in <{name}>"))?;
            let an = attrs[..eq].trim();
            if !is_name(an) || seen.contains(&an) {
                return Err(format!("bad or repeated attribute {an:?} in <{name}>"));
            }
            seen.push(an);
            let v = attrs[eq + 1..].trim_start();
            let q = v.chars().next().filter(|c| *c == '"' || *c == '\'');
            let q = q.ok_or(format!("unquoted attribute {an} in <{name}>"))?;
            let close = v[1..].find(q).ok_or(format!("unclosed attribute {an}"))?;
            let value = &v[1..1 + close];
            if value.contains('<') || !entity_ok(value) {
                return Err(format!("bad attribute value {value:?}"));
            }
            attrs = v[close + 2..].trim_start();
        }
        names.push(name.to_owned());
        if !empty {
            stack.push(name.to_owned());
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    Ok((root.ok_or("no element")?, names))
}

#[test]
fn the_xml_check_refuses_what_is_not_well_formed() {
    assert!(well_formed_xml("<svg><g/></svg>").is_ok());
    for bad in [
        "<svg><g></svg>",
        "<svg></svg><svg/>",
        "<svg a=1/>",
        "<svg a=\"1\" a=\"2\"/>",
        "<svg>a & b</svg>",
        "<svg>",
        "text<svg/>",
        "<svg a=\"<\"/>",
    ] {
        assert!(well_formed_xml(bad).is_err(), "{bad}");
    }
}

#[test]
fn simulate_draws_a_deterministic_svg_chart_with_every_series() {
    let o = cli(
        &[
            "simulate",
            BAD,
            "--trials",
            "30",
            "--format",
            "svg",
            "--threads",
            "2",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = stdout(&o);
    let (root, names) = well_formed_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert_eq!(root, "svg");
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    // Three bands, three median lines (and their legend marks), the abort bars.
    assert!(
        names.iter().filter(|n| *n == "polygon").count() >= 3,
        "{names:?}"
    );
    assert!(
        names.iter().filter(|n| *n == "polyline").count() >= 3,
        "{names:?}"
    );
    for label in [
        "notified (median at the end:",
        "succeeded (median at the end:",
        "failed (median at the end:",
        "When the abort fired:",
        "bad-update-caught.json (30 trials, seed 42",
    ] {
        assert!(svg.contains(label), "{label} missing");
    }
    // The headline agrees with the JSON summary.
    let json = stdout(&cli(
        &["simulate", BAD, "--trials", "30", "--format", "json"],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let p = v["abortProbability"]["estimate"].as_f64().unwrap();
    assert!(p > 0.0, "{json}");
    assert!(svg.contains(&format!("abort probability {:.1} %", p * 100.0)));
    let aborted = v["finalStatus"]["CANCELED"].as_u64().unwrap();
    assert!(svg.contains(&format!("When the abort fired: {aborted} of 30 trials")));
    // The same bytes again, on one thread.
    let again = cli(
        &[
            "simulate",
            BAD,
            "--trials",
            "30",
            "--format",
            "svg",
            "--threads",
            "1",
        ],
        None,
    );
    assert_eq!(stdout(&again), svg);
    // Another seed, another chart.
    let other = cli(
        &[
            "simulate", BAD, "--trials", "30", "--seed", "1", "--format", "svg",
        ],
        None,
    );
    assert_ne!(stdout(&other), svg);
    // A shard has no chart; the merged summary does.
    let o = cli(
        &["simulate", BAD, "--shard", "1/2", "--format", "svg"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no SVG output"), "{}", stderr(&o));
    let o = cli(&["simulate", BAD, "--format", "png"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`text`, `json` or `svg`"),
        "{}",
        stderr(&o)
    );
}
