//! The reference catalogue: the AWS IoT Jobs behaviour the machine and the
//! validator cite by id, and the one list of every rule id the crate knows.
//!
//! Ids by family:
//!
//! - `J1`..`J14`: job transitions, `E1`..`E15`: execution transitions,
//!   `R-1`..`R-23`: runtime rules. These are the ids the machine's effects
//!   and errors carry ([`machine_rules`], kind `machine`).
//! - `V-1`..`V-36`: request-validation rules, `Q-1`..`Q-8`: quotas,
//!   `C-1`..`C-10`: places where AWS sources contradict each other. A
//!   validator [`Rule::reference`] names one or more of these
//!   ([`reference_rules`], kind `reference`).
//!
//! Each entry says what AWS states, how sure that is ([`Provenance`]), the
//! AWS pages it comes from and, where AWS documents nothing (or the sources
//! disagree), the choice this crate made.

use super::{Rule, RULES};
use serde::{Serialize, Serializer};
use std::fmt;

/// How well an entry of the catalogue is backed by AWS sources.
///
/// Serialised (and shown) as its [`Provenance::as_str`], the one source of
/// its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Provenance {
    /// Stated in a current AWS page or in the latest service model.
    Confirmed,
    /// Stated in the AWS developer guide as of its 2022 text; not re-verified
    /// against the current pages.
    Documented2022,
    /// A reading of the sources, not stated outright.
    Inferred,
    /// No AWS source states it: the behaviour is a choice of this crate.
    Unconfirmed,
    /// AWS sources disagree; the entry's `choice` says which reading is used.
    Contradictory,
}

impl Provenance {
    /// Every provenance, in declaration order.
    pub(super) const ALL: [Provenance; 5] = [
        Provenance::Confirmed,
        Provenance::Documented2022,
        Provenance::Inferred,
        Provenance::Unconfirmed,
        Provenance::Contradictory,
    ];

    /// The provenance whose [`Provenance::as_str`] is `name`.
    pub(super) fn from_name(name: &str) -> Option<Provenance> {
        Provenance::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The JSON name: `confirmed`, `documented2022`, `inferred`,
    /// `unconfirmed` or `contradictory`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Confirmed => "confirmed",
            Provenance::Documented2022 => "documented2022",
            Provenance::Inferred => "inferred",
            Provenance::Unconfirmed => "unconfirmed",
            Provenance::Contradictory => "contradictory",
        }
    }
}

impl Serialize for Provenance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One documented (or deliberately chosen) behaviour of AWS IoT Jobs, cited
/// by id in effects, errors, rules and comments.
///
/// ```
/// let j1 = iot_jobs_policy::machine_rules().iter().find(|r| r.id == "J1").unwrap();
/// assert_eq!(j1.provenance, iot_jobs_policy::Provenance::Confirmed);
/// assert!(j1.links.iter().all(|l| l.starts_with("https://")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reference {
    /// Stable id: `J1`, `E12`, `R-9`, `V-21`, `Q-4`, `C-5`, ...
    pub id: &'static str,
    /// What AWS states (or, for a contradiction, what the sources disagree
    /// on), in one sentence.
    pub summary: &'static str,
    /// How well the statement is backed.
    pub provenance: Provenance,
    /// The AWS pages (rarely another source) it comes from; for a statement
    /// no page makes, the page that defines the members involved.
    pub links: &'static [&'static str],
    /// The choice this crate made where AWS documents nothing, the sources
    /// disagree, or the behaviour is not modelled; `None` when the entry is
    /// applied as stated.
    pub choice: Option<&'static str>,
}

/// Which catalogue an [`Entry`] belongs to (the `kind` member of its JSON).
///
/// Serialised (and shown) as its [`Kind::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A rule the validator applies ([`crate::rules()`]): it has a code and
    /// a severity.
    Validator,
    /// A job (`J`), execution (`E`) or runtime (`R-`) rule of the machine
    /// ([`machine_rules`]).
    Machine,
    /// A request-validation (`V-`), quota (`Q-`) or contradiction (`C-`)
    /// entry that validator rules and comments cite ([`reference_rules`]).
    Reference,
}

impl Kind {
    /// `validator`, `machine` or `reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Validator => "validator",
            Kind::Machine => "machine",
            Kind::Reference => "reference",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of the whole catalogue: a validator rule or a reference entry.
///
/// Its JSON (as `iot-jobs-policy rules --format json` and the npm `rules()`
/// give it) is the entry's own members preceded by `"kind"`:
/// `{"kind": "validator", "id", "code", "severity", "source", "summary", "link", "reference"}`
/// or `{"kind": "machine" | "reference", "id", "summary", "provenance", "links", "choice"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Entry {
    /// A rule the validator applies.
    Validator(&'static Rule),
    /// A rule of the machine (`J`, `E`, `R-`).
    Machine(&'static Reference),
    /// A documented rule, quota or contradiction (`V-`, `Q-`, `C-`).
    Reference(&'static Reference),
}

impl Entry {
    /// The entry's id.
    pub fn id(self) -> &'static str {
        match self {
            Entry::Validator(r) => r.id,
            Entry::Machine(r) | Entry::Reference(r) => r.id,
        }
    }

    /// Which catalogue the entry belongs to.
    pub fn kind(self) -> Kind {
        match self {
            Entry::Validator(_) => Kind::Validator,
            Entry::Machine(_) => Kind::Machine,
            Entry::Reference(_) => Kind::Reference,
        }
    }
}

/// The machine's rules: `J1`..`J14`, `E1`..`E15`, `R-1`..`R-23`, in that
/// order. Every `rule` of a machine effect or error that is not a misuse tag
/// (`time`, `input`, `event`, `snapshot`) is one of these or a
/// [`reference_rules`] id.
///
/// ```
/// let ids: Vec<&str> = iot_jobs_policy::machine_rules().iter().map(|r| r.id).collect();
/// assert_eq!(ids.first(), Some(&"J1"));
/// assert!(ids.contains(&"E12") && ids.contains(&"R-22"));
/// ```
pub fn machine_rules() -> &'static [Reference] {
    super::tables::machine()
}

/// The documented request-validation rules (`V-1`..`V-36`), quotas
/// (`Q-1`..`Q-8`) and contradictions (`C-1`..`C-10`), in that order.
///
/// ```
/// let v21 = iot_jobs_policy::reference_rules().iter().find(|r| r.id == "V-21");
/// assert!(v21.is_some());
/// ```
pub fn reference_rules() -> &'static [Reference] {
    super::tables::documented()
}

/// Every entry: the validator's rules (in [`crate::rules()`] order), then
/// [`machine_rules`], then [`reference_rules`]. Ids are unique across all.
///
/// ```
/// use iot_jobs_policy::{catalogue, Kind};
/// let all: Vec<_> = catalogue().collect();
/// assert_eq!(all.first().map(|e| e.kind()), Some(Kind::Validator));
/// assert!(all.iter().any(|e| e.id() == "J1" && e.kind() == Kind::Machine));
/// ```
pub fn catalogue() -> impl Iterator<Item = Entry> {
    RULES
        .iter()
        .map(Entry::Validator)
        .chain(machine_rules().iter().map(Entry::Machine))
        .chain(reference_rules().iter().map(Entry::Reference))
}

/// The entry with this id, of any kind.
///
/// ```
/// let e = iot_jobs_policy::catalogue_entry("R-9").unwrap();
/// assert_eq!(e.kind(), iot_jobs_policy::Kind::Machine);
/// assert!(iot_jobs_policy::catalogue_entry("no.such.rule").is_none());
/// ```
pub fn catalogue_entry(id: &str) -> Option<Entry> {
    catalogue().find(|e| e.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// `J<n>`, `E<n>`, or `<R|V|Q|C>-<n>`, with `n` from 1 and no leading zero.
    fn family(id: &str) -> Option<(&str, u32)> {
        let (prefix, n) = match id.split_once('-') {
            Some((p @ ("R" | "V" | "Q" | "C"), n)) => (p, n),
            Some(_) => return None,
            None => id.split_at_checked(1)?,
        };
        if n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((prefix, n.parse().ok()?))
    }

    #[test]
    fn provenance_and_kind_serialise_and_show_as_their_names() {
        let mut names = BTreeSet::new();
        for p in Provenance::ALL {
            let json = serde_json::to_string(&p).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
            assert_eq!(p.to_string(), p.as_str());
            assert_eq!(Provenance::from_name(p.as_str()), Some(p));
            names.insert(p.as_str());
        }
        assert_eq!(names.len(), Provenance::ALL.len());
        assert_eq!(Provenance::from_name("Confirmed"), None);
        for k in [Kind::Validator, Kind::Machine, Kind::Reference] {
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(k.to_string(), k.as_str());
        }
    }

    #[test]
    fn ids_are_unique_across_every_kind() {
        let mut seen = BTreeSet::new();
        for e in catalogue() {
            assert!(seen.insert(e.id()), "duplicate id {}", e.id());
        }
        assert_eq!(
            seen.len(),
            RULES.len() + machine_rules().len() + reference_rules().len()
        );
    }

    #[test]
    fn each_family_is_numbered_from_one_without_gaps_and_in_its_kind() {
        for (entries, families) in [
            (machine_rules(), &["J", "E", "R"][..]),
            (reference_rules(), &["V", "Q", "C"][..]),
        ] {
            let mut next: Vec<(&str, u32)> = families.iter().map(|f| (*f, 1)).collect();
            for r in entries {
                let (f, n) = family(r.id).unwrap_or_else(|| panic!("bad id {}", r.id));
                let slot = next.iter_mut().find(|(g, _)| *g == f);
                let Some((_, want)) = slot else {
                    panic!("{} is not in this catalogue's families {families:?}", r.id)
                };
                assert_eq!(n, *want, "{} out of order", r.id);
                *want += 1;
            }
        }
        // The counts of the reference document's tables, plus R-23, the
        // catalogue's own row for UpdateJobExecution's expectedVersion.
        let count = |p: &str| {
            machine_rules()
                .iter()
                .chain(reference_rules())
                .filter(|r| family(r.id).is_some_and(|(f, _)| f == p))
                .count()
        };
        let counts: Vec<usize> = ["J", "E", "R", "V", "Q", "C"].map(count).to_vec();
        assert_eq!(counts, [14, 15, 23, 36, 8, 10]);
    }

    #[test]
    fn every_entry_has_a_summary_links_and_a_choice_where_aws_is_silent() {
        for r in machine_rules().iter().chain(reference_rules()) {
            assert!(
                !r.summary.is_empty() && !r.summary.ends_with('.'),
                "{}",
                r.id
            );
            assert!(!r.links.is_empty(), "{} has no link", r.id);
            for l in r.links {
                assert!(l.starts_with("https://"), "{}: {l}", r.id);
            }
            if matches!(
                r.provenance,
                Provenance::Unconfirmed | Provenance::Inferred | Provenance::Contradictory
            ) {
                assert!(r.choice.is_some(), "{} needs the choice made", r.id);
            }
            if let Some(c) = r.choice {
                assert!(!c.is_empty() && !c.ends_with('.'), "{}", r.id);
            }
        }
    }

    #[test]
    fn every_validator_reference_names_an_entry() {
        for rule in RULES {
            for id in rule.reference {
                let e = catalogue_entry(id);
                assert_eq!(
                    e.map(Entry::kind),
                    Some(Kind::Reference),
                    "{}: {id}",
                    rule.id
                );
            }
        }
    }

    #[test]
    fn a_rules_references_are_one_string_in_json_or_null() {
        use crate::rules::{DOCUMENT_EXCLUSIVE, REQUIRED, TOO_LARGE};
        let json = |r: &Rule| serde_json::to_value(r).unwrap_or_default()["reference"].clone();
        assert_eq!(DOCUMENT_EXCLUSIVE.reference, ["V-5", "V-25"]);
        assert_eq!(json(&DOCUMENT_EXCLUSIVE), "V-5, V-25");
        assert_eq!(json(&REQUIRED), "V-1");
        assert!(TOO_LARGE.reference.is_empty());
        assert_eq!(json(&TOO_LARGE), serde_json::Value::Null);
    }

    #[test]
    fn the_json_of_an_entry_is_its_kind_then_its_members() {
        let j1 = serde_json::to_string(&catalogue_entry("J1")).unwrap_or_default();
        assert!(
            j1.starts_with(r#"{"kind":"machine","id":"J1","summary":"#),
            "{j1}"
        );
        assert!(j1.ends_with(r#""provenance":"confirmed","links":["https://docs.aws.amazon.com/iot/latest/developerguide/iot-jobs-lifecycle.html"],"choice":null}"#), "{j1}");
        let v = serde_json::to_value(catalogue_entry("retry-total")).unwrap_or_default();
        assert_eq!(v["kind"], "validator");
        assert_eq!(v["reference"], "V-18");
        let c5 = serde_json::to_value(catalogue_entry("C-5")).unwrap_or_default();
        assert_eq!(c5["kind"], "reference");
        assert_eq!(c5["provenance"], "contradictory");
        for p in Provenance::ALL {
            assert_eq!(serde_json::to_value(p).unwrap_or_default(), p.as_str());
            assert_eq!(Provenance::from_name(p.as_str()), Some(p));
        }
        assert_eq!(Provenance::from_name("Confirmed"), None);
        for k in [Kind::Validator, Kind::Machine, Kind::Reference] {
            assert_eq!(serde_json::to_value(k).unwrap_or_default(), k.as_str());
        }
    }
}
