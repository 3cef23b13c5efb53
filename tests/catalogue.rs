//! The catalogue of rule ids (`iot_jobs_policy::catalogue()`): every id the
//! crate emits or cites leads to an entry.
//!
//! - (a) every `rule` of every effect and error the machine gives over the
//!   machine vectors (`tests/vectors/machine/*.json`) and the replay
//!   scenarios (`examples/scenarios/*.json`), run through the public text
//!   and replay APIs, is an id of the catalogue (a refusal of the machine's
//!   own, such as a time going backwards, carries no `rule`);
//! - (b) every id cited in the sources, the README, the JS shim and the
//!   machine vectors' `rules`, notes and README exists;
//! - (c) every validator `Rule.reference` names a reference entry;
//! - (d) ids are unique, and `rules --format json` (`ffi::rules_json`) lists
//!   the catalogue in order with its `kind`.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files

use iot_jobs_policy::machine::text;
use iot_jobs_policy::replay;
use iot_jobs_policy::{catalogue, catalogue_entry, Kind};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

/// Known miscitations, each with the place and why it is not fixed here.
/// An entry here is allowed, not required, so fixing the source needs no
/// change of this test (remove the entry then). None today.
const KNOWN_MISCITED: &[(&str, &str)] = &[];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every id of the catalogue, by kind.
fn known() -> BTreeMap<&'static str, Kind> {
    catalogue().map(|e| (e.id(), e.kind())).collect()
}

/// Whether `s` has the shape of a rule id: `J<n>`, `E<n>`, `R-<n>`, `V-<n>`,
/// `Q-<n>` or `C-<n>`, `n` without a leading zero.
fn is_id_shaped(s: &str) -> bool {
    let n = match s.as_bytes().first() {
        Some(b'J' | b'E') => &s[1..],
        Some(b'R' | b'V' | b'Q' | b'C') => match s.get(1..2) {
            Some("-") => &s[2..],
            _ => return false,
        },
        _ => return false,
    };
    !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
}

/// The ids cited in `text`: `\b(J|E)[1-9][0-9]*\b` and
/// `\b(R|V|Q|C)-[1-9][0-9]*\b`, so `E2E`, `E000` (a code point) or `1E10`
/// are not ids.
fn cited_ids(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        i += 1;
        if start > 0 && word(b[start - 1]) {
            continue;
        }
        let mut j = match b[start] {
            b'J' | b'E' => start + 1,
            b'R' | b'V' | b'Q' | b'C' if b.get(start + 1) == Some(&b'-') => start + 2,
            _ => continue,
        };
        let digits = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == digits || b[digits] == b'0' || (j < b.len() && word(b[j])) {
            continue;
        }
        out.push(text[start..j].to_owned());
    }
    out
}

#[test]
fn the_id_scanner_finds_ids_and_only_ids() {
    let found = cited_ids(
        "J1..J14, E1..E15 (R-1/R-2) V-5, V-25; C-5. Q-7) E2E \\u{E000} 1E10 XJ3 R-0 R-x J0 E7b",
    );
    assert_eq!(
        found,
        ["J1", "J14", "E1", "E15", "R-1", "R-2", "V-5", "V-25", "C-5", "Q-7"]
    );
    for id in &found {
        assert!(is_id_shaped(id), "{id}");
    }
    for s in [
        "E2E",
        "E000",
        "J0",
        "R1",
        "V-",
        "time",
        "A-UpdateJobExecution",
    ] {
        assert!(!is_id_shaped(s), "{s}");
    }
}

/// The `rule` of each effect in `effects` and of `error`, with `at` for the message.
fn collect(
    effects: Option<&Value>,
    error: Option<&Value>,
    at: &str,
    out: &mut Vec<(String, String)>,
) {
    for fx in effects.and_then(Value::as_array).into_iter().flatten() {
        let rule = fx["rule"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: effect without rule: {fx}"));
        out.push((rule.to_owned(), at.to_owned()));
    }
    // A refusal of the machine's own (a bad time, snapshot or input) cites
    // no rule; one that cites a rule must cite a catalogue id.
    if let Some(rule) = error.filter(|e| !e.is_null()).and_then(|e| e.get("rule")) {
        let rule = rule
            .as_str()
            .unwrap_or_else(|| panic!("{at}: error with a rule that is not a string: {rule}"));
        out.push((rule.to_owned(), at.to_owned()));
    }
}

/// Every `(rule, where)` the machine gives over the machine vectors, through
/// `machine::text` (create, then `step` per event, as the JSON surface does).
fn machine_vector_rules() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cases = 0;
    for (rel, case) in common::machine_vectors() {
        cases += 1;
        let at = format!("tests/vectors/machine/{rel}: {}", case.name);
        let mut input = Map::new();
        for k in ["job", "things", "groups", "createdAt", "options"] {
            if let Some(v) = case.json.get(k) {
                input.insert(k.to_owned(), v.clone());
            }
        }
        let created: Value =
            serde_json::from_str(&text::create(&Value::Object(input).to_string())).unwrap();
        match created["type"].as_str() {
            Some("success") => collect(
                created.get("effects"),
                None,
                &format!("{at}: create"),
                &mut out,
            ),
            _ => {
                collect(
                    None,
                    created.get("error"),
                    &format!("{at}: create"),
                    &mut out,
                );
                continue;
            }
        }
        let mut snapshot = created["snapshot"].as_str().unwrap().to_owned();
        for (n, step) in case.steps.iter().enumerate() {
            let answer: Value =
                serde_json::from_str(&text::step(&snapshot, step.at, &step.event.to_string()))
                    .unwrap();
            assert_eq!(answer["type"], "success", "{at}: step {n}: {answer}");
            collect(
                answer.get("effects"),
                answer.get("error"),
                &format!("{at}: step {n}"),
                &mut out,
            );
            snapshot = answer["snapshot"].as_str().unwrap().to_owned();
        }
    }
    assert!(cases > 0, "no machine vectors");
    out
}

/// Every `(rule, where)` of the replay timelines of `examples/scenarios/`.
fn scenario_rules() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    common::files_with(&root().join("examples/scenarios"), &["json"], &mut paths);
    assert!(!paths.is_empty(), "no scenarios");
    let mut out = Vec::new();
    for p in paths {
        let rel = p.strip_prefix(root()).unwrap().display().to_string();
        let r = replay::replay(&std::fs::read_to_string(&p).unwrap())
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (n, entry) in r.timeline.iter().enumerate() {
            collect(
                entry.get("effects"),
                entry.get("error"),
                &format!("{rel}: event {n}"),
                &mut out,
            );
        }
    }
    out
}

#[test]
fn every_rule_the_machine_gives_is_in_the_catalogue() {
    let known = known();
    let mut rules = machine_vector_rules();
    rules.extend(scenario_rules());
    let mut ids = BTreeSet::new();
    let mut unknown = Vec::new();
    for (rule, at) in &rules {
        if KNOWN_MISCITED.iter().any(|(r, _)| r == rule) {
            continue;
        }
        if is_id_shaped(rule) && known.contains_key(rule.as_str()) {
            ids.insert(rule.as_str());
        } else {
            unknown.push(format!("{at}: `{rule}`"));
        }
    }
    assert!(
        unknown.is_empty(),
        "rules not in the catalogue:\n{}",
        unknown.join("\n")
    );
    // The runs reach the machine's families, so the check is not vacuous.
    for id in ["J1", "J6", "J10", "E1", "E12", "E13", "R-7", "R-9", "V-30"] {
        assert!(ids.contains(id), "no effect or error carried {id}");
    }
    for (id, kind) in &known {
        if ids.contains(id) && id.starts_with(['J', 'E', 'R']) {
            assert_eq!(*kind, Kind::Machine, "{id}");
        }
    }
}

/// `(file, id)` for every id cited in `paths`.
fn cited_in(paths: &[PathBuf]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in paths {
        let rel = p.strip_prefix(root()).unwrap().display().to_string();
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{rel}: {e}"));
        out.extend(cited_ids(&text).into_iter().map(|id| (rel.clone(), id)));
    }
    out
}

#[test]
fn every_id_cited_in_the_sources_and_docs_is_in_the_catalogue() {
    let known = known();
    let mut paths = Vec::new();
    common::files_with(&root().join("src"), &["rs"], &mut paths);
    let src = paths.len();
    for f in [
        "README.md",
        "ARCHITECTURE.md",
        "tests/vectors/machine/README.md",
        "tests/vectors/machine/not-modelled.txt",
    ] {
        let p = root().join(f);
        if p.exists() {
            paths.push(p);
        }
    }
    let mut js = Vec::new();
    let js_dirs = ["js", "js/src"].map(|d| std::fs::read_dir(root().join(d)).unwrap());
    for entry in js_dirs.into_iter().flatten() {
        let p = entry.unwrap().path();
        if p.is_file()
            && p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["js", "mjs", "cjs", "ts"].contains(&e))
        {
            js.push(p);
        }
    }
    js.sort();
    assert!(src > 10 && !js.is_empty());
    paths.extend(js);
    let mut cited = cited_in(&paths);
    // The machine vectors' `rules` lists.
    for (rel, case) in common::machine_vectors() {
        for id in case.rules {
            cited.push((format!("tests/vectors/machine/{rel}: {}", case.name), id));
        }
    }
    let unknown: Vec<String> = cited
        .iter()
        .filter(|(_, id)| !known.contains_key(id.as_str()))
        .map(|(at, id)| format!("{at}: {id}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "ids cited but not in the catalogue:\n{}",
        unknown.join("\n")
    );
    // Not vacuous: the sources cite each family.
    let ids: BTreeSet<&str> = cited.iter().map(|(_, id)| id.as_str()).collect();
    for id in ["J1", "E12", "R-9", "V-21", "C-5", "Q-4"] {
        assert!(ids.contains(id), "{id} is cited nowhere");
    }
}

#[test]
fn every_validator_reference_names_a_reference_entry() {
    let known = known();
    let mut n = 0;
    for rule in iot_jobs_policy::rules() {
        for &id in rule.reference {
            n += 1;
            assert!(is_id_shaped(id), "{}: `{id}`", rule.id);
            assert_eq!(known.get(id), Some(&Kind::Reference), "{}: {id}", rule.id);
        }
    }
    assert!(n > 20);
}

#[test]
fn ids_are_unique_and_rules_json_lists_the_catalogue_with_its_kind() {
    let all: Vec<_> = catalogue().collect();
    let ids: BTreeSet<&str> = all.iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
    let listed: Vec<Value> = serde_json::from_str(&iot_jobs_policy::ffi::rules_json()).unwrap();
    assert_eq!(listed.len(), all.len());
    for (entry, json) in all.iter().zip(&listed) {
        assert_eq!(json["id"], entry.id());
        assert_eq!(json["kind"], entry.kind().as_str());
        assert_eq!(json, &serde_json::to_value(entry).unwrap());
    }
    // Validator entries keep their members, in order, after `kind`; the
    // reference entries have theirs.
    let text = iot_jobs_policy::ffi::rules_json();
    assert!(
        text.starts_with(r#"[{"kind":"validator","id":"input.tooLarge","code":"tooLarge","severity":"error","source":"model","summary":"#),
        "{}",
        &text[..200]
    );
    assert!(text.contains(r#"{"kind":"machine","id":"J1","summary":"#));
    assert!(text.contains(r#"{"kind":"reference","id":"V-1","summary":"#));
    let j1 = listed.iter().find(|e| e["id"] == "J1").unwrap();
    let keys: BTreeSet<&str> = j1.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["kind", "id", "summary", "provenance", "links", "choice"])
    );
    assert_eq!(j1["kind"], "machine");
    assert_eq!(
        catalogue_entry("V-21").map(|e| e.kind()),
        Some(Kind::Reference)
    );
    assert_eq!(
        serde_json::to_value(catalogue_entry("R-6")).unwrap()["provenance"],
        json!("unconfirmed")
    );
}
