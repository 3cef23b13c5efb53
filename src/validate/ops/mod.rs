//! One module per operation: its input shape and its request-level rules.

pub(crate) mod create_job;
pub(crate) mod create_job_template;
pub(crate) mod describe_job;
pub(crate) mod describe_job_template;
pub(crate) mod list_job_executions_for_job;
pub(crate) mod list_job_executions_for_thing;
mod members;
pub(crate) mod update_job;

use crate::validate::api::Operation;
use crate::validate::model::Shape;

/// The input shape of an operation.
pub(crate) fn input(op: Operation) -> &'static Shape {
    match op {
        Operation::CreateJob => &create_job::INPUT,
        Operation::CreateJobTemplate => &create_job_template::INPUT,
        Operation::DescribeJob => &describe_job::INPUT,
        Operation::DescribeJobTemplate => &describe_job_template::INPUT,
        Operation::ListJobExecutionsForJob => &list_job_executions_for_job::INPUT,
        Operation::ListJobExecutionsForThing => &list_job_executions_for_thing::INPUT,
        Operation::UpdateJob => &update_job::INPUT,
    }
}
