//! Reading a report back: the JSON forms as read, checked on the way in
//! (rule ids looked up in the catalogue, `valid` against the violations).

use super::{AwsText, Code, Position, Report, Severity, Source, Violation};
use serde::Deserialize;

/// The JSON form of a violation as read, before its rule id is looked up.
#[derive(Deserialize)]
struct ViolationJson {
    code: Code,
    path: String,
    message: String,
    severity: Severity,
    source: Source,
    rule: String,
    help: Option<String>,
    position: Option<Position>,
}

impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Violation, D::Error> {
        Violation::try_from(ViolationJson::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<ViolationJson> for Violation {
    type Error = String;

    /// Reads the rule id back as the catalogue's `&'static str`.
    fn try_from(v: ViolationJson) -> Result<Violation, String> {
        let rule = crate::rules()
            .iter()
            .find(|r| r.id == v.rule)
            .map(|r| r.id)
            .ok_or_else(|| format!("`{}` is not a rule id", v.rule))?;
        Ok(Violation {
            code: v.code,
            path: v.path,
            message: v.message,
            severity: v.severity,
            source: v.source,
            rule,
            help: v.help,
            position: v.position,
            aws: AwsText::None,
        })
    }
}

/// The JSON form as read, before `valid` is checked against the violations.
#[derive(Deserialize)]
pub(super) struct ReportJson {
    valid: bool,
    violations: Vec<Violation>,
    #[serde(rename = "awsMessage")]
    aws_message: Option<String>,
}

impl TryFrom<ReportJson> for Report {
    type Error = String;

    fn try_from(r: ReportJson) -> Result<Report, String> {
        let errors = r.violations.iter().any(|v| v.severity == Severity::Error);
        if r.valid == errors {
            return Err(format!(
                "`valid` is {} but the violations {} an error",
                r.valid,
                if errors { "include" } else { "do not include" }
            ));
        }
        Ok(Report {
            valid: r.valid,
            violations: r.violations,
            aws_message: r.aws_message,
        })
    }
}
