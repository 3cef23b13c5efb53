//! Writes the seed corpora `fuzz/corpus/<target>/` from the repository's own
//! data: the shared test vectors (`tests/vectors/**`), the machine vectors
//! (`tests/vectors/machine/*.json`), the sample requests
//! (`examples/requests/*.json`), the sample scenarios
//! (`examples/scenarios/*.json`), the sample simulations
//! (`examples/simulations/*.json`) and the sample document schema. Each input
//! is framed as its target reads it (see `fuzz/README.md`). Run it through
//! `fuzz/seed.sh`; the corpora are not committed.

use iot_jobs_policy::machine::text;
use iot_jobs_policy::{ApiVersion, Operation, Options, Profile};
use iot_jobs_policy_fuzz::{encode_head, SEP};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The inputs of each target, by target name.
#[derive(Default)]
struct Corpora(BTreeMap<&'static str, Vec<Vec<u8>>>);

impl Corpora {
    fn add(&mut self, target: &'static str, input: impl Into<Vec<u8>>) {
        self.0.entry(target).or_default().push(input.into());
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

fn read_json(path: &Path) -> Result<Value> {
    Ok(serde_json::from_str(&fs::read_to_string(path)?)?)
}

fn base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0_u32, 0_u32);
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET.iter().position(|&a| a == c)?;
        acc = (acc << 6) | u32::try_from(v).ok()?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// The options of a vector case, both as [`Options`] and as `ffi` options text.
fn options(case: &Value) -> Result<(Options, String)> {
    let mut o = Options::default();
    let given = case.get("options").cloned().unwrap_or(Value::Null);
    if let Some(api) = given.get("api").and_then(Value::as_str) {
        o.api = api.parse::<ApiVersion>()?;
    }
    if let Some(profile) = given.get("profile").and_then(Value::as_str) {
        o.profile = profile.parse::<Profile>()?;
    }
    o.now_ms = given.get("now").and_then(Value::as_i64);
    let text = if given.is_null() {
        String::new()
    } else {
        given.to_string()
    };
    Ok((o, text))
}

fn request_bytes(case: &Value) -> Option<Vec<u8>> {
    if let Some(r) = case.get("request") {
        return Some(r.to_string().into_bytes());
    }
    if let Some(t) = case.get("requestText").and_then(Value::as_str) {
        return Some(t.as_bytes().to_vec());
    }
    case.get("requestBase64")
        .and_then(Value::as_str)
        .and_then(base64)
}

fn validator_vectors(root: &Path, c: &mut Corpora) -> Result<()> {
    let mut paths = Vec::new();
    files(&root.join("tests/vectors"), &mut paths)?;
    for path in paths
        .iter()
        .filter(|p| !p.starts_with(root.join("tests/vectors/machine")))
    {
        let doc = read_json(path)?;
        for case in doc["cases"].as_array().into_iter().flatten() {
            let Some(op) = case["operation"].as_str() else {
                continue;
            };
            let op: Operation = op.parse()?;
            let (o, options_text) = options(case)?;
            let Some(request) = request_bytes(case) else {
                continue;
            };
            let mut framed = encode_head(op, &o);
            if let Some(schema) = case.get("documentSchema") {
                framed.extend_from_slice(schema.to_string().as_bytes());
                framed.push(SEP);
                framed.extend_from_slice(&request);
                c.add("document_schema", framed);
                continue;
            }
            framed.extend_from_slice(&request);
            c.add("validate", framed.clone());
            c.add("is_valid", framed);
            let mut ffi = format!("{}\0{options_text}\0", op.name()).into_bytes();
            ffi.extend_from_slice(&request);
            c.add("ffi", ffi);
        }
    }
    Ok(())
}

fn sample_requests(root: &Path, c: &mut Corpora) -> Result<()> {
    let mut paths = Vec::new();
    files(&root.join("examples/requests"), &mut paths)?;
    let schema = fs::read(root.join("examples/firmware-document.schema.json"))?;
    for path in paths {
        let request = fs::read(&path)?;
        for o in [
            Options::default(),
            Options::default().with_now_ms(Some(1_767_225_600_000)),
            Options::default()
                .with_api(ApiVersion::V2022_01)
                .with_profile(Profile::Model),
        ] {
            let mut framed = encode_head(Operation::CreateJob, &o);
            let mut with_schema = framed.clone();
            framed.extend_from_slice(&request);
            c.add("validate", framed.clone());
            c.add("is_valid", framed);
            with_schema.extend_from_slice(&schema);
            with_schema.push(SEP);
            with_schema.extend_from_slice(&request);
            c.add("document_schema", with_schema);
        }
        let mut ffi = b"create_job\0{\"now\":\"2026-01-01T00:00:00Z\"}\0".to_vec();
        ffi.extend_from_slice(&request);
        c.add("ffi", ffi);
    }
    for op in Operation::ALL {
        for options in [
            "",
            r#"{"dialect":"draft-07"}"#,
            r#"{"api":"2022-01","profile":"model"}"#,
        ] {
            c.add("ffi", format!("{}\0{options}\0{{}}", op.name()));
        }
    }
    Ok(())
}

/// A machine scenario: the create input and its events with their times.
struct Scenario {
    create: Value,
    events: Vec<(i64, Value)>,
}

fn scenarios(root: &Path) -> Result<Vec<Scenario>> {
    let mut out = Vec::new();
    let mut paths = Vec::new();
    files(&root.join("tests/vectors/machine"), &mut paths)?;
    for path in &paths {
        for case in read_json(path)?["cases"].as_array().into_iter().flatten() {
            let mut create = json!({"job": case["job"]});
            for k in ["createdAt", "options", "things", "groups"] {
                if let Some(v) = case.get(k) {
                    create[k] = v.clone();
                }
            }
            let events = case["steps"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| Some((s["at"].as_i64()?, s.get("event")?.clone())))
                .collect();
            out.push(Scenario { create, events });
        }
    }
    let mut paths = Vec::new();
    files(&root.join("examples/scenarios"), &mut paths)?;
    for path in &paths {
        let doc = read_json(path)?;
        let mut create = json!({});
        for k in ["job", "createdAt", "options", "things", "groups"] {
            if let Some(v) = doc.get(k) {
                create[k] = v.clone();
            }
        }
        let mut events = Vec::new();
        for e in doc["events"].as_array().into_iter().flatten() {
            let mut e = e.clone();
            let at = e["at"].as_i64().unwrap_or(0);
            if let Some(m) = e.as_object_mut() {
                m.remove("at");
                if m.get("type") == Some(&json!("advance")) && !m.contains_key("to") {
                    m.insert("to".into(), json!(at));
                }
            }
            events.push((at, e));
        }
        out.push(Scenario { create, events });
    }
    Ok(out)
}

fn machine(root: &Path, c: &mut Corpora) -> Result<()> {
    for s in scenarios(root)? {
        // replay: the scenario document.
        let mut doc = s.create.clone();
        doc["events"] = s
            .events
            .iter()
            .map(|(at, e)| {
                let mut e = e.clone();
                e["at"] = json!(at);
                e
            })
            .collect();
        c.add("replay", serde_json::to_string_pretty(&doc)?);

        // machine_text: the create line, then one action per event, then views.
        let mut lines = vec![s.create.to_string()];
        for (at, e) in &s.events {
            match (e["type"].as_str(), e["to"].as_i64()) {
                (Some("advance"), Some(to)) => lines.push(format!("v{to}")),
                _ => lines.push(format!("s{at} {e}")),
            }
        }
        lines.extend(
            [
                "d",
                "i",
                "j {\"maxResults\":1}",
                "t {\"thingName\":\"t1\"}",
                "e t1",
            ]
            .map(String::from),
        );
        c.add("machine_text", lines.join("\n"));

        // snapshot: every state the scenario passes through.
        let created: Value = serde_json::from_str(&text::create(&s.create.to_string()))?;
        let Some(mut snap) = created["snapshot"].as_str().map(str::to_owned) else {
            continue;
        };
        c.add("snapshot", snap.clone());
        for (at, e) in &s.events {
            let stepped: Value = serde_json::from_str(&text::step(&snap, *at, &e.to_string()))?;
            if let Some(next) = stepped["snapshot"].as_str() {
                if next != snap {
                    snap = next.to_owned();
                    c.add("snapshot", snap.clone());
                }
            }
        }
    }
    Ok(())
}

/// A `cli` seed: flags, arguments, stdin, files.
type CliCase<'a> = (u8, &'a str, &'a [u8], Vec<&'a [u8]>);

/// `cli`: flags byte, arguments (one per line), stdin, then the files
/// `f0.json`, `jobs/f1.json`, `jobs/deep/f2.json`, ... (see the target).
fn cli(root: &Path, c: &mut Corpora) -> Result<()> {
    let valid = fs::read(root.join("examples/requests/create-job-valid.json"))?;
    let broken = fs::read(root.join("examples/requests/create-job-broken.json"))?;
    let schema = fs::read(root.join("examples/firmware-document.schema.json"))?;
    let mut scenario_paths = Vec::new();
    files(&root.join("examples/scenarios"), &mut scenario_paths)?;
    let scenario = match scenario_paths.first() {
        Some(p) => fs::read(p)?,
        None => b"{}".to_vec(),
    };
    let cases: Vec<CliCase> = vec![
        (0, "validate\nCreateJob\nf0.json", b"", vec![&valid]),
        (1, "validate\nCreateJob\nf0.json", b"", vec![&broken]),
        (
            0,
            "validate\nCreateJob\n**/*.json\n--format\njson",
            b"",
            vec![&valid, &broken, &broken],
        ),
        (
            8,
            "validate\ncreate_job\njobs/**/*.json",
            b"",
            vec![&valid, &broken, &valid, &broken],
        ),
        (
            0,
            "validate\nCreateJob\n-\n--format\nsarif",
            &broken,
            vec![],
        ),
        (
            0,
            "validate\nCreateJob\n*.json\njobs/*.json\n--format\nsarif",
            b"",
            vec![&valid, &broken],
        ),
        (
            2,
            "validate\nCreateJob\nf0.json\n--document-schema\njobs/f1.json",
            b"",
            vec![&valid, &schema],
        ),
        (
            0,
            "validate\nCreateJob\n--api\n2022-01\n--profile\nmodel\n--now\n2026-01-01T00:00:00Z",
            &valid,
            vec![],
        ),
        (
            0,
            "validate\nUpdateJob\n--now\n1767225600000\n-",
            b"{\"jobId\":\"j\"}",
            vec![],
        ),
        (
            4,
            "validate\nDescribeJob\nnope.json\nf0.json",
            b"",
            vec![&valid],
        ),
        (0, "replay\n-", &scenario, vec![]),
        (0, "replay\nf0.json\n--format\njson", b"", vec![&scenario]),
        (0, "schema\nCreateJob\n--dialect\ndraft-07", b"", vec![]),
        (
            0,
            "schema\nupdate_job\n--api\n2022-01\n--profile\nmodel",
            b"",
            vec![],
        ),
        (0, "rules", b"", vec![]),
        (0, "rules\n--format\njson", b"", vec![]),
        (0, "--help", b"", vec![]),
        (0, "--version", b"", vec![]),
    ];
    for (flags, args, stdin, inputs) in cases {
        let mut input = vec![flags];
        input.extend_from_slice(args.as_bytes());
        input.push(SEP);
        input.extend_from_slice(stdin);
        for file in inputs {
            input.push(SEP);
            input.extend_from_slice(file);
        }
        c.add("cli", input);
    }
    Ok(())
}

/// `simulate`: every sample simulation, with its fleet cut to what one fuzz
/// iteration runs (the target skips larger ones).
fn simulations(root: &Path, c: &mut Corpora) -> Result<()> {
    let mut paths = Vec::new();
    files(&root.join("examples/simulations"), &mut paths)?;
    for path in paths {
        let mut doc = read_json(&path)?;
        c.add("simulate", serde_json::to_string_pretty(&doc)?);
        if doc.get("fleetSize").is_some() {
            doc["fleetSize"] = json!(20);
        }
        doc["trials"] = json!(2);
        c.add("simulate", serde_json::to_string_pretty(&doc)?);
    }
    Ok(())
}

fn main() -> Result<()> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = fuzz.parent().ok_or("fuzz/ has no parent")?;
    let mut c = Corpora::default();
    validator_vectors(root, &mut c)?;
    sample_requests(root, &mut c)?;
    machine(root, &mut c)?;
    cli(root, &mut c)?;
    simulations(root, &mut c)?;
    for (target, inputs) in &c.0 {
        let dir = fuzz.join("corpus").join(target);
        fs::create_dir_all(&dir)?;
        for (n, input) in inputs.iter().enumerate() {
            fs::write(dir.join(format!("seed-{n:04}")), input)?;
        }
        println!("{target}: {} seeds in {}", inputs.len(), dir.display());
    }
    Ok(())
}
