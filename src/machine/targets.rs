//! Targets: the thing names a CreateJob request's `targets` resolve to.

use super::names::check_thing_name;
use super::{err, ErrorCode, MachineError};
use std::collections::{BTreeMap, BTreeSet};

/// The string entries of a CreateJob request's `targets` (others are left to
/// the validator, which refuses them before a job is created).
pub fn request_targets(request: &serde_json::Value) -> Vec<String> {
    request
        .get("targets")
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Resolves `targets` to thing names, in target order without duplicates.
///
/// A thing ARN (`arn:aws:iot:<region>:<account>:thing/<name>`) resolves to
/// its name (the last path segment); a thing-group ARN (`...:thinggroup/<name>`)
/// to the members listed in `groups`, looked up by ARN first, then by group
/// name.
///
/// # Errors
/// `ResourceNotFoundException` for a group absent from `groups`;
/// `InvalidRequestException` for a target that is neither kind or a member
/// that is not a valid thing name.
pub fn resolve_things(
    targets: &[String],
    groups: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<String>, MachineError> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in targets {
        let members: Vec<&str> = if let Some((_, name)) = t.rsplit_once(":thing/") {
            vec![name]
        } else if let Some((_, group)) = t.rsplit_once(":thinggroup/") {
            let list = groups.get(t).or_else(|| groups.get(group)).ok_or_else(|| {
                err(
                    ErrorCode::ResourceNotFound,
                    "V-7",
                    format!("the thing group `{group}` has no membership list"),
                )
            })?;
            list.iter().map(String::as_str).collect()
        } else {
            return Err(err(
                ErrorCode::InvalidRequest,
                "V-7",
                format!("the target `{t}` is neither a thing ARN nor a thing-group ARN"),
            ));
        };
        for m in members {
            check_thing_name(m, "V-7")?;
            if seen.insert(m) {
                out.push(m.to_owned());
            }
        }
    }
    Ok(out)
}
