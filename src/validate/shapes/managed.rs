//! The parameters of the AWS managed job templates (V-28): which templates
//! and versions AWS documents, the parameters each takes, which are
//! required, and the regex each value must match, as dated data
//! (`managed_templates.tsv`, read once), and the CreateJob check of
//! `documentParameters` against the template its `jobTemplateArn` names.
//!
//! The file's format: one parameter a line, six columns separated by one
//! tab each: `template`, `versions` (separated by `, `), `parameter`,
//! `required` (`required` or `optional`), `pattern` (the documented Java
//! regex or `-`) and `source` (the `https://` page the row comes from).
//! Lines starting with `#` and blank lines are skipped; a template, version
//! and parameter are given once. The parser returns an error naming the
//! line instead of panicking; a unit test parses the shipped file, and
//! should it ever fail to load the table reads as empty (every managed
//! template then draws the "not covered" warning).
//!
//! The documented regexes are translated exactly, as the model's patterns
//! are (`primitive::Pattern`): applied to the whole value (Java `matches`,
//! V-3), `.` being any code point but a line terminator (Java's default:
//! `\n`, `\r`, U+0085, U+2028, U+2029). Only the forms AWS documents are
//! known (`(.*?)` and `(.){0,N}`); another form in the file is a load error.

use super::get_obj;
use crate::rules;
use crate::validate::api::ApiVersion;
use crate::validate::json::{Entry, Value};
use crate::validate::model::{Details, Seg, Walker};
use crate::validate::primitive::{arn_parts, closest, excerpt, Pattern};
use std::sync::LazyLock;

/// The data, as shipped.
static TSV: &str = include_str!("managed_templates.tsv");

/// When the data was read from the AWS documentation.
pub(crate) const RETRIEVED: &str = "2026-11-30";

/// The columns of a line, in order.
const COLUMNS: [&str; 6] = [
    "template",
    "versions",
    "parameter",
    "required",
    "pattern",
    "source",
];

/// A documented parameter regex, translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamPattern {
    /// `(.*?)`: any value without a line terminator.
    AnyLine,
    /// `(.){0,N}`: at most `N` code points, none a line terminator.
    LineUpTo(usize),
}

impl ParamPattern {
    /// The pattern from its documented source, if it is a form we know.
    fn parse(source: &str) -> Option<ParamPattern> {
        if source == "(.*?)" {
            return Some(ParamPattern::AnyLine);
        }
        let n = source.strip_prefix("(.){0,")?.strip_suffix('}')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok().map(ParamPattern::LineUpTo)
    }

    /// The regex as AWS documents it.
    pub(crate) fn source(self) -> String {
        match self {
            ParamPattern::AnyLine => String::from("(.*?)"),
            ParamPattern::LineUpTo(n) => format!("(.){{0,{n}}}"),
        }
    }

    /// Why the whole of `s` does not match, or `None` when it does.
    pub(crate) fn mismatch(self, s: &str) -> Option<String> {
        if let Some(c) = s.chars().find(|c| is_line_terminator(*c)) {
            return Some(format!(
                "`{}` is a line terminator, which `.` does not match",
                c.escape_unicode()
            ));
        }
        match self {
            ParamPattern::AnyLine => None,
            ParamPattern::LineUpTo(n) => {
                let len = s.chars().count();
                (len > n).then(|| format!("it is {len} characters long, more than {n}"))
            }
        }
    }
}

/// Java's line terminators (what `.` does not match without DOTALL).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// One parameter of one template, in the versions listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) template: &'static str,
    pub(crate) versions: Vec<&'static str>,
    pub(crate) parameter: &'static str,
    pub(crate) required: bool,
    pub(crate) pattern: Option<ParamPattern>,
    pub(crate) source: &'static str,
}

static ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| parse(TSV).unwrap_or_default());

/// Parses the file; the error names the line.
fn parse(text: &'static str) -> Result<Vec<Row>, String> {
    let mut rows: Vec<Row> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |e: String| format!("managed_templates.tsv:{}: {e}", i + 1);
        let row = row(line).map_err(at)?;
        let twice = rows.iter().any(|r| {
            r.template == row.template
                && r.parameter == row.parameter
                && r.versions.iter().any(|v| row.versions.contains(v))
        });
        if twice {
            return Err(at(format!(
                "`{}` of `{}` is given twice for one version",
                row.parameter, row.template
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// One line.
fn row(line: &'static str) -> Result<Row, String> {
    let [template, versions, parameter, required, pattern, source] =
        crate::rules::tables::columns(line, &COLUMNS)?;
    let name_ok = template.strip_prefix("AWS-").is_some_and(|rest| {
        !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !name_ok {
        return Err(format!(
            "`{template}` is not a managed template name (AWS-…)"
        ));
    }
    let versions: Vec<&'static str> = versions.split(", ").collect();
    for v in &versions {
        if version_key(v).is_none() {
            return Err(format!("`{v}` is not a version (<digits>.<digits>)"));
        }
    }
    if parameter.is_empty()
        || !parameter
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return Err(format!(
            "`{parameter}` is not a parameter key ([a-zA-Z0-9_-]+)"
        ));
    }
    let required = match required {
        "required" => true,
        "optional" => false,
        other => return Err(format!("`{other}` is neither `required` nor `optional`")),
    };
    let pattern = match pattern {
        "-" => None,
        p => Some(ParamPattern::parse(p).ok_or_else(|| {
            format!("`{p}` is not a regex form this crate translates ((.*?) or (.){{0,N}})")
        })?),
    };
    if !source.starts_with("https://") {
        return Err(format!("`{source}` is not an https:// page"));
    }
    Ok(Row {
        template,
        versions,
        parameter,
        required,
        pattern,
        source,
    })
}

/// `1.0` as `(1, 0)`, for ordering versions; `None` if not `<digits>.<digits>`.
fn version_key(v: &str) -> Option<(u64, u64)> {
    let (major, minor) = v.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || !digits(minor) {
        return None;
    }
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// The template `name` at `version` (its latest version in the data when
/// none is given): the version and its parameters, or `None` when the data
/// does not cover it.
pub(crate) fn template(
    name: &str,
    version: Option<&str>,
) -> Option<(&'static str, Vec<&'static Row>)> {
    let rows = || ROWS.iter().filter(move |r| r.template == name);
    let version: &'static str = match version {
        Some(v) => rows()
            .flat_map(|r| r.versions.iter().copied())
            .find(|x| *x == v)?,
        None => rows()
            .flat_map(|r| r.versions.iter().copied())
            .max_by_key(|v| version_key(v))?,
    };
    Some((
        version,
        rows().filter(|r| r.versions.contains(&version)).collect(),
    ))
}

/// Every template and version the data covers, as `Name:version`, sorted.
pub(crate) fn covered() -> Vec<String> {
    // Sorted and without duplicates as they come, by a binary search: no
    // copy of the standard sorts for this one list in the .wasm (#12).
    let mut all: Vec<String> = Vec::new();
    for r in ROWS.iter() {
        for v in &r.versions {
            let one = format!("{}:{v}", r.template);
            if let Err(at) = all.binary_search(&one) {
                all.insert(at, one);
            }
        }
    }
    all
}

/// `jobtemplate/<Name>[:<version>]` of a managed template ARN's resource.
fn name_and_version(resource: &str) -> Option<(&str, Option<&str>)> {
    let rest = resource.strip_prefix("jobtemplate/")?;
    Some(match rest.split_once(':') {
        Some((name, version)) => (name, Some(version)),
        None => (rest, None),
    })
}

/// What a template takes, for help lines: `downloadUrl, filePath (required); runAsUser, pathToHandler (optional)`.
fn takes(rows: &[&Row]) -> String {
    let names = |required: bool| -> Vec<&str> {
        rows.iter()
            .filter(|r| r.required == required)
            .map(|r| r.parameter)
            .collect()
    };
    let (req, opt) = (names(true), names(false));
    match (req.is_empty(), opt.is_empty()) {
        (true, true) => String::from("no parameters"),
        (true, false) => format!("{} (optional)", opt.join(", ")),
        (false, true) => format!("{} (required)", req.join(", ")),
        (false, false) => format!(
            "{} (required); {} (optional)",
            req.join(", "),
            opt.join(", ")
        ),
    }
}

/// A value for a message: [`excerpt`], with line terminators escaped too.
fn shown_value(value: &str) -> String {
    let mut out = String::new();
    for c in excerpt(value).chars() {
        if is_line_terminator(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `value` meets the model's `ParameterValue` (`[^\p{C}]+`, at
/// most 512 or 30720 characters by API version): a value that does not is
/// reported by the model, not again by the template's regex.
fn model_accepts(w: &Walker<'_>, value: &str) -> bool {
    let max = match w.api() {
        ApiVersion::V2022_01 => super::document::PARAMETER_VALUE_MAX_2022,
        ApiVersion::Latest => super::document::PARAMETER_VALUE_MAX_LATEST,
    };
    Pattern::NoControl.matches(value)
        && u64::try_from(value.chars().count()).is_ok_and(|n| n <= max)
}

/// CreateJob with a managed `jobTemplateArn` (`arn`, whose resource is
/// `jobtemplate/<Name>[:<version>]`): `documentParameters` hold every
/// required parameter of the template, no other key, and values that match
/// the documented regexes (V-28). A template or version the data does not
/// cover is a warning that says which are.
pub(crate) fn check<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>], arn: &str) {
    let Some([.., resource]) = arn_parts(arn) else {
        return;
    };
    let Some((name, version)) = name_and_version(resource) else {
        return;
    };
    let params = get_obj(root, "documentParameters");
    if params.is_none() && super::has(root, "documentParameters") {
        return; // not an object: a type error already
    }
    let Some((version, rows)) = template(name, version) else {
        w.emit(&rules::MANAGED_TEMPLATE_NOT_COVERED, Some(Seg::Key("jobTemplateArn")), |_| {
            let shown = match version {
                Some(v) => format!("{}:{}", excerpt(name), excerpt(v)),
                None => excerpt(name),
            };
            let mut help = format!(
                "covered (AWS documentation retrieved {RETRIEVED}): {}",
                covered().join(", ")
            );
            if let Some(c) = closest(name, ROWS.iter().map(|r| r.template)).filter(|c| *c != name) {
                help = format!("did you mean `{c}`? {help}");
            }
            Details::new(format!(
                "`{shown}` is not among the managed templates whose parameters this version knows, so `documentParameters` are not checked against it"
            ))
            .help(help)
        });
        return;
    };
    let shown = format!("{name}:{version}");
    for row in rows.iter().filter(|r| r.required) {
        let given = params.is_some_and(|p| p.iter().any(|e| e.key == row.parameter));
        if !given {
            w.emit(
                &rules::MANAGED_PARAMETER_REQUIRED,
                Some(Seg::Key("documentParameters")),
                |_| {
                    Details::new(format!(
                        "`{shown}` needs the parameter `{}` in `documentParameters`",
                        row.parameter
                    ))
                    .plain(format!(
                        "Missing required document parameter {} of managed template {shown}",
                        row.parameter
                    ))
                    .help(format!("`{shown}` takes {}", takes(&rows)))
                },
            );
        }
    }
    let Some(entries) = params else {
        return;
    };
    w.at(Seg::Key("documentParameters"), |w| {
        for e in entries {
            let Some(row) = rows.iter().find(|r| r.parameter == e.key) else {
                w.emit_at_key(&rules::MANAGED_PARAMETER_UNKNOWN, e, |_| {
                    let help = match closest(e.key, rows.iter().map(|r| r.parameter)) {
                        Some(c) => format!("did you mean `{c}`? `{shown}` takes {}", takes(&rows)),
                        None => format!("`{shown}` takes {}", takes(&rows)),
                    };
                    Details::new(format!(
                        "`{}` is not a parameter of `{shown}`",
                        excerpt(e.key)
                    ))
                    .plain(format!(
                        "Unknown document parameter {} for managed template {shown}",
                        excerpt(e.key)
                    ))
                    .help(help)
                });
                continue;
            };
            let (Some(pattern), Value::String(value)) = (row.pattern, &e.value.value) else {
                continue;
            };
            if !model_accepts(w, value) {
                continue; // the model's ParameterValue violation says it already
            }
            if let Some(why) = pattern.mismatch(value) {
                w.at_node(Seg::Key(e.key), Some(&e.value), |w| {
                    w.emit(&rules::MANAGED_PARAMETER_PATTERN, None, |_| {
                        Details::new(format!(
                            "`{}` does not match `{shown}`'s regex `{}` for `{}`: {why}",
                            shown_value(value),
                            pattern.source(),
                            row.parameter
                        ))
                        .plain(format!(
                            "Document parameter {} of managed template {shown} must match {}",
                            row.parameter,
                            pattern.source()
                        ))
                    });
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_loads_and_covers_the_documented_templates() {
        let rows = parse(TSV);
        assert_eq!(rows.as_ref().err(), None);
        assert_eq!(rows.as_deref(), Ok(&ROWS[..]));
        assert_eq!(
            covered(),
            [
                "AWS-Download-File:1.0",
                "AWS-Install-Application:1.0",
                "AWS-Reboot:1.0",
                "AWS-Remove-Application:1.0",
                "AWS-Restart-Application:1.0",
                "AWS-Start-Application:1.0",
                "AWS-Stop-Application:1.0",
            ]
        );
        let (v, rows) = template("AWS-Download-File", Some("1.0")).unwrap();
        assert_eq!(v, "1.0");
        let names: Vec<(&str, bool)> = rows.iter().map(|r| (r.parameter, r.required)).collect();
        assert_eq!(
            names,
            [
                ("downloadUrl", true),
                ("filePath", true),
                ("runAsUser", false),
                ("pathToHandler", false)
            ]
        );
        assert_eq!(rows[0].pattern, Some(ParamPattern::AnyLine));
        assert_eq!(rows[2].pattern, Some(ParamPattern::LineUpTo(256)));
        assert_eq!(rows[3].pattern, Some(ParamPattern::LineUpTo(4096)));
        // Without a version: the latest the data has.
        assert_eq!(template("AWS-Reboot", None).map(|t| t.0), Some("1.0"));
        assert!(template("AWS-Reboot", Some("2.0")).is_none());
        assert!(template("AWS-Run-Command", Some("1.0")).is_none());
        for row in ROWS.iter() {
            assert!(row.source.contains("docs.aws.amazon.com/iot/"), "{row:?}");
        }
    }

    #[test]
    fn documented_regexes_are_translated_exactly() {
        assert_eq!(ParamPattern::parse("(.*?)"), Some(ParamPattern::AnyLine));
        assert_eq!(
            ParamPattern::parse("(.){0,256}"),
            Some(ParamPattern::LineUpTo(256))
        );
        for unknown in ["(.*)", "(.){1,256}", "(.){0,}", "(.){0,x}", "[a-z]+", ""] {
            assert_eq!(ParamPattern::parse(unknown), None, "{unknown}");
        }
        let any = ParamPattern::AnyLine;
        assert_eq!(any.mismatch(""), None);
        assert_eq!(any.mismatch("https://example.com/a b ✓"), None);
        for terminator in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            assert!(
                any.mismatch(&format!("a{terminator}b")).is_some(),
                "{terminator:?}"
            );
        }
        let up = ParamPattern::LineUpTo(3);
        assert_eq!(up.mismatch("ééé"), None); // code points, not bytes
        assert_eq!(up.mismatch("😀😀😀"), None); // one `.` each
        assert_eq!(
            up.mismatch("abcd").as_deref(),
            Some("it is 4 characters long, more than 3")
        );
        assert_eq!(up.source(), "(.){0,3}");
        assert_eq!(any.source(), "(.*?)");
    }

    #[test]
    fn a_bad_line_is_an_error_naming_the_line() {
        for (text, want) in [
            ("# c\n\nAWS-X\t1.0\tk\trequired\t-\n", "managed_templates.tsv:3: expected 6 columns separated by tabs (template, versions, parameter, required, pattern, source), found 5"),
            ("X\t1.0\tk\trequired\t-\thttps://a\n", "managed_templates.tsv:1: `X` is not a managed template name (AWS-…)"),
            ("AWS-X\tv1\tk\trequired\t-\thttps://a\n", "managed_templates.tsv:1: `v1` is not a version (<digits>.<digits>)"),
            ("AWS-X\t1.0\tk k\trequired\t-\thttps://a\n", "managed_templates.tsv:1: `k k` is not a parameter key ([a-zA-Z0-9_-]+)"),
            ("AWS-X\t1.0\tk\tmaybe\t-\thttps://a\n", "managed_templates.tsv:1: `maybe` is neither `required` nor `optional`"),
            ("AWS-X\t1.0\tk\trequired\t.*\thttps://a\n", "managed_templates.tsv:1: `.*` is not a regex form this crate translates ((.*?) or (.){0,N})"),
            ("AWS-X\t1.0\tk\trequired\t-\thttp://a\n", "managed_templates.tsv:1: `http://a` is not an https:// page"),
            ("AWS-X\t1.0\tk\trequired\t \thttps://a\n", "managed_templates.tsv:1: the pattern column is empty or has spaces around it"),
            ("AWS-X\t1.0, 2.0\tk\trequired\t-\thttps://a\nAWS-X\t2.0\tk\toptional\t-\thttps://a\n", "managed_templates.tsv:2: `k` of `AWS-X` is given twice for one version"),
        ] {
            assert_eq!(parse(text).err().as_deref(), Some(want), "{text:?}");
        }
        let ok = parse("AWS-X\t1.0, 2.0\tk\trequired\t-\thttps://a\nAWS-X\t2.0\tj\toptional\t(.*?)\thttps://b\n");
        let Ok(ok) = ok else { panic!("{ok:?}") };
        assert_eq!(ok[0].versions, ["1.0", "2.0"]);
        assert_eq!(ok[1].pattern, Some(ParamPattern::AnyLine));
    }

    #[test]
    fn template_arn_resources_split_into_name_and_version() {
        assert_eq!(
            name_and_version("jobtemplate/AWS-Reboot:1.0"),
            Some(("AWS-Reboot", Some("1.0")))
        );
        assert_eq!(
            name_and_version("jobtemplate/AWS-Reboot"),
            Some(("AWS-Reboot", None))
        );
        assert_eq!(name_and_version("job/AWS-Reboot"), None);
    }
}
