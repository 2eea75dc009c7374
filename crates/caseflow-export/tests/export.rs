//! The exports read back, with the libraries an analyst would use, to the numbers of the run.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use caseflow_core::montecarlo::MonteCarlo;
use caseflow_core::{Lang, Model, Results, Scenario};
use caseflow_export::{Export, ExportError};
use rust_decimal::Decimal;

const DATE: &str = "2025-06-01";

fn model() -> Model {
    Model::new().unwrap()
}

/// The corona preset over 24 months, with a name that needs quoting in CSV.
fn scenario(model: &Model) -> Scenario {
    let mut s = model.preset("corona-2021").unwrap().scenario.clone();
    s.months = 24;
    s.name = "Corona, \"variant\" 2021".into();
    s
}

fn run(model: &Model) -> Results {
    model.run(&scenario(model)).unwrap()
}

fn monte_carlo(model: &Model) -> MonteCarlo {
    model
        .monte_carlo(&scenario(model), 20, 7, &mut |_| {})
        .unwrap()
}

/// The CSV as records of a standard reader with default options, and its header.
fn parse(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_monthly_csv_parses_to_the_numbers_of_the_run() {
    let model = model();
    let r = run(&model);
    let e = Export::new(&r, None, &model.table, Lang::En, DATE).unwrap();
    let (header, rows) = parse(&e.csv_months());
    assert_eq!(header[..4], ["area_id", "area", "month", "benefits"]);
    assert_eq!(
        header[header.len() - 3..],
        ["caseflow_version", "scenario_fingerprint", "cite"]
    );
    assert!(!header.iter().any(|h| h.ends_with("_p5")));
    assert_eq!(rows.len(), 7 * 24);
    let (benefits, saving, cost) = (
        column(&header, "benefits"),
        column(&header, "gross_saving_eur"),
        column(&header, "programme_cost_eur"),
    );
    let areas = std::iter::once(("region", &r.months))
        .chain(r.municipalities.iter().map(|m| (m.id, &m.months)));
    let mut i = 0;
    for (id, months) in areas {
        for m in months.iter() {
            let row = &rows[i];
            assert_eq!(&row[0], id);
            assert_eq!(row[2], m.month.to_string());
            assert_eq!(row[benefits].parse::<f64>().unwrap(), m.benefits);
            assert_eq!(row[saving].parse::<Decimal>().unwrap(), m.gross_saving_eur);
            assert_eq!(row[cost].parse::<Decimal>().unwrap(), m.programme_cost_eur);
            assert_eq!(row[header.len() - 3], *caseflow_core::VERSION);
            assert_eq!(row[header.len() - 2], *e.fingerprint());
            i += 1;
        }
    }
    // The cite line, quotes and comma included, in the first row only.
    assert_eq!(rows[0][header.len() - 1], e.cite());
    assert!(e.cite().contains("\"variant\""), "{}", e.cite());
    assert!(rows[1..].iter().all(|r| r[header.len() - 1].is_empty()));
    assert_eq!(e.fingerprint(), r.scenario.fingerprint(&model.table));
}

#[test]
fn the_yearly_and_summary_csv_hold_every_area() {
    let model = model();
    let r = run(&model);
    let e = Export::new(&r, None, &model.table, Lang::Nl, DATE).unwrap();
    let (header, rows) = parse(&e.csv_years());
    assert_eq!(rows.len(), 7 * 2);
    let (grant, year) = (column(&header, "buig_grant_eur"), column(&header, "year"));
    let vaals = r.municipalities.iter().find(|m| m.id == "vaals").unwrap();
    let row = rows
        .iter()
        .find(|row| &row[0] == "vaals" && &row[year] == "2022")
        .unwrap();
    assert_eq!(
        row[grant].parse::<Decimal>().unwrap(),
        vaals.years[1].buig_grant_eur
    );

    let (header, rows) = parse(&e.csv_summary());
    assert_eq!(rows.len(), 7);
    let net = column(&header, "net_saving_eur");
    assert_eq!(
        rows[0][net].parse::<Decimal>().unwrap(),
        r.summary.net_saving_eur
    );
    let key = column(&header, "cost_key_pct");
    assert_eq!(&rows[0][key], "");
    let share: f64 = rows[1..]
        .iter()
        .map(|row| row[key].parse::<f64>().unwrap())
        .sum();
    assert!((share - 100.0).abs() < 1e-9, "{share}");
    for (row, m) in rows[1..].iter().zip(&r.municipalities) {
        assert_eq!(
            row[net].parse::<Decimal>().unwrap(),
            m.summary.net_saving_eur
        );
    }
    // Dutch exports keep the machine column names; only the cite line speaks Dutch.
    assert!(rows[0][header.len() - 1].contains("vingerafdruk"));
}

#[test]
fn the_monte_carlo_csv_carries_the_percentiles_of_the_region() {
    let model = model();
    let r = run(&model);
    let mc = monte_carlo(&model);
    let e = Export::new(&r, Some(&mc), &model.table, Lang::En, DATE).unwrap();
    let (header, rows) = parse(&e.csv_months());
    let p5 = column(&header, "benefits_p5");
    for stat in ["mean", "p25", "p50", "p75", "p95"] {
        column(&header, &format!("benefits_{stat}"));
        column(&header, &format!("gross_saving_eur_{stat}"));
    }
    assert_eq!(
        rows[3][p5].parse::<f64>().unwrap(),
        mc.months[3]["benefits"]["p5"].as_f64().unwrap()
    );
    let money = column(&header, "gross_saving_eur_p95");
    assert_eq!(
        rows[3][money],
        *mc.months[3]["gross_saving_eur"]["p95"].as_str().unwrap()
    );
    // The Monte Carlo has no months per municipality: those cells are empty.
    assert_eq!(&rows[24][0], "maastricht");
    assert_eq!(&rows[24][p5], "");
    assert!(rows[0][header.len() - 1].contains("Monte Carlo of 20 runs, seed 7"));

    let (header, rows) = parse(&e.csv_summary());
    let net = column(&header, "net_saving_eur_p50");
    assert_eq!(
        rows[2][net],
        *mc.municipalities[1]["summary"]["net_saving_eur"]["p50"]
            .as_str()
            .unwrap()
    );
}

#[test]
fn bad_dates_and_a_monte_carlo_of_another_scenario_are_refused() {
    let model = model();
    let r = run(&model);
    let Err(ExportError::Input(errors)) = Export::new(&r, None, &model.table, Lang::En, "1-6-2025")
    else {
        panic!("a bad date is input")
    };
    assert_eq!(errors.0[0].field, "date");
    let other = model
        .monte_carlo(&Scenario::default(), 2, 1, &mut |_| {})
        .unwrap();
    let Err(ExportError::Input(errors)) =
        Export::new(&r, Some(&other), &model.table, Lang::En, DATE)
    else {
        panic!("another scenario's Monte Carlo is input")
    };
    assert_eq!(errors.0[0].field, "monte_carlo");
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    wb.worksheet_range(name).unwrap()
}

/// The row whose first cell is `label`, searched from `from`.
fn row_of(range: &Range<Data>, label: &str, from: u32) -> u32 {
    (from..range.end().unwrap().0 + 1)
        .find(|&r| range.get_value((r, 0)) == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label}"))
}

fn float(range: &Range<Data>, at: (u32, u32)) -> f64 {
    match range.get_value(at) {
        Some(Data::Float(x)) => *x,
        other => panic!("{at:?}: {other:?}"),
    }
}

fn text(range: &Range<Data>, at: (u32, u32)) -> String {
    match range.get_value(at) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("{at:?}: {other:?}"),
    }
}

fn money(d: Decimal) -> f64 {
    d.to_string().parse().unwrap()
}

#[test]
fn the_workbook_reads_back_to_the_same_numbers() {
    let model = model();
    let r = run(&model);
    let mc = monte_carlo(&model);
    let e = Export::new(&r, Some(&mc), &model.table, Lang::Nl, DATE).unwrap();
    let bytes = e.xlsx().unwrap();
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Verantwoording", "Resultaten", "Gemeenten", "Aannames"]
    );

    let about = sheet(&bytes, "Verantwoording");
    let at = row_of(&about, "Vingerafdruk scenario", 0);
    assert_eq!(text(&about, (at, 1)), r.scenario.fingerprint(&model.table));
    let at = row_of(&about, "Citeer dit resultaat", 0);
    assert_eq!(text(&about, (at, 1)), e.cite());
    assert!(e.cite().ends_with(DATE));
    let at = row_of(&about, "Monte Carlo-methode", 0);
    assert_eq!(text(&about, (at, 1)), mc.method_nl);

    // The net saving and its median; a monthly caseload.
    let results = sheet(&bytes, "Resultaten");
    let at = row_of(&results, "Netto resultaat €", 0);
    assert_eq!(float(&results, (at, 1)), money(r.summary.net_saving_eur));
    let p50: Decimal = mc.summary["net_saving_eur"]["p50"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(float(&results, (at, 5)), money(p50));
    let months = row_of(&results, "Per maand", at) + 1;
    assert_eq!(text(&results, (months, 0)), "Maand");
    assert_eq!(text(&results, (months, 1)), "Uitkeringen");
    for t in [0, 11, 23] {
        let row = months + 1 + t as u32;
        assert_eq!(text(&results, (row, 0)), r.months[t].month.to_string());
        assert_eq!(float(&results, (row, 1)), r.months[t].benefits);
    }

    // Each municipality's net saving and its cost key.
    let munis = sheet(&bytes, "Gemeenten");
    assert_eq!(text(&munis, (2, 1)), "Verdeelsleutel kosten %");
    let net = (0..200)
        .find(|&c| munis.get_value((2, c)) == Some(&Data::String("Netto resultaat €".into())))
        .unwrap();
    for m in &r.municipalities {
        let at = row_of(&munis, m.name, 3);
        assert_eq!(float(&munis, (at, net)), money(m.summary.net_saving_eur));
    }

    // A parameter's value in use, default and source.
    let assumptions = sheet(&bytes, "Aannames");
    assert_eq!(text(&assumptions, (0, 11)), "Bron");
    let growth = model.table.param("growth_pct").unwrap();
    let at = row_of(&assumptions, "growth_pct", 1);
    assert_eq!(float(&assumptions, (at, 3)), r.scenario.set["growth_pct"]);
    assert_eq!(float(&assumptions, (at, 4)), growth.default);
    assert_eq!(text(&assumptions, (at, 11)), growth.source_nl);
}

#[test]
fn the_workbook_is_the_same_bytes_each_time_and_speaks_english_when_asked() {
    let model = model();
    let r = run(&model);
    let e = Export::new(&r, None, &model.table, Lang::En, DATE).unwrap();
    let bytes = e.xlsx().unwrap();
    assert_eq!(bytes, e.xlsx().unwrap());
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["About", "Results", "Municipalities", "Assumptions"]
    );
    let results = sheet(&bytes, "Results");
    let at = row_of(&results, "Net result €", 0);
    assert_eq!(float(&results, (at, 1)), money(r.summary.net_saving_eur));
    // Without a Monte Carlo there are no percentile columns.
    assert!(matches!(
        results.get_value((at, 2)),
        None | Some(Data::Empty)
    ));
    // Sources in English too.
    let assumptions = sheet(&bytes, "Assumptions");
    let growth = model.table.param("growth_pct").unwrap();
    let at = row_of(&assumptions, "growth_pct", 1);
    assert_eq!(text(&assumptions, (at, 11)), growth.source);
}

#[test]
fn a_monte_carlo_read_back_from_its_json_exports_the_same() {
    // The page hands its finished Monte Carlo back as a JavaScript object rather than running
    // it again: numbers stay f64 on the way (no text in between, as through a JSON value).
    let model = model();
    let r = run(&model);
    let mc = monte_carlo(&model);
    let back: MonteCarlo = serde_json::from_value(serde_json::to_value(&mc).unwrap()).unwrap();
    assert_eq!(back, mc);
    // The Monte Carlo's method in the workbook's language; one read back without its Dutch
    // (as written before there was one) says it in English.
    let mut old: serde_json::Value = serde_json::to_value(&mc).unwrap();
    old.as_object_mut().unwrap().remove("method_nl");
    let old: MonteCarlo = serde_json::from_value(old).unwrap();
    for (mc, lang, method) in [
        (&mc, Lang::En, &mc.method),
        (&mc, Lang::Nl, &mc.method_nl),
        (&old, Lang::Nl, &mc.method),
    ] {
        let bytes = Export::new(&r, Some(mc), &model.table, lang, DATE)
            .unwrap()
            .xlsx()
            .unwrap();
        let (name, label) = match lang {
            Lang::Nl => ("Verantwoording", "Monte Carlo-methode"),
            Lang::En => ("About", "Monte Carlo method"),
        };
        let about = sheet(&bytes, name);
        assert_eq!(text(&about, (row_of(&about, label, 0), 1)), *method);
        // Which columns are the central run and which the runs (a positive mean beside a
        // negative median read as a contradiction).
        let columns = lang.pick("Kolommen", "Columns");
        let said = text(&about, (row_of(&about, columns, 0), 1));
        assert!(
            said.contains(lang.pick("mediaan (P50)", "median (P50)")),
            "{said}"
        );
    }
    let a = Export::new(&r, Some(&mc), &model.table, Lang::En, DATE).unwrap();
    let b = Export::new(&r, Some(&back), &model.table, Lang::En, DATE).unwrap();
    assert_eq!(a.csv_summary(), b.csv_summary());
    assert_eq!(a.csv_months(), b.csv_months());
}

// A Dutch finance officer's workbook said "normal", "assumption" and the rounding rule in
// English.
#[test]
fn the_dutch_workbook_names_distributions_evidence_and_rounding_in_dutch() {
    let model = model();
    let r = run(&model);
    let bytes = Export::new(&r, None, &model.table, Lang::Nl, DATE)
        .unwrap()
        .xlsx()
        .unwrap();
    let about = sheet(&bytes, "Verantwoording");
    let rounding = text(&about, (row_of(&about, "Afronding van bedragen", 0), 1));
    assert_eq!(rounding, caseflow_core::results::MONEY_ROUNDING_NL);
    let assumptions = sheet(&bytes, "Aannames");
    let inflow = row_of(&assumptions, "new_inflow_pct", 1);
    assert_eq!(text(&assumptions, (inflow, 9)), "normaal");
    let budget = row_of(&assumptions, "reintegration_budget_eur.vaals", 1);
    assert_eq!(text(&assumptions, (budget, 9)), "vast");
    assert_eq!(text(&assumptions, (budget, 10)), "aanname");
    // ("uniform" is Dutch as well.)
    let english = [
        "fixed",
        "normal",
        "lognormal",
        "triangular",
        "seed",
        "study",
        "derived",
        "assumption",
    ];
    for row in 1..assumptions.end().unwrap().0 {
        for col in [9, 10] {
            if let Some(Data::String(s)) = assumptions.get_value((row, col)) {
                assert!(!english.contains(&s.as_str()), "row {row}: {s}");
            }
        }
    }
}
