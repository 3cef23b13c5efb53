//! Loading the shared test vectors, once for every Rust runner.
//!
//! `tests/vectors/**/*.json` (request vectors, format in
//! `tests/vectors/README.md`) and `tests/vectors/machine/*.json` (the
//! transition function's vectors, `tests/vectors/machine/README.md`) are read
//! into typed cases whose structs refuse unknown fields, so a misspelt member
//! (`requets`, `expcet`, `awsMesage`) fails the load, naming the case, instead
//! of being ignored. Each test crate includes this module with `mod common;`.

// Each test crate uses only some of these helpers (the machine runner reads
// no request vectors, the request runners no machine vectors).
#![allow(dead_code, reason = "each test crate uses only some of these helpers")]

mod case_id;

pub use case_id::case_id;
use iot_jobs_policy::{ApiVersion, Operation, Options, Profile};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// `tests/vectors/`.
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

/// One vector file as stored: a description and its cases, each read on its
/// own so that every malformed case is reported, not just the first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorFile {
    description: String,
    cases: Vec<Value>,
}

/// `options` of a request case.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseOptions {
    pub api: Option<String>,
    pub profile: Option<String>,
    /// Epoch milliseconds.
    pub now: Option<i64>,
}

/// One expected violation (`expect.violations[]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub code: String,
    pub path: String,
    /// `error` or `warning`.
    pub severity: String,
    /// Checked when present.
    pub rule: Option<String>,
}

/// `expect` of a request case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Expect {
    pub valid: bool,
    pub violations: Vec<Expected>,
    pub aws_message: Option<String>,
}

/// A present member, even `null`, is `Some` (serde's default reads `null` as
/// `None`): `"request": null` is the request `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// One request case as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawCase {
    pub name: String,
    pub why: String,
    pub operation: String,
    pub options: Option<CaseOptions>,
    #[serde(default, deserialize_with = "present")]
    pub request: Option<Value>,
    pub request_text: Option<String>,
    pub request_base64: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub document_schema: Option<Value>,
    pub expect: Expect,
}

/// One request case, ready to run.
#[derive(Debug, Clone)]
pub struct Case {
    /// [`case_id`]: `<path relative to tests/vectors>#<case name>`.
    pub id: String,
    pub op: Operation,
    pub options: Options,
    /// The bytes the validator gets: `request` serialised compactly,
    /// `requestText` as UTF-8, or `requestBase64` decoded.
    pub input: Vec<u8>,
    /// `request`, when the case gives its request as a JSON value.
    pub request: Option<Value>,
    /// The caller's job-document schema (`documentSchema`).
    pub document_schema: Option<Value>,
    pub valid: bool,
    pub violations: Vec<Expected>,
    pub aws_message: Option<String>,
}

/// The request vectors of every file, with what was wrong with the files.
pub struct Loaded {
    pub cases: Vec<Case>,
    /// Malformed files and cases, one line each.
    pub problems: Vec<String>,
    /// `(file relative to tests/vectors, number of cases)`, in path order.
    pub counts: Vec<(String, usize)>,
}

/// `path` relative to `root`, with `/` separators (a case or file name).
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every `*.json` below `dir`, recursively, sorted by path.
pub fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    files_with(dir, &["json"], out);
}

/// Every file below `dir` whose extension is one of `exts`, recursively,
/// sorted by path.
pub fn files_with(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_with(&p, exts, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
        {
            out.push(p);
        }
    }
}

/// Standard alphabet, padded; whitespace is ignored.
pub fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits: u32 = 0;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = alphabet
            .iter()
            .position(|a| *a == c)
            .ok_or_else(|| format!("bad base64 character {:?}", c as char))?;
        bits = (bits << 6) | v as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Ok(out)
}

fn options(o: Option<&CaseOptions>) -> Result<Options, String> {
    let mut out = Options::default();
    let Some(o) = o else { return Ok(out) };
    if let Some(api) = &o.api {
        out.api = api.parse::<ApiVersion>().map_err(|e| e.to_string())?;
    }
    if let Some(p) = &o.profile {
        out.profile = p.parse::<Profile>().map_err(|e| e.to_string())?;
    }
    out.now_ms = o.now;
    Ok(out)
}

/// Reads one case of `file` (relative to `tests/vectors`); the error names
/// the case and what is wrong with it.
pub fn parse_case(file: &str, c: &Value) -> Result<Case, String> {
    let name = c.get("name").and_then(Value::as_str).unwrap_or("?");
    let id = case_id(file, name);
    let err = |e: String| format!("{id}: {e}");
    let raw = RawCase::deserialize(c).map_err(|e| err(e.to_string()))?;
    let op: Operation = raw.operation.parse().map_err(|e| err(format!("{e}")))?;
    let options = options(raw.options.as_ref()).map_err(err)?;
    let input = match (&raw.request, &raw.request_text, &raw.request_base64) {
        (Some(r), None, None) => serde_json::to_vec(r).unwrap(),
        (None, Some(t), None) => t.as_bytes().to_vec(),
        (None, None, Some(b)) => decode_base64(b).map_err(err)?,
        _ => {
            return Err(err(
                "needs exactly one of request, requestText, requestBase64".into(),
            ))
        }
    };
    let expect = raw.expect;
    for v in &expect.violations {
        if v.severity != "error" && v.severity != "warning" {
            return Err(err(format!("bad severity {}", v.severity)));
        }
    }
    let has_error = expect.violations.iter().any(|v| v.severity == "error");
    if has_error == expect.valid {
        return Err(err(format!(
            "expect.valid is {} but the expected violations {} an error",
            expect.valid,
            if has_error {
                "contain"
            } else {
                "do not contain"
            }
        )));
    }
    Ok(Case {
        id,
        op,
        options,
        input,
        request: raw.request,
        document_schema: raw.document_schema,
        valid: expect.valid,
        violations: expect.violations,
        aws_message: expect.aws_message,
    })
}

/// Every request vector, with every problem found on the way (none on a
/// healthy tree).
pub fn load_request_vectors() -> Loaded {
    let dir = vectors_dir();
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    let mut loaded = Loaded {
        cases: Vec::new(),
        problems: Vec::new(),
        counts: Vec::new(),
    };
    for f in files {
        let rel = relative(&dir, &f);
        // `machine/` holds the transition function's vectors (tests/machine.rs).
        if rel.starts_with("machine/") {
            continue;
        }
        let doc: VectorFile = match std::fs::read_to_string(&f)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(d) => d,
            Err(e) => {
                loaded.problems.push(format!("{rel}: {e}"));
                continue;
            }
        };
        let mut names = BTreeSet::new();
        for c in &doc.cases {
            if let Some(n) = c.get("name").and_then(Value::as_str) {
                if !names.insert(n.to_string()) {
                    loaded
                        .problems
                        .push(format!("{rel}: duplicate case name {n:?}"));
                }
            }
            match parse_case(&rel, c) {
                Ok(case) => loaded.cases.push(case),
                Err(e) => loaded.problems.push(e),
            }
        }
        loaded.counts.push((rel, doc.cases.len()));
    }
    loaded
}

/// Every request vector; panics, listing them, on malformed files or cases.
pub fn request_vectors() -> Vec<Case> {
    let loaded = load_request_vectors();
    assert!(
        loaded.problems.is_empty(),
        "malformed vector files:\n  {}",
        loaded.problems.join("\n  ")
    );
    loaded.cases
}

/// `options` of a machine case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineOptions {
    pub api: Option<String>,
    pub profile: Option<String>,
}

/// `create` of a machine case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineCreate {
    pub effects: Option<Value>,
    pub expect: Option<Value>,
}

/// One step of a machine case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineStep {
    pub at: i64,
    pub event: Value,
    pub effects: Option<Value>,
    pub error: Option<Value>,
    pub expect: Option<Value>,
}

/// One machine case as written in the file (its members checked; the runner
/// reads the case as JSON, [`MachineCase::json`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MachineCase {
    pub name: String,
    pub why: String,
    #[serde(default)]
    pub rules: Vec<String>,
    pub job: Value,
    pub things: Option<Vec<String>>,
    pub groups: Option<Value>,
    pub created_at: Option<i64>,
    pub options: Option<MachineOptions>,
    pub create: Option<MachineCreate>,
    pub create_error: Option<Value>,
    #[serde(default)]
    pub steps: Vec<MachineStep>,
    /// [`case_id`]: `machine/<file>#<case name>`.
    #[serde(skip)]
    pub id: String,
    /// The case as JSON.
    #[serde(skip)]
    pub json: Value,
}

/// Every machine vector (`tests/vectors/machine/*.json`, sorted by name) as
/// `(file name, case)`; panics on a malformed file or case, naming it.
pub fn machine_vectors() -> Vec<(String, MachineCase)> {
    let dir = vectors_dir().join("machine");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let rel = file.file_name().unwrap().to_string_lossy().into_owned();
        let doc: VectorFile = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        for c in doc.cases {
            let name = c.get("name").and_then(Value::as_str).unwrap_or("?");
            let id = case_id(&format!("machine/{rel}"), name);
            let mut case = MachineCase::deserialize(&c).unwrap_or_else(|e| panic!("{id}: {e}"));
            case.id = id;
            case.json = c;
            out.push((rel.clone(), case));
        }
    }
    out
}
