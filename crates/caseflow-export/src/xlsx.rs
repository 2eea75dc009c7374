//! The workbook renderer (rust_xlsxwriter): the about sheet, the region's results, the
//! municipalities and the assumptions, from the same tables as the CSV.

use caseflow_core::Lang;
use caseflow_core::params::{Distribution, Evidence, ParamSpec};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, RowNum, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;

use crate::Export;
use crate::table::{self, Areas, Cell, Fmt, STATS, SUMMARY, Table};

/// The cell formats.
struct Formats {
    title: Format,
    heading: Format,
    bold: Format,
    header: Format,
    wrap: Format,
    money: Format,
    count: Format,
    whole: Format,
    ratio: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new().set_bold().set_font_size(12),
            bold: Format::new().set_bold(),
            header: Format::new().set_bold().set_text_wrap(),
            wrap: Format::new().set_text_wrap(),
            money: Format::new().set_num_format("\"€\" #,##0.00;\"€\" -#,##0.00"),
            count: Format::new().set_num_format("#,##0.0"),
            whole: Format::new().set_num_format("0"),
            ratio: Format::new().set_num_format("0.00"),
            percent: Format::new().set_num_format("0%"),
        }
    }

    fn of(&self, fmt: Fmt) -> &Format {
        match fmt {
            Fmt::Count => &self.count,
            Fmt::Whole => &self.whole,
            Fmt::Money => &self.money,
            Fmt::Ratio => &self.ratio,
        }
    }
}

/// An exact decimal as the `f64` its text reads as (correctly rounded).
fn to_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

fn put(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        Cell::Num(x, fmt) => {
            ws.write_number_with_format(row, col, *x, f.of(*fmt))?;
        }
        Cell::Dec(d, fmt) => {
            ws.write_number_with_format(row, col, to_f64(*d), f.of(*fmt))?;
        }
    }
    Ok(())
}

/// Write a table from `row`, leaving out its first `skip` columns; returns the next free row.
fn put_table(
    ws: &mut Worksheet,
    mut row: RowNum,
    t: &Table,
    skip: usize,
    f: &Formats,
) -> Result<RowNum, XlsxError> {
    for (c, label) in t.labels.iter().skip(skip).enumerate() {
        ws.write_string_with_format(row, c as ColNum, label, &f.header)?;
    }
    row += 1;
    for r in &t.rows {
        for (c, cell) in r.iter().skip(skip).enumerate() {
            put(ws, row, c as ColNum, cell, f)?;
        }
        row += 1;
    }
    Ok(row)
}

/// A label in bold and a value beside it.
fn pair(
    ws: &mut Worksheet,
    row: RowNum,
    label: &str,
    value: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, label, &f.bold)?;
    ws.write_string_with_format(row, 1, value, &f.wrap)?;
    Ok(())
}

struct Names {
    about: &'static str,
    results: &'static str,
    municipalities: &'static str,
    assumptions: &'static str,
}

fn names(lang: Lang) -> Names {
    match lang {
        Lang::Nl => Names {
            about: "Verantwoording",
            results: "Resultaten",
            municipalities: "Gemeenten",
            assumptions: "Aannames",
        },
        Lang::En => Names {
            about: "About",
            results: "Results",
            municipalities: "Municipalities",
            assumptions: "Assumptions",
        },
    }
}

/// The workbook's bytes.
pub fn workbook(e: &Export<'_>) -> Result<Vec<u8>, XlsxError> {
    let lang = e.lang;
    let f = Formats::new();
    let n = names(lang);
    let mut wb = Workbook::new();
    let (y, m, d) = e.ymd;
    let title = format!(
        "caseflow: {}",
        if e.results.scenario.name.trim().is_empty() {
            e.fingerprint()
        } else {
            e.results.scenario.name.trim()
        }
    );
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_author("caseflow")
            .set_comment(e.cite())
            // The caller's date, so the same inputs give the same bytes.
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    about(wb.add_worksheet().set_name(n.about)?, e, &title, &n, &f)?;
    results(wb.add_worksheet().set_name(n.results)?, e, &f)?;
    municipalities(wb.add_worksheet().set_name(n.municipalities)?, e, &f)?;
    assumptions(wb.add_worksheet().set_name(n.assumptions)?, e, &f)?;
    wb.save_to_buffer()
}

fn about(
    ws: &mut Worksheet,
    e: &Export<'_>,
    title: &str,
    n: &Names,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = e.lang;
    let s = &e.results.scenario;
    ws.set_column_width(0, 42)?;
    ws.set_column_width(1, 100)?;
    ws.write_string_with_format(0, 0, title, &f.title)?;
    let method = match e.monte_carlo {
        None => lang
            .pick("deterministische berekening", "deterministic run")
            .to_owned(),
        Some(mc) => format!("Monte Carlo ({} runs, seed {})", mc.runs, mc.seed),
    };
    let mut rows: Vec<(&str, String)> = vec![
        (
            lang.pick("Citeer dit resultaat", "Cite this result"),
            e.cite(),
        ),
        (
            lang.pick("caseflow-versie", "caseflow version"),
            caseflow_core::VERSION.to_owned(),
        ),
        (
            lang.pick("Vingerafdruk scenario", "Scenario fingerprint"),
            e.fingerprint().to_owned(),
        ),
        (lang.pick("Datum", "Date"), e.date.to_owned()),
        (lang.pick("Scenario", "Scenario"), s.name.clone()),
    ];
    if !s.description.trim().is_empty() {
        rows.push((
            lang.pick("Omschrijving", "Description"),
            s.description.clone(),
        ));
    }
    rows.extend([
        (
            lang.pick("Eerste maand", "First month"),
            s.start.to_string(),
        ),
        (
            lang.pick("Looptijd (maanden)", "Horizon (months)"),
            s.months.to_string(),
        ),
        (lang.pick("Berekening", "Method"), method),
    ]);
    if let Some(mc) = e.monte_carlo {
        rows.push((
            lang.pick("Monte Carlo-methode", "Monte Carlo method"),
            match lang {
                // A Monte Carlo read back without its Dutch method says it in English.
                Lang::Nl if !mc.method_nl.is_empty() => mc.method_nl.clone(),
                _ => mc.method.clone(),
            },
        ));
        // Three midpoints (the central run, the runs' mean and median) said apart, as the
        // page's workbook does: a positive mean beside a negative median read as a contradiction.
        rows.push((
            lang.pick("Kolommen", "Columns"),
            lang.pick(
                "Een cijfer zonder toevoeging komt uit de centrale berekening (zonder toeval); gemiddelde en P5-P95 zijn over de runs van de Monte Carlo. Bij een scheve verdeling verschillen centrale berekening, gemiddelde en mediaan (P50).",
                "A figure without a suffix is from the central run (no chance); mean and P5-P95 are over the Monte Carlo runs. With a skewed spread the central run, the mean and the median (P50) differ.",
            )
            .to_owned(),
        ));
    }
    rows.push((
        lang.pick("Afronding van bedragen", "Money rounding"),
        lang.pick(
            caseflow_core::results::MONEY_ROUNDING_NL,
            e.results.money_rounding,
        )
        .to_owned(),
    ));
    let mut row: RowNum = 2;
    for (label, value) in &rows {
        pair(ws, row, label, value, f)?;
        row += 1;
    }
    if let Some(mc) = e.monte_carlo {
        row += 1;
        ws.write_string_with_format(row, 0, lang.pick("Kansen", "Probabilities"), &f.heading)?;
        row += 1;
        let p = &mc.probabilities;
        let chances = [
            (
                lang.pick("Terugverdiend binnen 2 jaar", "Payback within 2 years"),
                p.payback_within_2_years,
            ),
            (
                lang.pick("Terugverdiend binnen 5 jaar", "Payback within 5 years"),
                p.payback_within_5_years,
            ),
            (
                lang.pick("Terugverdiend binnen 10 jaar", "Payback within 10 years"),
                p.payback_within_10_years,
            ),
            (
                lang.pick(
                    "Bestand eindigt boven de start",
                    "Caseload ends above its start",
                ),
                Some(p.caseload_ends_above_start),
            ),
            (
                lang.pick("Positief netto resultaat", "Positive net result"),
                Some(p.net_saving_positive),
            ),
        ];
        for (label, value) in chances {
            ws.write_string_with_format(row, 0, label, &f.bold)?;
            match value {
                Some(x) => ws.write_number_with_format(row, 1, x, &f.percent)?,
                None => ws.write_string(
                    row,
                    1,
                    lang.pick("(looptijd te kort)", "(horizon too short)"),
                )?,
            };
            row += 1;
        }
    }
    if let Some(b) = &s.budget {
        row += 1;
        ws.write_string_with_format(row, 0, lang.pick("Budget", "Budget"), &f.heading)?;
        row += 1;
        let lines = b
            .available
            .iter()
            .map(|l| (lang.pick("beschikbaar", "available"), l))
            .chain(
                b.other_allocations
                    .iter()
                    .map(|l| (lang.pick("andere toewijzing", "other allocation"), l)),
            );
        for (kind, line) in lines {
            ws.write_string_with_format(row, 0, format!("{kind}: {}", line.label), &f.bold)?;
            ws.write_number_with_format(row, 1, line.amount_eur, &f.money)?;
            ws.write_string(row, 2, &line.source)?;
            row += 1;
        }
    }
    if !e.results.notes.is_empty() {
        row += 1;
        ws.write_string_with_format(
            row,
            0,
            lang.pick("Let op: de bronstukken", "Note: the source papers"),
            &f.heading,
        )?;
        row += 1;
        for note in &e.results.notes {
            pair(ws, row, &note.source, lang.pick(&note.nl, &note.en), f)?;
            row += 1;
        }
    }
    row += 1;
    ws.write_string_with_format(row, 0, lang.pick("Tabbladen", "Sheets"), &f.heading)?;
    row += 1;
    let guide = [
        (
            n.results,
            lang.pick(
                "De regio: kengetallen over de looptijd, per jaar en per maand (met percentielen bij een Monte Carlo).",
                "The region: headline figures over the horizon, per year and per month (with percentiles for a Monte Carlo).",
            ),
        ),
        (
            n.municipalities,
            lang.pick(
                "Per gemeente: kengetallen met de verdeelsleutel van de kosten, en per jaar het BUIG-budget, de terugval, het vangnet en het aandeel in de kosten.",
                "Per municipality: headline figures with the cost key, and per year the BUIG grant, its feedback, the safety net and the cost share.",
            ),
        ),
        (
            n.assumptions,
            lang.pick(
                "Elke aanname: gebruikte waarde, standaardwaarde, aannemelijk en toegestaan bereik, bewijs en bron; en de velden van elk programma.",
                "Every assumption: value in use, default, plausible and allowed range, evidence and source; and each programme's fields.",
            ),
        ),
    ];
    for (sheet, what) in guide {
        pair(ws, row, sheet, what, f)?;
        row += 1;
    }
    Ok(())
}

fn results(ws: &mut Worksheet, e: &Export<'_>, f: &Formats) -> Result<(), XlsxError> {
    let lang = e.lang;
    ws.set_column_width(0, 44)?;
    for c in 1..=150 {
        ws.set_column_width(c, 14)?;
    }
    ws.write_string_with_format(
        0,
        0,
        format!("{} {}", lang.pick("Regio", "Region"), table::REGION.1),
        &f.title,
    )?;
    // The headline figures, one per row, with their percentiles.
    let mut row: RowNum = 2;
    ws.write_string_with_format(
        row,
        0,
        lang.pick("Kengetal over de looptijd", "Figure over the horizon"),
        &f.header,
    )?;
    ws.write_string_with_format(row, 1, lang.pick("Waarde", "Value"), &f.header)?;
    if e.monte_carlo.is_some() {
        for (c, (_, nl, en)) in STATS.iter().enumerate() {
            ws.write_string_with_format(row, 2 + c as ColNum, lang.pick(nl, en), &f.header)?;
        }
    }
    row += 1;
    let summary = &e.results.summary;
    for fig in SUMMARY {
        ws.write_string(row, 0, lang.pick(fig.nl, fig.en))?;
        put(ws, row, 1, &(fig.get)(summary), f)?;
        if let Some(mc) = e.monte_carlo {
            let value: &Value = &mc.summary[fig.key];
            for (c, (stat, _, _)) in STATS.iter().enumerate() {
                put(
                    ws,
                    row,
                    2 + c as ColNum,
                    &table::stat(value, stat, fig.fmt),
                    f,
                )?;
            }
        }
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, lang.pick("Per jaar", "Per year"), &f.heading)?;
    row = put_table(ws, row + 1, &table::years(e, Areas::Region), 2, f)?;
    row += 1;
    ws.write_string_with_format(row, 0, lang.pick("Per maand", "Per month"), &f.heading)?;
    put_table(ws, row + 1, &table::months(e, Areas::Region), 2, f)?;
    Ok(())
}

fn municipalities(ws: &mut Worksheet, e: &Export<'_>, f: &Formats) -> Result<(), XlsxError> {
    let lang = e.lang;
    ws.set_column_width(0, 24)?;
    for c in 1..=140 {
        ws.set_column_width(c, 14)?;
    }
    ws.write_string_with_format(
        0,
        0,
        lang.pick(
            "Per gemeente, over de looptijd",
            "Per municipality, over the horizon",
        ),
        &f.title,
    )?;
    let mut row = put_table(ws, 2, &table::summary(e), 1, f)?;
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        lang.pick(
            "Per gemeente en jaar: BUIG, vangnet en kosten",
            "Per municipality and year: BUIG, safety net and cost",
        ),
        &f.heading,
    )?;
    put_table(ws, row + 1, &table::years(e, Areas::Municipalities), 1, f)?;
    ws.set_freeze_panes(0, 1)?;
    Ok(())
}

/// A programme field's value as a scenario file writes it (`far`, `buig`), so that an analyst
/// can copy it into one.
fn name_of(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A parameter's distribution in the workbook's language (in English its name in the
/// parameter file).
fn distribution_name(d: Distribution, lang: Lang) -> &'static str {
    use Distribution::*;
    let [nl, en] = match d {
        Fixed => ["vast", "fixed"],
        Normal => ["normaal", "normal"],
        Lognormal => ["lognormaal", "lognormal"],
        Uniform => ["uniform", "uniform"],
        Triangular => ["driehoekig", "triangular"],
    };
    lang.pick(nl, en)
}

/// A parameter's evidence in the workbook's language (in English its name in the parameter
/// file).
fn evidence_name(e: Evidence, lang: Lang) -> &'static str {
    use Evidence::*;
    let [nl, en] = match e {
        Seed => ["stukken van de regio", "seed"],
        Study => ["studie", "study"],
        Derived => ["afgeleid", "derived"],
        Assumption => ["aanname", "assumption"],
    };
    lang.pick(nl, en)
}

fn spec_row(
    ws: &mut Worksheet,
    row: RowNum,
    p: &ParamSpec,
    in_use: Option<f64>,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string(row, 0, &p.id)?;
    ws.write_string(row, 1, lang.pick(&p.label_nl, &p.label_en))?;
    ws.write_string(row, 2, lang.pick(&p.unit_nl, &p.unit_en))?;
    if let Some(v) = in_use {
        ws.write_number_with_format(row, 3, v, &f.bold)?;
    }
    for (c, v) in [p.default, p.low, p.high, p.min, p.max]
        .into_iter()
        .enumerate()
    {
        ws.write_number(row, 4 + c as ColNum, v)?;
    }
    ws.write_string(row, 9, distribution_name(p.distribution, lang))?;
    ws.write_string(row, 10, evidence_name(p.evidence, lang))?;
    ws.write_string(row, 11, lang.pick(&p.source_nl, &p.source))?;
    Ok(())
}

fn assumptions(ws: &mut Worksheet, e: &Export<'_>, f: &Formats) -> Result<(), XlsxError> {
    let lang = e.lang;
    let s = &e.results.scenario;
    for (c, w) in [36, 44, 30, 12, 12, 12, 12, 12, 12, 12, 12, 90]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as ColNum, w)?;
    }
    let header = [
        ("Parameter", "Parameter"),
        ("Omschrijving", "Label"),
        ("Eenheid", "Unit"),
        ("Gebruikte waarde", "Value in use"),
        ("Standaard", "Default"),
        ("Aannemelijk laag", "Plausible low"),
        ("Aannemelijk hoog", "Plausible high"),
        ("Toegestaan min", "Allowed min"),
        ("Toegestaan max", "Allowed max"),
        ("Verdeling", "Distribution"),
        ("Bewijs", "Evidence"),
        ("Bron", "Source"),
    ];
    for (c, (nl, en)) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as ColNum, lang.pick(nl, en), &f.header)?;
    }
    ws.set_freeze_panes(1, 1)?;
    let mut row: RowNum = 1;
    for p in &e.table.params {
        spec_row(ws, row, p, s.set.get(&p.id).copied(), lang, f)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        lang.pick(
            "Velden van een programma (standaardwaarden)",
            "A programme's fields (defaults)",
        ),
        &f.heading,
    )?;
    row += 1;
    for p in &e.table.programme_fields {
        spec_row(ws, row, p, None, lang, f)?;
        row += 1;
    }
    if s.programmes.is_empty() {
        return Ok(());
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        lang.pick("Programma's in dit scenario", "Programmes in this scenario"),
        &f.heading,
    )?;
    row += 1;
    let header = [
        ("Programma", "Programme"),
        ("Veld", "Field"),
        ("Eenheid", "Unit"),
        ("Gebruikte waarde", "Value in use"),
        ("Standaard", "Default"),
    ];
    for (c, (nl, en)) in header.iter().enumerate() {
        ws.write_string_with_format(row, c as ColNum, lang.pick(nl, en), &f.header)?;
    }
    ws.write_string_with_format(row, 11, lang.pick("Bron", "Source"), &f.header)?;
    row += 1;
    for prog in &s.programmes {
        let who = if prog.name.is_empty() {
            prog.id.clone()
        } else {
            format!("{} ({})", prog.id, prog.name)
        };
        let choices = [
            (
                lang.pick("Eerste maand", "First month"),
                prog.start.map(|m| m.to_string()).unwrap_or_default(),
            ),
            (lang.pick("Doelgroep", "Target"), name_of(prog.target)),
            (
                lang.pick("Effect vanaf", "Effect from"),
                name_of(prog.effect_from),
            ),
            (
                lang.pick("Blijft in de uitkering", "Stays on benefit"),
                prog.on_benefit.to_string(),
            ),
            (lang.pick("Betaald uit", "Funded by"), name_of(prog.funding)),
        ];
        for (label, value) in choices {
            ws.write_string(row, 0, &who)?;
            ws.write_string(row, 1, label)?;
            ws.write_string_with_format(row, 3, value, &f.bold)?;
            row += 1;
        }
        for (id, value) in prog.numeric_fields() {
            let spec = e.table.programme_field(id);
            ws.write_string(row, 0, &who)?;
            ws.write_string(
                row,
                1,
                spec.map_or(id, |p| lang.pick(&p.label_nl, &p.label_en)),
            )?;
            if let Some(p) = spec {
                ws.write_string(row, 2, lang.pick(&p.unit_nl, &p.unit_en))?;
                ws.write_number(row, 4, p.default)?;
                ws.write_string(row, 11, lang.pick(&p.source_nl, &p.source))?;
            }
            if let Some(v) = value {
                ws.write_number_with_format(row, 3, v, &f.bold)?;
            }
            row += 1;
        }
    }
    Ok(())
}
