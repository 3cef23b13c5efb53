//! The command line, parsed into one typed struct per command. Pure: no
//! file is read here (`--document-schema` is kept as a path).

use super::Usage;
use crate::export::json_schema::Dialect;
use crate::{ApiVersion, Operation, Options, Profile};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Sarif,
}

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    Validate(Validate),
    Rules(Rules),
    Schema(Schema),
    Replay(Replay),
    Help,
    Version,
}

/// `validate <OPERATION> [FILE|GLOB|-]... [flags]`.
#[derive(Debug)]
pub(crate) struct Validate {
    pub(crate) operation: String,
    pub(crate) inputs: Vec<String>,
    pub(crate) options: Options,
    pub(crate) format: Format,
    pub(crate) document_schema: Option<String>,
}

/// `rules [--format text|json]`.
#[derive(Debug)]
pub(crate) struct Rules {
    pub(crate) format: Format,
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
    pub(crate) file: String,
    pub(crate) format: Format,
}

/// Parses the arguments after the program name.
pub(crate) fn parse(args: &[String]) -> Result<Command, Usage> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Usage(String::from("no command given")));
    };
    match command.as_str() {
        "validate" => validate(rest).map(Command::Validate),
        "rules" => rules(rest).map(Command::Rules),
        "schema" => schema(rest).map(Command::Schema),
        "replay" => replay(rest).map(Command::Replay),
        "--help" | "-h" | "help" => Ok(Command::Help),
        "--version" | "-V" => Ok(Command::Version),
        other => Err(Usage(format!("unknown command `{other}`"))),
    }
}

/// Positional arguments and `(flag, value)` pairs.
type Split<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// Splits `--flag value` / `--flag=value` options from positional
/// arguments; an option not in `known` is a usage error.
fn split<'a>(args: &'a [String], known: &[&str]) -> Result<Split<'a>, Usage> {
    let mut positional = Vec::new();
    let mut flags = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "-" || !arg.starts_with("--") {
            positional.push(arg.as_str());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if !known.contains(&name) {
            return Err(Usage(format!("unknown option `{name}`")));
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .map(String::as_str)
                .ok_or_else(|| Usage(format!("option `{name}` needs a value")))?,
        };
        flags.push((name, value));
    }
    Ok((positional, flags))
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
fn text_or_json(command: &str, value: &str) -> Result<Format, Usage> {
    match format(value)? {
        Format::Sarif => Err(Usage(format!(
            "{command} has no SARIF output; expected `text` or `json`"
        ))),
        f => Ok(f),
    }
}

/// Parses an OPERATION (`validate`'s after its flags, as before, since
/// `--document-schema` is read first).
pub(crate) fn operation(name: &str) -> Result<Operation, Usage> {
    name.parse()
        .map_err(|e: crate::UnknownOperation| Usage(e.to_string()))
}

fn validate(args: &[String]) -> Result<Validate, Usage> {
    let (positional, flags) = split(
        args,
        &[
            "--api",
            "--profile",
            "--now",
            "--format",
            "--document-schema",
        ],
    )?;
    let mut options = Options::default();
    let mut out_format = Format::Text;
    let mut document_schema = None;
    for (name, value) in flags {
        match name {
            "--document-schema" => document_schema = Some(value.to_owned()),
            "--api" => options.api = value.parse().map_err(|e| Usage(format!("{e}")))?,
            "--profile" => options.profile = value.parse().map_err(|e| Usage(format!("{e}")))?,
            "--now" => {
                let json = serde_json::json!({ "now": value }).to_string();
                options.now_ms = crate::ffi::parse_options(&json)
                    .map_err(|e| Usage(e.message().to_owned()))?
                    .now_ms;
            }
            _ => out_format = format(value)?,
        }
    }
    let Some((op, inputs)) = positional.split_first() else {
        return Err(Usage(String::from("validate needs an OPERATION")));
    };
    Ok(Validate {
        operation: (*op).to_owned(),
        inputs: inputs.iter().map(|s| (*s).to_owned()).collect(),
        options,
        format: out_format,
        document_schema,
    })
}

fn rules(args: &[String]) -> Result<Rules, Usage> {
    let (positional, flags) = split(args, &["--format"])?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("rules takes no argument, got `{extra}`")));
    }
    let mut out_format = Format::Text;
    for (_, value) in flags {
        out_format = text_or_json("rules", value)?;
    }
    Ok(Rules { format: out_format })
}

fn schema(args: &[String]) -> Result<Schema, Usage> {
    let (positional, flags) = split(args, &["--api", "--dialect", "--profile"])?;
    let mut options = Options::default();
    let mut dialect = Dialect::Draft202012;
    for (name, value) in flags {
        match name {
            "--api" => options.api = value.parse().map_err(|e| Usage(format!("{e}")))?,
            "--profile" => options.profile = value.parse().map_err(|e| Usage(format!("{e}")))?,
            _ => dialect = value.parse().map_err(Usage)?,
        }
    }
    let operation = match positional.as_slice() {
        [op] => operation(op)?,
        _ => return Err(Usage(String::from("schema takes exactly one OPERATION"))),
    };
    Ok(Schema {
        operation,
        api: options.api,
        profile: options.profile,
        dialect,
    })
}

fn replay(args: &[String]) -> Result<Replay, Usage> {
    let (positional, flags) = split(args, &["--format"])?;
    let mut out_format = Format::Text;
    for (_, value) in flags {
        out_format = text_or_json("replay", value)?;
    }
    match positional.as_slice() {
        [file] => Ok(Replay {
            file: (*file).to_owned(),
            format: out_format,
        }),
        _ => Err(Usage(String::from(
            "replay takes exactly one SCENARIO file",
        ))),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| (*a).to_owned()).collect()
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
        let Err(Usage(m)) = parse(&args(&["rules", "--format", "sarif"])) else {
            panic!("accepted")
        };
        assert_eq!(m, "rules has no SARIF output; expected `text` or `json`");
    }
}
