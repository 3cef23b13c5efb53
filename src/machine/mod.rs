//! The transition function: a deterministic, sans-IO model of a job and its
//! executions under rollout, timeout, retry and abort.
