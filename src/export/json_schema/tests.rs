//! The export's tests: the tables against the shape tree and the rule
//! catalogue, the tables' parser, and the documented profile's keywords.

use super::tables::{self, parse, parse_descriptions, Tables};
use super::translate::ecma;
use super::*;
use crate::rules::RULES;
use crate::validate::model::{Kind, Shape};

/// The shipped tables (a failure here is the one way they could not load).
fn shipped() -> &'static Tables {
    tables::tables().unwrap()
}

fn description(parent: &str, member: &str) -> Option<&'static str> {
    shipped().description(parent, member)
}

fn every_member(
    shape: &'static Shape,
    api: ApiVersion,
    out: &mut Vec<(&'static str, &'static str)>,
) {
    match &shape.kind {
        Kind::Struct { members, .. } => {
            for m in members.iter().filter(|m| m.apis.has(api)) {
                out.push((shape.name, m.name));
                every_member(m.shape, api, out);
            }
        }
        Kind::List { member, .. } => every_member(member, api, out),
        Kind::Map { value, .. } => every_member(value, api, out),
        _ => {}
    }
}

fn all_members() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for op in Operation::ALL {
        for api in [ApiVersion::V2022_01, ApiVersion::Latest] {
            every_member(ops::input(op), api, &mut out);
        }
    }
    out
}

#[test]
fn every_member_has_a_description_and_every_description_is_used() {
    let members = all_members();
    for (parent, m) in &members {
        assert!(
            description(parent, m).is_some(),
            "no description for {parent}.{m}"
        );
    }
    for (key, _) in &shipped().descriptions {
        let used = members
            .iter()
            .any(|(p, m)| *key == format!("{p}.{m}") || (key == m && description(p, m).is_some()));
        assert!(used, "description `{key}` matches no member");
    }
}

#[test]
fn every_documented_extra_applies_somewhere_and_names_real_rules() {
    let members = all_members();
    for d in &shipped().members {
        let (parent, member) = (d.parent.as_str(), d.member.as_str());
        assert!(
            members.iter().any(|(p, m)| *p == parent && *m == member),
            "{parent}.{member} is not in the shape tree"
        );
        assert!(!d.extras.is_empty() && !d.rules.is_empty());
        for id in &d.rules {
            assert!(
                EXPRESSED_RULES.contains(&id.as_str()),
                "{id} not in EXPRESSED_RULES"
            );
        }
    }
    for d in &shipped().structures {
        assert!(
            members.iter().any(|(p, _)| *p == d.shape),
            "{} is not a structure of the shape tree",
            d.shape
        );
        assert!(!d.keywords.is_empty() && !d.rules.is_empty());
        for id in &d.rules {
            assert!(
                EXPRESSED_RULES.contains(&id.as_str()),
                "{id} not in EXPRESSED_RULES"
            );
        }
    }
    for id in EXPRESSED_RULES {
        assert!(
            RULES
                .iter()
                .any(|r| r.id == *id && r.severity == crate::Severity::Error),
            "{id} is not an error rule"
        );
    }
}

#[test]
fn numbers_in_descriptions_are_the_documented_ones() {
    // Limits the schema states are not repeated in descriptions; the ones
    // it cannot state are, and must match the validator's constants.
    let total = crate::validate::shapes::retry::TOTAL_RETRIES_MAX.to_string();
    let retry = description("JobExecutionsRetryConfig", "criteriaList").unwrap();
    assert!(retry.contains(&format!("at most {total} retries")));
    let start = description("SchedulingConfig", "startTime").unwrap();
    let lead_minutes = crate::validate::shapes::scheduling::LEAD_MS / 60_000;
    assert!(start.contains(&format!("{lead_minutes} minutes to 1 year")));
    assert_eq!(
        crate::validate::shapes::scheduling::START_HORIZON_MS,
        365 * 86_400_000
    );
    let end = description("SchedulingConfig", "endTime").unwrap();
    assert!(end.contains(&format!("{lead_minutes} minutes to 2 years")));
    assert_eq!(
        crate::validate::shapes::scheduling::END_HORIZON_MS,
        730 * 86_400_000
    );
    for (key, d) in &shipped().descriptions {
        let stated = ["1000", "10080", "32", "100 ", "25"];
        assert!(
            !stated.iter().any(|n| d.contains(n)),
            "{key}: a limit the schema states is repeated: {d}"
        );
    }
}

#[test]
fn patterns_cover_the_model() {
    for p in [
        Pattern::Id,
        Pattern::ThingName,
        Pattern::NoControl,
        Pattern::TagKey,
        Pattern::Arn,
    ] {
        assert_eq!(ecma_pattern(p.source()), Some(ecma(p)));
        assert!(ecma(p).starts_with('^') && ecma(p).ends_with('$'));
    }
}

#[test]
fn documented_extras_come_only_in_the_documented_profile() {
    let d = json_schema_for(
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        Dialect::Draft202012,
    );
    let m = json_schema_for(
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        Dialect::Draft202012,
    );
    let roll = |s: &Value| {
        s["properties"]["jobExecutionsRolloutConfig"]["properties"]["maximumPerMinute"]["maximum"]
            .clone()
    };
    assert_eq!(roll(&d), json!(1000));
    assert_eq!(roll(&m), json!(i32::MAX));
    assert!(d.get("oneOf").is_some());
    assert!(m.get("oneOf").is_none());
    let f = &d["properties"]["jobExecutionsRolloutConfig"]["properties"]["exponentialRate"]
        ["properties"]["incrementFactor"];
    assert_eq!(f["multipleOf"], json!(0.1));
    let t = &d["properties"]["abortConfig"]["properties"]["criteriaList"]["items"]["properties"]
        ["thresholdPercentage"];
    assert_eq!(t["multipleOf"], json!(0.01));
    assert_eq!(t["exclusiveMinimum"], json!(0.0));
    let u = json_schema(Operation::UpdateJob, ApiVersion::Latest, Dialect::Draft07);
    let n = &u["properties"]["jobExecutionsRetryConfig"]["properties"]["criteriaList"]["items"]
        ["properties"]["numberOfRetries"];
    assert_eq!(n["maximum"], json!(0));
}

#[test]
fn dialect_names_round_trip() {
    for d in Dialect::ALL {
        assert_eq!(d.name().parse::<Dialect>(), Ok(d));
    }
    assert!("draft-04".parse::<Dialect>().is_err());
}

#[test]
fn every_documented_rule_in_expressed_rules_has_a_row() {
    // The model.* and input.* ids come from the shape tree itself; every
    // other expressed rule is stated by a row of documented.json.
    let t = shipped();
    let stated: Vec<&str> = t
        .members
        .iter()
        .flat_map(|r| r.rules.iter())
        .chain(t.structures.iter().flat_map(|r| r.rules.iter()))
        .map(String::as_str)
        .collect();
    for id in EXPRESSED_RULES
        .iter()
        .filter(|id| !id.starts_with("model.") && !id.starts_with("input."))
    {
        assert!(stated.contains(id), "{id} is stated by no row");
    }
}

#[test]
fn named_limits_resolve_to_the_validators_constants() {
    use crate::validate::shapes::{abort, packages, rollout, timeout};
    use tables::Extra;
    let extras = |parent: &str, member: &str| -> Vec<Extra> {
        shipped()
            .members
            .iter()
            .filter(|r| r.parent == parent && r.member == member)
            .flat_map(|r| r.extras.iter().copied())
            .collect()
    };
    assert_eq!(
        extras("JobExecutionsRolloutConfig", "maximumPerMinute"),
        [Extra::Maximum(rollout::MAXIMUM_PER_MINUTE_MAX)]
    );
    assert_eq!(
        extras("ExponentialRolloutRate", "incrementFactor"),
        [Extra::Places(i64::from(rollout::INCREMENT_FACTOR_PLACES))]
    );
    assert_eq!(
        extras("AbortCriteria", "thresholdPercentage"),
        [
            Extra::ExclusiveMinimum(0.0),
            Extra::Places(i64::from(abort::THRESHOLD_PLACES))
        ]
    );
    assert_eq!(
        extras("TimeoutConfig", "inProgressTimeoutInMinutes"),
        [
            Extra::Minimum(timeout::IN_PROGRESS_TIMEOUT_MIN),
            Extra::Maximum(timeout::IN_PROGRESS_TIMEOUT_MAX)
        ]
    );
    assert_eq!(
        extras("CreateJobRequest", "destinationPackageVersions"),
        [Extra::MaxItems(
            i64::try_from(packages::VERSIONS_MAX).unwrap()
        )]
    );
}

/// A minimal documented.json with one member row whose keywords are `keywords`.
fn documented_with(row: &str) -> String {
    format!(r#"{{"members": [{row}], "structures": []}}"#)
}

#[test]
fn the_table_parser_refuses_bad_rows_with_the_file_and_the_row() {
    let ok_row = r#"{"parent": "P", "member": "m", "keywords": [{"maximum": 3}], "rules": ["x"]}"#;
    let t = parse(&documented_with(ok_row), "a\tb\n").unwrap();
    assert_eq!(t.members.len(), 1);
    assert_eq!(t.members[0].extras, [tables::Extra::Maximum(3)]);
    assert_eq!(t.descriptions, [("a".to_owned(), "b".to_owned())]);
    let cases = [
        // (documented.json, error contains)
        ("not json".to_owned(), "documented.json:"),
        (
            documented_with(
                r#"{"parent": "P", "member": "m", "keywords": [{"maximum": "rollout::NOPE"}], "rules": []}"#,
            ),
            "members[0]: `rollout::NOPE` is not one of",
        ),
        (
            documented_with(
                r#"{"parent": "P", "member": "m", "op": "DeleteJob", "keywords": [], "rules": []}"#,
            ),
            "members[0]: unknown operation `DeleteJob`",
        ),
        (
            documented_with(
                r#"{"parent": "P", "member": "m", "keywords": [{"multipleOf": 1}], "rules": []}"#,
            ),
            "unknown variant `multipleOf`",
        ),
        (
            documented_with(r#"{"parent": "P", "member": "m", "keyword": [], "rules": []}"#),
            "unknown field `keyword`",
        ),
    ];
    for (documented, wanted) in cases {
        let e = parse(&documented, "").unwrap_err();
        assert!(e.contains(wanted), "{e:?} does not contain {wanted:?}");
    }
}

#[test]
fn the_description_parser_refuses_bad_lines_with_their_number() {
    let good = "# a comment\n\nkey\ttext\nP.key\tother text\n";
    assert_eq!(parse_descriptions(good).unwrap().len(), 2);
    for (text, wanted) in [
        ("# c\nkey text\n", "descriptions.tsv:2: no tab"),
        ("\tjust text\n", "descriptions.tsv:1: expected"),
        ("key\t \n", "descriptions.tsv:1: expected"),
        ("key\ta\tb\n", "descriptions.tsv:1: expected"),
        (
            "key\ta\nkey\tb\n",
            "descriptions.tsv:2: `key` is given twice",
        ),
    ] {
        let e = parse_descriptions(text).unwrap_err();
        assert!(e.contains(wanted), "{e:?} does not contain {wanted:?}");
    }
}

#[test]
fn documented_patterns_are_the_validators() {
    let arn = crate::validate::ops::create_job::TARGET_ARN_PATTERN;
    let url = crate::validate::shapes::document::URL_PATTERN;
    let row = |shape: &str| {
        shipped()
            .structures
            .iter()
            .filter(|r| r.shape == shape)
            .map(|r| serde_json::to_string(&r.keywords).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let quoted = |p: &str| serde_json::to_string(p).unwrap();
    let job = row("CreateJobRequest");
    assert!(job.contains(&quoted(arn)), "{job}");
    assert!(job.contains(&quoted(url)), "{job}");
    assert!(row("CreateJobTemplateRequest").contains(&quoted(url)));
    // The schema's verdict on single values, through the exported schema.
    let schema = json_schema(
        Operation::CreateJob,
        ApiVersion::Latest,
        Dialect::Draft202012,
    );
    let text = serde_json::to_string(&schema).unwrap();
    assert!(text.contains(&quoted(arn)) && text.contains(&quoted(url)));
}
