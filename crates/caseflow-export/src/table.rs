//! The tables every export is drawn from: columns with a machine name (the JSON field, for
//! CSV) and a label in each language (for the workbook), and rows of typed cells. The CSV
//! and the workbook render the same tables, so they hold the same numbers.

use caseflow_core::Lang;
use caseflow_core::results::{MonthOut, Summary, YearOut};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::Export;

/// How a number is shown in the workbook.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fmt {
    /// Households, people, flows: fractions of the expected-value model, one decimal shown.
    Count,
    /// Whole numbers (a year, months).
    Whole,
    /// Euros.
    Money,
    /// A ratio or a percentage, two decimals shown.
    Ratio,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (a figure the Monte Carlo does not give, a payback that never comes).
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Num(f64, Fmt),
    /// An exact decimal (money, or the return per euro).
    Dec(Decimal, Fmt),
}

/// A field's value as a cell.
pub trait IntoCell {
    /// The cell, shown as `fmt`.
    fn cell(self, fmt: Fmt) -> Cell;
}

impl IntoCell for f64 {
    fn cell(self, fmt: Fmt) -> Cell {
        Cell::Num(self, fmt)
    }
}

impl IntoCell for u32 {
    fn cell(self, fmt: Fmt) -> Cell {
        Cell::Num(f64::from(self), fmt)
    }
}

impl IntoCell for i32 {
    fn cell(self, fmt: Fmt) -> Cell {
        Cell::Num(f64::from(self), fmt)
    }
}

impl IntoCell for Decimal {
    fn cell(self, fmt: Fmt) -> Cell {
        Cell::Dec(self, fmt)
    }
}

impl<T: IntoCell> IntoCell for Option<T> {
    fn cell(self, fmt: Fmt) -> Cell {
        self.map_or(Cell::Empty, |v| v.cell(fmt))
    }
}

/// A figure of a row type: its JSON name, its labels and how to read it.
pub struct Figure<T> {
    /// The field's JSON name (also the Monte Carlo's key).
    pub key: &'static str,
    /// Dutch label.
    pub nl: &'static str,
    /// English label.
    pub en: &'static str,
    /// How it is shown.
    pub fmt: Fmt,
    /// Its value.
    pub get: fn(&T) -> Cell,
}

macro_rules! figures {
    ($t:ty; $($key:ident $fmt:ident $nl:literal $en:literal;)*) => {
        &[$(Figure::<$t> {
            key: stringify!($key),
            nl: $nl,
            en: $en,
            fmt: Fmt::$fmt,
            get: |x: &$t| IntoCell::cell(x.$key, Fmt::$fmt),
        }),*]
    };
}

/// The figures of a month.
pub const MONTH: &[Figure<MonthOut>] = figures![MonthOut;
    benefits Count "Uitkeringen" "Benefits";
    people Count "Personen" "People";
    inflow Count "Instroom" "Inflow";
    reentries Count "Terugkeer" "Re-entries";
    exits_to_work Count "Uitstroom naar werk" "Exits to work";
    exits_other Count "Uitstroom overig" "Other exits";
    programme_starts Count "Starters in traject" "Programme starts";
    in_programme Count "In traject" "In a programme";
    benefits_without_programmes Count "Uitkeringen zonder programma's" "Benefits without programmes";
    people_without_programmes Count "Personen zonder programma's" "People without programmes";
    exits_to_work_without_programmes Count "Uitstroom naar werk zonder programma's" "Exits to work without programmes";
    benefit_spending_eur Money "Uitkeringslasten €" "Benefit spending €";
    gross_saving_eur Money "Bruto besparing €" "Gross saving €";
    programme_cost_eur Money "Programmakosten €" "Programme cost €";
];

/// The figures of a year (its `year` is the row's period).
pub const YEAR: &[Figure<YearOut>] = figures![YearOut;
    months Whole "Maanden" "Months";
    benefits_end Count "Uitkeringen eind" "Benefits at end";
    people_end Count "Personen eind" "People at end";
    inflow Count "Instroom" "Inflow";
    reentries Count "Terugkeer" "Re-entries";
    exits_to_work Count "Uitstroom naar werk" "Exits to work";
    exits_other Count "Uitstroom overig" "Other exits";
    programme_starts Count "Starters in traject" "Programme starts";
    benefits_end_without_programmes Count "Uitkeringen eind zonder programma's" "Benefits at end without programmes";
    exits_to_work_without_programmes Count "Uitstroom naar werk zonder programma's" "Exits to work without programmes";
    benefit_spending_eur Money "Uitkeringslasten €" "Benefit spending €";
    benefit_spending_without_programmes_eur Money "Uitkeringslasten zonder programma's €" "Benefit spending without programmes €";
    gross_saving_eur Money "Bruto besparing €" "Gross saving €";
    buig_grant_eur Money "BUIG-budget €" "BUIG grant €";
    grant_feedback_eur Money "Terugval BUIG-budget €" "Grant feedback €";
    vangnet_eur Money "Vangnet €" "Safety net (vangnet) €";
    vangnet_change_eur Money "Vangnet minder door programma's €" "Vangnet lost to programmes €";
    saving_eur Money "Besparing na terugval €" "Saving kept €";
    cost_share_eur Money "Aandeel programmakosten €" "Programme cost share €";
    reintegration_budget_eur Money "Re-integratiebudget €" "Re-integration budget €";
    net_position_eur Money "Netto positie €" "Net position €";
];

/// The headline figures over the horizon.
pub const SUMMARY: &[Figure<Summary>] = figures![Summary;
    benefits_start Count "Uitkeringen begin" "Benefits at start";
    benefits_end Count "Uitkeringen eind" "Benefits at end";
    benefits_end_without_programmes Count "Uitkeringen eind zonder programma's" "Benefits at end without programmes";
    people_start Count "Personen begin" "People at start";
    people_end Count "Personen eind" "People at end";
    exits_to_work Count "Uitstroom naar werk" "Exits to work";
    exits_to_work_without_programmes Count "Uitstroom naar werk zonder programma's" "Exits to work without programmes";
    extra_exits_to_work Count "Extra uitstroom naar werk door programma's" "Extra exits to work from programmes";
    participants Count "Deelnemers" "Participants";
    participant_exits_to_work Count "Uitstroom naar werk van deelnemers" "Participants' exits to work";
    deadweight_exits Count "Waarvan toch al (deadweight)" "Of which anyway (deadweight)";
    benefit_months_avoided Count "Uitkeringsmaanden bespaard" "Benefit-months avoided";
    gross_saving_eur Money "Bruto besparing €" "Gross saving €";
    feedback_eur Money "Terugval BUIG en vangnet €" "BUIG and safety-net feedback €";
    saving_after_feedback_eur Money "Besparing na terugval €" "Saving after feedback €";
    programme_cost_eur Money "Programmakosten €" "Programme cost €";
    net_saving_eur Money "Netto resultaat €" "Net result €";
    present_value_net_eur Money "Contante waarde netto resultaat €" "Present value of the net result €";
    payback_month Whole "Terugverdiend na (maanden)" "Payback (months)";
    return_per_euro Ratio "Besparing per euro kosten" "Saving per euro of cost";
    budget_overallocation_eur Money "Te veel toegewezen €" "Over-allocated €";
];

/// The Monte Carlo's statistics, in column order, with their labels.
pub const STATS: [(&str, &str, &str); 6] = [
    ("mean", "gemiddelde", "mean"),
    ("p5", "P5", "P5"),
    ("p25", "P25", "P25"),
    ("p50", "P50", "P50"),
    ("p75", "P75", "P75"),
    ("p95", "P95", "P95"),
];

/// One statistic of a Monte Carlo figure (`{mean, p5, ...}`) as a cell: numbers as numbers,
/// money as its decimal text read exactly.
pub fn stat(figure: &Value, stat: &str, fmt: Fmt) -> Cell {
    match &figure[stat] {
        Value::Number(n) => n.as_f64().map_or(Cell::Empty, |x| Cell::Num(x, fmt)),
        Value::String(s) => s.parse().map_or(Cell::Empty, |d| Cell::Dec(d, fmt)),
        _ => Cell::Empty,
    }
}

/// A table: column names (CSV), labels (workbook) and rows.
pub struct Table {
    /// Machine names.
    pub keys: Vec<String>,
    /// Labels in the export's language.
    pub labels: Vec<String>,
    /// Rows of cells, as many as there are columns.
    pub rows: Vec<Vec<Cell>>,
}

/// Which areas a table holds.
#[derive(Clone, Copy, PartialEq)]
pub enum Areas {
    /// The region only.
    Region,
    /// The municipalities only.
    Municipalities,
    /// The region, then each municipality.
    All,
}

/// The region's id and name in the tables.
pub const REGION: (&str, &str) = ("region", "Maastricht-Heuvelland");

impl Table {
    fn new<T>(
        lang: Lang,
        leading: &[(&str, &str, &str)],
        figures: &[Figure<T>],
        extra: &[(&str, &str, &str)],
        with_stats: bool,
    ) -> Table {
        let mut keys: Vec<String> = Vec::new();
        let mut labels: Vec<String> = Vec::new();
        for (key, nl, en) in leading.iter().chain(extra) {
            keys.push((*key).to_owned());
            labels.push(lang.pick(nl, en).to_owned());
        }
        // `extra` was pushed before the figures: keep it right after the leading columns.
        for f in figures {
            keys.push(f.key.to_owned());
            labels.push(lang.pick(f.nl, f.en).to_owned());
        }
        if with_stats {
            for f in figures {
                for (stat, nl, en) in STATS {
                    keys.push(format!("{}_{stat}", f.key));
                    // A payback month's percentiles are of the runs that pay back (the others
                    // have none): a median of 98 months read as "half pay back by then".
                    let of = if f.key == "payback_month" {
                        lang.pick(
                            " (van de runs die terugverdienen)",
                            " (of the runs that pay back)",
                        )
                    } else {
                        ""
                    };
                    labels.push(format!(
                        "{} {}{of}",
                        lang.pick(f.nl, f.en),
                        lang.pick(nl, en)
                    ));
                }
            }
        }
        Table {
            keys,
            labels,
            rows: Vec::new(),
        }
    }
}

/// A row's figures, then (when the table has them) their Monte Carlo statistics from `mc`,
/// empty where `mc` is None.
fn figure_cells<T>(
    row: &mut Vec<Cell>,
    figures: &[Figure<T>],
    x: &T,
    with_stats: bool,
    mc: Option<&Value>,
) {
    row.extend(figures.iter().map(|f| (f.get)(x)));
    if with_stats {
        for f in figures {
            for (s, _, _) in STATS {
                row.push(mc.map_or(Cell::Empty, |m| stat(&m[f.key], s, f.fmt)));
            }
        }
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

/// One area's tables.
struct Area<'a> {
    id: &'a str,
    name: &'a str,
    months: &'a [MonthOut],
    years: &'a [YearOut],
    /// Whether it is the region (the Monte Carlo has its months and years).
    region: bool,
}

/// The areas in order, the region first.
fn areas<'a>(e: &'a Export<'_>, which: Areas) -> Vec<Area<'a>> {
    let r = e.results;
    let mut out = Vec::new();
    if which != Areas::Municipalities {
        out.push(Area {
            id: REGION.0,
            name: REGION.1,
            months: &r.months,
            years: &r.years,
            region: true,
        });
    }
    if which != Areas::Region {
        for m in &r.municipalities {
            out.push(Area {
                id: m.id,
                name: m.name,
                months: &m.months,
                years: &m.years,
                region: false,
            });
        }
    }
    out
}

const AREA: [(&str, &str, &str); 2] = [
    ("area_id", "Gebied (id)", "Area (id)"),
    ("area", "Gebied", "Area"),
];

/// Monthly results. The Monte Carlo gives the region's months only.
pub fn months(e: &Export<'_>, which: Areas) -> Table {
    let with_stats = e.monte_carlo.is_some() && which != Areas::Municipalities;
    let leading = [AREA[0], AREA[1], ("month", "Maand", "Month")];
    let mut t = Table::new(e.lang, &leading, MONTH, &[], with_stats);
    let mc_months = e.monte_carlo.and_then(|mc| mc.months.as_array());
    for a in areas(e, which) {
        for (i, m) in a.months.iter().enumerate() {
            let mut row = vec![text(a.id), text(a.name), Cell::Text(m.month.to_string())];
            let mc = mc_months.filter(|_| a.region).and_then(|x| x.get(i));
            figure_cells(&mut row, MONTH, m, with_stats, mc);
            t.rows.push(row);
        }
    }
    t
}

/// Yearly results. The Monte Carlo gives the region's years only.
pub fn years(e: &Export<'_>, which: Areas) -> Table {
    let with_stats = e.monte_carlo.is_some() && which != Areas::Municipalities;
    let leading = [AREA[0], AREA[1], ("year", "Jaar", "Year")];
    let mut t = Table::new(e.lang, &leading, YEAR, &[], with_stats);
    let mc_years = e.monte_carlo.and_then(|mc| mc.years.as_array());
    for a in areas(e, which) {
        for (i, y) in a.years.iter().enumerate() {
            let mut row = vec![text(a.id), text(a.name), y.year.cell(Fmt::Whole)];
            let mc = mc_years.filter(|_| a.region).and_then(|x| x.get(i));
            figure_cells(&mut row, YEAR, y, with_stats, mc);
            t.rows.push(row);
        }
    }
    t
}

/// The headline figures per area, with each municipality's cost key; the Monte Carlo gives
/// every area's.
pub fn summary(e: &Export<'_>) -> Table {
    let r = e.results;
    let with_stats = e.monte_carlo.is_some();
    let key = [("cost_key_pct", "Verdeelsleutel kosten %", "Cost key %")];
    let mut t = Table::new(e.lang, &AREA, SUMMARY, &key, with_stats);
    let mc = e.monte_carlo;
    let mut row = vec![text(REGION.0), text(REGION.1), Cell::Empty];
    figure_cells(
        &mut row,
        SUMMARY,
        &r.summary,
        with_stats,
        mc.map(|m| &m.summary),
    );
    t.rows.push(row);
    for (i, m) in r.municipalities.iter().enumerate() {
        let key = r
            .scenario
            .set
            .get(&format!("cost_key_pct.{}", m.id))
            .copied();
        let mut row = vec![text(m.id), text(m.name), key.cell(Fmt::Ratio)];
        let mc = mc
            .and_then(|mc| mc.municipalities.get(i))
            .map(|m| &m["summary"]);
        figure_cells(&mut row, SUMMARY, &m.summary, with_stats, mc);
        t.rows.push(row);
    }
    t
}
