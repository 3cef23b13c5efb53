//! One thing's execution as the machine stores it: the internal status
//! (the eight AWS ones plus "not notified yet") and a compact record.

use super::{deadline_after, ExecutionStatus, NO_DEADLINE, NO_TIME};
use crate::validate::time::MINUTE_MS;

/// Flag: a forced cancel ended this execution (`forceCanceled`).
pub(crate) const FORCE_CANCELED: u8 = 1;
/// Flag: the thing left the group of a CONTINUOUS job while IN_PROGRESS
/// its remaining retries are canceled).
pub(crate) const LEFT: u8 = 2;
/// Flag: a REMOVED execution's thing re-joined a CONTINUOUS job while the
/// job was paused between maintenance windows (J4): the execution stays
/// REMOVED (terminal) and a new one is queued at the next window start (E15).
pub(crate) const REJOINED: u8 = 4;
/// Every flag a stored execution may carry.
pub(crate) const ALL_FLAGS: u8 = FORCE_CANCELED | LEFT | REJOINED;
/// Internal flag (never in a snapshot): the execution has a timer. Its
/// deadline is the in-progress deadline of its attempt ([`Exec::ip_deadline`])
/// unless [`STEP`] is set too.
pub(crate) const TIMER: u8 = 8;
/// Internal flag (never in a snapshot), with [`TIMER`]: the deadline is
/// another time (a step timer, R-12), kept by the timer table
/// (`timers::Timers`), which the few executions with one share.
pub(crate) const STEP: u8 = 16;
/// Internal execution status: the eight AWS ones plus "not notified yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum St {
    /// In the target list, not yet reached by the rollout (no execution).
    Pending = 0,
    Queued,
    InProgress,
    Succeeded,
    Failed,
    TimedOut,
    Rejected,
    Removed,
    Canceled,
}

impl St {
    pub(crate) fn public(self) -> Option<ExecutionStatus> {
        Some(match self {
            St::Pending => return None,
            St::Queued => ExecutionStatus::Queued,
            St::InProgress => ExecutionStatus::InProgress,
            St::Succeeded => ExecutionStatus::Succeeded,
            St::Failed => ExecutionStatus::Failed,
            St::TimedOut => ExecutionStatus::TimedOut,
            St::Rejected => ExecutionStatus::Rejected,
            St::Removed => ExecutionStatus::Removed,
            St::Canceled => ExecutionStatus::Canceled,
        })
    }

    pub(crate) fn from_public(s: ExecutionStatus) -> St {
        match s {
            ExecutionStatus::Queued => St::Queued,
            ExecutionStatus::InProgress => St::InProgress,
            ExecutionStatus::Succeeded => St::Succeeded,
            ExecutionStatus::Failed => St::Failed,
            ExecutionStatus::TimedOut => St::TimedOut,
            ExecutionStatus::Rejected => St::Rejected,
            ExecutionStatus::Removed => St::Removed,
            ExecutionStatus::Canceled => St::Canceled,
        }
    }

    pub(crate) fn is_terminal(self) -> bool {
        !matches!(self, St::Pending | St::Queued | St::InProgress)
    }
}

/// One thing's execution. 40 bytes (checked at compile time below).
///
/// When the execution times out (the earlier of its in-progress deadline,
/// R-11, and its step deadline, R-12, never beyond the former) is not
/// stored here: the flags [`TIMER`] and [`STEP`] say whether it is the
/// in-progress deadline, another time the timer table keeps, or none
/// (see `Job::deadline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exec {
    pub(crate) queued_at: i64,
    pub(crate) started_at: i64,
    pub(crate) last_updated_at: i64,
    pub(crate) version: u32,
    /// 0 = no execution yet.
    pub(crate) execution_number: u32,
    /// The in-progress timeout of the current attempt in minutes, fixed when
    /// it started (V-32); 0 = none.
    pub(crate) timeout_minutes: u32,
    pub(crate) status: St,
    pub(crate) failed_retries: u8,
    pub(crate) timed_out_retries: u8,
    /// [`ALL_FLAGS`], and the internal [`TIMER`] and [`STEP`].
    pub(crate) flags: u8,
}

// The per-thing state budget (#12): an execution record stays 40 bytes.
const _: () = assert!(std::mem::size_of::<Exec>() == 40);

impl Exec {
    pub(crate) const PENDING: Exec = Exec {
        queued_at: NO_TIME,
        started_at: NO_TIME,
        last_updated_at: NO_TIME,
        version: 0,
        execution_number: 0,
        timeout_minutes: 0,
        status: St::Pending,
        failed_retries: 0,
        timed_out_retries: 0,
        flags: 0,
    };

    /// The absolute in-progress deadline of the current attempt.
    pub(crate) fn ip_deadline(&self) -> i64 {
        if self.timeout_minutes == 0 || self.started_at == NO_TIME {
            NO_DEADLINE
        } else {
            deadline_after(self.started_at, i64::from(self.timeout_minutes) * MINUTE_MS)
        }
    }

    /// The status an effect reports (a thing not notified yet, reported
    /// only by E11, as QUEUED).
    pub(crate) fn public_status(&self) -> ExecutionStatus {
        self.status.public().unwrap_or(ExecutionStatus::Queued)
    }

    pub(crate) fn retry_attempt(&self) -> u32 {
        u32::from(self.failed_retries) + u32::from(self.timed_out_retries)
    }
}
