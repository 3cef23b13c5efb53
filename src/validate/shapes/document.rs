//! The job document: inline `document`, `documentSource` URL, template
//! `documentParameters`, and the rules that tie them together.

use super::{get_str, has};
use crate::rules;
use crate::validate::json::{self, Entry};
use crate::validate::model::{Apis, Details, Member, Seg, Shape, Walker};
use crate::validate::primitive::{arn_parts, excerpt, Pattern};

/// `JobDocument`: at most 32768 characters (32 KB, V-6).
pub(crate) const DOCUMENT_MAX: u64 = 32_768;
/// `JobDocumentSource`: 1..=1350 characters.
pub(crate) const DOCUMENT_SOURCE_MAX: u64 = 1350;
/// `ParameterKey`: 1..=128 characters.
pub(crate) const PARAMETER_KEY_MAX: u64 = 128;
/// `ParameterValue`: at most 512 characters in the 2022 model.
pub(crate) const PARAMETER_VALUE_MAX_2022: u64 = 512;
/// `ParameterValue`: at most 30720 characters in the latest model.
pub(crate) const PARAMETER_VALUE_MAX_LATEST: u64 = 30_720;
/// Nesting bound for parsing an inline document (the request bound applies as well).
const DOCUMENT_DEPTH: usize = 64;
/// The placeholder that asks IoT to presign an S3 URL (V-29).
const PRESIGNED_PLACEHOLDER: &str = "${aws:iot:s3-presigned-url:";

/// `JobDocument`.
pub(crate) static DOCUMENT: Shape = Shape::string("JobDocument", None, Some(DOCUMENT_MAX));
/// `JobDocumentSource`.
pub(crate) static DOCUMENT_SOURCE: Shape =
    Shape::string("JobDocumentSource", Some(1), Some(DOCUMENT_SOURCE_MAX));
static PARAMETER_KEY: Shape =
    Shape::string("ParameterKey", Some(1), Some(PARAMETER_KEY_MAX)).pattern(Pattern::Id);
static PARAMETER_VALUE_2022: Shape =
    Shape::string("ParameterValue", Some(1), Some(PARAMETER_VALUE_MAX_2022))
        .pattern(Pattern::NoControl);
static PARAMETER_VALUE_LATEST: Shape =
    Shape::string("ParameterValue", Some(1), Some(PARAMETER_VALUE_MAX_LATEST))
        .pattern(Pattern::NoControl);
static PARAMETER_MAP_2022: Shape =
    Shape::map("ParameterMap", &PARAMETER_KEY, &PARAMETER_VALUE_2022);
static PARAMETER_MAP_LATEST: Shape =
    Shape::map("ParameterMap", &PARAMETER_KEY, &PARAMETER_VALUE_LATEST);
/// `documentParameters` in the 2022 model.
pub(crate) const PARAMETERS_2022: Member =
    Member::opt("documentParameters", &PARAMETER_MAP_2022).only(Apis::Only2022);
/// `documentParameters` in the latest model.
pub(crate) const PARAMETERS_LATEST: Member =
    Member::opt("documentParameters", &PARAMETER_MAP_LATEST).only(Apis::OnlyLatest);

/// CreateJob: `document` xor `documentSource`, or neither with `jobTemplateArn` (V-5).
pub(crate) fn check_job_sources<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    let doc = has(root, "document");
    let src = has(root, "documentSource");
    if doc && src {
        w.emit(
            &rules::DOCUMENT_EXCLUSIVE,
            Some(Seg::Key("documentSource")),
            |_| {
                Details::new(String::from(
                    "`document` and `documentSource` are both given; give one of them",
                ))
                .plain(String::from(
                    "Only one of document or documentSource may be specified",
                ))
            },
        );
    } else if !doc && !src && !has(root, "jobTemplateArn") {
        w.emit(&rules::DOCUMENT_SOURCE_REQUIRED, None, |_| {
            Details::new(String::from(
                "needs `document` or `documentSource` (or `jobTemplateArn`)",
            ))
            .plain(String::from(
                "Either document or documentSource must be specified",
            ))
        });
    }
    check_contents(w, root);
    check_parameters(w, root);
}

/// CreateJobTemplate: exactly one of `document`, `documentSource`, `jobArn` (V-25).
pub(crate) fn check_template_sources<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    let given: Vec<&'static str> = ["document", "documentSource", "jobArn"]
        .into_iter()
        .filter(|m| has(root, m))
        .collect();
    match given.as_slice() {
        [] => w.emit(&rules::DOCUMENT_SOURCE_REQUIRED, None, |_| {
            Details::new(String::from(
                "needs one of `document`, `documentSource` or `jobArn`",
            ))
            .plain(String::from(
                "Either document, documentSource or jobArn must be specified",
            ))
        }),
        [_] => {}
        [first, rest @ ..] => {
            for other in rest {
                w.emit(&rules::DOCUMENT_EXCLUSIVE, Some(Seg::Key(other)), |_| {
                    Details::new(format!("`{other}` is given together with `{first}`; a template has exactly one source"))
                        .plain(String::from("Only one of document, documentSource or jobArn may be specified"))
                });
            }
        }
    }
    check_contents(w, root);
}

/// The inline document is JSON; placeholders need a presigned-URL config;
/// `documentSource` is an S3 URL.
fn check_contents<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    if let Some(doc) = get_str(root, "document") {
        if let Err(e) = json::check_syntax(doc, DOCUMENT_DEPTH) {
            w.emit(&rules::DOCUMENT_JSON, Some(Seg::Key("document")), |_| {
                let (line, col) = json::line_col(doc, e.offset);
                Details::new(format!(
                    "the job document is not JSON: {} at line {line}, column {col}",
                    e.kind
                ))
                .plain(String::from("The job document must be valid JSON"))
            });
        }
        if doc.contains(PRESIGNED_PLACEHOLDER) && !has(root, "presignedUrlConfig") {
            w.emit(&rules::PRESIGNED_WITHOUT_CONFIG, Some(Seg::Key("document")), |_| {
                Details::new(String::from("uses `${aws:iot:s3-presigned-url:…}` placeholders but the request has no `presignedUrlConfig`"))
                    .help(String::from("add `presignedUrlConfig` with a `roleArn` that may read the objects"))
            });
        }
    }
    if let Some(src) = get_str(root, "documentSource") {
        if !is_url(src) {
            w.emit(&rules::DOCUMENT_SOURCE_URL, Some(Seg::Key("documentSource")), |_| {
                Details::new(format!("`{}` is not a URL", excerpt(src)))
                    .plain(String::from("The documentSource must be a URL of the job document in Amazon S3"))
                    .help(String::from("use https://<bucket>.s3.<region>.amazonaws.com/<key>; an inline job document goes in `document`"))
            });
        } else if !is_s3_url(src) {
            w.emit(&rules::DOCUMENT_SOURCE_NOT_S3, Some(Seg::Key("documentSource")), |_| {
                Details::new(format!("`{}` is not an S3 object URL", excerpt(src)))
                    .help(String::from("use https://<bucket>.s3.<region>.amazonaws.com/<key> or https://s3.amazonaws.com/<bucket>/<key>"))
            });
        }
    }
}

/// `documentParameters` only with an AWS managed template (V-9), and as
/// that template documents them (V-28, in `managed`).
fn check_parameters<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    let arn = get_str(root, "jobTemplateArn");
    if let Some(arn) = arn.filter(|a| is_managed_template_arn(a)) {
        super::managed::check(w, root, arn);
        return;
    }
    if !has(root, "documentParameters") {
        return;
    }
    w.emit(&rules::DOCUMENT_PARAMETERS_MANAGED, Some(Seg::Key("documentParameters")), |_| {
        let message = match arn {
            None => String::from("`documentParameters` need an AWS managed `jobTemplateArn`"),
            Some(a) => format!("`{}` is not an AWS managed job template, so `documentParameters` cannot be used", excerpt(a)),
        };
        Details::new(message)
            .plain(String::from("documentParameters can only be used when creating jobs from AWS managed templates"))
            .help(String::from("managed templates look like arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0"))
    });
}

/// `arn:<partition>:iot:<region>::jobtemplate/AWS-<name>[:<version>]` (no account).
pub(crate) fn is_managed_template_arn(arn: &str) -> bool {
    let Some(["arn", partition, "iot", region, "", resource]) = arn_parts(arn) else {
        return false;
    };
    !partition.is_empty() && !region.is_empty() && resource.starts_with("jobtemplate/AWS-")
}

/// Whether `src` is a URL at all (V-6, `documentSource-url`), optionally
/// wrapped in the presigned-URL placeholder: a scheme
/// (`[A-Za-z][A-Za-z0-9+.-]*`), `://` and a non-empty authority of the
/// characters RFC 3986 allows there (`[A-Za-z0-9._~%!$&'()*+,;=:@\[\]-]`,
/// up to the first `/`, `?` or `#`); what follows is not judged. Our choice:
/// AWS documents only "an S3 URL", so anything of this form that is not an
/// S3 object URL is a warning (`documentSource-not-s3`), and only text
/// without scheme and host (a bucket path, a file name, a key) an error. The
/// JSON Schema export states the same pattern (`URL_PATTERN`, tested).
pub(crate) fn is_url(src: &str) -> bool {
    let url = src.strip_prefix(PRESIGNED_PLACEHOLDER).unwrap_or(src);
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let mut sb = scheme.bytes();
    let scheme_ok = sb.next().is_some_and(|b| b.is_ascii_alphabetic())
        && sb.all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    scheme_ok
        && !authority.is_empty()
        && authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._~%!$&'()*+,;=:@[]-".contains(&b))
}

/// [`is_url`] as an ECMA-262 / Rust regex: what `documented.json` states for
/// the JSON Schema export (a unit test checks the two are the same text).
#[cfg(test)]
pub(crate) const URL_PATTERN: &str = "^(\\$\\{aws:iot:s3-presigned-url:)?[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~%!$&'()*+,;=:@\\[\\]-]+([/?#]|$)";

/// An S3 object URL, optionally wrapped in the presigned-URL placeholder.
pub(crate) fn is_s3_url(src: &str) -> bool {
    let url = src
        .strip_prefix(PRESIGNED_PLACEHOLDER)
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(src);
    if url.starts_with("s3://") {
        return url.len() > "s3://".len();
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let aws = host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn");
    let s3 = host.starts_with("s3.")
        || host.starts_with("s3-")
        || host.contains(".s3.")
        || host.contains(".s3-");
    aws && s3 && !path.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managed_template_arns() {
        assert!(is_managed_template_arn(
            "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0"
        ));
        assert!(is_managed_template_arn(
            "arn:aws-cn:iot:cn-north-1::jobtemplate/AWS-Download-File:1.0"
        ));
        assert!(!is_managed_template_arn(
            "arn:aws:iot:us-east-1:123456789012:jobtemplate/AWS-Reboot"
        ));
        assert!(!is_managed_template_arn(
            "arn:aws:iot:us-east-1::jobtemplate/my-template"
        ));
        assert!(!is_managed_template_arn("arn:aws:iot"));
    }

    #[test]
    fn urls() {
        for ok in [
            "https://my-bucket.s3.us-east-1.amazonaws.com/jobs/doc.json",
            "s3://bucket/key",
            "http://example.com",
            "ftp://user@host:21/x",
            "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bucket/key}",
        ] {
            assert!(is_url(ok), "{ok}");
        }
        for bad in [
            "my-bucket/jobs/doc.json",
            "doc.json",
            "s3:bucket/key",
            "https://",
            "https:///key",
            "://host/x",
            "1http://host/x",
            "https://my bucket/x",
            "",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
    }

    #[test]
    fn s3_urls() {
        assert!(is_s3_url(
            "https://my-bucket.s3.us-east-1.amazonaws.com/jobs/doc.json"
        ));
        assert!(is_s3_url("https://s3.amazonaws.com/bucket/key"));
        assert!(is_s3_url(
            "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bucket/key}"
        ));
        assert!(is_s3_url("s3://bucket/key"));
        assert!(!is_s3_url("https://example.com/doc.json"));
        assert!(!is_s3_url("http://s3.amazonaws.com/bucket/key"));
        assert!(!is_s3_url("https://s3.amazonaws.com"));
    }
}
