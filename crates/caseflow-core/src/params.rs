//! The user-settable parameters: unit, default, allowed range and source of each.
//!
//! This table is data, not code paths: the CLI derives its flags' help and errors from it, the
//! page its sliders and messages, and the tests check that every entry is complete.

use serde::Serialize;

/// How one scenario parameter is described to users.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParamSpec {
    /// The field name in a scenario (snake_case), also the CLI flag with `-` for `_`.
    pub key: &'static str,
    /// Short label in Dutch (the default language).
    pub label_nl: &'static str,
    /// Short label in English.
    pub label_en: &'static str,
    /// Unit in Dutch, as shown beside the value.
    pub unit_nl: &'static str,
    /// Unit in English.
    pub unit_en: &'static str,
    /// The value used when a scenario does not set it.
    pub default: f64,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// A sensible step for sliders.
    pub step: f64,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
    /// Where the default comes from: a seed section (`seed 002`), a public study, or
    /// `assumption`; `derived` when computed from sources.
    pub source: &'static str,
}

/// Start stock: benefit households on the first day of the start month.
pub const START_STOCK: ParamSpec = ParamSpec {
    key: "start_stock",
    label_nl: "Beginstand bijstand",
    label_en: "Starting caseload",
    unit_nl: "uitkeringen",
    unit_en: "benefits",
    default: 4478.0,
    min: 0.0,
    max: 100_000.0,
    step: 1.0,
    whole: false,
    source: "seed 002: region Maastricht-Heuvelland on 1 Sep 2019 (4,478 uitkeringen); \
             held at that level to the start month (assumption)",
};

/// Baseline inflow: new benefit households per month.
pub const MONTHLY_INFLOW: ParamSpec = ParamSpec {
    key: "monthly_inflow",
    label_nl: "Instroom per maand",
    label_en: "Inflow per month",
    unit_nl: "uitkeringen/maand",
    unit_en: "benefits/month",
    default: 78.0,
    min: 0.0,
    max: 10_000.0,
    step: 1.0,
    whole: false,
    source: "derived: national inflow is about 21% of the stock a year (CBS 82662NED), \
             applied to the start stock: 4,478 × 21% / 12 ≈ 78",
};

/// Baseline exit rate: share of the stock that leaves benefit each month.
pub const EXIT_RATE_PCT: ParamSpec = ParamSpec {
    key: "exit_rate_pct",
    label_nl: "Uitstroom per maand",
    label_en: "Exit rate per month",
    unit_nl: "% van het bestand/maand",
    unit_en: "% of caseload/month",
    default: 1.8,
    min: 0.0,
    max: 20.0,
    step: 0.1,
    whole: false,
    source: "derived: national outflow is 18-24% of the stock a year, about 1.5-2.2% a month \
             (CBS 82662NED, 2019-2023)",
};

/// Growth shock: extra inflow in the first twelve months, as a percentage of the start stock.
pub const GROWTH_PCT: ParamSpec = ParamSpec {
    key: "growth_pct",
    label_nl: "Groeischok",
    label_en: "Growth shock",
    unit_nl: "% van de beginstand, in de eerste 12 maanden",
    unit_en: "% of the starting caseload, over the first 12 months",
    default: 0.0,
    min: -20.0,
    max: 20.0,
    step: 0.5,
    whole: false,
    source: "seed 000 §2, §3: 7% growth of the bijstand population expected in 2021 \
             (about 550 people); the range is an assumption",
};

/// Horizon: number of months simulated.
pub const MONTHS: ParamSpec = ParamSpec {
    key: "months",
    label_nl: "Looptijd",
    label_en: "Horizon",
    unit_nl: "maanden",
    unit_en: "months",
    default: 36.0,
    min: 1.0,
    max: 180.0,
    step: 1.0,
    whole: true,
    source: "assumption: three years; up to 15 years allowed",
};

/// Every user-settable numeric parameter, in display order.
pub const PARAMS: &[ParamSpec] = &[
    GROWTH_PCT,
    START_STOCK,
    MONTHLY_INFLOW,
    EXIT_RATE_PCT,
    MONTHS,
];

/// Look a parameter up by its scenario key.
pub fn find(key: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_param_is_complete_and_its_default_is_in_range() {
        for p in PARAMS {
            assert!(
                !p.label_nl.is_empty() && !p.label_en.is_empty(),
                "{}",
                p.key
            );
            assert!(!p.unit_nl.is_empty() && !p.unit_en.is_empty(), "{}", p.key);
            assert!(!p.source.is_empty(), "{} has no source", p.key);
            assert!(p.min < p.max, "{}", p.key);
            assert!((p.min..=p.max).contains(&p.default), "{}", p.key);
            assert!(p.step > 0.0, "{}", p.key);
            if p.whole {
                assert_eq!(p.default.fract(), 0.0, "{}", p.key);
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        for (i, a) in PARAMS.iter().enumerate() {
            assert!(PARAMS[i + 1..].iter().all(|b| b.key != a.key), "{}", a.key);
        }
    }
}
