//! Where violations go: the [`Sink`] that counts errors and, when asked,
//! collects violations, and the [`Details`] a rule gives about one value.

use crate::rules::Rule;
use crate::validate::report::{AwsText, Position, Severity, Violation};

/// Where violations go. In counting mode nothing is built.
pub(crate) struct Sink {
    collect: bool,
    errors: usize,
    violations: Vec<Violation>,
}

impl Sink {
    pub(crate) fn new(collect: bool) -> Sink {
        Sink {
            collect,
            errors: 0,
            violations: Vec::new(),
        }
    }
    pub(crate) fn errors(&self) -> usize {
        self.errors
    }
    pub(crate) fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// Counts a violation of `rule` if it is an error; whether the violation
    /// is to be built (false in counting mode).
    pub(super) fn count(&mut self, rule: &Rule) -> bool {
        if rule.severity == Severity::Error {
            self.errors += 1;
        }
        self.collect
    }

    /// Adds the violation of `rule` at `path`, at the byte `offset` of the
    /// request text if known. Call only after [`Sink::count`] said yes.
    pub(super) fn push(
        &mut self,
        rule: &'static Rule,
        path: String,
        d: Details,
        offset: Option<usize>,
    ) {
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
            self.push(rule, String::new(), d, offset);
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
    pub(crate) fn item(mut self, value: Option<&str>, aws_path: &str, constraint: &str) -> Details {
        self.aws = AwsText::Item(match value {
            Some(v) => {
                format!("Value '{v}' at '{aws_path}' failed to satisfy constraint: {constraint}")
            }
            None => {
                format!("Value null at '{aws_path}' failed to satisfy constraint: {constraint}")
            }
        });
        self
    }
    /// A plain AWS message, for business rules and type errors.
    pub(crate) fn plain(mut self, text: String) -> Details {
        self.aws = AwsText::Plain(text);
        self
    }
}
