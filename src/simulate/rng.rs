//! The simulator's one random generator: xoshiro256** seeded by SplitMix64,
//! with the distributions of the device model.
//!
//! The algorithm is fixed and part of the contract (changing it changes
//! every simulation's output):
//!
//! - the state of trial `i` of a simulation with seed `s` is the first four
//!   outputs of SplitMix64 started at `s ^ mix(i)`, where `mix` is the
//!   SplitMix64 output function (so trial `i` depends only on `(s, i)`, and
//!   shards and threads see the same numbers);
//! - each draw is one xoshiro256** output; a float in `[0, 1)` is its top
//!   53 bits times 2^-53;
//! - `exponential(mean)` is `-mean × ln(1 - u)`, `lognormal(median, σ)` is
//!   `median × exp(σ z)` with `z = sqrt(-2 ln(1 - u₁)) cos(2π u₂)`
//!   (Box–Muller, one normal per two draws), `uniform[lo, hi]` is
//!   `lo + (hi - lo) u`;
//! - `ln`, `exp`, `sqrt` and `cos` are the `libm` crate's (a port of musl's,
//!   pure Rust), never the platform's, so native, Node and browsers get
//!   the same bits; every delay is rounded to whole milliseconds (half away
//!   from zero) and capped at [`MAX_DELAY_MS`].

/// The golden ratio increment of SplitMix64.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The largest delay a draw gives (milliseconds): the machine's
/// [`MAX_TIME_MS`](crate::machine::MAX_TIME_MS), beyond every horizon.
pub const MAX_DELAY_MS: i64 = crate::machine::MAX_TIME_MS;

/// The SplitMix64 output function.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A xoshiro256** generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The generator of trial `trial` of a simulation seeded with `seed`.
    pub fn for_trial(seed: u64, trial: u64) -> Rng {
        let mut state = seed ^ mix(trial);
        let mut next = || {
            state = state.wrapping_add(GOLDEN);
            mix(state)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotate_left(45);
        self.s = [s0, s1, s2, s3];
        result
    }

    /// A float in `[0, 1)` from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A delay distribution (milliseconds), as the simulation document spells
/// it: `{"fixed": ms}`, `{"uniform": [lo, hi]}`, `{"exponential": {"mean":
/// ms}}`, `{"lognormal": {"median": ms, "sigma": s}}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delay {
    /// Always `ms`.
    Fixed(f64),
    /// Uniform on `[lo, hi]`.
    Uniform(f64, f64),
    /// Exponential with this mean.
    Exponential(f64),
    /// Log-normal with this median and shape `sigma`.
    Lognormal {
        /// The median (`exp(μ)`).
        median: f64,
        /// The standard deviation of the logarithm.
        sigma: f64,
    },
}

impl Delay {
    /// One draw, in whole milliseconds within `0..=MAX_DELAY_MS`.
    pub fn sample(&self, rng: &mut Rng) -> i64 {
        let x = match *self {
            Delay::Fixed(ms) => ms,
            Delay::Uniform(lo, hi) => lo + (hi - lo) * rng.next_f64(),
            Delay::Exponential(mean) => -mean * libm::log(1.0 - rng.next_f64()),
            Delay::Lognormal { median, sigma } => {
                let u1 = rng.next_f64();
                let u2 = rng.next_f64();
                let z = libm::sqrt(-2.0 * libm::log(1.0 - u1))
                    * libm::cos(2.0 * std::f64::consts::PI * u2);
                median * libm::exp(sigma * z)
            }
        };
        round_ms(x)
    }
}

/// `x` rounded to whole milliseconds (half away from zero), within
/// `0..=MAX_DELAY_MS` (NaN, impossible for a checked model, is 0).
fn round_ms(x: f64) -> i64 {
    let r = libm::round(x);
    if r.is_nan() || r <= 0.0 {
        0
    } else if r >= MAX_DELAY_MS as f64 {
        MAX_DELAY_MS
    } else {
        r as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_matches_the_reference_sequence() {
        // The reference implementation (xoshiro256starstar.c) from the
        // state {1, 2, 3, 4}: its first outputs.
        let mut r = Rng { s: [1, 2, 3, 4] };
        let got: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(got, [11520, 0, 1509978240]);
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // SplitMix64 from 0: its first output is 0xE220A8397B1DCDAF.
        assert_eq!(mix(GOLDEN), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn trials_have_their_own_streams_and_floats_are_in_range() {
        let mut a = Rng::for_trial(42, 0);
        let mut b = Rng::for_trial(42, 1);
        assert_ne!(a.next_u64(), b.next_u64());
        assert_eq!(Rng::for_trial(42, 7), Rng::for_trial(42, 7));
        let mut r = Rng::for_trial(1, 2);
        for _ in 0..10_000 {
            let u = r.next_f64();
            assert!((0.0..1.0).contains(&u));
        }
    }

    #[test]
    fn delays_have_their_means() {
        let mut r = Rng::for_trial(3, 0);
        let n = 200_000;
        let mean =
            |d: Delay, r: &mut Rng| (0..n).map(|_| d.sample(r) as f64).sum::<f64>() / f64::from(n);
        assert_eq!(Delay::Fixed(12.4).sample(&mut r), 12);
        assert_eq!(Delay::Fixed(12.5).sample(&mut r), 13);
        // Standard errors: exponential 1000/sqrt(n) ≈ 2.2, uniform
        // 577/sqrt(n) ≈ 1.3, lognormal (median 1000, σ 0.5: mean 1133,
        // sd 604) ≈ 1.4; 6 standard errors of slack each.
        assert!((mean(Delay::Exponential(1000.0), &mut r) - 1000.0).abs() < 14.0);
        assert!((mean(Delay::Uniform(0.0, 2000.0), &mut r) - 1000.0).abs() < 8.0);
        let ln = Delay::Lognormal {
            median: 1000.0,
            sigma: 0.5,
        };
        let expected = 1000.0 * (0.125f64).exp();
        assert!((mean(ln, &mut r) - expected).abs() < 9.0);
    }
}
