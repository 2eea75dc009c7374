//! `caseflow backtest [--format table|json] [--lang nl|en] [--runs N] [--seed S]`: forecasts
//! from past origins against the seeds' figures, next to two naive forecasts.
//!
//! Everything is computed by `caseflow_core::backtest`; this module only prints it.

use std::io::Write;

use caseflow_core::backtest::{self, Area, Backtest, Horizon, whole};
use caseflow_core::{Lang, Model};
use clap::ValueEnum;

use crate::usage::LangArg;

/// Output format of the backtest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BacktestFormat {
    /// An aligned table with the fits, the assessment and what the data could not pin down.
    Table,
    /// The full result as JSON.
    Json,
}

/// Arguments of `caseflow backtest`.
#[derive(Debug, Clone, clap::Args)]
pub struct BacktestArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = BacktestFormat::Table)]
    pub format: BacktestFormat,
    /// Language of the table, the assessment and the method notes.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Monte Carlo runs per forecast, for the 90% band (2 to 100000).
    #[arg(long, default_value_t = backtest::DEFAULT_RUNS.to_string(), allow_hyphen_values = true)]
    pub runs: String,
    /// Monte Carlo seed: the same seed gives the same output.
    #[arg(long, default_value_t = backtest::DEFAULT_SEED.to_string(), allow_hyphen_values = true)]
    pub seed: String,
}

/// Run the backtest and print it as a table or JSON.
/// `runs` and `seed` are the checked `args.runs` and `args.seed`.
pub fn run(
    model: &Model,
    args: &BacktestArgs,
    runs: u32,
    seed: u64,
    out: &mut impl Write,
) -> Result<(), String> {
    let lang = Lang::from(args.lang);
    let bt = backtest::backtest(model, runs, seed).map_err(|e| {
        e.0.iter()
            .map(|x| x.message(lang))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let text = match args.format {
        BacktestFormat::Json => {
            serde_json::to_string_pretty(&bt).map_err(|e| e.to_string())? + "\n"
        }
        BacktestFormat::Table => table(&bt, lang),
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn decimal(lang: Lang, s: String) -> String {
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn pct(lang: Lang, x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| decimal(lang, format!("{x:+.2}")))
}

fn area(lang: Lang, a: Area) -> &'static str {
    match a {
        Area::Region => lang.pick("regio", "region"),
        Area::Maastricht => "Maastricht",
    }
}

fn row(lang: Lang, h: &Horizon) -> Vec<String> {
    vec![
        h.origin.to_string(),
        h.target.to_string(),
        h.horizon_months.to_string(),
        area(lang, h.area).to_owned(),
        h.variant.to_owned(),
        whole(h.actual),
        whole(h.forecast),
        pct(lang, Some(h.error_pct)),
        format!("{}-{}", whole(h.band_p5), whole(h.band_p95)),
        lang.pick(
            if h.inside_90 { "ja" } else { "nee" },
            if h.inside_90 { "yes" } else { "no" },
        )
        .to_owned(),
        pct(lang, Some(h.naive_no_change_error_pct)),
        pct(lang, h.naive_trend_error_pct),
    ]
}

fn table(bt: &Backtest, lang: Lang) -> String {
    let head: Vec<String> = [
        ("oorsprong", "origin"),
        ("doel", "target"),
        ("mnd", "months"),
        ("gebied", "area"),
        ("variant", "variant"),
        ("werkelijk", "actual"),
        ("prognose", "forecast"),
        ("fout %", "error %"),
        ("90%-band", "90% band"),
        ("binnen 90%", "inside 90%"),
        ("naïef gelijk %", "naive no change %"),
        ("naïef trend %", "naive trend %"),
    ]
    .iter()
    .map(|(nl, en)| lang.pick(nl, en).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = std::iter::once(head)
        .chain(bt.horizons.iter().map(|h| row(lang, h)))
        .collect();
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut s = String::new();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, &w))| {
                let pad = w - cell.chars().count();
                // Text columns left, numbers right.
                if c < 5 && c != 2 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        s.push_str(cells.join("  ").trim_end());
        s.push('\n');
    }
    s.push('\n');
    s.push_str(lang.pick(
        "Geschatte nieuwe instroom (% van de beginstand per maand):\n",
        "Fitted new inflow (% of the starting caseload per month):\n",
    ));
    for f in &bt.fits {
        s.push_str(&format!(
            "  {o}: {from} → {to} ({a} → {b}, {ac}%; {nat} {nc}%): new_inflow_pct = {v}, {rep} {r}\n",
            o = f.origin,
            from = f.fitted_from,
            to = f.fitted_to,
            a = whole(f.stock_from),
            b = whole(f.stock_to),
            ac = pct(lang, Some(f.area_change_pct)),
            nat = lang.pick("landelijk", "national"),
            nc = pct(lang, Some(f.national_change_pct)),
            v = decimal(lang, format!("{:.4}", f.new_inflow_pct)),
            rep = lang.pick("nagerekend", "reproduced"),
            r = decimal(lang, format!("{:.1}", f.reproduced)),
        ));
    }
    for (title, lines) in [
        (
            lang.pick("Beoordeling", "Assessment"),
            match lang {
                Lang::Nl => &bt.assessment_nl,
                Lang::En => &bt.assessment,
            },
        ),
        (
            lang.pick("Niet te bepalen uit de data", "Not identified by the data"),
            match lang {
                Lang::Nl => &bt.not_identified_nl,
                Lang::En => &bt.not_identified,
            },
        ),
    ] {
        s.push_str(&format!("\n{title}:\n"));
        for l in lines {
            s.push_str(&format!("- {l}\n"));
        }
    }
    s.push_str(&format!(
        "\n{}: {}\n{} {}, seed {}\n",
        lang.pick("Methode", "Method"),
        lang.pick(&bt.method_nl, &bt.method),
        lang.pick("Monte Carlo-runs:", "Monte Carlo runs:"),
        bt.runs,
        bt.seed
    ));
    s
}
