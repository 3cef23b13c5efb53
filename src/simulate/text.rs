//! The summary for people: the headline answers in a few lines and a
//! small chart of the rollout.

use super::summary::{Band, Summary};
use std::fmt::Write as _;

/// A duration in milliseconds, in the two largest units that matter:
/// `850 ms`, `12.3 s`, `12 min 05 s`, `3 h 12 min`, `2 d 03 h`.
pub fn duration(ms: u64) -> String {
    let s = ms / 1000;
    if ms < 1000 {
        format!("{ms} ms")
    } else if s < 60 {
        format!("{}.{} s", s, (ms % 1000) / 100)
    } else if s < 3600 {
        format!("{} min {:02} s", s / 60, s % 60)
    } else if s < 86_400 {
        format!("{} h {:02} min", s / 3600, (s % 3600) / 60)
    } else {
        format!("{} d {:02} h", s / 86_400, (s % 86_400) / 3600)
    }
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

/// The widest chart, in columns.
const CHART_WIDTH: usize = 60;
const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One line of the chart: the median per column (the value at the
/// column's last minute), scaled to `full`.
fn sparkline(band: &Band, per: usize, full: u64) -> String {
    let cols = band.p50.len().div_ceil(per.max(1));
    (0..cols)
        .map(|c| {
            let m = ((c + 1) * per).min(band.p50.len()).saturating_sub(1);
            let v = band.p50.get(m).copied().unwrap_or(0);
            let level = if full == 0 {
                0
            } else {
                usize::try_from((v.saturating_mul(8)).div_ceil(full)).unwrap_or(8)
            };
            BARS.get(level.min(8)).copied().unwrap_or(' ')
        })
        .collect()
}

impl Summary {
    /// The headline answers (abort probability with its interval,
    /// completion time, exposure before abort, final statuses, executions
    /// and retries per trial) and a chart of the median rollout.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{} trials, seed {}, {} things, horizon {}",
            self.trials,
            self.seed,
            self.fleet_size,
            duration(u64::try_from(self.horizon_ms).unwrap_or(0))
        );
        let a = &self.abort_probability;
        let _ = writeln!(
            o,
            "abort probability   {} (95 % interval {} to {})",
            percent(a.estimate),
            percent(a.low),
            percent(a.high)
        );
        let ended = self.final_status.completed + self.final_status.canceled;
        match &self.completion_ms {
            Some(c) => {
                let _ = writeln!(
                    o,
                    "job ended after     p5 {}, median {}, p95 {}, max {} ({ended} of {} trials ended)",
                    duration(c.p5),
                    duration(c.p50),
                    duration(c.p95),
                    duration(c.max),
                    self.trials
                );
            }
            None => {
                let _ = writeln!(o, "job ended after     no trial ended before the horizon");
            }
        }
        match &self.exposed_before_abort {
            Some(e) => {
                let _ = writeln!(
                    o,
                    "exposed at abort    mean {:.1}, median {}, p95 {}, max {} things notified",
                    e.mean, e.p50, e.p95, e.max
                );
            }
            None => {
                let _ = writeln!(o, "exposed at abort    no trial aborted");
            }
        }
        let f = &self.final_status;
        let _ = writeln!(
            o,
            "final job status    COMPLETED {}, CANCELED {}, IN_PROGRESS {}, SCHEDULED {}",
            f.completed, f.canceled, f.in_progress, f.scheduled
        );
        let e = &self.executions;
        let mut parts = Vec::new();
        for (name, s) in [
            ("SUCCEEDED", &e.succeeded),
            ("FAILED", &e.failed),
            ("REJECTED", &e.rejected),
            ("TIMED_OUT", &e.timed_out),
            ("CANCELED", &e.canceled),
            ("REMOVED", &e.removed),
            ("QUEUED", &e.queued),
            ("IN_PROGRESS", &e.in_progress),
        ] {
            if s.p95 > 0 || s.mean > 0.0 {
                parts.push(format!("{name} {:.1}", s.mean));
            }
        }
        let _ = writeln!(o, "executions (mean)   {}", parts.join(", "));
        let _ = writeln!(
            o,
            "retries per trial   mean {:.1}, median {}, p95 {}",
            self.retries.mean, self.retries.p50, self.retries.p95
        );
        let t = &self.timeline;
        if t.minutes > 0 {
            let minutes = usize::try_from(t.minutes).unwrap_or(usize::MAX);
            let per = minutes.div_ceil(CHART_WIDTH).max(1);
            let _ = writeln!(
                o,
                "rollout (median, 0 to {} things, {} per column, {} in all)",
                self.fleet_size,
                duration(60_000 * per as u64),
                duration(60_000 * t.minutes.saturating_sub(1))
            );
            for (name, band) in [
                ("notified ", &t.notified),
                ("succeeded", &t.succeeded),
                ("failed   ", &t.failed),
            ] {
                let _ = writeln!(o, "  {name} |{}|", sparkline(band, per, self.fleet_size));
            }
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(850), "850 ms");
        assert_eq!(duration(12_345), "12.3 s");
        assert_eq!(duration(725_000), "12 min 05 s");
        assert_eq!(duration(3 * 3_600_000 + 12 * 60_000), "3 h 12 min");
        assert_eq!(duration(2 * 86_400_000 + 3 * 3_600_000), "2 d 03 h");
    }

    #[test]
    fn sparklines_scale_to_the_fleet() {
        let band = Band {
            p5: vec![],
            p50: vec![0, 1, 4, 8],
            p95: vec![],
        };
        assert_eq!(sparkline(&band, 1, 8), " ▁▄█");
        assert_eq!(sparkline(&band, 2, 8), "▁█");
    }
}
