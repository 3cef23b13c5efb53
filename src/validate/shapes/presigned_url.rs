//! `PresignedUrlConfig`: how S3 placeholders in a job document are signed.

use super::has;
use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Member, Shape, Walker};

/// `PresignedUrlConfig.roleArn` (RoleArn): 20..=2048 characters.
pub(crate) const ROLE_ARN_MIN: u64 = 20;
/// `PresignedUrlConfig.roleArn` (RoleArn): 20..=2048 characters.
pub(crate) const ROLE_ARN_MAX: u64 = 2048;
/// `PresignedUrlConfig.expiresInSec` (ExpiresInSec): 60..=3600 seconds.
pub(crate) const EXPIRES_MIN: i64 = 60;
/// `PresignedUrlConfig.expiresInSec` (ExpiresInSec): 60..=3600 seconds; 3600 when omitted (V-20).
pub(crate) const EXPIRES_MAX: i64 = 3600;

static ROLE_ARN: Shape = Shape::string("RoleArn", Some(ROLE_ARN_MIN), Some(ROLE_ARN_MAX));
static EXPIRES: Shape = Shape::long("ExpiresInSec", Some(EXPIRES_MIN), Some(EXPIRES_MAX));
/// `PresignedUrlConfig`.
pub(crate) static PRESIGNED_URL_CONFIG: Shape = Shape::structure(
    "PresignedUrlConfig",
    &[
        Member::opt("roleArn", &ROLE_ARN),
        Member::opt("expiresInSec", &EXPIRES),
    ],
    Some(check),
);

fn check<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    if !has(e, "roleArn") {
        w.emit(&rules::PRESIGNED_ROLE_MISSING, None, |_| {
            Details::new(String::from("has no `roleArn`, so no URL can be signed"))
                .help(String::from(
                "name an IAM role that iot.amazonaws.com may assume and that allows s3:GetObject",
            ))
        });
    }
}
