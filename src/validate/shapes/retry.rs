//! `JobExecutionsRetryConfig`: how often a failed or timed-out execution is retried.

use super::{get_arr, get_i32, get_str, has, Firsts};
use crate::rules;
use crate::validate::api::Operation;
use crate::validate::json::{Entry, Value};
use crate::validate::model::{Details, Member, Seg, Shape, Walker};

/// `RetryCriteria.numberOfRetries` (NumberOfRetries): 0..=10.
pub(crate) const NUMBER_OF_RETRIES_MIN: i64 = 0;
/// `RetryCriteria.numberOfRetries` (NumberOfRetries): 0..=10.
pub(crate) const NUMBER_OF_RETRIES_MAX: i64 = 10;
/// `JobExecutionsRetryConfig.criteriaList` (RetryCriteriaList): 1..=2 entries.
pub(crate) const CRITERIA_MIN: u64 = 1;
/// `JobExecutionsRetryConfig.criteriaList` (RetryCriteriaList): 1..=2 entries.
pub(crate) const CRITERIA_MAX: u64 = 2;
/// Documented: at most 10 retries per device across all failure types (V-18).
pub(crate) const TOTAL_RETRIES_MAX: i64 = 10;

static FAILURE_TYPE: Shape =
    Shape::enumeration("RetryableFailureType", &["FAILED", "TIMED_OUT", "ALL"]);
static NUMBER_OF_RETRIES: Shape = Shape::int(
    "NumberOfRetries",
    Some(NUMBER_OF_RETRIES_MIN),
    Some(NUMBER_OF_RETRIES_MAX),
);
static CRITERIA: Shape = Shape::structure(
    "RetryCriteria",
    &[
        Member::req("failureType", &FAILURE_TYPE),
        Member::req("numberOfRetries", &NUMBER_OF_RETRIES),
    ],
    Some(check_criterion),
);
static CRITERIA_LIST: Shape = Shape::list(
    "RetryCriteriaList",
    &CRITERIA,
    Some(CRITERIA_MIN),
    Some(CRITERIA_MAX),
);
/// `JobExecutionsRetryConfig`.
pub(crate) static RETRY_CONFIG: Shape = Shape::structure(
    "JobExecutionsRetryConfig",
    &[Member::req("criteriaList", &CRITERIA_LIST)],
    Some(check_config),
);

fn check_criterion<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    if w.op != Operation::UpdateJob {
        return;
    }
    if let Some(n) = get_i32(e, "numberOfRetries").filter(|n| *n > 0) {
        w.emit(&rules::UPDATE_RETRY_ZERO, Some(Seg::Key("numberOfRetries")), |_| {
            Details::new(format!("`{n}` retries cannot be set by UpdateJob; after creation retries can only be set to 0"))
                .plain(String::from("Job execution retries can only be updated to 0"))
                .help(String::from("set `numberOfRetries` to 0 to stop retries, or create a new job"))
        });
    }
}

fn check_config<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let Some(list) = get_arr(e, "criteriaList") else {
        return;
    };
    let criteria: Vec<(usize, &str, Option<i64>)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match &n.value {
            Value::Object(c) => {
                get_str(c, "failureType").map(|ft| (i, ft, get_i32(c, "numberOfRetries")))
            }
            _ => None,
        })
        .collect();
    let total: i64 = criteria.iter().filter_map(|c| c.2).sum();
    if total > TOTAL_RETRIES_MAX {
        w.emit(&rules::RETRY_TOTAL, Some(Seg::Key("criteriaList")), |_| {
            Details::new(format!("asks for {total} retries in total; a device gets at most {TOTAL_RETRIES_MAX} across all failure types"))
                .plain(format!("The total number of retries for a job execution cannot exceed {TOTAL_RETRIES_MAX}"))
        });
    }
    // One criterion per failure type, and ALL (one shared budget) alone. The
    // service's behaviour for overlaps is unconfirmed; overlapping budgets have
    // no meaning we could model, so we refuse them.
    let mut firsts = Firsts::new();
    w.at(Seg::Key("criteriaList"), |w| {
        for (k, (i, ft, _)) in criteria.iter().enumerate() {
            // The first earlier criterion of the same type or of `ALL`; any
            // earlier one when this one is `ALL`.
            let earlier = if *ft == "ALL" {
                (k > 0).then_some(0)
            } else {
                [firsts.get(ft), firsts.get("ALL")].into_iter().flatten().min()
            };
            firsts.first(ft, k);
            if let Some((j, p, _)) = earlier.and_then(|e| criteria.get(e)) {
                w.at_node(Seg::Index(*i), list.get(*i), |w| {
                    w.emit(&rules::RETRY_DUPLICATES, Some(Seg::Key("failureType")), |_| {
                        let message = if p == ft {
                            format!("failure type `{ft}` is already given at index {j}")
                        } else {
                            format!("`{ft}` overlaps `{p}` at index {j}: `ALL` cannot be combined with another failure type")
                        };
                        Details::new(message).plain(String::from("Duplicate or overlapping failure types in retry criteria"))
                    });
                });
            }
        }
    });
    // TIMED_OUT retries without an in-progress timeout only ever see step
    // timeouts. Only an explicit TIMED_OUT criterion draws the warning: `ALL`
    // retries failures too, so it has an effect without a timeout.
    let needs_timeout = criteria
        .iter()
        .any(|(_, ft, n)| *ft == "TIMED_OUT" && n.unwrap_or(0) > 0);
    let root_has_timeout = match &w.root.value {
        Value::Object(r) => has(r, "timeoutConfig"),
        _ => true,
    };
    if needs_timeout && !root_has_timeout && w.op != Operation::UpdateJob {
        let template = w.op == Operation::CreateJobTemplate;
        w.emit(&rules::RETRY_TIMED_OUT_WITHOUT_TIMEOUT, Some(Seg::Key("criteriaList")), |_| {
            if template {
                Details::new(String::from("retries on `TIMED_OUT` but the template has no `timeoutConfig`; jobs created from it that set none will only retry on step timeouts"))
                    .help(String::from("add `timeoutConfig.inProgressTimeoutInMinutes` here, or set `timeoutConfig` on each CreateJob that uses this template (a job created from a template can still set it)"))
            } else {
                Details::new(String::from("retries on `TIMED_OUT` but the job has no `timeoutConfig`; only step timeouts will trigger them"))
                    .help(String::from("add `timeoutConfig.inProgressTimeoutInMinutes`"))
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{validate_str, Operation, Options};

    fn warnings(op: Operation, request: &str) -> Vec<(String, String, Option<String>)> {
        let report = validate_str(op, request, &Options::default());
        assert!(report.is_valid(), "{report}");
        report
            .violations()
            .iter()
            .map(|v| {
                (
                    v.rule().to_owned(),
                    v.message().to_owned(),
                    v.help().map(str::to_owned),
                )
            })
            .collect()
    }

    const JOB: &str = r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FT","numberOfRetries":3}]}}"#;
    const TEMPLATE: &str = r#"{"jobTemplateId":"t-1","description":"d","document":"{}","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FT","numberOfRetries":3}]}}"#;

    #[test]
    fn only_an_explicit_timed_out_criterion_is_warned_about() {
        for (op, text) in [
            (Operation::CreateJob, JOB),
            (Operation::CreateJobTemplate, TEMPLATE),
        ] {
            assert_eq!(
                warnings(op, &text.replace("FT", "ALL")),
                vec![],
                "{op:?} ALL"
            );
            assert_eq!(
                warnings(op, &text.replace("FT", "FAILED")),
                vec![],
                "{op:?} FAILED"
            );
            let w = warnings(op, &text.replace("FT", "TIMED_OUT"));
            assert_eq!(w.len(), 1, "{op:?} TIMED_OUT");
            assert_eq!(w[0].0, "retry-timeout-without-timeoutConfig");
        }
    }

    #[test]
    fn on_a_template_the_warning_says_jobs_can_still_set_timeout_config() {
        let w = warnings(
            Operation::CreateJobTemplate,
            &TEMPLATE.replace("FT", "TIMED_OUT"),
        );
        assert!(w[0].1.contains("template"), "{}", w[0].1);
        let help = w[0].2.clone().unwrap_or_default();
        assert!(
            help.contains("created from a template can still set it"),
            "{help}"
        );
        let w = warnings(Operation::CreateJob, &JOB.replace("FT", "TIMED_OUT"));
        assert!(!w[0].1.contains("template"), "{}", w[0].1);
        assert_eq!(
            w[0].2.as_deref(),
            Some("add `timeoutConfig.inProgressTimeoutInMinutes`")
        );
    }
}
