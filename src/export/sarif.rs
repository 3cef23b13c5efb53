//! SARIF 2.1.0 output, so code-scanning services annotate the offending line
//! of a job file: one result per violation, rule ids and help links from
//! [`crate::rules()`], physical locations from [`crate::Position`].

use crate::rules::rules;
use crate::validate::report::{Report, Severity};
use serde_json::{json, Value};

/// The tool's home page, used as `informationUri`.
const INFORMATION_URI: &str = "https://github.com/iot-jobs-policy/iot-jobs-policy";

/// Renders the reports of several files as one SARIF 2.1.0 log.
///
/// `files` pairs each artifact URI (as given on the command line, relative
/// paths stay relative) with its report. Columns are counted in Unicode code
/// points (`columnKind: unicodeCodePoints`), as positions are.
///
/// ```
/// use iot_jobs_policy::{sarif, validate_str, Operation, Options};
/// let report = validate_str(Operation::DescribeJob, "{\"jobId\":\"a b\"}", &Options::default());
/// let log: serde_json::Value = serde_json::from_str(&sarif::to_sarif(&[("job.json".into(), report)])).unwrap();
/// assert_eq!(log["runs"][0]["results"][0]["ruleId"], "model.pattern");
/// assert_eq!(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 10);
/// ```
pub fn to_sarif(files: &[(String, Report)]) -> String {
    let catalogue = rules();
    let driver_rules: Vec<Value> = catalogue
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.code.as_str(),
                "shortDescription": { "text": r.summary },
                "helpUri": r.link,
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "code": r.code.as_str(), "source": r.source.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for (uri, report) in files {
        for v in report.violations() {
            let mut physical = serde_json::Map::new();
            physical.insert("artifactLocation".into(), json!({ "uri": uri }));
            if let Some(p) = v.position() {
                physical.insert(
                    "region".into(),
                    json!({ "startLine": p.line, "startColumn": p.column, "byteOffset": p.offset }),
                );
            }
            let mut text = v.message().to_owned();
            if let Some(help) = v.help() {
                text.push_str(" (");
                text.push_str(help);
                text.push(')');
            }
            let index = catalogue.iter().position(|r| r.id == v.rule());
            let result = json!({
                "ruleId": v.rule(),
                "ruleIndex": index,
                "level": level(v.severity()),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": v.path(), "kind": "member" }],
                }],
                "properties": { "code": v.code().as_str(), "path": v.path() },
            });
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "iot-jobs-policy",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
