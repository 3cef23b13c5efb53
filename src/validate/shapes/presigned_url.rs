//! `PresignedUrlConfig`: how S3 placeholders in a job document are signed.

use super::has;
use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Kind, Member, Shape, Walker, Width};

/// `PresignedUrlConfig.roleArn` (RoleArn): 20..=2048 characters.
pub(crate) const ROLE_ARN_MIN: u64 = 20;
/// `PresignedUrlConfig.roleArn` (RoleArn): 20..=2048 characters.
pub(crate) const ROLE_ARN_MAX: u64 = 2048;
/// `PresignedUrlConfig.expiresInSec` (ExpiresInSec): 60..=3600 seconds.
pub(crate) const EXPIRES_MIN: i64 = 60;
/// `PresignedUrlConfig.expiresInSec` (ExpiresInSec): 60..=3600 seconds; 3600 when omitted (V-20).
pub(crate) const EXPIRES_MAX: i64 = 3600;

static ROLE_ARN: Shape = Shape {
    name: "RoleArn",
    kind: Kind::Str {
        min: Some(ROLE_ARN_MIN),
        max: Some(ROLE_ARN_MAX),
        pattern: None,
        values: None,
    },
};
static EXPIRES: Shape = Shape {
    name: "ExpiresInSec",
    kind: Kind::Int {
        width: Width::I64,
        min: Some(EXPIRES_MIN),
        max: Some(EXPIRES_MAX),
    },
};
/// `PresignedUrlConfig`.
pub(crate) static PRESIGNED_URL_CONFIG: Shape = Shape {
    name: "PresignedUrlConfig",
    kind: Kind::Struct {
        members: &[
            Member::opt("roleArn", &ROLE_ARN),
            Member::opt("expiresInSec", &EXPIRES),
        ],
        check: Some(check),
    },
};

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
