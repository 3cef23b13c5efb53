//! Where violations go: the [`Sink`] that counts errors and, when asked,
//! collects violations (the first [`MAX_VIOLATIONS`], then one
//! `tooManyViolations` entry), and the [`Details`] a rule gives about one
//! value.

use crate::rules::{self, Rule};
use crate::validate::report::{AwsText, Position, Severity, Violation};
use crate::validate::MAX_VIOLATIONS;

/// Where violations go. In counting mode nothing is built.
pub(crate) struct Sink {
    collect: bool,
    errors: usize,
    /// Every violation, listed or not.
    total: usize,
    violations: Vec<Violation>,
    /// Framework items (see [`AwsText::Item`]) among the errors not listed.
    unlisted_items: usize,
    /// Where the `tooManyViolations` entry points: the request root, when
    /// the request was text.
    pub(crate) root_offset: Option<usize>,
}

impl Sink {
    pub(crate) fn new(collect: bool) -> Sink {
        Sink {
            collect,
            errors: 0,
            total: 0,
            violations: Vec::new(),
            unlisted_items: 0,
            root_offset: None,
        }
    }

    /// The errors of the report: every error counted, and the
    /// `tooManyViolations` entry when there is one, so that counting mode
    /// and the built report agree on validity.
    pub(crate) fn errors(&self) -> usize {
        self.errors + usize::from(self.total > MAX_VIOLATIONS)
    }

    /// The violations in the order they came, the first [`MAX_VIOLATIONS`]
    /// of them, then, if there were more, one `tooManyViolations` entry with
    /// the total.
    pub(crate) fn into_violations(mut self) -> Vec<Violation> {
        if self.total > MAX_VIOLATIONS {
            let more = self.total - MAX_VIOLATIONS;
            let (noun, verb) = if more == 1 {
                ("violation", "is")
            } else {
                ("violations", "are")
            };
            let rule = &rules::TOO_MANY_VIOLATIONS;
            self.violations.push(Violation {
                code: rule.code,
                path: String::new(),
                message: format!(
                    "the first {MAX_VIOLATIONS} violations are listed, and {more} more {noun} {verb} not ({} in all)",
                    self.total
                ),
                severity: rule.severity,
                source: rule.source,
                rule: rule.id,
                help: None,
                position: self.root_offset.map(|offset| Position {
                    offset,
                    line: 0,
                    column: 0,
                }),
                aws: AwsText::Unlisted(self.unlisted_items),
            });
        }
        self.violations
    }

    /// Counts a violation of `rule`; whether the violation is to be built
    /// (false in counting mode).
    pub(super) fn count(&mut self, rule: &Rule) -> bool {
        if rule.severity == Severity::Error {
            self.errors += 1;
        }
        self.total += 1;
        self.collect
    }

    /// Whether the next violation is listed (the report holds fewer than
    /// [`MAX_VIOLATIONS`]); when it is not, only its framework item is
    /// counted ([`Sink::drop_one`]), so it costs no path and no position.
    pub(super) fn room(&self) -> bool {
        self.violations.len() < MAX_VIOLATIONS
    }

    /// Counts a violation that is not listed: the report's `awsMessage`
    /// still counts it among the framework errors.
    pub(super) fn drop_one(&mut self, rule: &Rule, d: &Details) {
        if rule.severity == Severity::Error && matches!(d.aws, AwsText::Item(_)) {
            self.unlisted_items += 1;
        }
    }

    /// Adds the violation of `rule` at `path`, at the byte `offset` of the
    /// request text if known. Call only after [`Sink::count`] and
    /// [`Sink::room`] said yes.
    pub(super) fn push(
        &mut self,
        rule: &'static Rule,
        path: String,
        d: Details,
        offset: Option<usize>,
    ) {
        // Room for a typical report at once, instead of growing 4, 8, 16.
        if self.violations.capacity() == 0 {
            self.violations.reserve(16);
        }
        self.violations.push(Violation {
            code: rule.code,
            path,
            message: d.message,
            severity: rule.severity,
            source: rule.source,
            rule: rule.id,
            help: d.help,
            position: offset.map(|offset| Position {
                offset,
                line: 0,
                column: 0,
            }),
            aws: d.aws,
        });
    }

    /// Records a violation at the request root (input hygiene).
    pub(crate) fn push_root(
        &mut self,
        rule: &'static Rule,
        message: String,
        aws: AwsText,
        offset: Option<usize>,
    ) {
        if self.count(rule) {
            let d = Details {
                message,
                help: None,
                aws,
            };
            if self.room() {
                self.push(rule, String::new(), d, offset);
            } else {
                self.drop_one(rule, &d);
            }
        }
    }
}

/// What a rule says about one value: message, help and AWS text.
pub(crate) struct Details {
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    pub(crate) aws: AwsText,
}

impl Details {
    pub(crate) fn new(message: String) -> Details {
        Details {
            message,
            help: None,
            aws: AwsText::None,
        }
    }
    pub(crate) fn help(mut self, help: String) -> Details {
        self.help = Some(help);
        self
    }
    /// A framework item: `Value '<value>' at '<path>' failed to satisfy constraint: <constraint>`.
    pub(crate) fn item(self, value: Option<&str>, aws_path: &str, constraint: &str) -> Details {
        self.item_parts(value, aws_path, &[constraint])
    }
    /// [`Details::item`] with the constraint given in `parts`, joined
    /// straight into the text (one allocation, no formatting).
    pub(crate) fn item_parts(
        mut self,
        value: Option<&str>,
        aws_path: &str,
        parts: &[&str],
    ) -> Details {
        const TAIL: &str = "' failed to satisfy constraint: ";
        let text = match value {
            Some(v) => concat(&[&["Value '", v, "' at '", aws_path, TAIL], parts]),
            None => concat(&[&["Value null at '", aws_path, TAIL], parts]),
        };
        self.aws = AwsText::Item(text);
        self
    }
    /// A plain AWS message, for business rules and type errors.
    pub(crate) fn plain(mut self, text: String) -> Details {
        self.aws = AwsText::Plain(text);
        self
    }
}

/// The strings of `groups`, one after the other, in a string allocated once
/// at its exact length: what `format!` of literals and `{}` of strings
/// writes, without the formatting machinery or the reallocations.
pub(crate) fn concat(groups: &[&[&str]]) -> String {
    let len = groups.iter().flat_map(|g| g.iter()).map(|p| p.len()).sum();
    let mut out = String::with_capacity(len);
    for part in groups.iter().flat_map(|g| g.iter()) {
        out.push_str(part);
    }
    out
}
