//! `caseflow calibrate --data FILE [--format table|json] [--lang nl|en]`: the backtest's fit of
//! `new_inflow_pct` on an analyst's own stock series.
//!
//! The file format is documented in `caseflow_core::calibrate` and in `--help`. This module
//! reads the file; the core splits it into cells, checks every cell and does the fit (the
//! page calls the same function on the text of an uploaded file), and this module prints it.

use std::io::Write;
use std::path::PathBuf;

use caseflow_core::calibrate::{self, AreaFit, Calibration};
use caseflow_core::{Lang, Model};
use clap::ValueEnum;

use crate::Failure;
use crate::usage::LangArg;

/// Output format of the calibration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalibrateFormat {
    /// Per area: the fitted value, the fitted series against the data, the flows; then what
    /// the data could not pin down.
    Table,
    /// The full result as JSON.
    Json,
}

/// Arguments of `caseflow calibrate`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = FORMAT_HELP)]
pub struct CalibrateArgs {
    /// The series to fit on: a CSV file with header `area,month,benefits[,inflow,outflow]`
    /// (format below).
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Table)]
    pub format: CalibrateFormat,
    /// Language of the table, the messages and the method notes.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

/// The data format, shown by `caseflow calibrate --help`.
const FORMAT_HELP: &str = "\
Data format (CSV, comma-separated, UTF-8; lines starting with # are comments):

  area,month,benefits,inflow,outflow
  region,2017-01,4846,,
  region,2018-01,4765,,
  maastricht,2020-01,3568,95,80
  maastricht,2020-02,3583,,

  (every row has as many cells as the header; without flows, the header is
  area,month,benefits and the rows have three cells)

  area      region, or a municipality: maastricht, eijsden-margraten, gulpen-wittem,
            meerssen, vaals, valkenburg; or the names the page shows: regio,
            Valkenburg aan de Geul, ... (any case)
  month     YYYY-MM (2000-01 to 2100-12)
  benefits  benefit households (uitkeringen) on the first day of that month, 0 to 100000;
            a decimal point, no thousands separator
  inflow    optional: households entering during the month, or the period up to the
  outflow   area's next row (0 to 100000; an empty cell is unknown)

Rows may be monthly, yearly or irregular, in any order, areas mixed; consecutive points of
an area define its periods. Each area needs at least two rows, each month once, and at most
180 months from its first row to its last.

Fit: per area, one deterministic run from its first point (that stock as the start stock;
for the region the six municipal defaults scaled to it) to its last; new_inflow_pct is
chosen by golden-section search to minimise the squared stock errors at every later point,
everything else at its default. Inflow and outflow are read and compared with the fitted
run per period, but not used in the fit.

Exit codes: 0 success, 2 bad data (each problem named by line, field, value and what is
allowed), 1 a file that cannot be read.";

/// Read, fit and print.
pub fn run(model: &Model, args: &CalibrateArgs, out: &mut impl Write) -> Result<(), Failure> {
    let lang = Lang::from(args.lang);
    let bytes = crate::files::read(&args.data, "data", ["Gegevensbestand", "Data file"])?;
    let cal = calibrate::from_csv(model, &bytes)?;
    let text = match args.format {
        CalibrateFormat::Json => {
            serde_json::to_string_pretty(&cal).map_err(|e| Failure::Other(e.to_string()))? + "\n"
        }
        CalibrateFormat::Table => table(&cal, lang),
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Failure::Other(e.to_string()))
}

fn num(lang: Lang, s: String) -> String {
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn opt(lang: Lang, x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "-".to_owned(), |x| num(lang, format!("{x:.decimals$}")))
}

/// Rows of cells as aligned text: the first `left` columns to the left, the rest right.
fn aligned(rows: &[Vec<String>], left: usize) -> String {
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut s = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, &w))| {
                let pad = " ".repeat(w - cell.chars().count());
                if c < left {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        s.push_str("  ");
        s.push_str(cells.join("  ").trim_end());
        s.push('\n');
    }
    s
}

fn heads(lang: Lang, pairs: &[(&str, &str)]) -> Vec<String> {
    pairs
        .iter()
        .map(|(nl, en)| lang.pick(nl, en).to_owned())
        .collect()
}

fn area(f: &AreaFit, lang: Lang) -> String {
    let mut s = format!(
        "{} ({}): {} → {}, {} {}, {} {}, {} {}\n",
        f.area.id(),
        f.name,
        f.from,
        f.to,
        f.months,
        lang.pick("maanden", "months"),
        f.points_fitted + 1,
        lang.pick("punten", "points"),
        lang.pick("beginstand", "start stock"),
        num(lang, f.start_stock.to_string()),
    );
    let bound = match (f.at_bound, lang) {
        (None, _) => "",
        (Some(_), Lang::Nl) => " (grens van het toegestane bereik)",
        (Some(_), Lang::En) => " (bound of the allowed range)",
    };
    s.push_str(&format!(
        "  new_inflow_pct = {}{bound} ({})\n  {} {} {}; {} {}%\n",
        num(lang, format!("{:.4}", f.new_inflow_pct)),
        lang.pick(
            "% van de beginstand per maand",
            "% of the starting caseload per month"
        ),
        lang.pick(
            "wortel gemiddelde kwadratische fout",
            "root mean squared error"
        ),
        num(lang, format!("{:.1}", f.rmse)),
        lang.pick("uitkeringen", "benefits"),
        lang.pick("gemiddelde absolute fout", "mean absolute error"),
        num(lang, format!("{:.2}", f.mean_abs_error_pct)),
    ));
    let mut rows = vec![heads(
        lang,
        &[
            ("maand", "month"),
            ("regel", "line"),
            ("mnd", "months"),
            ("data", "data"),
            ("model", "fitted"),
            ("fout", "error"),
            ("fout %", "error %"),
        ],
    )];
    rows.extend(f.points.iter().map(|p| {
        vec![
            p.month.to_string(),
            p.line.to_string(),
            p.months.to_string(),
            num(lang, p.data.to_string()),
            num(lang, format!("{:.1}", p.fitted)),
            num(lang, format!("{:+.1}", p.error)),
            p.error_pct
                .map_or_else(|| "-".to_owned(), |e| num(lang, format!("{e:+.2}"))),
        ]
    }));
    s.push_str(&aligned(&rows, 1));
    if f.periods
        .iter()
        .any(|p| p.inflow.is_some() || p.outflow.is_some())
    {
        s.push_str(lang.pick(
            "  Stromen per periode (gelezen, niet gebruikt in de schatting):\n",
            "  Flows per period (read, not used in the fit):\n",
        ));
        let mut rows = vec![heads(
            lang,
            &[
                ("van", "from"),
                ("tot", "to"),
                ("regel", "line"),
                ("instroom", "inflow"),
                ("model", "fitted"),
                ("uitstroom", "outflow"),
                ("model", "fitted"),
                ("balansgat data", "data balance gap"),
            ],
        )];
        rows.extend(f.periods.iter().map(|p| {
            vec![
                p.from.to_string(),
                p.to.to_string(),
                p.line.to_string(),
                opt(lang, p.inflow, 1),
                num(lang, format!("{:.1}", p.fitted_inflow)),
                opt(lang, p.outflow, 1),
                num(lang, format!("{:.1}", p.fitted_outflow)),
                opt(lang, p.data_balance_gap, 1),
            ]
        }));
        s.push_str(&aligned(&rows, 2));
    }
    for n in if lang == Lang::Nl {
        &f.notes_nl
    } else {
        &f.notes
    } {
        s.push_str(&format!("  - {n}\n"));
    }
    s.push_str(&format!(
        "  {}: {}\n",
        lang.pick("Nagerekend met", "Rerun with"),
        f.rerun
    ));
    s
}

fn table(cal: &Calibration, lang: Lang) -> String {
    let mut s = String::new();
    for f in &cal.areas {
        s.push_str(&area(f, lang));
        s.push('\n');
    }
    let flows = &cal.flows;
    let flows_text = match (flows.inflow_rows + flows.outflow_rows, lang) {
        (0, Lang::Nl) => {
            "Geen instroom- of uitstroomcijfers: de schatting gebruikt alleen de standen."
                .to_owned()
        }
        (0, Lang::En) => "No inflow or outflow figures: the fit uses the stocks only.".to_owned(),
        (_, Lang::Nl) => format!(
            "instroom gelezen op {} en uitstroom op {}, maar niet gebruikt in de schatting (één getal wordt op de standen geschat); per periode staan ze naast de stromen van de geschatte run.",
            rows(flows.inflow_rows, ["rij", "rijen"]),
            rows(flows.outflow_rows, ["rij", "rijen"])
        ),
        (_, Lang::En) => format!(
            "inflow read on {} and outflow on {}, but not used in the fit (one scalar is fitted on the stocks); per period they are shown next to the fitted run's flows.",
            rows(flows.inflow_rows, ["row", "rows"]),
            rows(flows.outflow_rows, ["row", "rows"])
        ),
    };
    s.push_str(&format!(
        "{}: {flows_text}\n",
        lang.pick("Stromen", "Flows")
    ));
    s.push_str(&format!(
        "\n{}:\n",
        lang.pick("Niet te bepalen uit de data", "Not identified by the data")
    ));
    let not_identified = match lang {
        Lang::Nl => &cal.not_identified_nl,
        Lang::En => &cal.not_identified,
    };
    for l in not_identified {
        s.push_str(&format!("- {l}\n"));
    }
    s.push_str(&format!(
        "\n{}: {}\n",
        lang.pick("Methode", "Method"),
        lang.pick(&cal.method_nl, &cal.method)
    ));
    s
}

/// "1 rij", "3 rijen": a count with its noun.
fn rows(n: usize, noun: [&str; 2]) -> String {
    format!("{n} {}", if n == 1 { noun[0] } else { noun[1] })
}
