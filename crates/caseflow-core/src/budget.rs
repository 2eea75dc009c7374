//! The BUIG side of a saving: the grant, its feedback and the safety net (vangnet), per
//! municipality and year, always on each run's own figures.
//!
//! A municipality pays benefits from its BUIG grant and keeps what it does not spend. Every
//! exit saves the benefit at once, but the grant follows the caseload (AEF for Divosa): a share
//! of a year's saving (`buig_feedback_pct`) is lost from the grant `buig_feedback_lag_years`
//! later. A municipality in deficit gets part of it back through the vangnet: nothing up to the
//! own risk (7.5% of the grant), 50% of the deficit between 7.5% and 12.5%, all of it above. A
//! saving that lowers a deficit therefore also lowers the compensation: that too is feedback.
//!
//! The grant without programmes is `buig_grant_ratio_pct` of the spending without programmes
//! (the counterfactual), so at 100% neither surplus nor deficit is assumed. Partial years at the
//! ends of the horizon are treated as years of their own (thresholds on that year's grant);
//! feedback that would fall after the horizon is not counted, and a last year the horizon
//! cuts short counts its months' part of the feedback (4/12 of it for a run ending in April),
//! as its grant and spending are its months' part: a year's feedback charged whole in its
//! first month made the net result fall with every January a longer horizon took in.
//!
//! The arithmetic is in integers: amounts in cents, rates in millionths (a percentage to four
//! decimals, exactly), every product exact and rounded once to the cent, half away from zero.
//! It runs for every municipality and year of every Monte Carlo run, where decimal products
//! (software 96-bit arithmetic, slower still in wasm) were the larger part of the accounts.

use crate::inputs::Inputs;
use crate::money::Cents;

/// Rates are kept in millionths: a percentage to four decimals (7.5% is 75,000).
const MILLION: i128 = 1_000_000;

/// A fraction in millionths, rounded to the nearest (half away from zero). Every percentage
/// of the parameter table has at most four decimals, so this is its exact value; a Monte
/// Carlo draw is rounded to 0.0001 percentage point.
fn per_million(fraction: f64) -> i128 {
    // `as` saturates, and maps NaN to 0 (resolve never lets one through).
    (fraction * 1e6).round() as i128
}

/// `n / d` rounded to the nearest whole number, half away from zero (`d > 0`).
fn div_round(n: i128, d: i128) -> i128 {
    // In i64 when both fit: an i128 division is a library call, slow in wasm.
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        let (q, r) = (n / d, n % d);
        let away = 2 * r.unsigned_abs() >= d.unsigned_abs();
        return i128::from(q + if away { n.signum() } else { 0 });
    }
    let (q, r) = (n / d, n % d);
    q + if 2 * r.unsigned_abs() >= d.unsigned_abs() {
        n.signum()
    } else {
        0
    }
}

/// `amount × rate` (cents × millionths) to the cent. A product with a zero factor is a zero
/// without decimals, as `Decimal`'s product is (`0`, not `0.00`, in the output).
fn product(amount: i128, rate: i128) -> Cents {
    if amount == 0 || rate == 0 {
        Cents::default()
    } else {
        Cents::of_cents(div_round(amount * rate, MILLION))
    }
}

/// The thresholds of the vangnet, as fractions of the grant in millionths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VangnetRules {
    /// No compensation for a deficit up to this share of the grant.
    pub own_risk: i128,
    /// Above this share of the grant the deficit is compensated in full.
    pub upper: i128,
    /// Share of the deficit between the two that is compensated.
    pub middle_share: i128,
}

impl VangnetRules {
    /// The rules of a run.
    pub fn of(inp: &Inputs) -> VangnetRules {
        VangnetRules {
            own_risk: per_million(inp.vangnet_own_risk),
            upper: per_million(inp.vangnet_upper),
            middle_share: per_million(inp.vangnet_middle_share),
        }
    }

    /// The compensation for spending `spending` against a grant `grant` (both in cents), to
    /// the cent. The thresholds are exact (in millionths of a cent); only the result is
    /// rounded. No compensation is a zero without decimals, as `Decimal::ZERO`.
    pub fn compensation(&self, spending: i128, grant: i128) -> Cents {
        let deficit = spending - grant;
        if deficit <= 0 && self.own_risk >= 0 {
            // No deficit: none above a non-negative own risk either (saves the products).
            return Cents::default();
        }
        // In millionths of a cent.
        let own = grant * self.own_risk;
        let deficit = deficit * MILLION;
        if deficit <= own || grant <= 0 {
            return Cents::default();
        }
        let upper = (grant * self.upper).max(own);
        let middle = deficit.min(upper) - own;
        let above = (deficit - upper).max(0);
        let total = middle * self.middle_share + above * MILLION;
        if total == 0 {
            // As the decimal sum of two zero products.
            return Cents::default();
        }
        Cents::of_cents(div_round(total, MILLION * MILLION))
    }
}

/// One municipality's BUIG account for one (calendar) year of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BuigYear {
    /// The grant without the programmes' feedback.
    pub grant_without: Cents,
    /// The grant with it.
    pub grant: Cents,
    /// What the grant lost to earlier savings.
    pub feedback: Cents,
    /// Vangnet compensation without programmes.
    pub vangnet_without: Cents,
    /// Vangnet compensation with programmes.
    pub vangnet: Cents,
}

/// The rules of a run's BUIG accounts, rates in millionths: made once per run and used for
/// every municipality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccountRules {
    /// The vangnet.
    pub vangnet: VangnetRules,
    /// The grant without programmes as a share of the spending without them.
    pub grant_ratio: i128,
    /// The share of a year's saving the grant loses `lag` years later.
    pub feedback_share: i128,
    /// Years between a saving and the grant's feedback.
    pub lag: usize,
}

impl AccountRules {
    /// The rules of a run.
    pub fn of(inp: &Inputs) -> AccountRules {
        AccountRules {
            vangnet: VangnetRules::of(inp),
            grant_ratio: per_million(inp.buig_grant_ratio),
            feedback_share: per_million(inp.buig_feedback),
            lag: inp.buig_feedback_lag_years as usize,
        }
    }

    /// The BUIG accounts of one municipality, year by year, from its spending with and
    /// without the programmes (in cents), into `out` (its contents replaced); the last year
    /// has `last_months` months in the run (12 when whole). Every amount is the exact product
    /// rounded to the cent, half away from zero.
    pub fn accounts_into(
        &self,
        spending: &[i128],
        spending_without: &[i128],
        last_months: u32,
        out: &mut Vec<BuigYear>,
    ) {
        let lag = self.lag;
        let last = spending.len().saturating_sub(1);
        out.clear();
        out.extend((0..spending.len()).map(|y| {
            let grant_without = product(spending_without[y], self.grant_ratio);
            let saving = if y >= lag {
                spending_without[y - lag] - spending[y - lag]
            } else {
                0
            };
            // A year's feedback comes from an earlier year's saving: a last year cut short
            // counts its months' part of it (with no lag the saving is its own months').
            let feedback = if lag > 0 && y == last && last_months < 12 {
                Cents::of_cents(div_round(
                    saving * self.feedback_share * i128::from(last_months),
                    MILLION * 12,
                ))
            } else {
                product(saving, self.feedback_share)
            };
            let grant = grant_without - feedback;
            BuigYear {
                grant_without,
                grant,
                feedback,
                vangnet_without: self
                    .vangnet
                    .compensation(spending_without[y], grant_without.cents()),
                vangnet: self.vangnet.compensation(spending[y], grant.cents()),
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> VangnetRules {
        VangnetRules {
            own_risk: per_million(0.075),
            upper: per_million(0.125),
            middle_share: per_million(0.5),
        }
    }

    /// Euros in cents.
    fn d(euros: i128) -> i128 {
        euros * 100
    }

    /// A compensation in cents.
    fn cents(c: Cents) -> i128 {
        c.cents()
    }

    #[test]
    fn no_compensation_up_to_the_own_risk() {
        // Grant 1,000,000: own risk 75,000.
        assert_eq!(
            cents(rules().compensation(d(1_000_000), d(1_000_000))),
            d(0)
        );
        assert_eq!(
            cents(rules().compensation(d(900_000), d(1_000_000))),
            d(0),
            "a surplus"
        );
        assert_eq!(
            cents(rules().compensation(d(1_075_000), d(1_000_000))),
            d(0),
            "exactly 7.5%"
        );
    }

    #[test]
    fn half_of_the_deficit_between_7_5_and_12_5_percent() {
        // Deficit 100,000 = 10%: half of the 25,000 above 75,000.
        assert_eq!(
            cents(rules().compensation(d(1_100_000), d(1_000_000))),
            d(12_500)
        );
        // Deficit exactly 12.5%: half of 50,000.
        assert_eq!(
            cents(rules().compensation(d(1_125_000), d(1_000_000))),
            d(25_000)
        );
    }

    #[test]
    fn all_of_the_deficit_above_12_5_percent() {
        // Deficit 200,000 = 20%: 25,000 for the middle band plus the 75,000 above 125,000.
        assert_eq!(
            cents(rules().compensation(d(1_200_000), d(1_000_000))),
            d(100_000)
        );
    }

    #[test]
    fn a_saving_in_the_middle_band_is_half_kept() {
        // At a 10% deficit, 10,000 less spending lowers the compensation by 5,000.
        let before = rules().compensation(d(1_100_000), d(1_000_000));
        let after = rules().compensation(d(1_090_000), d(1_000_000));
        assert_eq!((before - after).cents(), d(5_000));
    }

    #[test]
    fn rates_are_exact_and_amounts_round_half_away_from_zero() {
        assert_eq!(per_million(0.075), 75_000);
        assert_eq!(per_million(0.935_7), 935_700);
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-15, 10), -2);
        let big = i128::from(i64::MAX) * 10 + 5;
        assert_eq!(div_round(big, 10), i128::from(i64::MAX) + 1);
        // Spending 1,100,000.01 on a grant of 1,000,000: half of 25,000.01 is 12,500.005,
        // which rounds up to the cent.
        assert_eq!(
            rules().compensation(110_000_001, d(1_000_000)).cents(),
            1_250_001
        );
        let rules = AccountRules {
            vangnet: rules(),
            grant_ratio: per_million(0.95),
            feedback_share: per_million(0.5),
            lag: 1,
        };
        let mut out = Vec::new();
        // Spending 100.01 and 200.03 euros with the programmes, 100.03 and 200.03 without.
        rules.accounts_into(&[10_001, 20_003], &[10_003, 20_003], 12, &mut out);
        // 95% of 100.03 = 95.0285 -> 95.03; half the first year's 0.02 saving is lost.
        assert_eq!(out[0].grant_without.cents(), 9_503);
        assert!(out[0].feedback.is_zero());
        assert_eq!(out[1].feedback.cents(), 1);
        assert_eq!(out[1].grant.cents(), 19_003 - 1);
        // A last year of 4 months loses 4/12 of the feedback: 12,000.00 saved, half of it is
        // 6,000.00, a third of that 2,000.00.
        rules.accounts_into(&[0, 20_000], &[1_200_000, 20_000], 4, &mut out);
        assert_eq!(out[1].feedback.cents(), 200_000);
        rules.accounts_into(&[0, 20_000], &[1_200_000, 20_000], 12, &mut out);
        assert_eq!(out[1].feedback.cents(), 600_000);
    }
}
