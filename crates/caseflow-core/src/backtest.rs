//! Backtest: forecasts from past origins against what the seed papers report.
//!
//! The seeds give the region's benefit households (uitkeringen) on 1 Jan 2017 (4,846),
//! 1 Jan 2018 (4,765), 1 Jan 2019 (4,529) and 1 Sep 2019 (4,478) (seed 002), and Maastricht's
//! on 1 Jan 2020 (3,568) and 1 Dec 2020 (3,723) (seed 000 §2). A figure "on 1 Jan 2019" is the
//! stock at the start of 2019-01, which is the end of month 2018-12 in a run's results.
//!
//! Rolling origins:
//! - **2018-01**, region, `new_inflow_pct` fitted on 2017: forecasts for 2019-01 (12 months)
//!   and 2019-09 (20 months);
//! - **2019-01**, region, fitted on 2018: forecast for 2019-09 (8 months);
//! - **2020-01**, Maastricht, parameter defaults (no earlier Maastricht point to fit on):
//!   forecast for 2020-12 (11 months), with and without a corona growth shock.
//!
//! Per horizon: the stock's error, whether the actual lies inside the Monte Carlo 90% band,
//! and the errors of two naive forecasts on the same data (no change; last year's change
//! continued), as forecast councils report them. Four yearly points fix only one number per
//! year, the net flow, so one scalar is fitted (the new inflow, with the exit hazards at their
//! national-prior defaults); what the fit cannot tell apart is listed in
//! [`Backtest::not_identified`]. The national yearly stock enters as a covariate in a second
//! variant of each regional forecast (see [`METHOD`]).
//!
//! Nothing here changes the model: every figure comes from [`Model::run`] and
//! [`Model::monte_carlo`] on ordinary scenarios, so each can be rerun with `caseflow run`.

use serde::Serialize;
use serde_json::Value;

use crate::calibrate::{area_scenario, months_between, round_to};
use crate::error::InputErrors;
use crate::{Lang, Model, Results, Scenario, YearMonth};

/// The Monte Carlo runs when none are asked for: as many as the page's bands, so that whether
/// an actual lies inside the 90% band is not decided by sampling noise (at 200 runs the
/// 12-month forecast's 4,529 fell just outside a band of 4,534-4,843, at 1,000 inside
/// 4,522-4,837).
pub const DEFAULT_RUNS: u32 = 1_000;
/// The Monte Carlo seed when none is asked for.
pub const DEFAULT_SEED: u64 = 2017;

/// How the backtest is done, reported with its results.
pub const METHOD: &str = "Rolling origins on the seeds' stock figures (seed 002: region 1 Jan 2017-2019 and 1 Sep 2019; seed 000 §2: Maastricht 1 Jan and 1 Dec 2020). \
At each regional origin the six start stocks are the municipal defaults scaled to the region's actual stock, and `start` is the origin month. \
Fit: one scalar, new_inflow_pct (allowed 0-10), is chosen by bisection so that a deterministic run over the preceding year ends at that year's actual stock; the exit hazards, work shares, re-entry and stock mix stay at their defaults (national priors from CBS and Divosa figures). The fitted value is rounded to 4 decimals and used as such, so every forecast can be rerun with `caseflow run --set`. \
Variant `fitted`: the fitted inflow, run forward from the origin; this is a true ex-ante forecast (it uses nothing after the origin). \
Variant `fitted_national_covariate`: the same, plus the national cycle as a shift of the inflow: the national yearly stock change (Divosa benchmark: -1.4% 2017, -5.4% 2018; CBS people below pension age, read as year-end stocks: 432k 2018, 415k 2019, 428k 2020, so -3.9% 2019 and +3.1% 2020) in the forecast months minus that in the fitted months, month-weighted, times the start stock, entered as the growth shock (growth_pct, spread over the horizon from the origin). It assumes the region follows the national cycle one for one (the region's -1.7% and -5.0% against -1.4% and -5.4% in 2017-2018) and that the cycle works through inflow. It uses the realised national change, which was not known at the origin, so it is a conditional (ex-post) forecast and its comparison with the naive forecasts is not a fair ex-ante contest. \
Maastricht 2020: no earlier Maastricht point in the seeds, so the parameter defaults are used (variant `defaults`), and with a corona shock (variant `defaults_corona_shock`: growth_pct 7 spread over 12 months from 2020-01, of which 11 fall in the horizon; seed 000 expects 7% growth for 2021, and its use for 2020, from January, is an assumption). Only Maastricht's own results are compared. \
90% band: P5-P95 of the stock at the target month over paired Monte Carlo runs (every uncertain parameter drawn around the value in use, plus process noise); it is a prior-predictive band: the draws are not conditioned on the fit, and the start stocks are drawn too although they are known at the origin. \
Naive forecasts: no change (the origin's stock) and trend (the origin's stock plus the last observed yearly change, pro rata over the horizon; not available for Maastricht 2020, which has no earlier point). \
Error: (forecast - actual) / actual x 100, in percent; a negative error is a forecast below the actual.";

/// How the backtest is done, in Dutch: [`METHOD`] in the same order and with the same figures.
pub const METHOD_NL: &str = "Voortschrijdende startmomenten op de bestandscijfers uit de stukken (seed 002: regio 1 januari 2017-2019 en 1 september 2019; seed 000 §2: Maastricht 1 januari en 1 december 2020). \
Op elk regionaal startmoment zijn de zes beginstanden de standaardwaarden per gemeente, geschaald naar het werkelijke bestand van de regio, en is `start` de maand van het startmoment. \
Schatting: één getal, new_inflow_pct (toegestaan 0-10), wordt door bisectie zo gekozen dat een deterministische berekening over het voorafgaande jaar eindigt op het werkelijke bestand van dat jaar; de uitstroomkansen, de aandelen uitstroom naar werk, de terugkeer en de samenstelling van het bestand blijven op hun standaardwaarde (landelijke uitgangswaarden uit cijfers van CBS en Divosa). De geschatte waarde wordt op 4 decimalen afgerond en zo gebruikt, zodat elke prognose opnieuw te berekenen is met `caseflow run --set`. \
Variant `fitted`: de geschatte instroom, vooruit doorgerekend vanaf het startmoment; dit is een echte ex-ante prognose (ze gebruikt niets van na het startmoment). \
Variant `fitted_national_covariate`: hetzelfde, plus de landelijke conjunctuur als verschuiving van de instroom: de landelijke verandering van het bestand per jaar (Divosa-benchmark: -1,4% 2017, -5,4% 2018; CBS, personen onder de AOW-leeftijd, gelezen als standen aan het eind van het jaar: 432.000 2018, 415.000 2019, 428.000 2020, dus -3,9% 2019 en +3,1% 2020) in de prognosemaanden min die in de geschatte maanden, naar maanden gewogen, maal de beginstand, ingevoerd als groeischok (growth_pct, verspreid over de looptijd vanaf het startmoment). Deze variant neemt aan dat de regio de landelijke conjunctuur één op één volgt (de regio -1,7% en -5,0% tegen -1,4% en -5,4% landelijk in 2017-2018) en dat de conjunctuur via de instroom werkt. Ze gebruikt de gerealiseerde landelijke verandering, die op het startmoment niet bekend was; het is dus een voorwaardelijke (ex-post) prognose, en de vergelijking met de naïeve prognoses is geen eerlijke ex-ante wedstrijd. \
Maastricht 2020: de stukken geven geen eerder cijfer voor Maastricht, dus worden de standaardwaarden van de aannames gebruikt (variant `defaults`), en ook met een coronaschok (variant `defaults_corona_shock`: growth_pct 7 verspreid over 12 maanden vanaf 2020-01, waarvan 11 binnen de looptijd vallen; seed 000 verwacht 7% groei voor 2021, en dat voor 2020 te gebruiken, vanaf januari, is een aanname). Alleen de eigen resultaten van Maastricht worden vergeleken. \
90%-band: P5-P95 van het bestand in de doelmaand over gepaarde Monte Carlo-runs (elke onzekere aanname getrokken rond haar waarde in gebruik, plus procesruis); het is een prior-predictieve band: de trekkingen houden geen rekening met de schatting, en ook de beginstanden worden getrokken, hoewel ze op het startmoment bekend zijn. \
Naïeve prognoses: gelijk (het bestand op het startmoment) en trend (het bestand op het startmoment plus de laatst waargenomen verandering per jaar, naar rato van de looptijd; niet beschikbaar voor Maastricht 2020, dat geen eerder cijfer heeft). \
Fout: (prognose - werkelijk) / werkelijk x 100, in procenten; een negatieve fout is een prognose onder de werkelijkheid.";

/// What four yearly points cannot tell apart, reported with the results.
const NOT_IDENTIFIED: [&str; 6] = [
    "Inflow level and exit hazards: the seeds' yearly stocks fix only the net flow (inflow minus exits) of each year. new_inflow_pct is fitted with the exit hazards at their national-prior defaults; a higher hazard with a higher inflow fits the same points as well (about the same error for any hazard between 1% and 2.5% a month), so the fitted inflow is a net-flow summary, not an estimate of the real inflow.",
    "The mix of the stock by time on benefit and distance to work at each origin: every run starts from the default stock shares, not from a fitted state, and the seeds give no mix.",
    "How the national cycle reaches the region (inflow or exits, with or without a lag): the covariate variant assumes inflow, one for one, in the same year; two fitted years cannot test it.",
    "The size and timing of the corona shock in 2020: 7% over 12 months from January 2020 is seed 000's expectation for 2021, used here as an assumption for 2020.",
    "Maastricht's own trend before 2020: the seeds give no earlier Maastricht figure, so nothing is fitted for 2020 and there is no naive trend forecast.",
    "Registered against real outflow: benefits frozen instead of ended (Valkenier project, seed 002) keep people in work in the counts; the model does not separate them.",
];

/// [`NOT_IDENTIFIED`] in Dutch, item for item.
const NOT_IDENTIFIED_NL: [&str; 6] = [
    "Niveau van de instroom en uitstroomkansen: de jaarlijkse standen in de stukken leggen alleen de netto stroom (instroom min uitstroom) van elk jaar vast. new_inflow_pct wordt geschat met de uitstroomkansen op hun landelijke standaardwaarden; een hogere uitstroomkans met een hogere instroom past even goed op dezelfde punten (ongeveer dezelfde fout voor elke uitstroomkans tussen 1% en 2,5% per maand), dus de geschatte instroom vat de netto stroom samen en is geen schatting van de echte instroom.",
    "De samenstelling van het bestand naar duur in de bijstand en afstand tot werk op elk startmoment: elke berekening begint bij de standaardverdeling van het bestand, niet bij een geschatte toestand, en de stukken geven geen samenstelling.",
    "Hoe de landelijke conjunctuur de regio bereikt (via instroom of uitstroom, met of zonder vertraging): de variant met de landelijke conjunctuur neemt instroom aan, één op één, in hetzelfde jaar; met twee geschatte jaren is dat niet te toetsen.",
    "Omvang en timing van de coronaschok in 2020: 7% over 12 maanden vanaf januari 2020 is wat seed 000 voor 2021 verwacht, hier als aanname gebruikt voor 2020.",
    "De eigen trend van Maastricht vóór 2020: de stukken geven geen eerder cijfer voor Maastricht, dus voor 2020 wordt niets geschat en is er geen naïeve trendprognose.",
    "Geregistreerde tegenover echte uitstroom: uitkeringen die bevroren zijn in plaats van beëindigd (project Valkenier, seed 002) houden mensen met werk in de telling; het model houdt ze niet apart.",
];

/// The area a horizon is compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BacktestArea"))]
pub enum Area {
    /// The six municipalities together.
    Region,
    /// Maastricht alone (`results.municipalities[0]`).
    Maastricht,
}

/// One stock figure from the seeds: benefit households at the start of a month.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    at: YearMonth,
    stock: f64,
}

const fn point(year: i32, month: u8, stock: f64) -> Point {
    Point {
        at: YearMonth { year, month },
        stock,
    }
}

/// The region's benefit households (seed 002).
const REGION: [Point; 4] = [
    point(2017, 1, 4846.0),
    point(2018, 1, 4765.0),
    point(2019, 1, 4529.0),
    point(2019, 9, 4478.0),
];

/// Maastricht's benefit households (seed 000 §2).
const MAASTRICHT: [Point; 2] = [point(2020, 1, 3568.0), point(2020, 12, 3723.0)];

/// The corona growth shock assumed for Maastricht 2020: percent of the start stock, months.
const CORONA_SHOCK: (f64, u32) = (7.0, 12);

/// The national bijstand stock's change over a calendar year, percent (see [`METHOD`]).
fn national_change_pct(year: i32) -> Option<f64> {
    match year {
        2017 => Some(-1.4),
        2018 => Some(-5.4),
        2019 => Some((415.0 / 432.0 - 1.0) * 100.0),
        2020 => Some((428.0 / 415.0 - 1.0) * 100.0),
        _ => None,
    }
}

/// The national change per month summed over `months` months from `from` (percent).
fn national_change_over(from: YearMonth, months: u32) -> Option<f64> {
    (0..months)
        .map(|t| national_change_pct(from.plus(t).year).map(|p| p / 12.0))
        .sum()
}

/// One fit of the new inflow on a past year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fit {
    /// The forecast origin this fit serves.
    pub origin: YearMonth,
    /// The area fitted.
    pub area: Area,
    /// The month the fitted run starts (its stock is `stock_from`).
    pub fitted_from: YearMonth,
    /// The month whose start stock the fitted run must reach (`stock_to`).
    pub fitted_to: YearMonth,
    /// Benefit households at `fitted_from`.
    pub stock_from: f64,
    /// Benefit households at `fitted_to`.
    pub stock_to: f64,
    /// The fitted new inflow, percent of the start stock per month (4 decimals).
    pub new_inflow_pct: f64,
    /// The fitted run's stock at `fitted_to`, with the rounded inflow.
    pub reproduced: f64,
    /// The area's change over the fitted months, percent.
    pub area_change_pct: f64,
    /// The national change over the same months, percent (the covariate).
    pub national_change_pct: f64,
}

/// One forecast against one actual figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Horizon {
    /// The forecast origin: the first simulated month, whose start stock is known.
    pub origin: YearMonth,
    /// The month whose start stock is forecast.
    pub target: YearMonth,
    /// Months from origin to target.
    pub horizon_months: u32,
    /// The area compared.
    pub area: Area,
    /// Which forecast: `fitted`, `fitted_national_covariate`, `defaults` or
    /// `defaults_corona_shock` (see [`METHOD`]).
    pub variant: &'static str,
    /// The seeds' figure at the target, benefit households.
    pub actual: f64,
    /// The model's deterministic forecast, benefit households (1 decimal).
    pub forecast: f64,
    /// (forecast − actual) / actual × 100 (2 decimals).
    pub error_pct: f64,
    /// 5th percentile of the Monte Carlo stock at the target (1 decimal).
    pub band_p5: f64,
    /// 95th percentile of the Monte Carlo stock at the target (1 decimal).
    pub band_p95: f64,
    /// Whether the actual lies inside the 90% band (P5-P95).
    pub inside_90: bool,
    /// The no-change forecast: the stock at the origin.
    pub naive_no_change: f64,
    /// Its error, percent (2 decimals).
    pub naive_no_change_error_pct: f64,
    /// The trend forecast: the origin's stock plus the last yearly change, pro rata; null
    /// when there is no earlier figure.
    pub naive_trend: Option<f64>,
    /// Its error, percent (2 decimals); null when there is no trend forecast.
    pub naive_trend_error_pct: Option<f64>,
    /// The new inflow used, percent of the start stock per month.
    pub new_inflow_pct: f64,
    /// The growth shock used, percent of the start stock over the horizon (0: none).
    pub growth_pct: f64,
}

/// The outcome of a backtest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Backtest {
    /// The caseflow version.
    pub version: &'static str,
    /// Monte Carlo runs per band.
    pub runs: u32,
    /// The Monte Carlo seed.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seed: u64,
    /// How the backtest is done.
    pub method: String,
    /// How the backtest is done, in Dutch.
    pub method_nl: String,
    /// What the data could not pin down.
    pub not_identified: Vec<String>,
    /// What the data could not pin down, in Dutch (item for item).
    pub not_identified_nl: Vec<String>,
    /// The fitted new inflow per origin.
    pub fits: Vec<Fit>,
    /// Every forecast against its actual.
    pub horizons: Vec<Horizon>,
    /// The comparison with the naive forecasts, in words and figures.
    pub assessment: Vec<String>,
    /// The comparison with the naive forecasts, in Dutch (item for item).
    pub assessment_nl: Vec<String>,
}

fn error_pct(forecast: f64, actual: f64) -> f64 {
    (forecast - actual) / actual * 100.0
}

/// A backtest scenario: start stocks at the origin's actual, `months` long.
fn scenario(model: &Model, area: Area, origin: Point, months: u32) -> Scenario {
    let municipality = match area {
        Area::Region => None,
        Area::Maastricht => Some(0),
    };
    area_scenario(
        model,
        format!("backtest {} {months} months", origin.at),
        origin.at,
        months,
        municipality,
        origin.stock,
    )
}

/// The stock at the end of month index `t` (the start of month `t + 1`).
fn stock_at(results: &Results, area: Area, t: u32) -> f64 {
    let months = match area {
        Area::Region => &results.months,
        Area::Maastricht => &results.municipalities[0].months,
    };
    months.get(t as usize).map_or(f64::NAN, |m| m.benefits)
}

/// The new inflow (percent, 4 decimals) with which a run from `from` ends at `to`'s stock.
fn fit_inflow(model: &Model, area: Area, from: Point, to: Point) -> Result<f64, InputErrors> {
    let months = months_between(from.at, to.at);
    let base = scenario(model, area, from, months);
    let spec = model.table.param("new_inflow_pct");
    let (mut lo, mut hi) = spec.map_or((0.0, 10.0), |p| (p.min, p.max));
    let end = |pct: f64| -> Result<f64, InputErrors> {
        let mut s = base.clone();
        s.set.insert("new_inflow_pct".into(), pct);
        Ok(stock_at(&model.run(&s)?, area, months - 1))
    };
    // The end stock rises with the inflow; outside the allowed range the bound is the answer.
    if end(lo)? >= to.stock {
        return Ok(lo);
    }
    if end(hi)? <= to.stock {
        return Ok(hi);
    }
    for _ in 0..50 {
        let mid = 0.5 * (lo + hi);
        if end(mid)? < to.stock {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(round_to(0.5 * (lo + hi), 4))
}

/// A number leaf's percentile from Monte Carlo JSON.
fn pct_of(v: &Value, p: &str) -> f64 {
    v.get(p).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

/// The 90% band of the stock at the end of each month index in `at`.
fn bands(
    model: &Model,
    s: &Scenario,
    area: Area,
    at: &[u32],
    runs: u32,
    seed: u64,
) -> Result<Vec<(f64, f64)>, InputErrors> {
    let mc = model.monte_carlo(s, runs, seed, &mut |_| {})?;
    Ok(at
        .iter()
        .map(|&t| {
            let leaf = match area {
                Area::Region => &mc.months[t as usize]["benefits"],
                // Municipalities have only a summary in the Monte Carlo output, so a
                // Maastricht target is always the run's last month.
                Area::Maastricht => &mc.municipalities[0]["summary"]["benefits_end"],
            };
            (pct_of(leaf, "p5"), pct_of(leaf, "p95"))
        })
        .collect())
}

/// One forecast run: a scenario, its deterministic stocks and bands at the targets.
struct Forecast {
    variant: &'static str,
    new_inflow_pct: f64,
    growth_pct: f64,
    stocks: Vec<f64>,
    bands: Vec<(f64, f64)>,
}

#[allow(clippy::too_many_arguments)]
fn forecast(
    model: &Model,
    area: Area,
    variant: &'static str,
    origin: Point,
    targets: &[Point],
    new_inflow_pct: Option<f64>,
    growth_pct: f64,
    runs: u32,
    seed: u64,
) -> Result<Forecast, InputErrors> {
    let at: Vec<u32> = targets
        .iter()
        .map(|p| months_between(origin.at, p.at) - 1)
        .collect();
    let months = at.iter().max().map_or(1, |t| t + 1);
    let mut s = scenario(model, area, origin, months);
    if let Some(pct) = new_inflow_pct {
        s.set.insert("new_inflow_pct".into(), pct);
    }
    if growth_pct != 0.0 {
        let spread = if variant == "defaults_corona_shock" {
            CORONA_SHOCK.1
        } else {
            months
        };
        s.set.insert("growth_pct".into(), growth_pct);
        s.set.insert("growth_months".into(), f64::from(spread));
        s.set.insert("growth_start_month".into(), 0.0);
    }
    let results = model.run(&s)?;
    let stocks = at.iter().map(|&t| stock_at(&results, area, t)).collect();
    let new_inflow_pct = results
        .scenario
        .set
        .get("new_inflow_pct")
        .copied()
        .unwrap_or(f64::NAN);
    Ok(Forecast {
        variant,
        new_inflow_pct,
        growth_pct,
        stocks,
        bands: bands(model, &s, area, &at, runs, seed)?,
    })
}

/// The horizons of one forecast against the actuals.
fn horizons(
    area: Area,
    origin: Point,
    last_change_per_year: Option<f64>,
    targets: &[Point],
    f: &Forecast,
) -> Vec<Horizon> {
    targets
        .iter()
        .zip(&f.stocks)
        .zip(&f.bands)
        .map(|((target, &stock), &(p5, p95))| {
            let h = months_between(origin.at, target.at);
            let trend = last_change_per_year.map(|c| origin.stock + c * f64::from(h) / 12.0);
            Horizon {
                origin: origin.at,
                target: target.at,
                horizon_months: h,
                area,
                variant: f.variant,
                actual: target.stock,
                forecast: round_to(stock, 1),
                error_pct: round_to(error_pct(stock, target.stock), 2),
                band_p5: round_to(p5, 1),
                band_p95: round_to(p95, 1),
                inside_90: p5 <= target.stock && target.stock <= p95,
                naive_no_change: origin.stock,
                naive_no_change_error_pct: round_to(error_pct(origin.stock, target.stock), 2),
                naive_trend: trend.map(|t| round_to(t, 1)),
                naive_trend_error_pct: trend.map(|t| round_to(error_pct(t, target.stock), 2)),
                new_inflow_pct: f.new_inflow_pct,
                growth_pct: round_to(f.growth_pct, 4),
            }
        })
        .collect()
}

/// A count of households as the page writes it: whole, half away from zero (`f64::round`).
pub fn whole(x: f64) -> String {
    format!("{:.0}", x.round())
}

/// One horizon in words, in `lang`: the model's error against the naive forecasts'.
/// A variant as the page's table names it ("geschat + landelijk"), not its id.
fn variant_label(variant: &str, lang: Lang) -> &str {
    let [nl, en] = match variant {
        "fitted" => ["geschat", "fitted"],
        "fitted_national_covariate" => ["geschat + landelijk", "fitted + national"],
        "defaults" => ["standaard", "defaults"],
        "defaults_corona_shock" => ["standaard + corona", "defaults + corona"],
        other => [other, other],
    };
    lang.pick(nl, en)
}

fn assess(h: &Horizon, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let w = |nl_text: &'static str, en_text: &'static str| if nl { nl_text } else { en_text };
    let pct = |x: f64| lang.number_text(format!("{x:+.2}"));
    let e = h.error_pct.abs();
    let mut naive = vec![(w("gelijk", "no change"), h.naive_no_change_error_pct)];
    if let Some(t) = h.naive_trend_error_pct {
        naive.push(("trend", t));
    }
    let beaten: Vec<&str> = naive
        .iter()
        .filter(|(_, n)| e < n.abs())
        .map(|(name, _)| *name)
        .collect();
    let verdict = match beaten.len() {
        0 => w(
            "verslaat de naïeve prognose(s) niet",
            "does not beat the naive forecast(s)",
        )
        .to_owned(),
        b if b == naive.len() => w(
            "verslaat elke beschikbare naïeve prognose",
            "beats every naive forecast available",
        )
        .to_owned(),
        _ => format!(
            "{}{}{}",
            w("verslaat alleen naïef ", "beats only the "),
            beaten.join(", "),
            w("", " forecast")
        ),
    };
    let naive_text: Vec<String> = naive
        .iter()
        .map(|(name, n)| format!("{} {name} {}%", w("naïef", "naive"), pct(*n)))
        .collect();
    let trend_missing = match h.naive_trend_error_pct {
        Some(_) => "",
        None => w(
            " (geen trendprognose: geen eerder cijfer)",
            " (no trend forecast: no earlier figure)",
        ),
    };
    let area = match h.area {
        Area::Region => w("regio", "region"),
        Area::Maastricht => "Maastricht",
    };
    let inside = match h.inside_90 {
        true => w("binnen de 90%-band", "inside the 90% band"),
        false => w("buiten de 90%-band", "outside the 90% band"),
    };
    format!(
        "{area} {o} → {t} ({m} {months}, {v}): {forecast} {f} {against} {a}, {error} {err}% ({inside} {p5}-{p95}); {naive}{trend_missing}: {model} {verdict}.",
        o = h.origin,
        t = h.target,
        m = h.horizon_months,
        months = w("maanden", "months"),
        v = variant_label(h.variant, lang),
        forecast = w("prognose", "forecast"),
        f = whole(h.forecast),
        against = w("tegen werkelijk", "against actual"),
        a = whole(h.actual),
        error = w("fout", "error"),
        err = pct(h.error_pct),
        p5 = whole(h.band_p5),
        p95 = whole(h.band_p95),
        naive = naive_text.join(", "),
        model = w("het model", "the model"),
    )
}

/// The assessment in `lang`: the 12-month ex-ante horizon first (the headline), then every
/// other horizon, then the count of ex-ante wins.
fn assessment(out: &[Horizon], lang: Lang) -> Vec<String> {
    let headline = |h: &&Horizon| h.horizon_months == 12 && h.variant == "fitted";
    let prefix = lang.pick(
        "Hoofduitkomst, 12 maanden: ",
        "12-month horizon (the headline): ",
    );
    let mut lines: Vec<String> = out
        .iter()
        .filter(headline)
        .map(|h| format!("{prefix}{}", assess(h, lang)))
        .collect();
    lines.extend(out.iter().filter(|h| !headline(h)).map(|h| assess(h, lang)));
    let ex_ante: Vec<&Horizon> = out.iter().filter(|h| h.variant == "fitted").collect();
    let wins = ex_ante
        .iter()
        .filter(|h| {
            h.error_pct.abs() < h.naive_no_change_error_pct.abs()
                && h.naive_trend_error_pct
                    .is_none_or(|t| h.error_pct.abs() < t.abs())
        })
        .count();
    let [before, of, after] = match lang {
        Lang::En => [
            "Ex-ante regional forecasts (fitted) beat both naive forecasts at",
            "of",
            "horizons. With three regional horizons from two origins and one Maastricht year, this is a check of plausibility, not evidence that any method is better; the covariate variant uses the realised national change, and the corona variant a shock chosen knowing that 2020 had one: neither is an ex-ante forecast.",
        ],
        Lang::Nl => [
            "Ex-ante regionale prognoses (geschat) verslaan beide naïeve op",
            "van",
            "looptijden. Met drie regionale looptijden vanaf twee startmomenten en één jaar Maastricht is dit een aannemelijkheidstoets, geen bewijs dat een methode beter is; de variant met landelijke conjunctuur gebruikt de gerealiseerde landelijke verandering, en de coronavariant een schok gekozen in de wetenschap dat 2020 er een had: geen van beide is een ex-ante prognose.",
        ],
    };
    lines.push(format!(
        "{before} {wins} {of} {n} {after}",
        n = ex_ante.len()
    ));
    lines
}

/// Run the backtest: fits, forecasts, bands (`runs` Monte Carlo runs from `seed` per forecast)
/// and the comparison with the naive forecasts.
pub fn backtest(model: &Model, runs: u32, seed: u64) -> Result<Backtest, InputErrors> {
    let mut fits = Vec::new();
    let mut out = Vec::new();

    // Regional origins: each fitted on the year before it, forecasting every later figure.
    for k in 1..REGION.len() - 1 {
        let (before, origin) = (REGION[k - 1], REGION[k]);
        let targets = &REGION[k + 1..];
        let fitted = fit_inflow(model, Area::Region, before, origin)?;
        let fit_months = months_between(before.at, origin.at);
        let reproduced = {
            let mut s = scenario(model, Area::Region, before, fit_months);
            s.set.insert("new_inflow_pct".into(), fitted);
            stock_at(&model.run(&s)?, Area::Region, fit_months - 1)
        };
        let national_fit = national_change_over(before.at, fit_months).unwrap_or(0.0);
        fits.push(Fit {
            origin: origin.at,
            area: Area::Region,
            fitted_from: before.at,
            fitted_to: origin.at,
            stock_from: before.stock,
            stock_to: origin.stock,
            new_inflow_pct: fitted,
            reproduced: round_to(reproduced, 2),
            area_change_pct: round_to(error_pct(origin.stock, before.stock), 2),
            national_change_pct: round_to(national_fit, 2),
        });
        // Last year's change, per 12 months.
        let last_change = (origin.stock - before.stock) * 12.0 / f64::from(fit_months.max(1));

        let plain = forecast(
            model,
            Area::Region,
            "fitted",
            origin,
            targets,
            Some(fitted),
            0.0,
            runs,
            seed,
        )?;
        out.extend(horizons(
            Area::Region,
            origin,
            Some(last_change),
            targets,
            &plain,
        ));

        // The covariate shifts the inflow by the national change in the forecast months
        // beyond the (per-month) national change in the fitted months; one run per target,
        // because the shift is spread evenly over the run.
        for target in targets {
            let h = months_between(origin.at, target.at);
            let national_target = national_change_over(origin.at, h).unwrap_or(0.0);
            let shift = national_target - national_fit * f64::from(h) / f64::from(fit_months);
            let with = forecast(
                model,
                Area::Region,
                "fitted_national_covariate",
                origin,
                std::slice::from_ref(target),
                Some(fitted),
                round_to(shift, 4),
                runs,
                seed,
            )?;
            out.extend(horizons(
                Area::Region,
                origin,
                Some(last_change),
                std::slice::from_ref(target),
                &with,
            ));
        }
    }

    // Maastricht 2020: defaults, with and without the corona shock.
    let (origin, targets) = (MAASTRICHT[0], &MAASTRICHT[1..]);
    for (variant, growth) in [("defaults", 0.0), ("defaults_corona_shock", CORONA_SHOCK.0)] {
        let f = forecast(
            model,
            Area::Maastricht,
            variant,
            origin,
            targets,
            None,
            growth,
            runs,
            seed,
        )?;
        out.extend(horizons(Area::Maastricht, origin, None, targets, &f));
    }

    // Order: by origin, then horizon, the plain forecast first.
    out.sort_by_key(|h| (h.origin, h.horizon_months, h.area == Area::Maastricht));

    Ok(Backtest {
        version: crate::VERSION,
        runs,
        seed,
        method: METHOD.to_owned(),
        method_nl: METHOD_NL.to_owned(),
        not_identified: NOT_IDENTIFIED.iter().map(|s| (*s).to_owned()).collect(),
        not_identified_nl: NOT_IDENTIFIED_NL.iter().map(|s| (*s).to_owned()).collect(),
        fits,
        assessment: assessment(&out, Lang::En),
        assessment_nl: assessment(&out, Lang::Nl),
        horizons: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model::new().unwrap()
    }

    fn run() -> Backtest {
        backtest(&model(), 20, 7).unwrap()
    }

    #[test]
    fn the_method_and_what_is_not_identified_are_in_dutch_too() {
        let bt = run();
        crate::lang::bilingual::assert_translated(&bt.method, &bt.method_nl);
        crate::lang::bilingual::assert_translated_list(&bt.not_identified, &bt.not_identified_nl);
    }

    #[test]
    fn the_assessment_is_in_dutch_too_with_the_same_figures() {
        let bt = run();
        crate::lang::bilingual::assert_translated_list(&bt.assessment, &bt.assessment_nl);
        assert!(
            bt.assessment_nl[0].starts_with("Hoofduitkomst, 12 maanden"),
            "{}",
            bt.assessment_nl[0]
        );
        assert!(
            bt.assessment_nl.iter().all(|a| !a.contains("forecast")),
            "{:?}",
            bt.assessment_nl
        );
        // The closing caveat names every variant that knew something after its origin: the
        // national covariate and Maastricht's corona shock (a reviewer found only the first).
        let last = bt.assessment.last().unwrap();
        assert!(
            last.contains("covariate variant") && last.contains("corona variant"),
            "{last}"
        );
    }

    #[test]
    fn counts_are_rounded_half_away_from_zero_as_the_page_does() {
        assert_eq!(whole(4842.5), "4843");
        assert_eq!(whole(4533.5), "4534");
        assert_eq!(whole(4534.4), "4534");
        // Every band in the assessment is the table's, rounded so.
        let bt = run();
        for h in &bt.horizons {
            let band = format!("{}-{}", whole(h.band_p5), whole(h.band_p95));
            assert!(
                bt.assessment.iter().any(|a| a.contains(&band))
                    && bt.assessment_nl.iter().any(|a| a.contains(&band)),
                "{band}"
            );
        }
    }

    #[test]
    fn the_12_month_horizon_is_there_with_the_seed_figures_and_naive_errors() {
        let bt = run();
        let h = bt
            .horizons
            .iter()
            .find(|h| h.horizon_months == 12 && h.variant == "fitted")
            .expect("12-month horizon");
        assert_eq!(h.origin.to_string(), "2018-01");
        assert_eq!(h.target.to_string(), "2019-01");
        assert_eq!(h.actual, 4529.0);
        assert!((h.naive_no_change_error_pct - 5.21).abs() < 0.005, "{h:?}");
        // Trend: 4,765 − 81 = 4,684 against 4,529.
        let trend = h.naive_trend_error_pct.unwrap();
        assert!((trend - (4684.0 - 4529.0) / 4529.0 * 100.0).abs() < 0.005);
        assert!(h.band_p5 < h.forecast && h.forecast < h.band_p95, "{h:?}");
        assert!(bt.assessment[0].starts_with("12-month horizon"));
    }

    #[test]
    fn every_horizon_of_the_issue_is_there_with_its_actual() {
        let bt = run();
        let want = [
            ("2018-01", "2019-01", 12, 4529.0),
            ("2018-01", "2019-09", 20, 4478.0),
            ("2019-01", "2019-09", 8, 4478.0),
            ("2020-01", "2020-12", 11, 3723.0),
        ];
        for (o, t, m, actual) in want {
            let found: Vec<&Horizon> = bt
                .horizons
                .iter()
                .filter(|h| h.origin.to_string() == o && h.target.to_string() == t)
                .collect();
            assert_eq!(found.len(), 2, "{o} → {t}: two variants");
            for h in found {
                assert_eq!((h.horizon_months, h.actual), (m, actual));
                assert_eq!(h.naive_trend.is_none(), h.area == Area::Maastricht);
            }
        }
        let shock = bt
            .horizons
            .iter()
            .find(|h| h.variant == "defaults_corona_shock")
            .unwrap();
        let plain = bt
            .horizons
            .iter()
            .find(|h| h.variant == "defaults")
            .unwrap();
        assert!(shock.forecast > plain.forecast);
        let json = serde_json::to_value(&bt).unwrap();
        for key in [
            "origin",
            "target",
            "horizon_months",
            "actual",
            "forecast",
            "error_pct",
            "inside_90",
            "naive_no_change_error_pct",
            "naive_trend_error_pct",
        ] {
            assert!(json["horizons"][0].get(key).is_some(), "{key}");
        }
        assert_eq!(json["horizons"][0]["origin"], "2018-01");
        assert!(!bt.not_identified.is_empty());
    }

    #[test]
    fn each_fit_reproduces_its_year_within_one_household() {
        let bt = run();
        assert_eq!(bt.fits.len(), 2);
        for f in &bt.fits {
            assert!((f.reproduced - f.stock_to).abs() < 1.0, "{f:?}");
            assert!(f.new_inflow_pct > 0.0 && f.new_inflow_pct < 10.0);
        }
        assert_eq!(bt.fits[0].origin.to_string(), "2018-01");
        assert_eq!(
            (bt.fits[0].stock_from, bt.fits[0].stock_to),
            (4846.0, 4765.0)
        );
    }

    #[test]
    fn calibration_recovers_a_known_parameter() {
        let m = model();
        let from = point(2017, 1, 4846.0);
        let mut s = scenario(&m, Area::Region, from, 12);
        s.set.insert("new_inflow_pct".into(), 0.9);
        let generated = stock_at(&m.run(&s).unwrap(), Area::Region, 11);
        let to = point(2018, 1, generated);
        let fitted = fit_inflow(&m, Area::Region, from, to).unwrap();
        assert!((fitted - 0.9).abs() < 0.01, "{fitted}");
        // The same for Maastricht alone.
        let from = point(2020, 1, 3568.0);
        let mut s = scenario(&m, Area::Maastricht, from, 11);
        s.set.insert("new_inflow_pct".into(), 1.2);
        let generated = stock_at(&m.run(&s).unwrap(), Area::Maastricht, 10);
        let fitted = fit_inflow(&m, Area::Maastricht, from, point(2020, 12, generated)).unwrap();
        assert!((fitted - 1.2).abs() < 0.01, "{fitted}");
    }

    #[test]
    fn the_start_stocks_sum_to_the_actual_and_the_months_line_up() {
        let m = model();
        let s = scenario(&m, Area::Region, REGION[1], 12);
        let r = m.run(&s).unwrap();
        assert!((r.summary.benefits_start - 4765.0).abs() < 1e-6);
        // Horizon 12 from 2018-01 is the end of 2018-12, the start of 2019-01.
        assert_eq!(r.months[11].month.to_string(), "2018-12");
        assert_eq!(months_between(REGION[1].at, REGION[3].at), 20);
    }

    #[test]
    fn the_backtest_is_reproducible() {
        assert_eq!(run(), run());
    }
}
