//! Money: euros as exact decimals, rounded once to the cent.
//!
//! The simulation runs in f64 (flows are expectations, not whole people). Every money figure
//! that is reported is made exact here: a monthly figure per municipality is rounded to the
//! cent once, half away from zero ([`eur`], which states the exact rule); every total (a year, the region, the horizon) is
//! the exact sum of those cents, so the parts always add up to the whole. A cumulative figure
//! that must not drift (programme cost, paid as participants start) is rounded cumulatively:
//! each month gets round(cumulative up to now) − round(cumulative before).
//!
//! The tables do this arithmetic in whole cents ([`Cents`], an `i128` that adds and subtracts
//! exactly as `Decimal` does, down to the scale and the sign of a zero) and turn the result
//! into decimals once, for the output: the same decimals, without a decimal sum per month.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Euros from an f64, rounded to the cent, half away from zero. Non-finite input (which the
/// model never produces for a resolved scenario) gives 0 rather than a panic.
///
/// The cents are `round(x × 100)` in binary floating point (`f64::round`, half away from
/// zero): two exact IEEE operations, so native and wasm agree, and ten times faster than an
/// exact decimal conversion (this runs for every municipality and month of every Monte Carlo
/// run). It differs from rounding the exact binary value only when x × 100 lies within about
/// 1e-16 of a half cent.
pub fn eur(x: f64) -> Decimal {
    let cents = (x * 100.0).round();
    if cents.is_finite() && cents.abs() < 9.0e15 {
        // Always two decimals, so amounts print as `2810000.00`, not `2810000`.
        return Decimal::new(cents as i64, 2);
    }
    let mut d = Decimal::from_f64_retain(x)
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d
}

/// An amount as a whole number of cents that adds and subtracts exactly as [`Decimal`] does
/// for amounts of at most two decimals, so the monthly tables can be summed in integers and
/// turned into the very same decimals at the end (value, scale and the sign of a zero:
/// `Decimal` gives `0 + 1.25` as `1.25` and `1.25 + 0` as `1.25`, whatever the zero's scale).
///
/// Every amount of a month (rounded by [`eur`], scale 2) and every sum of them is one; so is
/// [`Decimal::ZERO`] (scale 0), which a month without programme cost holds. The default is
/// that zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cents {
    /// The amount in cents.
    cents: i128,
    /// The decimal's scale: 0, 1 or 2.
    scale: u8,
    /// The sign of a zero amount (a non-zero amount's sign is that of `cents`).
    negative_zero: bool,
}

impl Cents {
    /// [`eur`] in cents: the same rounding, without building a decimal in the common case.
    #[inline]
    pub fn of_eur(x: f64) -> Cents {
        let cents = x * 100.0;
        if cents.abs() < 9.0e15 {
            // `round` half away from zero, by hand: without SSE4.1 `f64::round` is a library
            // call. Below 9e15 the truncation and the fraction are exact (at and above 2^52
            // every f64 is whole), so this is `cents.round()`, bar the sign of a zero.
            let whole = cents as i64;
            let fraction = cents - whole as f64;
            let rounded = whole + i64::from(fraction >= 0.5) - i64::from(fraction <= -0.5);
            return Cents {
                cents: i128::from(rounded),
                scale: 2,
                negative_zero: false,
            };
        }
        Cents::of_decimal(eur(x)).unwrap_or_default()
    }

    /// The amount of a decimal with at most two decimals; None for a finer one.
    pub fn of_decimal(d: Decimal) -> Option<Cents> {
        let scale = d.scale();
        if scale > 2 {
            return None;
        }
        Some(Cents {
            cents: d.mantissa() * 10i128.pow(2 - scale),
            scale: scale as u8,
            negative_zero: d.is_zero() && d.is_sign_negative(),
        })
    }

    /// A whole number of cents, as `Decimal::new(cents, 2)`.
    #[inline]
    pub fn new(cents: i64) -> Cents {
        Cents::of_cents(i128::from(cents))
    }

    /// A whole number of cents computed in i128, as [`Cents::new`].
    #[inline]
    pub fn of_cents(cents: i128) -> Cents {
        Cents {
            cents,
            scale: 2,
            negative_zero: false,
        }
    }

    /// The amount in cents.
    #[inline]
    pub fn cents(self) -> i128 {
        self.cents
    }

    /// Whether the amount is zero.
    #[inline]
    pub fn is_zero(self) -> bool {
        self.cents == 0
    }

    fn is_sign_negative(self) -> bool {
        self.cents < 0 || (self.cents == 0 && self.negative_zero)
    }

    /// `Decimal`'s sum or difference: a zero operand gives the other one unchanged (negated
    /// when it is subtracted and not zero); otherwise the larger scale, and a zero result is
    /// a positive zero.
    #[inline]
    fn combine(self, other: Cents, subtract: bool) -> Cents {
        // The cents are the plain sum or difference either way (0 ± b = ±b, a ± 0 = a); only
        // the scale and the sign of a zero depend on which operand is zero. Selects rather
        // than branches: a month without programme cost is a zero among non-zero amounts.
        let cents = if subtract {
            self.cents - other.cents
        } else {
            self.cents + other.cents
        };
        let scale = if self.cents == 0 {
            other.scale
        } else if other.cents == 0 {
            self.scale
        } else {
            self.scale.max(other.scale)
        };
        Cents {
            cents,
            scale,
            // Only a zero left operand passes a zero's sign on (a non-zero amount's flag is
            // always false).
            negative_zero: self.cents == 0 && other.negative_zero,
        }
    }

    /// The digits and scale of the decimal these cents stand for ([`Cents::to_decimal`]).
    #[inline]
    pub fn mantissa_scale(self) -> (i128, u32) {
        let divisor = match self.scale {
            2 => return (self.cents, 2),
            1 => 10,
            _ => 100,
        };
        // In i64 when the cents fit (an i128 division is a library call): the same quotient.
        let mantissa = match i64::try_from(self.cents) {
            Ok(cents) => i128::from(cents / divisor),
            Err(_) => self.cents / i128::from(divisor),
        };
        (mantissa, u32::from(self.scale))
    }

    /// The decimal these cents stand for.
    pub fn to_decimal(self) -> Decimal {
        let (mantissa, scale) = self.mantissa_scale();
        // Through i64 when the digits fit (the same decimal; i128 is slow in wasm).
        let mut d = match i64::try_from(mantissa) {
            Ok(m) => Decimal::new(m, scale),
            Err(_) => Decimal::from_i128_with_scale(mantissa, scale),
        };
        if self.negative_zero {
            d.set_sign_negative(true);
        }
        d
    }

    /// `f64::try_from(self.to_decimal())`, computed as `rust_decimal` does it (integral and
    /// fractional parts apart, then rounded at the scale), without the decimal.
    ///
    /// Below 2^49 units of the scale (5.6e12 euros) that is one division: rust_decimal's
    /// steps give `round((i + f) × p) / p` for the digits `M = i × p + r` (p = 10 or 100,
    /// f = r / p rounded); `i + f` is within 2^-10 of `M / p`, so the product is within 0.2
    /// of the whole number M and rounds to it exactly, and `M / p` is then one correctly
    /// rounded IEEE division, as is `M as f64 / p` (M exact in f64). With `r = 0` both are
    /// the whole number i.
    #[inline]
    pub fn to_f64(self) -> f64 {
        let magnitude = self.cents.unsigned_abs();
        let (precision, magnitude) = match self.scale {
            // Whole euros: the quotient is exact, and below 2^49 it converts from i64 (from
            // i128 the conversion is a library call) to the same f64.
            0 if magnitude < 1 << 49 => return (self.cents as i64 / 100) as f64,
            0 => return (self.cents / 100) as f64,
            1 => (10u64, magnitude / 10),
            _ => (100u64, magnitude),
        };
        if magnitude < 1 << 49 {
            let value = magnitude as u64 as f64 / precision as f64;
            return if self.is_sign_negative() {
                -value
            } else {
                value
            };
        }
        self.to_f64_by_parts()
    }

    /// [`Cents::to_f64`] step by step, as `rust_decimal` does it.
    #[cold]
    fn to_f64_by_parts(self) -> f64 {
        let magnitude = self.cents.unsigned_abs();
        let Ok(magnitude) = u64::try_from(magnitude) else {
            return self.to_decimal().to_f64().unwrap_or(f64::NAN);
        };
        let (precision, magnitude) = match self.scale {
            0 => return (self.cents / 100) as f64,
            1 => (10, magnitude / 10),
            _ => (100, magnitude),
        };
        let integral = (magnitude / precision) as f64;
        let fraction = (magnitude % precision) as f64 / precision as f64;
        let value = if fraction == 0.0 {
            integral
        } else {
            let round_to = precision as f64;
            ((integral + fraction) * round_to).round() / round_to
        };
        if self.is_sign_negative() {
            -value
        } else {
            value
        }
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    #[inline]
    fn add(self, other: Cents) -> Cents {
        self.combine(other, false)
    }
}

impl std::ops::Sub for Cents {
    type Output = Cents;
    #[inline]
    fn sub(self, other: Cents) -> Cents {
        self.combine(other, true)
    }
}

impl std::ops::AddAssign for Cents {
    #[inline]
    fn add_assign(&mut self, other: Cents) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::default(), |a, b| a + b)
    }
}

/// A ratio of two amounts to two decimals, or None when the denominator is zero.
pub fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    if den.is_zero() {
        return None;
    }
    num.checked_div(den)
        .map(|r| r.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_to_the_cent_half_away_from_zero() {
        assert_eq!(eur(1.005).to_string(), "1.00"); // 1.005 is 1.00499999… in binary
        assert_eq!(eur(0.125).to_string(), "0.13");
        assert_eq!(eur(-0.125).to_string(), "-0.13");
        assert_eq!(eur(f64::NAN), Decimal::ZERO);
        assert_eq!(eur(2_810_000.0).to_string(), "2810000.00");
    }

    #[test]
    fn cents_round_and_add_exactly_as_decimals_do() {
        let mut values = vec![
            0.0,
            -0.0,
            0.005,
            -0.005,
            0.015,
            1.005,
            0.125,
            -0.125,
            2.5e-3,
            1e-9,
            -1e-9,
            2_810_000.0,
            4.503_599_627_370_496e13,
            8.9e13,
            9.1e13,
            -9.1e13,
            1e20,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for i in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = match i % 3 {
                0 => (state % 2_000_000_000) as f64 / 1000.0 - 1e6,
                1 => (state % 2_000_001) as f64 * 0.005 - 5000.0,
                _ => f64::from_bits(state >> 2) % 1e7,
            };
            values.push(x);
        }
        let bits = |d: Decimal| d.serialize();
        let mut sum = Cents::default();
        let mut total = Decimal::ZERO;
        for (i, &x) in values.iter().enumerate() {
            let c = Cents::of_eur(x);
            assert_eq!(bits(c.to_decimal()), bits(eur(x)), "{x}");
            assert_eq!(
                c.to_f64().to_bits(),
                f64::try_from(eur(x)).unwrap().to_bits(),
                "{x}"
            );
            if x.is_finite() && x.abs() < 1e12 {
                if i % 2 == 0 {
                    sum = sum - c;
                    total -= eur(x);
                } else {
                    sum += c;
                    total += eur(x);
                }
                assert_eq!(bits(sum.to_decimal()), bits(total), "{x}");
            }
        }
        // Zeros keep Decimal's scale and sign.
        let five = Cents::of_eur(5.0);
        let minus_five = Cents::default() - five;
        for (c, d) in [
            (minus_five + five, -eur(5.0) + eur(5.0)),
            (
                Cents::default() + Cents::default(),
                Decimal::ZERO + Decimal::ZERO,
            ),
            (Cents::default() + five, Decimal::ZERO + eur(5.0)),
            (five - five, eur(5.0) - eur(5.0)),
        ] {
            assert_eq!(bits(c.to_decimal()), bits(d), "{d}");
            assert_eq!(c.to_f64().to_bits(), f64::try_from(d).unwrap().to_bits());
        }
    }

    #[test]
    fn to_f64_is_the_decimal_read_as_f64_up_to_the_fast_paths_bound() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut magnitudes: Vec<i128> = vec![0, 1, 9, 10, 99, 100, 101, 12_345];
        for k in 40..=52 {
            let edge = 1i128 << k;
            magnitudes.extend([edge - 101, edge - 100, edge - 11, edge - 10, edge - 1, edge]);
            magnitudes.extend([edge + 1, edge + 10, edge + 99]);
        }
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Spread over every size up to 2^50.
            let bits = (state >> 58) as u32 % 51;
            magnitudes.push(i128::from((state >> 6) & ((1u64 << bits) - 1)));
        }
        for &m in &magnitudes {
            for cents in [m, -m] {
                for scale in [0u8, 1, 2] {
                    // A scale-1 amount holds whole tenths, a scale-0 one whole euros.
                    let cents = match scale {
                        0 => cents / 100 * 100,
                        1 => cents / 10 * 10,
                        _ => cents,
                    };
                    // (A negative zero of scale 0 reads as 0.0, as it always did.)
                    for negative_zero in [false, cents == 0 && scale > 0] {
                        let c = Cents {
                            cents,
                            scale,
                            negative_zero,
                        };
                        let d = c.to_decimal();
                        let divisor = [100, 10, 1][usize::from(scale)];
                        assert_eq!(c.mantissa_scale(), (cents / divisor, u32::from(scale)));
                        let want = f64::try_from(d).unwrap();
                        assert_eq!(c.to_f64().to_bits(), want.to_bits(), "{cents} {scale}");
                        assert_eq!(c.to_f64_by_parts().to_bits(), want.to_bits());
                    }
                }
            }
        }
    }

    #[test]
    fn ratios_guard_against_zero() {
        assert_eq!(ratio(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(
            ratio(Decimal::from(2), Decimal::from(3))
                .unwrap()
                .to_string(),
            "0.67"
        );
    }
}
