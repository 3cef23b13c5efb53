//! The two data tables of the export, read once from the files beside this
//! one: `documented.json` (the documented rules the schemas state) and
//! `descriptions.tsv` (the members' descriptions).
//!
//! Both files are compiled in with `include_str!` and parsed on first use by
//! a parser that returns an error instead of panicking; a unit test parses
//! the shipped files, so a build whose tables do not load does not pass its
//! tests. Should it ever happen, [`tables`] says why and the export falls
//! back to schemas without documented rules and descriptions, naming the
//! error in the root `$comment` (see `super::json_schema_for`).

use crate::validate::api::Operation;
use crate::validate::shapes::{abort, packages, rollout, timeout};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The documented-rule table, as shipped.
const DOCUMENTED_JSON: &str = include_str!("documented.json");

/// The description table, as shipped.
const DESCRIPTIONS_TSV: &str = include_str!("descriptions.tsv");

/// A documented bound added to one member's schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Extra {
    /// `minimum`.
    Minimum(i64),
    /// `maximum`.
    Maximum(i64),
    /// `exclusiveMinimum` (numeric form: same in draft-07 and 2020-12).
    ExclusiveMinimum(f64),
    /// `multipleOf` 10^-places.
    Places(i64),
    /// `maxItems`.
    MaxItems(i64),
}

/// A documented rule stated on one member. Applied in the documented profile only.
#[derive(Debug)]
pub(super) struct MemberRule {
    /// The structure shape that has the member.
    pub(super) parent: String,
    /// The member's wire name.
    pub(super) member: String,
    /// Only in this operation's request, or in all.
    pub(super) op: Option<Operation>,
    /// The keywords it adds.
    pub(super) extras: Vec<Extra>,
    /// The rule ids it expresses.
    pub(super) rules: Vec<String>,
}

/// A documented rule stated on a structure: keywords added as written.
#[derive(Debug)]
pub(super) struct StructureRule {
    /// The structure shape's name.
    pub(super) shape: String,
    /// The keywords it adds.
    pub(super) keywords: Map<String, Value>,
    /// The rule ids it expresses.
    pub(super) rules: Vec<String>,
}

/// Both tables, parsed.
#[derive(Debug)]
pub(super) struct Tables {
    /// The rows of `documented.json`'s `members`, in file order.
    pub(super) members: Vec<MemberRule>,
    /// The rows of `documented.json`'s `structures`, in file order.
    pub(super) structures: Vec<StructureRule>,
    /// `(key, description)` rows of `descriptions.tsv`, in file order.
    pub(super) descriptions: Vec<(String, String)>,
}

/// No rules and no descriptions: what the export uses if the shipped
/// tables did not load.
pub(super) static EMPTY: Tables = Tables {
    members: Vec::new(),
    structures: Vec::new(),
    descriptions: Vec::new(),
};

impl Tables {
    /// The description of `member` of the structure `parent`: the
    /// `Parent.member` row, else the `member` row.
    pub(super) fn description(&self, parent: &str, member: &str) -> Option<&str> {
        let find = |key: &str| {
            self.descriptions
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, d)| d.as_str())
        };
        find(&format!("{parent}.{member}")).or_else(|| find(member))
    }
}

/// The shipped tables, parsed on first use.
pub(super) fn tables() -> Result<&'static Tables, &'static str> {
    static TABLES: LazyLock<Result<Tables, String>> =
        LazyLock::new(|| parse(DOCUMENTED_JSON, DESCRIPTIONS_TSV));
    match &*TABLES {
        Ok(t) => Ok(t),
        Err(e) => Err(e.as_str()),
    }
}

/// Parses both tables; the error names the file and the row.
pub(super) fn parse(documented: &str, descriptions: &str) -> Result<Tables, String> {
    let file: DocumentedFile =
        serde_json::from_str(documented).map_err(|e| format!("documented.json: {e}"))?;
    let members = file
        .members
        .into_iter()
        .enumerate()
        .map(|(i, row)| member_rule(row).map_err(|e| format!("documented.json: members[{i}]: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let structures = file
        .structures
        .into_iter()
        .map(|row| StructureRule {
            shape: row.shape,
            keywords: row.keywords,
            rules: row.rules,
        })
        .collect();
    let descriptions = parse_descriptions(descriptions)?;
    Ok(Tables {
        members,
        structures,
        descriptions,
    })
}

/// `documented.json` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentedFile {
    /// The file explains itself; not used.
    #[serde(rename = "$comment")]
    _comment: Option<String>,
    members: Vec<MemberRow>,
    structures: Vec<StructureRow>,
}

/// One row of `members` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberRow {
    parent: String,
    member: String,
    op: Option<String>,
    /// For the reader of the file; not used.
    #[serde(rename = "note")]
    _note: Option<String>,
    keywords: Vec<KeywordRow>,
    rules: Vec<String>,
}

/// One row of `structures` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StructureRow {
    shape: String,
    /// For the reader of the file; not used.
    #[serde(rename = "note")]
    _note: Option<String>,
    keywords: Map<String, Value>,
    rules: Vec<String>,
}

/// One keyword of a member row: `{"maximum": 1000}` or `{"maximum": "rollout::MAXIMUM_PER_MINUTE_MAX"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
enum KeywordRow {
    Minimum(Limit),
    Maximum(Limit),
    ExclusiveMinimum(f64),
    DecimalPlaces(Limit),
    MaxItems(Limit),
}

/// A number, or the name of one of the validator's constants.
#[derive(Deserialize)]
#[serde(untagged)]
enum Limit {
    Number(i64),
    Named(String),
}

impl Limit {
    fn resolve(&self) -> Result<i64, String> {
        match self {
            Limit::Number(n) => Ok(*n),
            Limit::Named(name) => named_limit(name).ok_or_else(|| {
                format!("`{name}` is not one of the validator's limits this table may name")
            }),
        }
    }
}

/// The validator's named limits a row may cite, so that each is written once.
fn named_limit(name: &str) -> Option<i64> {
    match name {
        "rollout::MAXIMUM_PER_MINUTE_MAX" => Some(rollout::MAXIMUM_PER_MINUTE_MAX),
        "rollout::INCREMENT_FACTOR_PLACES" => Some(i64::from(rollout::INCREMENT_FACTOR_PLACES)),
        "abort::THRESHOLD_PLACES" => Some(i64::from(abort::THRESHOLD_PLACES)),
        "timeout::IN_PROGRESS_TIMEOUT_MIN" => Some(timeout::IN_PROGRESS_TIMEOUT_MIN),
        "timeout::IN_PROGRESS_TIMEOUT_MAX" => Some(timeout::IN_PROGRESS_TIMEOUT_MAX),
        "packages::VERSIONS_MAX" => i64::try_from(packages::VERSIONS_MAX).ok(),
        _ => None,
    }
}

fn member_rule(row: MemberRow) -> Result<MemberRule, String> {
    let op = match row.op {
        None => None,
        Some(name) => Some(
            Operation::ALL
                .into_iter()
                .find(|op| op.name() == name)
                .ok_or_else(|| format!("unknown operation `{name}`"))?,
        ),
    };
    let extras = row
        .keywords
        .iter()
        .map(|k| {
            Ok(match k {
                KeywordRow::Minimum(l) => Extra::Minimum(l.resolve()?),
                KeywordRow::Maximum(l) => Extra::Maximum(l.resolve()?),
                KeywordRow::ExclusiveMinimum(v) => Extra::ExclusiveMinimum(*v),
                KeywordRow::DecimalPlaces(l) => Extra::Places(l.resolve()?),
                KeywordRow::MaxItems(l) => Extra::MaxItems(l.resolve()?),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(MemberRule {
        parent: row.parent,
        member: row.member,
        op,
        extras,
        rules: row.rules,
    })
}

/// Parses `descriptions.tsv`: `key<TAB>text` a line; `#` lines and blank
/// lines skipped; every key once.
pub(super) fn parse_descriptions(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, description)) = line.split_once('\t') else {
            return Err(format!("descriptions.tsv:{n}: no tab between key and text"));
        };
        if key.is_empty() || description.trim().is_empty() || description.contains('\t') {
            return Err(format!(
                "descriptions.tsv:{n}: expected `key<TAB>text` with both non-empty"
            ));
        }
        if rows.iter().any(|(k, _)| k == key) {
            return Err(format!("descriptions.tsv:{n}: `{key}` is given twice"));
        }
        rows.push((key.to_owned(), description.to_owned()));
    }
    Ok(rows)
}
