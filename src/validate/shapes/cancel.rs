//! CancelJob's `reasonCode` and `comment`. The validator does not read
//! CancelJob; the machine checks these two members of its event against the
//! limits named here.

/// `ReasonCode`: at most 128 characters of `[\p{Upper}\p{Digit}_]+`
/// (`Pattern::ReasonCode`).
pub(crate) const REASON_CODE_MAX: usize = 128;
/// `Comment`: at most 2028 characters of `[^\p{C}]+` (`Pattern::NoControl`).
pub(crate) const COMMENT_MAX: usize = 2028;
