//! The command line, parsed into one typed struct per command. Pure: no
//! file is read here (`--document-schema` is kept as a path).
//!
//! Each command names its options in a small enum (its [`Flag::ALL`]
//! table), so that every option is handled by an exhaustive `match`: an
//! option a command does not list is a usage error naming the option and
//! the command's options, never silently ignored.

use super::{shown, Usage};
use crate::schema_export::Dialect;
use crate::{ApiVersion, Operation, Options, Profile};
use std::ffi::{OsStr, OsString};

/// The output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Sarif,
}

/// The output format of a command without SARIF (`rules`, `replay`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

/// The output format of `simulate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SimulateFormat {
    Text,
    Json,
    /// The chart; the native binary only (the `cli` feature).
    Svg,
}

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    Validate(Validate),
    Rules(Rules),
    Schema(Schema),
    Replay(Replay),
    Simulate(Simulate),
    Help,
    Version,
}

/// `validate <OPERATION> [FILE|GLOB|-]... [flags]`.
#[derive(Debug)]
pub(crate) struct Validate {
    pub(crate) operation: String,
    pub(crate) inputs: Vec<OsString>,
    pub(crate) options: Options,
    pub(crate) format: Format,
    pub(crate) document_schema: Option<OsString>,
}

/// `rules [--format text|json]`.
#[derive(Debug)]
pub(crate) struct Rules {
    pub(crate) format: TextOrJson,
}

/// `schema <OPERATION> [--api] [--dialect] [--profile]`.
#[derive(Debug)]
pub(crate) struct Schema {
    pub(crate) operation: Operation,
    pub(crate) api: ApiVersion,
    pub(crate) profile: Profile,
    pub(crate) dialect: Dialect,
}

/// `replay <SCENARIO|-> [--format text|json]`.
#[derive(Debug)]
pub(crate) struct Replay {
    pub(crate) file: OsString,
    pub(crate) format: TextOrJson,
}

/// `simulate <SIMULATION|-> [--trials N] [--seed S] [--threads N]
/// [--shard I/K] [--format text|json|svg]` or `simulate --merge FILE...
/// [--format text|json|svg]`.
#[derive(Debug)]
pub(crate) struct Simulate {
    /// The simulation (run) or the shards (`--merge`).
    pub(crate) files: Vec<OsString>,
    pub(crate) merge: bool,
    pub(crate) trials: Option<u64>,
    pub(crate) seed: Option<u64>,
    pub(crate) threads: Option<usize>,
    /// `(index from 0, count)`; written `I/K` with `I` from 1.
    pub(crate) shard: Option<(u64, u64)>,
    /// `None`: text, or the shard's JSON with `--shard`.
    pub(crate) format: Option<SimulateFormat>,
}

/// `arg` as text: every argument but a file name must be UTF-8.
fn utf8<'a>(what: &str, arg: &'a OsStr) -> Result<&'a str, Usage> {
    arg.to_str()
        .ok_or_else(|| Usage(format!("{what} `{}` is not valid UTF-8", shown(arg))))
}

/// Parses the arguments after the program name.
pub(crate) fn parse(args: &[OsString]) -> Result<Command, Usage> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Usage(String::from("no command given")));
    };
    match utf8("the command", command)? {
        "validate" => validate(rest).map(Command::Validate),
        "rules" => rules(rest).map(Command::Rules),
        "schema" => schema(rest).map(Command::Schema),
        "replay" => replay(rest).map(Command::Replay),
        "simulate" => simulate(rest).map(Command::Simulate),
        "--help" | "-h" | "help" => Ok(Command::Help),
        "--version" | "-V" => Ok(Command::Version),
        other => Err(Usage(format!("unknown command `{other}`"))),
    }
}

/// The options of one command.
trait Flag: Copy + PartialEq + 'static {
    /// Every option of the command, as written on the command line.
    const ALL: &'static [(&'static str, Self)];
}

/// `validate`'s options.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ValidateFlag {
    Api,
    Profile,
    Now,
    Format,
    DocumentSchema,
}

impl Flag for ValidateFlag {
    const ALL: &'static [(&'static str, Self)] = &[
        ("--api", Self::Api),
        ("--profile", Self::Profile),
        ("--now", Self::Now),
        ("--format", Self::Format),
        ("--document-schema", Self::DocumentSchema),
    ];
}

/// `schema`'s options.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SchemaFlag {
    Api,
    Dialect,
    Profile,
}

impl Flag for SchemaFlag {
    const ALL: &'static [(&'static str, Self)] = &[
        ("--api", Self::Api),
        ("--dialect", Self::Dialect),
        ("--profile", Self::Profile),
    ];
}

/// The one option of `rules` and `replay`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FormatFlag {
    Format,
}

impl Flag for FormatFlag {
    const ALL: &'static [(&'static str, Self)] = &[("--format", Self::Format)];
}

/// `simulate`'s options (`--merge`, which takes no value, is read apart).
#[derive(Debug, Clone, Copy, PartialEq)]
enum SimulateFlag {
    Trials,
    Seed,
    Threads,
    Shard,
    Format,
}

impl Flag for SimulateFlag {
    const ALL: &'static [(&'static str, Self)] = &[
        ("--trials", Self::Trials),
        ("--seed", Self::Seed),
        ("--threads", Self::Threads),
        ("--shard", Self::Shard),
        ("--format", Self::Format),
    ];
}

/// Positional arguments and `(flag, value)` pairs.
type Split<'a, F> = (Vec<&'a OsStr>, Vec<(F, &'a OsStr)>);

/// `--name=value` as `(name, Some(value))`, `--name` as `(name, None)`; the
/// name must be UTF-8, the value need not be (a file name).
fn flag_parts(arg: &OsStr) -> Result<(&str, Option<&OsStr>), Usage> {
    if let Some(text) = arg.to_str() {
        return Ok(match text.split_once('=') {
            Some((name, value)) => (name, Some(OsStr::new(value))),
            None => (text, None),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = arg.as_bytes();
        if let Some(at) = bytes.iter().position(|b| *b == b'=') {
            let (name, value) = bytes.split_at(at);
            if let Ok(name) = std::str::from_utf8(name) {
                return Ok((
                    name,
                    Some(OsStr::from_bytes(value.get(1..).unwrap_or_default())),
                ));
            }
        }
    }
    Err(Usage(format!("option `{}` is not valid UTF-8", shown(arg))))
}

/// Splits `--flag value` / `--flag=value` options from positional
/// arguments; an option not in `F::ALL` is a usage error that names the
/// option and `command`'s options.
fn split<'a, F: Flag>(command: &str, args: &'a [OsString]) -> Result<Split<'a, F>, Usage> {
    let mut positional = Vec::new();
    let mut flags = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "-" || !arg.as_encoded_bytes().starts_with(b"--") {
            positional.push(arg.as_os_str());
            continue;
        }
        let (name, inline) = flag_parts(arg)?;
        let Some(&(_, flag)) = F::ALL.iter().find(|(known, _)| *known == name) else {
            let known: Vec<String> = F::ALL.iter().map(|(n, _)| format!("`{n}`")).collect();
            return Err(Usage(format!(
                "unknown option `{name}` for {command}; expected {}",
                one_of(&known)
            )));
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .map(OsString::as_os_str)
                .ok_or_else(|| Usage(format!("option `{name}` needs a value")))?,
        };
        flags.push((flag, value));
    }
    Ok((positional, flags))
}

/// `a`, `a or b`, `a, b or c`.
fn one_of(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn format(value: &str) -> Result<Format, Usage> {
    match value {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        "sarif" => Ok(Format::Sarif),
        other => Err(Usage(format!(
            "unknown format `{other}`; expected `text`, `json` or `sarif`"
        ))),
    }
}

/// `--format` of a command with no SARIF output (`rules`, `replay`).
fn text_or_json(command: &str, value: &str) -> Result<TextOrJson, Usage> {
    match value {
        "text" => Ok(TextOrJson::Text),
        "json" => Ok(TextOrJson::Json),
        "sarif" => Err(Usage(format!(
            "{command} has no SARIF output; expected `text` or `json`"
        ))),
        other => Err(Usage(format!(
            "unknown format `{other}`; expected `text` or `json`"
        ))),
    }
}

/// Parses an OPERATION (`validate`'s after its flags, as before, since
/// `--document-schema` is read first).
pub(crate) fn operation(name: &str) -> Result<Operation, Usage> {
    name.parse()
        .map_err(|e: crate::UnknownOperation| Usage(e.to_string()))
}

/// A `--api`, `--profile` or `--dialect` value.
fn value<T: std::str::FromStr>(value: &str) -> Result<T, Usage>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e: T::Err| Usage(e.to_string()))
}

/// The value of the option `flag` as text.
fn flag_value<F: Flag>(flag: F, v: &OsStr) -> Result<&str, Usage> {
    let name = F::ALL
        .iter()
        .find(|(_, f)| *f == flag)
        .map_or("an option", |(n, _)| *n);
    utf8(&format!("the value of `{name}`"), v)
}

fn validate(args: &[OsString]) -> Result<Validate, Usage> {
    let (positional, flags) = split::<ValidateFlag>("validate", args)?;
    let mut options = Options::default();
    let mut out_format = Format::Text;
    let mut document_schema = None;
    for (flag, v) in flags {
        if let ValidateFlag::DocumentSchema = flag {
            document_schema = Some(v.to_owned());
            continue;
        }
        let v = flag_value(flag, v)?;
        match flag {
            ValidateFlag::DocumentSchema => {}
            ValidateFlag::Api => options.api = value(v)?,
            ValidateFlag::Profile => options.profile = value(v)?,
            ValidateFlag::Now => {
                let json = serde_json::json!({ "now": v }).to_string();
                options.now_ms = crate::ffi::parse_options(&json)
                    .map_err(|e| Usage(e.message().to_owned()))?
                    .now_ms;
            }
            ValidateFlag::Format => out_format = format(v)?,
        }
    }
    let Some((op, inputs)) = positional.split_first() else {
        return Err(Usage(String::from("validate needs an OPERATION")));
    };
    Ok(Validate {
        operation: utf8("the OPERATION", op)?.to_owned(),
        inputs: inputs.iter().map(|s| (*s).to_owned()).collect(),
        options,
        format: out_format,
        document_schema,
    })
}

/// The `--format` of `rules` or `replay` (the last one given; text by default).
fn text_or_json_flag(command: &str, flags: &[(FormatFlag, &OsStr)]) -> Result<TextOrJson, Usage> {
    let mut out_format = TextOrJson::Text;
    for &(flag, v) in flags {
        out_format = text_or_json(command, flag_value(flag, v)?)?;
    }
    Ok(out_format)
}

fn rules(args: &[OsString]) -> Result<Rules, Usage> {
    let (positional, flags) = split::<FormatFlag>("rules", args)?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!(
            "rules takes no argument, got `{}`",
            shown(extra)
        )));
    }
    Ok(Rules {
        format: text_or_json_flag("rules", &flags)?,
    })
}

fn schema(args: &[OsString]) -> Result<Schema, Usage> {
    let (positional, flags) = split::<SchemaFlag>("schema", args)?;
    let mut options = Options::default();
    let mut dialect = Dialect::Draft202012;
    for (flag, v) in flags {
        let v = flag_value(flag, v)?;
        match flag {
            SchemaFlag::Api => options.api = value(v)?,
            SchemaFlag::Profile => options.profile = value(v)?,
            SchemaFlag::Dialect => dialect = value(v)?,
        }
    }
    let operation = match positional.as_slice() {
        [op] => operation(utf8("the OPERATION", op)?)?,
        _ => return Err(Usage(String::from("schema takes exactly one OPERATION"))),
    };
    Ok(Schema {
        operation,
        api: options.api,
        profile: options.profile,
        dialect,
    })
}

fn replay(args: &[OsString]) -> Result<Replay, Usage> {
    let (positional, flags) = split::<FormatFlag>("replay", args)?;
    let format = text_or_json_flag("replay", &flags)?;
    match positional.as_slice() {
        [file] => Ok(Replay {
            file: (*file).to_owned(),
            format,
        }),
        _ => Err(Usage(String::from(
            "replay takes exactly one SCENARIO file",
        ))),
    }
}

/// A whole number of `flag` from `lo` to `hi`.
fn number(flag: &str, v: &str, lo: u64, hi: u64) -> Result<u64, Usage> {
    v.parse::<u64>()
        .ok()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| {
            Usage(format!(
                "`{flag}` needs a whole number from {lo} to {hi}, got `{v}`"
            ))
        })
}

fn simulate(args: &[OsString]) -> Result<Simulate, Usage> {
    // `--merge` takes no value: it switches the command to merging.
    let merge = args.iter().any(|a| a == "--merge");
    let rest: Vec<OsString> = args.iter().filter(|a| *a != "--merge").cloned().collect();
    let (positional, flags) = split::<SimulateFlag>("simulate", &rest)?;
    let mut out = Simulate {
        files: positional.iter().map(|s| (*s).to_owned()).collect(),
        merge,
        trials: None,
        seed: None,
        threads: None,
        shard: None,
        format: None,
    };
    for (flag, v) in flags {
        let v = flag_value(flag, v)?;
        match flag {
            SimulateFlag::Trials => {
                let max = crate::simulate::MAX_TRIALS;
                out.trials = Some(number("--trials", v, 1, max)?);
            }
            SimulateFlag::Seed => {
                out.seed = Some(number("--seed", v, 0, crate::simulate::MAX_SEED)?)
            }
            SimulateFlag::Threads => {
                let max = crate::simulate::MAX_THREADS as u64;
                let n = number("--threads", v, 1, max)?;
                out.threads = Some(usize::try_from(n).unwrap_or(1));
            }
            SimulateFlag::Shard => {
                let bad = || Usage(format!("`--shard` needs I/K with 1 <= I <= K, got `{v}`"));
                let (i, k) = v.split_once('/').ok_or_else(bad)?;
                let (i, k) = (
                    i.parse::<u64>().map_err(|_| bad())?,
                    k.parse::<u64>().map_err(|_| bad())?,
                );
                if i == 0 || i > k {
                    return Err(bad());
                }
                out.shard = Some((i - 1, k));
            }
            SimulateFlag::Format => out.format = Some(simulate_format(v)?),
        }
    }
    if merge {
        if out.trials.is_some()
            || out.seed.is_some()
            || out.shard.is_some()
            || out.threads.is_some()
        {
            return Err(Usage(String::from(
                "simulate --merge takes only shard files and `--format`",
            )));
        }
        if out.files.is_empty() {
            return Err(Usage(String::from(
                "simulate --merge needs the shard files",
            )));
        }
    } else if out.files.len() != 1 {
        return Err(Usage(String::from(
            "simulate takes exactly one SIMULATION file (or `--merge` and shard files)",
        )));
    }
    match (out.shard, out.format) {
        (Some(_), Some(SimulateFormat::Text)) => Err(Usage(String::from(
            "a shard is JSON (for `simulate --merge`); `--shard` has no text output",
        ))),
        (Some(_), Some(SimulateFormat::Svg)) => Err(Usage(String::from(
            "a shard is JSON (for `simulate --merge`); `--shard` has no SVG output \
             (chart the merged summary: `simulate --merge ... --format svg`)",
        ))),
        _ => Ok(out),
    }
}

/// `--format` of `simulate`: `svg` only where the chart is compiled in.
fn simulate_format(value: &str) -> Result<SimulateFormat, Usage> {
    match value {
        "svg" if cfg!(feature = "cli") => Ok(SimulateFormat::Svg),
        "svg" => Err(Usage(String::from(
            "this build has no SVG output (the npm bin does not draw charts); \
             use `--format json`, or the native binary \
             (`cargo install iot-jobs-policy --features cli`)",
        ))),
        other => match text_or_json("simulate", other) {
            Ok(TextOrJson::Text) => Ok(SimulateFormat::Text),
            Ok(TextOrJson::Json) => Ok(SimulateFormat::Json),
            Err(_) if cfg!(feature = "cli") && other == "sarif" => Err(Usage(String::from(
                "simulate has no SARIF output; expected `text`, `json` or `svg`",
            ))),
            Err(_) if cfg!(feature = "cli") => Err(Usage(format!(
                "unknown format `{other}`; expected `text`, `json` or `svg`"
            ))),
            Err(e) => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<OsString> {
        s.iter().map(OsString::from).collect()
    }

    #[test]
    fn flags_become_typed_values() {
        let Command::Validate(v) = parse(&args(&[
            "validate",
            "create_job",
            "a.json",
            "--api=2022-01",
            "--profile",
            "model",
            "--format",
            "sarif",
            "b.json",
            "-",
        ]))
        .unwrap() else {
            panic!("not validate")
        };
        assert_eq!(v.operation, "create_job");
        assert_eq!(v.inputs, ["a.json", "b.json", "-"]);
        assert_eq!(v.options.api, ApiVersion::V2022_01);
        assert_eq!(v.options.profile, Profile::Model);
        assert_eq!(v.format, Format::Sarif);
        assert!(v.document_schema.is_none());
    }

    #[test]
    fn unknown_flags_and_sarif_for_rules_and_replay_are_usage_errors() {
        for bad in [
            &["validate", "CreateJob", "--colour"][..],
            &["rules", "--format", "sarif"][..],
            &["rules", "--format=sarif"][..],
            &["replay", "s.json", "--format", "sarif"][..],
            &["replay", "s.json", "--api", "latest"][..],
            &["schema", "CreateJob", "--format", "json"][..],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
    }

    fn usage(a: &[&str]) -> String {
        match parse(&args(a)) {
            Err(Usage(m)) => m,
            Ok(c) => panic!("{a:?} accepted as {c:?}"),
        }
    }

    #[test]
    fn simulate_draws_svg_only_where_the_chart_is_compiled_in() {
        let a = ["simulate", "s.json", "--format", "svg"];
        if cfg!(feature = "cli") {
            let Ok(Command::Simulate(s)) = parse(&args(&a)) else {
                panic!("{a:?} refused");
            };
            assert_eq!(s.format, Some(SimulateFormat::Svg));
        } else {
            // The npm bin (node-cli): a usage error that says why.
            assert!(usage(&a).contains("no SVG output"), "{}", usage(&a));
        }
        assert!(
            usage(&["simulate", "s.json", "--shard", "1/2", "--format", "svg"])
                .contains("no SVG output")
        );
    }

    #[test]
    fn an_unknown_option_is_named_with_the_commands_options() {
        assert_eq!(
            usage(&["validate", "CreateJob", "--colour", "always"]),
            "unknown option `--colour` for validate; expected `--api`, `--profile`, \
             `--now`, `--format` or `--document-schema`"
        );
        assert_eq!(
            usage(&["schema", "CreateJob", "--format=json"]),
            "unknown option `--format` for schema; expected `--api`, `--dialect` or `--profile`"
        );
        assert_eq!(
            usage(&["rules", "--api", "latest"]),
            "unknown option `--api` for rules; expected `--format`"
        );
        assert_eq!(
            usage(&["replay", "s.json", "--now", "0"]),
            "unknown option `--now` for replay; expected `--format`"
        );
    }

    #[test]
    fn rules_and_replay_have_no_sarif() {
        assert_eq!(
            usage(&["rules", "--format", "sarif"]),
            "rules has no SARIF output; expected `text` or `json`"
        );
        assert_eq!(
            usage(&["replay", "s.json", "--format=sarif"]),
            "replay has no SARIF output; expected `text` or `json`"
        );
        assert_eq!(
            usage(&["rules", "--format", "yaml"]),
            "unknown format `yaml`; expected `text` or `json`"
        );
        let Command::Replay(r) = parse(&args(&["replay", "-", "--format", "json"])).unwrap() else {
            panic!("not replay")
        };
        assert_eq!(
            (r.file.as_os_str(), r.format),
            (OsStr::new("-"), TextOrJson::Json)
        );
        let Command::Rules(r) = parse(&args(&["rules"])).unwrap() else {
            panic!("not rules")
        };
        assert_eq!(r.format, TextOrJson::Text);
    }

    #[test]
    fn one_of_lists_like_a_sentence() {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(one_of(&words(&[])), "");
        assert_eq!(one_of(&words(&["a"])), "a");
        assert_eq!(one_of(&words(&["a", "b"])), "a or b");
        assert_eq!(one_of(&words(&["a", "b", "c"])), "a, b or c");
    }
}
