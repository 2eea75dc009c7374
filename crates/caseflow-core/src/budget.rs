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
//! feedback that would fall after the horizon is not counted.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::inputs::Inputs;

/// The thresholds of the vangnet, as fractions of the grant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VangnetRules {
    /// No compensation for a deficit up to this share of the grant.
    pub own_risk: Decimal,
    /// Above this share of the grant the deficit is compensated in full.
    pub upper: Decimal,
    /// Share of the deficit between the two that is compensated.
    pub middle_share: Decimal,
}

fn dec(x: f64) -> Decimal {
    Decimal::from_f64_retain(x).unwrap_or(Decimal::ZERO)
}

fn cents(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

impl VangnetRules {
    /// The rules of a run.
    pub fn of(inp: &Inputs) -> VangnetRules {
        VangnetRules {
            own_risk: dec(inp.vangnet_own_risk),
            upper: dec(inp.vangnet_upper),
            middle_share: dec(inp.vangnet_middle_share),
        }
    }

    /// The compensation for spending `spending` against a grant `grant`, to the cent.
    pub fn compensation(&self, spending: Decimal, grant: Decimal) -> Decimal {
        let deficit = spending - grant;
        if deficit <= Decimal::ZERO && !self.own_risk.is_sign_negative() {
            // No deficit: none above a non-negative own risk either (saves the products).
            return Decimal::ZERO;
        }
        let own = grant * self.own_risk;
        if deficit <= own || grant <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        let upper = (grant * self.upper).max(own);
        let middle = deficit.min(upper) - own;
        let above = (deficit - upper).max(Decimal::ZERO);
        cents(middle * self.middle_share + above)
    }
}

/// One municipality's BUIG account for one (calendar) year of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BuigYear {
    /// The grant without the programmes' feedback.
    pub grant_without: Decimal,
    /// The grant with it.
    pub grant: Decimal,
    /// What the grant lost to earlier savings.
    pub feedback: Decimal,
    /// Vangnet compensation without programmes.
    pub vangnet_without: Decimal,
    /// Vangnet compensation with programmes.
    pub vangnet: Decimal,
}

/// The rules of a run's BUIG accounts, as decimals: made once per run and used for every
/// municipality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccountRules {
    /// The vangnet.
    pub vangnet: VangnetRules,
    /// The grant without programmes as a share of the spending without them.
    pub grant_ratio: Decimal,
    /// The share of a year's saving the grant loses `lag` years later.
    pub feedback_share: Decimal,
    /// Years between a saving and the grant's feedback.
    pub lag: usize,
}

impl AccountRules {
    /// The rules of a run.
    pub fn of(inp: &Inputs) -> AccountRules {
        AccountRules {
            vangnet: VangnetRules::of(inp),
            grant_ratio: dec(inp.buig_grant_ratio),
            feedback_share: dec(inp.buig_feedback),
            lag: inp.buig_feedback_lag_years as usize,
        }
    }

    /// The BUIG accounts of one municipality, year by year, from its spending with and
    /// without the programmes, into `out` (its contents replaced).
    pub fn accounts_into(
        &self,
        spending: &[Decimal],
        spending_without: &[Decimal],
        out: &mut Vec<BuigYear>,
    ) {
        let lag = self.lag;
        out.clear();
        out.extend((0..spending.len()).map(|y| {
            let grant_without = cents(spending_without[y] * self.grant_ratio);
            let feedback = if y >= lag {
                cents((spending_without[y - lag] - spending[y - lag]) * self.feedback_share)
            } else {
                Decimal::ZERO
            };
            let grant = grant_without - feedback;
            BuigYear {
                grant_without,
                grant,
                feedback,
                vangnet_without: self
                    .vangnet
                    .compensation(spending_without[y], grant_without),
                vangnet: self.vangnet.compensation(spending[y], grant),
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> VangnetRules {
        VangnetRules {
            own_risk: "0.075".parse().unwrap(),
            upper: "0.125".parse().unwrap(),
            middle_share: "0.5".parse().unwrap(),
        }
    }

    fn d(x: i64) -> Decimal {
        Decimal::from(x)
    }

    #[test]
    fn no_compensation_up_to_the_own_risk() {
        // Grant 1,000,000: own risk 75,000.
        assert_eq!(rules().compensation(d(1_000_000), d(1_000_000)), d(0));
        assert_eq!(
            rules().compensation(d(900_000), d(1_000_000)),
            d(0),
            "a surplus"
        );
        assert_eq!(
            rules().compensation(d(1_075_000), d(1_000_000)),
            d(0),
            "exactly 7.5%"
        );
    }

    #[test]
    fn half_of_the_deficit_between_7_5_and_12_5_percent() {
        // Deficit 100,000 = 10%: half of the 25,000 above 75,000.
        assert_eq!(rules().compensation(d(1_100_000), d(1_000_000)), d(12_500));
        // Deficit exactly 12.5%: half of 50,000.
        assert_eq!(rules().compensation(d(1_125_000), d(1_000_000)), d(25_000));
    }

    #[test]
    fn all_of_the_deficit_above_12_5_percent() {
        // Deficit 200,000 = 20%: 25,000 for the middle band plus the 75,000 above 125,000.
        assert_eq!(rules().compensation(d(1_200_000), d(1_000_000)), d(100_000));
    }

    #[test]
    fn a_saving_in_the_middle_band_is_half_kept() {
        // At a 10% deficit, 10,000 less spending lowers the compensation by 5,000.
        let before = rules().compensation(d(1_100_000), d(1_000_000));
        let after = rules().compensation(d(1_090_000), d(1_000_000));
        assert_eq!(before - after, d(5_000));
    }
}
