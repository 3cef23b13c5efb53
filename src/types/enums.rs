//! The members the AWS model types as an enum, as Rust enums with an
//! `Unknown(String)` variant (see the module docs of [`crate::types`]).

use serde::{Deserialize, Serialize};

/// Defines a string enum of the AWS model with an `Unknown(String)` variant.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($shape:literal) { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }
        example: $known:ident = $known_text:literal;
    ) => {
        $(#[$meta])*
        ///
        /// Serialises to the AWS string; deserialises from any string
        /// (a value outside the enum becomes `Unknown`, which
        /// [`crate::validate_request`] reports as `enum`). `From<&str>`
        /// and `FromStr` (which never fails) map the AWS strings to their
        /// variants.
        ///
        /// ```
        #[doc = concat!("use iot_jobs_policy::types::", stringify!($name), ";")]
        #[doc = concat!("let v: ", stringify!($name), " = serde_json::from_str(r#\"", stringify!($known_text), "\"#).unwrap();")]
        #[doc = concat!("assert_eq!(v, ", stringify!($name), "::", stringify!($known), ");")]
        #[doc = concat!("assert_eq!(v.as_str(), ", stringify!($known_text), ");")]
        #[doc = concat!("assert_eq!(serde_json::to_string(&v).unwrap(), r#\"", stringify!($known_text), "\"#);")]
        #[doc = concat!("let odd = ", stringify!($name), "::from(\"nope\");")]
        #[doc = concat!("assert_eq!(odd, ", stringify!($name), "::Unknown(\"nope\".into()));")]
        #[doc = "assert_eq!(serde_json::to_string(&odd).unwrap(), r#\"\"nope\"\"#);"]
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive] // AWS may add values (they read as `Unknown` until then)
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("`", $text, "`.")] $variant,)*
            /// A value outside the enum of the AWS model, kept as given.
            Unknown(String),
        }

        impl $name {
            #[doc = concat!("Every value of the `", $shape, "` enum of the AWS model, in the model's order.")]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The AWS string (the raw string for `Unknown`).
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> $name {
                match s {
                    $($text => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> $name {
                match $name::from(s.as_str()) {
                    $name::Unknown(_) => $name::Unknown(s),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(s: &str) -> Result<$name, Self::Err> {
                Ok($name::from(s))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                String::deserialize(d).map($name::from)
            }
        }
    };
}

string_enum! {
    /// `targetSelection` (`TargetSelection`): whether things added to a
    /// target group later also run the job.
    TargetSelection ("TargetSelection") {
        /// Things that join a target group later run the job too.
        Continuous = "CONTINUOUS",
        /// Only the things targeted when the job is created (the default).
        Snapshot = "SNAPSHOT",
    }
    example: Continuous = "CONTINUOUS";
}

string_enum! {
    /// `failureType` of an abort criterion (`JobExecutionFailureType`).
    AbortFailureType ("JobExecutionFailureType") {
        /// Executions that ended FAILED.
        Failed = "FAILED",
        /// Executions that ended REJECTED.
        Rejected = "REJECTED",
        /// Executions that ended TIMED_OUT.
        TimedOut = "TIMED_OUT",
        /// Any of the three.
        All = "ALL",
    }
    example: TimedOut = "TIMED_OUT";
}

string_enum! {
    /// `action` of an abort criterion (`AbortAction`).
    AbortAction ("AbortAction") {
        /// Cancel the job.
        Cancel = "CANCEL",
    }
    example: Cancel = "CANCEL";
}

string_enum! {
    /// `failureType` of a retry criterion (`RetryableFailureType`).
    RetryFailureType ("RetryableFailureType") {
        /// Retry executions that ended FAILED.
        Failed = "FAILED",
        /// Retry executions that ended TIMED_OUT.
        TimedOut = "TIMED_OUT",
        /// Retry both, from one shared budget.
        All = "ALL",
    }
    example: All = "ALL";
}

string_enum! {
    /// `schedulingConfig.endBehavior` (`JobEndBehavior`, latest API): what
    /// happens at `endTime`.
    JobEndBehavior ("JobEndBehavior") {
        /// Stop the rollout; executions already queued or running go on.
        StopRollout = "STOP_ROLLOUT",
        /// Also cancel the QUEUED executions.
        Cancel = "CANCEL",
        /// Also cancel the QUEUED and IN_PROGRESS executions.
        ForceCancel = "FORCE_CANCEL",
    }
    example: ForceCancel = "FORCE_CANCEL";
}

string_enum! {
    /// `status` filter of the ListJobExecutions operations (`JobExecutionStatus`).
    JobExecutionStatus ("JobExecutionStatus") {
        /// Notified, not started.
        Queued = "QUEUED",
        /// Started by the device.
        InProgress = "IN_PROGRESS",
        /// Ended successfully.
        Succeeded = "SUCCEEDED",
        /// Ended in failure.
        Failed = "FAILED",
        /// Timed out.
        TimedOut = "TIMED_OUT",
        /// Rejected by the device.
        Rejected = "REJECTED",
        /// The thing left the target.
        Removed = "REMOVED",
        /// Canceled.
        Canceled = "CANCELED",
    }
    example: InProgress = "IN_PROGRESS";
}
