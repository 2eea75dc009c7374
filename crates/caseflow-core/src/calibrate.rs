//! Calibration: the backtest's fit of `new_inflow_pct`, on any series an analyst brings.
//!
//! # The data format
//!
//! A CSV file (comma-separated, UTF-8, lines starting with `#` are comments) whose header is
//! `area,month,benefits`, optionally followed by `inflow` and/or `outflow`:
//!
//! ```text
//! area,month,benefits,inflow,outflow
//! region,2017-01,4846,,
//! region,2018-01,4765,,
//! maastricht,2020-01,3568,95,80
//! maastricht,2020-02,3583,,
//! ```
//!
//! - `area`: `region` (the six municipalities together) or a municipality id: `maastricht`,
//!   `eijsden-margraten`, `gulpen-wittem`, `meerssen`, `vaals`, `valkenburg`; or the Dutch and
//!   display names the page shows: `regio` (or `Maastricht-Heuvelland`), `Valkenburg aan de
//!   Geul`, `Eijsden-Margraten` and so on. Upper and lower case are the same.
//! - `month`: `YYYY-MM`, 2000-01 to 2100-12.
//! - `benefits`: benefit households (uitkeringen) on the first day of that month, 0 to
//!   100,000, a plain number with a decimal point and no thousands separator.
//! - `inflow`, `outflow` (optional; an empty cell is unknown): households entering and leaving
//!   during the month, or during the period up to the area's next row, 0 to 100,000.
//!
//! Rows may be monthly, yearly or irregular, in any order and with areas mixed; each area's
//! rows are sorted by month, and consecutive points of an area define its periods. An area
//! needs at least two rows (a start and a later stock), no month twice, and at most 180 months
//! ([`crate::scenario::MAX_MONTHS`]) from its first to its last row.
//!
//! # The fit
//!
//! For each area, one deterministic run starts at the area's first month with its first stock
//! (a municipality: that municipality's `start_stock`, and its own results are compared; the
//! region: the six default start stocks scaled to the regional stock) and runs to the last
//! point. One scalar, `new_inflow_pct`, is chosen by golden-section search over its allowed
//! range to minimise the sum of squared differences between the run's stock and the data at
//! every later point; everything else stays at its default. The value is rounded to 4
//! decimals and the fitted series is computed with the rounded value, so every figure can be
//! rerun with `caseflow run` (each area's [`AreaFit::rerun`]).
//!
//! Inflow and outflow, where given, are read and checked but not used in the fit (one
//! scalar is fitted on the stocks): they are reported per period next to the fitted run's
//! flows (new inflow plus re-entries; exits to work plus other exits), with the data's own
//! balance (stock change minus inflow plus outflow), and [`Flows::used_in_fit`] says so.
//!
//! [`rows`] splits the file's bytes into cells (the `csv` crate, no I/O: the CLI reads the
//! file, the page gets the text from a file input and it never leaves the browser), [`parse`]
//! checks the cells, so the messages exist in Dutch and English and name the line, the field,
//! the value and what is allowed; [`from_csv`] does all three steps and the fit.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::region::MUNICIPALITIES;
use crate::scenario::MAX_MONTHS;
use crate::{Model, Results, Scenario, YearMonth};

/// How the calibration is done, reported with its results.
pub const METHOD: &str = "Per area, one deterministic run from the area's first point (its stock as the start stock; for the region the six municipal defaults scaled to the regional stock; for a municipality its own start stock, and only its own results are compared) to its last point. \
One scalar, new_inflow_pct (allowed 0-10), is chosen by golden-section search to minimise the sum of squared differences between the run's stock and the data at every later point; the exit hazards, work shares, re-entry and stock mix stay at their defaults (national priors, `caseflow params`). \
The fitted value is rounded to 4 decimals and the fitted series uses it as such, so every figure can be rerun with `caseflow run` (see rerun). \
A figure for month M is the stock on the first day of M, the end of month M-1 in a run's results. \
Error per point: fitted - data (households) and (fitted - data) / data x 100 (percent). \
Inflow and outflow columns are read and checked but not used in the fit; per period they are shown next to the fitted run's flows (inflow: new inflow plus re-entries; outflow: exits to work plus other exits).";

/// How the calibration is done, in Dutch: [`METHOD`] in the same order and with the same figures.
pub const METHOD_NL: &str = "Per gebied één deterministische berekening van het eerste punt van het gebied (met het bestand daar als beginstand; voor de regio de zes standaardwaarden per gemeente, geschaald naar het regionale bestand; voor een gemeente haar eigen beginstand, en alleen haar eigen resultaten worden vergeleken) tot het laatste punt. \
Eén getal, new_inflow_pct (toegestaan 0-10), wordt met de gulden-snedemethode zo gekozen dat de som van de gekwadrateerde verschillen tussen het bestand in de berekening en de data op elk later punt zo klein mogelijk is; de uitstroomkansen, de aandelen uitstroom naar werk, de terugkeer en de samenstelling van het bestand blijven op hun standaardwaarde (landelijke uitgangswaarden, `caseflow params`). \
De geschatte waarde wordt op 4 decimalen afgerond en de geschatte reeks gebruikt haar zo, zodat elk cijfer opnieuw te berekenen is met `caseflow run` (zie rerun). \
Een cijfer voor maand M is het bestand op de eerste dag van M, het einde van maand M-1 in de resultaten van een berekening. \
Fout per punt: geschat - data (huishoudens) en (geschat - data) / data x 100 (procent). \
Kolommen met instroom en uitstroom worden gelezen en gecontroleerd, maar niet gebruikt in de schatting; per periode staan ze naast de stromen van de geschatte berekening (instroom: nieuwe instroom plus terugkeer; uitstroom: uitstroom naar werk plus andere uitstroom).";

/// What a fit on stocks cannot tell apart (the backtest's wording, for any series).
const NOT_IDENTIFIED: [&str; 4] = [
    "Inflow level and exit hazards: stocks fix only the net flow (inflow minus exits) of each period. new_inflow_pct is fitted with the exit hazards at their national-prior defaults; a higher hazard with a higher inflow fits the same points as well (on the seeds' yearly region figures: about the same error for any hazard between 1% and 2.5% a month), so the fitted inflow is a net-flow summary, not an estimate of the real inflow. Inflow and outflow columns, where given, are compared with the fitted run but not used to separate the two.",
    "The mix of the stock by time on benefit and distance to work at each area's first point: every run starts from the default stock shares, not from a fitted state, and the data give no mix.",
    "Changes within the span: one inflow is fitted for all of an area's periods, so a cycle, a shock or a policy change inside the span shows up as a pattern in the errors per point, not in the fitted value.",
    "Registered against real outflow: benefits frozen instead of ended (Valkenier project, seed 002) keep people in work in the counts; the model does not separate them.",
];

/// [`NOT_IDENTIFIED`] in Dutch, item for item.
const NOT_IDENTIFIED_NL: [&str; 4] = [
    "Niveau van de instroom en uitstroomkansen: standen leggen alleen de netto stroom (instroom min uitstroom) van elke periode vast. new_inflow_pct wordt geschat met de uitstroomkansen op hun landelijke standaardwaarden; een hogere uitstroomkans met een hogere instroom past even goed op dezelfde punten (op de jaarcijfers van de regio uit de seeds: ongeveer dezelfde fout voor elke uitstroomkans tussen 1% en 2,5% per maand), dus de geschatte instroom vat de netto stroom samen en is geen schatting van de echte instroom. Kolommen met instroom en uitstroom worden, waar gegeven, vergeleken met de geschatte berekening, maar niet gebruikt om die twee te scheiden.",
    "De samenstelling van het bestand naar duur in de bijstand en afstand tot werk op het eerste punt van elk gebied: elke berekening begint bij de standaardverdeling van het bestand, niet bij een geschatte toestand, en de data geven geen samenstelling.",
    "Veranderingen binnen de periode: voor alle perioden van een gebied wordt één instroom geschat, dus een conjunctuurgolf, een schok of een beleidswijziging binnen de periode is te zien als patroon in de fouten per punt, niet in de geschatte waarde.",
    "Geregistreerde tegenover echte uitstroom: uitkeringen die bevroren zijn in plaats van beëindigd (project Valkenier, seed 002) houden mensen met werk in de telling; het model houdt ze niet apart.",
];

/// The largest stock or flow a row may hold, households (`start_stock`'s maximum).
const MAX_HOUSEHOLDS: f64 = 100_000.0;

/// The header the data must have: these three, then optionally `inflow` and `outflow`.
pub const HEADER: &str = "area,month,benefits[,inflow,outflow]";

/// The area a series describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(type = "string", rename = "CalibrationArea")
)]
pub enum Area {
    /// The six municipalities together.
    Region,
    /// One municipality, by its index in [`MUNICIPALITIES`].
    Municipality(usize),
}

impl Area {
    /// The id used in the data: `region` or the municipality id.
    pub fn id(self) -> &'static str {
        match self {
            Area::Region => "region",
            Area::Municipality(i) => MUNICIPALITIES[i].id,
        }
    }

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Area::Region => "Maastricht-Heuvelland",
            Area::Municipality(i) => MUNICIPALITIES[i].name,
        }
    }

    /// An area from its id or its name as the page shows it, in any case: `region`, `Regio`,
    /// `maastricht`, `Valkenburg aan de Geul`.
    fn parse(text: &str) -> Option<Area> {
        let t = text.trim().to_ascii_lowercase();
        if ["region", "regio"].contains(&t.as_str()) || Area::Region.name().eq_ignore_ascii_case(&t)
        {
            return Some(Area::Region);
        }
        MUNICIPALITIES
            .iter()
            .position(|m| m.id == t || m.name.eq_ignore_ascii_case(&t))
            .map(Area::Municipality)
    }
}

impl Serialize for Area {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One row of the data as cells of text, with its line in the file (1 = the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on, counted from 1.
    pub line: u64,
    /// The cells, untrimmed.
    pub cells: Vec<String>,
}

/// One checked data point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Observation {
    /// The line in the file.
    pub line: u64,
    /// The month whose first-day stock this is.
    pub month: YearMonth,
    /// Benefit households on the first day of `month`.
    pub benefits: f64,
    /// Households entering up to the area's next row, if known.
    pub inflow: Option<f64>,
    /// Households leaving up to the area's next row, if known.
    pub outflow: Option<f64>,
}

/// One area's checked points, sorted by month (at least two, at most 180 months apart).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The area.
    pub area: Area,
    /// The points, sorted by month.
    pub points: Vec<Observation>,
}

/// The checked data: one series per area, in the order region, then the municipalities.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    /// Which optional columns the header has.
    pub has_inflow: bool,
    /// Which optional columns the header has.
    pub has_outflow: bool,
    /// The series.
    pub series: Vec<Series>,
}

/// An error about a cell on a line: the label names the line in both languages.
fn cell_error(
    line: u64,
    field: &str,
    value: &str,
    kind: InputErrorKind,
    label: [&str; 2],
    allowed: [&str; 2],
) -> InputError {
    InputError::other(
        field,
        value,
        kind,
        [
            &format!("{}, regel {line}", label[0]),
            &format!("{}, line {line}", label[1]),
        ],
        allowed,
    )
}

fn header_error(line: u64, value: &str, kind: InputErrorKind) -> InputError {
    cell_error(
        line,
        "header",
        value,
        kind,
        ["Kopregel", "Header"],
        [
            "area,month,benefits, eventueel gevolgd door inflow en/of outflow",
            "area,month,benefits, optionally followed by inflow and/or outflow",
        ],
    )
}

/// Which column holds what.
#[derive(Debug, Clone, Copy)]
struct Columns {
    inflow: Option<usize>,
    outflow: Option<usize>,
    len: usize,
}

fn columns(header: &Row) -> Result<Columns, InputError> {
    let names: Vec<String> = header
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = if i == 0 {
                c.trim_start_matches('\u{feff}')
            } else {
                c
            };
            c.trim().to_ascii_lowercase()
        })
        .collect();
    let text = header.cells.join(",");
    // A spreadsheet in Dutch saves CSV with semicolons: say so, not only what the header must be.
    if header.cells.len() == 1 && text.contains(';') {
        return Err(cell_error(
            header.line,
            "header",
            &text,
            InputErrorKind::Malformed,
            ["Kopregel", "Header"],
            [
                "komma's als scheidingsteken, niet puntkomma's (sla op als CSV met komma's): area,month,benefits",
                "commas between the fields, not semicolons (save as CSV with commas): area,month,benefits",
            ],
        ));
    }
    let bad = || header_error(header.line, &text, InputErrorKind::Malformed);
    if names.len() < 3 || names[..3] != ["area", "month", "benefits"] {
        return Err(bad());
    }
    let mut cols = Columns {
        inflow: None,
        outflow: None,
        len: names.len(),
    };
    for (i, name) in names.iter().enumerate().skip(3) {
        let slot = match name.as_str() {
            "inflow" => &mut cols.inflow,
            "outflow" => &mut cols.outflow,
            _ => return Err(bad()),
        };
        if slot.replace(i).is_some() {
            return Err(bad());
        }
    }
    Ok(cols)
}

/// A number of households in `0..=MAX_HOUSEHOLDS`.
fn households(line: u64, field: &str, text: &str, label: [&str; 2]) -> Result<f64, InputError> {
    let err = |kind| {
        cell_error(
            line,
            field,
            text,
            kind,
            label,
            [
                "0 tot 100000 (huishoudens; een punt als decimaalteken, geen scheiding van duizendtallen)",
                "0 to 100000 (households; a decimal point, no thousands separator)",
            ],
        )
    };
    // "4.846" written the Dutch way is 4846 households, not 4.846: read as a decimal it gave a
    // fit to a caseload a thousand times too small, without a word. Refused: digits grouped by
    // threes twice or more ("12.345.678"), or one digit then three ("4.846": no municipality
    // has a caseload of a few households, and a series the model made has more digits).
    // "298.577" stays a decimal.
    let t = text.trim();
    let groups: Vec<&str> = t.split('.').collect();
    let grouped = groups.len() > 1
        && groups.iter().enumerate().all(|(i, g)| {
            g.bytes().all(|b| b.is_ascii_digit())
                && if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                }
        })
        && (groups.len() > 2 || groups[0].len() == 1);
    if grouped {
        return Err(err(InputErrorKind::Malformed));
    }
    let value: f64 = t.parse().map_err(|_| err(InputErrorKind::NotANumber))?;
    if !value.is_finite() {
        return Err(err(InputErrorKind::NotANumber));
    }
    if !(0.0..=MAX_HOUSEHOLDS).contains(&value) {
        return Err(err(InputErrorKind::OutOfRange));
    }
    Ok(value)
}

fn area_ids() -> String {
    let ids: Vec<&str> = std::iter::once("region")
        .chain(MUNICIPALITIES.iter().map(|m| m.id))
        .collect();
    ids.join(", ")
}

/// The most problems a data file's check lists: a file wrong on every one of a million rows
/// would otherwise make a million messages (the page's tab ran out of memory on one).
pub const MAX_LISTED: usize = 20;

/// Problems found in a data file: the first [`MAX_LISTED`] kept, the rest counted.
#[derive(Default)]
struct Problems {
    listed: Vec<InputError>,
    more: usize,
}

impl Problems {
    fn push(&mut self, e: InputError) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(e);
        } else {
            self.more += 1;
        }
    }

    /// Problems found so far, listed or not.
    fn len(&self) -> usize {
        self.listed.len() + self.more
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The listed problems, and a last one saying how many more there are.
    fn into_errors(mut self) -> InputErrors {
        if self.more > 0 {
            let more = self.more.to_string();
            self.listed.push(InputError::other(
                "data",
                &more,
                InputErrorKind::Inconsistent,
                ["Meer problemen, niet getoond", "More problems, not shown"],
                [
                    &format!("eerst de {MAX_LISTED} hierboven verbeteren en opnieuw inlezen"),
                    &format!("fix the {MAX_LISTED} above first and load the file again"),
                ],
            ));
        }
        InputErrors(self.listed)
    }
}

/// One data row checked; every problem on it is pushed to `errors`.
fn row(r: &Row, cols: Columns, errors: &mut Problems) -> Option<(Area, Observation)> {
    let cell = |i: usize| r.cells.get(i).map_or("", |c| c.as_str());
    // Empty cells beyond the header's columns (trailing commas) carry nothing.
    let extra = r.cells.iter().skip(cols.len).any(|c| !c.trim().is_empty());
    if r.cells.len() < 3 || extra {
        let range = if cols.len == 3 {
            "3".to_owned()
        } else {
            format!("3-{}", cols.len)
        };
        errors.push(cell_error(
            r.line,
            "row",
            &r.cells.join(",").replace(['\r', '\n'], " "),
            InputErrorKind::Malformed,
            ["Rij", "Row"],
            [
                &format!("{range} velden, zoals de kopregel"),
                &format!("{range} fields, as in the header"),
            ],
        ));
        return None;
    }
    let before = errors.len();
    let area = Area::parse(cell(0));
    if area.is_none() {
        let ids = area_ids();
        errors.push(cell_error(
            r.line,
            "area",
            cell(0),
            InputErrorKind::Malformed,
            ["Gebied", "Area"],
            [
                &format!("een van {ids} (of regio of de naam; hoofdletters vrij)"),
                &format!("one of {ids} (or regio or the name; any case)"),
            ],
        ));
    }
    let month = YearMonth::parse_at("month", cell(1))
        .map_err(|mut e| {
            e.label_nl = format!("Maand, regel {}", r.line);
            e.label_en = format!("Month, line {}", r.line);
            errors.push(e);
        })
        .ok();
    let benefits = households(r.line, "benefits", cell(2), ["Uitkeringen", "Benefits"])
        .map_err(|e| errors.push(e))
        .ok();
    let mut flow = |col: Option<usize>, field: &str, label: [&str; 2]| -> Option<f64> {
        let text = cell(col?);
        if text.trim().is_empty() {
            return None;
        }
        households(r.line, field, text, label)
            .map_err(|e| errors.push(e))
            .ok()
    };
    let inflow = flow(cols.inflow, "inflow", ["Instroom", "Inflow"]);
    let outflow = flow(cols.outflow, "outflow", ["Uitstroom", "Outflow"]);
    if errors.len() > before {
        return None;
    }
    Some((
        area?,
        Observation {
            line: r.line,
            month: month?,
            benefits: benefits?,
            inflow,
            outflow,
        },
    ))
}

/// A problem with the file as a whole at `line` (not UTF-8, broken quoting).
fn file_error(line: u64, value: &str) -> InputError {
    InputError::other(
        "file",
        value,
        InputErrorKind::Malformed,
        [
            &format!("Bestand, regel {line}"),
            &format!("File, line {line}"),
        ],
        [
            "CSV-tekst in UTF-8, velden gescheiden door komma's",
            "CSV text in UTF-8, fields separated by commas",
        ],
    )
}

/// Split a data file's bytes into rows of cells, each with its line: UTF-8, comma-separated,
/// `#` starts a comment line, rows of only spaces and commas are skipped.
pub fn rows(bytes: &[u8]) -> Result<Vec<Row>, InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        file_error(line, "not UTF-8")
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            file_error(line, &e.to_string())
        })?;
        // A line of only spaces or commas carries nothing.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push(Row {
            line: record.position().map_or(0, |p| p.line()),
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(out)
}

/// A data file's bytes, checked and fitted: [`rows`], [`parse`], then [`calibrate`].
pub fn from_csv(model: &Model, bytes: &[u8]) -> Result<Calibration, InputErrors> {
    let data = parse(&rows(bytes)?)?;
    calibrate(model, &data)
}

/// Check the rows of a data file (`rows[0]` is the header) and group them into series.
/// Every problem is reported at once, each naming its line, field, value and what is allowed.
pub fn parse(rows: &[Row]) -> Result<Data, InputErrors> {
    let Some(header) = rows.first() else {
        return Err(header_error(1, "", InputErrorKind::Malformed).into());
    };
    let cols = columns(header)?;
    let mut errors = Problems::default();
    let mut by_area: BTreeMap<Area, Vec<Observation>> = BTreeMap::new();
    for r in &rows[1..] {
        if let Some((area, obs)) = row(r, cols, &mut errors) {
            by_area.entry(area).or_default().push(obs);
        }
    }
    // Area checks need every row of the area: they wait until the rows themselves are right.
    if !errors.is_empty() {
        return Err(errors.into_errors());
    }
    if rows.len() == 1 {
        errors.push(cell_error(
            header.line + 1,
            "area",
            "",
            InputErrorKind::Inconsistent,
            ["Gebied", "Area"],
            [
                "ten minste twee rijen per gebied (een beginstand en een latere stand)",
                "at least two rows per area (a start and a later stock)",
            ],
        ));
    }
    let mut series = Vec::new();
    for (area, mut points) in by_area {
        points.sort_by_key(|p| (p.month, p.line));
        let before = errors.len();
        if points.len() < 2 {
            errors.push(cell_error(
                points[0].line,
                "area",
                area.id(),
                InputErrorKind::Inconsistent,
                ["Gebied", "Area"],
                [
                    "ten minste twee rijen per gebied (een beginstand en een latere stand)",
                    "at least two rows per area (a start and a later stock)",
                ],
            ));
        }
        for pair in points.windows(2) {
            if pair[0].month == pair[1].month {
                errors.push(cell_error(
                    pair[1].line,
                    "month",
                    &pair[1].month.to_string(),
                    InputErrorKind::Inconsistent,
                    ["Maand", "Month"],
                    [
                        &format!(
                            "elke maand één keer per gebied ({} staat al op regel {})",
                            area.id(),
                            pair[0].line
                        ),
                        &format!(
                            "each month once per area ({} is already on line {})",
                            area.id(),
                            pair[0].line
                        ),
                    ],
                ));
            }
        }
        let first = points[0];
        for p in &points[1..] {
            if p.month.index() - first.month.index() > i64::from(MAX_MONTHS) {
                errors.push(cell_error(
                    p.line,
                    "month",
                    &p.month.to_string(),
                    InputErrorKind::OutOfRange,
                    ["Maand", "Month"],
                    [
                        &format!(
                            "hoogstens {MAX_MONTHS} maanden na de eerste maand van {} ({}, regel {})",
                            area.id(),
                            first.month,
                            first.line
                        ),
                        &format!(
                            "at most {MAX_MONTHS} months after the first month of {} ({}, line {})",
                            area.id(),
                            first.month,
                            first.line
                        ),
                    ],
                ));
            }
        }
        if first.benefits <= 0.0 {
            errors.push(cell_error(
                first.line,
                "benefits",
                &first.benefits.to_string(),
                InputErrorKind::OutOfRange,
                ["Uitkeringen", "Benefits"],
                [
                    "meer dan 0 op de eerste rij van een gebied (de run begint ermee en de instroom is een percentage ervan)",
                    "above 0 on an area's first row (the run starts from it and the inflow is a percentage of it)",
                ],
            ));
        }
        if errors.len() == before {
            series.push(Series { area, points });
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_errors());
    }
    Ok(Data {
        has_inflow: cols.inflow.is_some(),
        has_outflow: cols.outflow.is_some(),
        series,
    })
}

/// One data point against the fitted run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FittedPoint {
    /// The line in the file.
    pub line: u64,
    /// The month whose first-day stock is compared.
    pub month: YearMonth,
    /// Months from the area's first point.
    pub months: u32,
    /// The data's stock.
    pub data: f64,
    /// The fitted run's stock (1 decimal).
    pub fitted: f64,
    /// fitted − data, households (1 decimal).
    pub error: f64,
    /// (fitted − data) / data × 100 (2 decimals); null when the data's stock is 0.
    pub error_pct: Option<f64>,
}

/// One period between consecutive points: the data's flows, where given, against the run's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    /// The first month of the period (the earlier point).
    pub from: YearMonth,
    /// The month of the later point (not part of the period).
    pub to: YearMonth,
    /// The line of the earlier point, whose flows these are.
    pub line: u64,
    /// Households entering, as given.
    pub inflow: Option<f64>,
    /// Households leaving, as given.
    pub outflow: Option<f64>,
    /// The fitted run's new inflow plus re-entries over the period (1 decimal).
    pub fitted_inflow: f64,
    /// The fitted run's exits (to work and other) over the period (1 decimal).
    pub fitted_outflow: f64,
    /// The data's own balance when both flows are given: stock change − (inflow − outflow)
    /// (1 decimal). Not 0 when the flows count something else than the stock does.
    pub data_balance_gap: Option<f64>,
}

/// The fit for one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AreaFit {
    /// `region` or the municipality id.
    pub area: Area,
    /// The area's name.
    pub name: &'static str,
    /// The first point's month: the run's start.
    pub from: YearMonth,
    /// The last point's month.
    pub to: YearMonth,
    /// Months from the first to the last point.
    pub months: u32,
    /// The first point's stock: the run's start stock.
    pub start_stock: f64,
    /// Points after the first, each compared.
    pub points_fitted: usize,
    /// The fitted new inflow, percent of the start stock per month (4 decimals).
    pub new_inflow_pct: f64,
    /// `min` or `max` when the fit ran into the bound of `new_inflow_pct`'s allowed range.
    pub at_bound: Option<&'static str>,
    /// Root mean squared error over the compared points, households (2 decimals).
    pub rmse: f64,
    /// Mean absolute error over the compared points, percent (2 decimals).
    pub mean_abs_error_pct: f64,
    /// The fitted series against the data, one entry per compared point.
    pub points: Vec<FittedPoint>,
    /// The periods between consecutive points, with the flows.
    pub periods: Vec<Period>,
    /// What is special about this area's fit.
    pub notes: Vec<String>,
    /// [`AreaFit::notes`] in Dutch.
    pub notes_nl: Vec<String>,
    /// The `caseflow run` command that reproduces the fitted run.
    pub rerun: String,
}

/// Whether the data had inflow and outflow, and what was done with them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Flows {
    /// Rows with an inflow figure.
    pub inflow_rows: usize,
    /// Rows with an outflow figure.
    pub outflow_rows: usize,
    /// Always false: the fit uses the stocks only.
    pub used_in_fit: bool,
    /// What was done with them, in words.
    pub note: String,
}

/// The outcome of a calibration.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Calibration {
    /// The caseflow version.
    pub version: &'static str,
    /// How the fit is done.
    pub method: String,
    /// How the fit is done, in Dutch.
    pub method_nl: String,
    /// What a fit on stocks cannot pin down.
    pub not_identified: Vec<String>,
    /// What a fit on stocks cannot pin down, in Dutch (item for item).
    pub not_identified_nl: Vec<String>,
    /// The inflow and outflow columns: read, and how used.
    pub flows: Flows,
    /// One fit per area, region first, then the municipalities in their usual order.
    pub areas: Vec<AreaFit>,
}

/// `x` rounded to `decimals` decimals (shared with the backtest).
pub(crate) fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// Months from `from` to `to` (0 if `to` is earlier; shared with the backtest).
pub(crate) fn months_between(from: YearMonth, to: YearMonth) -> u32 {
    u32::try_from(to.index() - from.index()).unwrap_or(0)
}

/// A run of `months` from `start` whose caseload starts at `stock`: for a municipality (its
/// index in [`MUNICIPALITIES`]) its own start stock, for the region (None) the six defaults
/// scaled to it, rounded to 4 decimals so that a printed `caseflow run` command gives the same
/// figures. Shared with the backtest.
pub(crate) fn area_scenario(
    model: &Model,
    name: String,
    start: YearMonth,
    months: u32,
    municipality: Option<usize>,
    stock: f64,
) -> Scenario {
    let mut s = Scenario {
        name,
        start,
        months,
        ..Scenario::default()
    };
    let id = |m: &str| format!("start_stock.{m}");
    match municipality {
        None => {
            let defaults: Vec<f64> = MUNICIPALITIES
                .iter()
                .map(|m| model.table.param(&id(m.id)).map_or(0.0, |p| p.default))
                .collect();
            let total: f64 = defaults.iter().sum();
            for (m, d) in MUNICIPALITIES.iter().zip(defaults) {
                let share = if total > 0.0 { d / total } else { 1.0 / 6.0 };
                s.set.insert(id(m.id), round_to(stock * share, 4));
            }
        }
        Some(i) => {
            s.set.insert(id(MUNICIPALITIES[i].id), stock);
        }
    }
    s
}

/// The run of an area from its first point, `months` long.
fn scenario(model: &Model, area: Area, start: Observation, months: u32) -> Scenario {
    let municipality = match area {
        Area::Region => None,
        Area::Municipality(i) => Some(i),
    };
    area_scenario(
        model,
        format!("calibrate {} from {}", area.id(), start.month),
        start.month,
        months,
        municipality,
        start.benefits,
    )
}

fn area_months(results: &Results, area: Area) -> &[crate::results::MonthOut] {
    match area {
        Area::Region => &results.months,
        Area::Municipality(i) => &results.municipalities[i].months,
    }
}

/// The fitted run's stock at each later point (the end of the month before it).
fn stocks(results: &Results, area: Area, series: &Series) -> Vec<f64> {
    let months = area_months(results, area);
    let first = series.points[0].month;
    series.points[1..]
        .iter()
        .map(|p| {
            let t = months_between(first, p.month) as usize;
            months.get(t - 1).map_or(f64::NAN, |m| m.benefits)
        })
        .collect()
}

fn sse(stocks: &[f64], series: &Series) -> f64 {
    stocks
        .iter()
        .zip(&series.points[1..])
        .map(|(s, p)| (s - p.benefits).powi(2))
        .sum()
}

/// Fit one area.
fn fit(model: &Model, series: &Series) -> Result<AreaFit, InputErrors> {
    let area = series.area;
    let first = series.points[0];
    let last = series.points[series.points.len() - 1];
    let months = months_between(first.month, last.month);
    let base = scenario(model, area, first, months);
    let run = |pct: f64| -> Result<Results, InputErrors> {
        let mut s = base.clone();
        s.set.insert("new_inflow_pct".into(), pct);
        model.run(&s)
    };
    let cost = |pct: f64| -> Result<f64, InputErrors> {
        Ok(sse(&stocks(&run(pct)?, area, series), series))
    };

    // Golden-section search on [min, max]: the stocks rise with the inflow, so the squared
    // error has one minimum (it is a parabola: the model is linear in the inflow).
    let (min, max) = model
        .table
        .param("new_inflow_pct")
        .map_or((0.0, 10.0), |p| (p.min, p.max));
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut a, mut b) = (min, max);
    let mut c = b - g * (b - a);
    let mut d = a + g * (b - a);
    let (mut fc, mut fd) = (cost(c)?, cost(d)?);
    while b - a > 1e-7 {
        if fc <= fd {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = cost(c)?;
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = cost(d)?;
        }
    }
    let inner = round_to(0.5 * (a + b), 4);
    // The search never evaluates the bounds themselves: take a bound when it fits better.
    let mut best = (inner, cost(inner)?);
    for bound in [min, max] {
        let c = cost(bound)?;
        if c < best.1 {
            best = (bound, c);
        }
    }
    let pct = best.0;
    let at_bound = if pct <= min + 1e-4 {
        Some("min")
    } else if pct >= max - 1e-4 {
        Some("max")
    } else {
        None
    };

    let results = run(pct)?;
    let fitted = stocks(&results, area, series);
    let points: Vec<FittedPoint> = series.points[1..]
        .iter()
        .zip(&fitted)
        .map(|(p, &s)| FittedPoint {
            line: p.line,
            month: p.month,
            months: months_between(first.month, p.month),
            data: p.benefits,
            fitted: round_to(s, 1),
            error: round_to(s - p.benefits, 1),
            error_pct: (p.benefits > 0.0)
                .then(|| round_to((s - p.benefits) / p.benefits * 100.0, 2)),
        })
        .collect();
    let n = fitted.len() as f64;
    let rmse = (sse(&fitted, series) / n).sqrt();
    let pcts: Vec<f64> = fitted
        .iter()
        .zip(&series.points[1..])
        .filter(|(_, p)| p.benefits > 0.0)
        .map(|(s, p)| ((s - p.benefits) / p.benefits * 100.0).abs())
        .collect();
    let mape = if pcts.is_empty() {
        0.0
    } else {
        pcts.iter().sum::<f64>() / pcts.len() as f64
    };

    let run_months = area_months(&results, area);
    let periods: Vec<Period> = series
        .points
        .windows(2)
        .map(|pair| {
            let (p, q) = (pair[0], pair[1]);
            let from = months_between(first.month, p.month) as usize;
            let to = months_between(first.month, q.month) as usize;
            let span = &run_months[from.min(run_months.len())..to.min(run_months.len())];
            let fin: f64 = span.iter().map(|m| m.inflow + m.reentries).sum();
            let fout: f64 = span.iter().map(|m| m.exits_to_work + m.exits_other).sum();
            Period {
                from: p.month,
                to: q.month,
                line: p.line,
                inflow: p.inflow,
                outflow: p.outflow,
                fitted_inflow: round_to(fin, 1),
                fitted_outflow: round_to(fout, 1),
                data_balance_gap: p
                    .inflow
                    .zip(p.outflow)
                    .map(|(i, o)| round_to(q.benefits - p.benefits - (i - o), 1)),
            }
        })
        .collect();

    // Each note in English and in Dutch.
    let mut notes: Vec<[String; 2]> = Vec::new();
    // At a bound the fit does not reproduce the end stock: the bound's note says why.
    if series.points.len() == 2 && at_bound.is_none() {
        notes.push([
            "One period: the fit reproduces its end stock (up to rounding) and leaves no point to test the model on.".to_owned(),
            "Eén periode: de schatting geeft de eindstand terug (op afronding na) en laat geen punt over om het model op te toetsen.".to_owned(),
        ]);
    }
    match at_bound {
        Some("min") => notes.push([
            format!("The fit ran into the lower bound of new_inflow_pct ({min}): the stock falls faster than the default exit hazards can explain even without new inflow."),
            format!("De schatting liep tegen de ondergrens van new_inflow_pct ({}): het bestand daalt sneller dan de standaard uitstroomkansen verklaren, zelfs zonder nieuwe instroom.", crate::lang::Lang::Nl.number(min)),
        ]),
        Some(_) => notes.push([
            format!("The fit ran into the upper bound of new_inflow_pct ({max}): the stock rises faster than the model can follow with the default exit hazards."),
            format!("De schatting liep tegen de bovengrens van new_inflow_pct ({}): het bestand stijgt sneller dan het model met de standaard uitstroomkansen kan volgen.", crate::lang::Lang::Nl.number(max)),
        ]),
        None => {}
    }
    match area {
        Area::Region => notes.push([
            "Region: the six default start stocks are scaled to the regional stock; the fit says nothing about any one municipality.".to_owned(),
            "Regio: de zes standaard beginstanden worden geschaald naar de regionale stand; de schatting zegt niets over één gemeente afzonderlijk.".to_owned(),
        ]),
        Area::Municipality(_) => notes.push([
            "Municipality: only its own start stock is set and only its own results are compared; the other five stay at their defaults and do not affect its run.".to_owned(),
            "Gemeente: alleen haar eigen beginstand wordt gezet en alleen haar eigen resultaten worden vergeleken; de andere vijf blijven op hun standaardwaarden en beïnvloeden haar berekening niet.".to_owned(),
        ]),
    }
    if let Some(last_flows) = series
        .points
        .last()
        .filter(|p| p.inflow.is_some() || p.outflow.is_some())
    {
        notes.push([
            format!(
                "The flows on line {} (the last point, {}) fall after the last stock and are not compared.",
                last_flows.line, last_flows.month
            ),
            format!(
                "De stromen op regel {} (het laatste punt, {}) vallen na de laatste stand en worden niet vergeleken.",
                last_flows.line, last_flows.month
            ),
        ]);
    }
    let (notes, notes_nl) = notes.into_iter().map(|[en, nl]| (en, nl)).unzip();

    let mut rerun = format!(
        "caseflow run --start {} --months {months} --set new_inflow_pct={pct}",
        first.month
    );
    for (k, v) in &base.set {
        rerun.push_str(&format!(" --set {k}={v}"));
    }

    Ok(AreaFit {
        area,
        name: area.name(),
        from: first.month,
        to: last.month,
        months,
        start_stock: first.benefits,
        points_fitted: points.len(),
        new_inflow_pct: pct,
        at_bound,
        rmse: round_to(rmse, 2),
        mean_abs_error_pct: round_to(mape, 2),
        points,
        periods,
        notes,
        notes_nl,
        rerun,
    })
}

/// Fit `new_inflow_pct` for every series in `data`.
pub fn calibrate(model: &Model, data: &Data) -> Result<Calibration, InputErrors> {
    let areas = data
        .series
        .iter()
        .map(|s| fit(model, s))
        .collect::<Result<Vec<_>, _>>()?;
    let count = |f: fn(&Observation) -> bool| -> usize {
        data.series
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| f(p))
            .count()
    };
    let inflow_rows = count(|p| p.inflow.is_some());
    let outflow_rows = count(|p| p.outflow.is_some());
    let note = if inflow_rows + outflow_rows == 0 {
        if data.has_inflow || data.has_outflow {
            "Inflow/outflow columns present but empty: nothing to compare; the fit uses the stocks only.".to_owned()
        } else {
            "No inflow or outflow columns: the fit uses the stocks only.".to_owned()
        }
    } else {
        format!(
            "Inflow read on {inflow_rows} rows and outflow on {outflow_rows} rows, but not used in the fit (one scalar is fitted on the stocks); per period they are shown next to the fitted run's flows."
        )
    };
    Ok(Calibration {
        version: crate::VERSION,
        method: METHOD.to_owned(),
        method_nl: METHOD_NL.to_owned(),
        not_identified: NOT_IDENTIFIED.iter().map(|s| (*s).to_owned()).collect(),
        not_identified_nl: NOT_IDENTIFIED_NL.iter().map(|s| (*s).to_owned()).collect(),
        flows: Flows {
            inflow_rows,
            outflow_rows,
            used_in_fit: false,
            note,
        },
        areas,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model::new().unwrap()
    }

    fn rows(text: &str) -> Vec<Row> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Row {
                line: i as u64 + 1,
                cells: l.split(',').map(str::to_owned).collect(),
            })
            .collect()
    }

    /// A series generated by the model at `pct`, every `step` months over `months`.
    fn generated(m: &Model, area: Area, stock: f64, pct: f64, months: u32, step: u32) -> String {
        let start = Observation {
            line: 0,
            month: YearMonth {
                year: 2017,
                month: 1,
            },
            benefits: stock,
            inflow: None,
            outflow: None,
        };
        let mut s = scenario(m, area, start, months);
        s.set.insert("new_inflow_pct".into(), pct);
        let r = m.run(&s).unwrap();
        let ms = area_months(&r, area);
        let mut text = format!("{},2017-01,{stock}\n", area.id());
        for t in (step..=months).step_by(step as usize) {
            text.push_str(&format!(
                "{},{},{:.3}\n",
                area.id(),
                start.month.plus(t),
                ms[t as usize - 1].benefits
            ));
        }
        text
    }

    #[test]
    fn known_parameters_are_recovered_from_monthly_and_yearly_series() {
        let m = model();
        for (area, stock, pct) in [
            (Area::Municipality(0), 3568.0, 0.9),
            (Area::Region, 4846.0, 1.1),
            (Area::Municipality(4), 300.0, 0.6),
        ] {
            for step in [1, 12] {
                let text = format!(
                    "area,month,benefits\n{}",
                    generated(&m, area, stock, pct, 36, step)
                );
                let data = parse(&rows(&text)).unwrap();
                let cal = calibrate(&m, &data).unwrap();
                let f = &cal.areas[0];
                assert!(
                    (f.new_inflow_pct - pct).abs() < 0.01,
                    "{area:?} {step}: {f:?}"
                );
                assert!(f.rmse < 1.0, "{f:?}");
                assert_eq!(f.points_fitted, (36 / step) as usize);
            }
        }
    }

    #[test]
    fn the_stock_is_linear_in_the_inflow_so_the_squared_error_has_one_minimum() {
        let m = model();
        let text = "area,month,benefits\nregion,2017-01,4846\nregion,2019-09,4478\n";
        let series = &parse(&rows(text)).unwrap().series[0];
        let at = |pct: f64| {
            let mut s = scenario(&m, Area::Region, series.points[0], 32);
            s.set.insert("new_inflow_pct".into(), pct);
            stocks(&m.run(&s).unwrap(), Area::Region, series)[0]
        };
        let (a, b, c) = (at(0.0), at(3.0), at(10.0));
        assert!(b > a && c > b);
        assert!(((b - a) / 3.0 - (c - a) / 10.0).abs() < 1e-9, "{a} {b} {c}");
    }

    #[test]
    fn a_file_wrong_on_every_row_lists_the_first_problems_and_counts_the_rest() {
        let mut text = String::from("area,month,benefits\n");
        for _ in 0..1000 {
            text.push_str("nowhere,2017-01,4846\n");
        }
        let e = parse(&rows(&text)).unwrap_err();
        assert_eq!(e.0.len(), MAX_LISTED + 1);
        assert_eq!(e.0[0].label_en, "Area, line 2");
        assert_eq!(
            e.0[MAX_LISTED - 1].label_en,
            format!("Area, line {}", MAX_LISTED + 1)
        );
        let last = &e.0[MAX_LISTED];
        assert_eq!((last.field.as_str(), last.value.as_str()), ("data", "980"));
        assert!(
            last.message(crate::Lang::Nl)
                .contains("eerst de 20 hierboven verbeteren"),
            "{}",
            last.message(crate::Lang::Nl)
        );
        // The same for a problem found per area: a month given a thousand times.
        let mut text = String::from("area,month,benefits\n");
        for _ in 0..1000 {
            text.push_str("region,2017-01,4846\n");
        }
        let e = parse(&rows(&text)).unwrap_err();
        assert_eq!(e.0.len(), MAX_LISTED + 1);
        assert_eq!(e.0[MAX_LISTED].value, (999 - MAX_LISTED).to_string());
    }

    #[test]
    fn the_seed_points_fit_with_one_value_and_report_errors_per_point() {
        let text = "area,month,benefits\nregion,2019-09,4478\nregion,2017-01,4846\nregion,2018-01,4765\nregion,2019-01,4529\n";
        let cal = calibrate(&model(), &parse(&rows(text)).unwrap()).unwrap();
        let f = &cal.areas[0];
        assert_eq!(f.from.to_string(), "2017-01");
        assert_eq!(f.months, 32);
        assert_eq!(f.points.len(), 3);
        assert!(f.new_inflow_pct > 0.0 && f.new_inflow_pct < 10.0);
        assert!(f.at_bound.is_none());
        assert_eq!(f.points[2].line, 2);
        assert!(!cal.flows.used_in_fit);
    }

    // A tester's file whose stock rose 35-fold in a year read "the fit reproduces its end stock"
    // beside an error of +3,430%.
    #[test]
    fn one_period_at_a_bound_does_not_claim_to_reproduce_its_end_stock() {
        let rises = "area,month,benefits\nvaals,2017-01,200\nvaals,2018-01,7000\n";
        let cal = calibrate(&model(), &parse(&rows(rises)).unwrap()).unwrap();
        let f = &cal.areas[0];
        assert_eq!(f.at_bound, Some("max"));
        let error = f.points[0].error_pct.unwrap();
        assert!(error.abs() > 50.0, "{error}");
        assert!(
            f.notes.iter().all(|n| !n.contains("reproduces")),
            "{:?}",
            f.notes
        );
        assert!(
            f.notes_nl
                .iter()
                .all(|n| !n.contains("geeft de eindstand terug"))
        );
        assert!(f.notes.iter().any(|n| n.contains("upper bound")));
        // Inside the bounds one period is fitted exactly, and says so.
        let fits = "area,month,benefits\nvaals,2017-01,200\nvaals,2018-01,210\n";
        let cal = calibrate(&model(), &parse(&rows(fits)).unwrap()).unwrap();
        assert!(cal.areas[0].at_bound.is_none());
        assert!(cal.areas[0].notes[0].contains("reproduces its end stock"));
    }

    #[test]
    fn the_method_and_what_is_not_identified_are_in_dutch_too() {
        let text = "area,month,benefits\nvaals,2020-01,300\nvaals,2020-03,297\n";
        let cal = calibrate(&model(), &parse(&rows(text)).unwrap()).unwrap();
        crate::lang::bilingual::assert_translated(&cal.method, &cal.method_nl);
        crate::lang::bilingual::assert_translated_list(&cal.not_identified, &cal.not_identified_nl);
        // An analyst's fit cites what they have (a command, the seeds), not a file of ours.
        let said = [&cal.method, &cal.method_nl]
            .into_iter()
            .chain(cal.not_identified.iter().chain(&cal.not_identified_nl));
        for text in said {
            assert!(!text.contains(".md"), "{text}");
        }
        // Every note of a fit, in both languages: one period, at a bound, flows after the last
        // stock, and the region's and a municipality's own.
        let text = "area,month,benefits,inflow,outflow\nregion,2020-01,4800,,\nregion,2020-03,2000,50,60\nvaals,2020-01,300,,\nvaals,2020-05,310,,\n";
        let cal = calibrate(&model(), &parse(&rows(text)).unwrap()).unwrap();
        let notes: Vec<&str> = cal
            .areas
            .iter()
            .flat_map(|f| &f.notes)
            .map(String::as_str)
            .collect();
        for start in [
            "One period",
            "The fit ran into the lower bound",
            "Region:",
            "The flows on line 3",
            "Municipality:",
        ] {
            assert!(
                notes.iter().any(|n| n.starts_with(start)),
                "{start}: {notes:?}"
            );
        }
        for f in &cal.areas {
            crate::lang::bilingual::assert_translated_list(&f.notes, &f.notes_nl);
        }
    }

    #[test]
    fn flows_are_compared_not_fitted() {
        let m = model();
        let text = "area,month,benefits,inflow,outflow\nvaals,2020-01,300,10,12\nvaals,2020-02,298,,\nvaals,2020-03,297,,\n";
        let cal = calibrate(&m, &parse(&rows(text)).unwrap()).unwrap();
        assert_eq!((cal.flows.inflow_rows, cal.flows.outflow_rows), (1, 1));
        assert!(cal.flows.note.contains("not used in the fit"));
        let p = &cal.areas[0].periods[0];
        assert_eq!(p.data_balance_gap, Some(0.0));
        assert!(p.fitted_inflow > 0.0 && p.fitted_outflow > 0.0);
    }

    #[test]
    fn bad_rows_are_all_reported_with_line_field_and_value() {
        let text = "area,month,benefits,inflow\nheerlen,2020-01,5\nmaastricht,2020-13,x1\nmaastricht,2020-01,3500,-4\nmaastricht,2020-01,3500\n";
        let e = parse(&rows(text)).unwrap_err();
        let msgs: Vec<String> = e.0.iter().map(|e| e.message(crate::Lang::En)).collect();
        let all = msgs.join("\n");
        assert!(all.contains("area (Area, line 2): 'heerlen'"), "{all}");
        assert!(all.contains("month (Month, line 3): '2020-13'"), "{all}");
        assert!(
            all.contains("benefits (Benefits, line 3): 'x1' is not a number"),
            "{all}"
        );
        assert!(
            all.contains("inflow (Inflow, line 4): '-4' is out of range"),
            "{all}"
        );
        assert_eq!(e.0.len(), 4, "{all}");
        // The two remaining Maastricht rows share a month.
        let text = "area,month,benefits\nmaastricht,2020-01,3500\nmaastricht,2020-01,3500\n";
        let e = parse(&rows(text)).unwrap_err();
        assert!(e.to_string().contains("line 3"), "{e}");
        let nl = e.message(crate::Lang::Nl);
        assert!(nl.contains("regel 3"), "{nl}");
    }

    #[test]
    fn areas_are_read_by_id_or_by_the_name_the_page_shows_in_any_case() {
        let text = "area,month,benefits\nRegio,2017-01,4846\nREGION,2018-01,4765\nValkenburg aan de Geul,2017-01,500\nvalkenburg,2018-01,490\nEijsden-Margraten,2017-01,300\neijsden-margraten,2018-01,290\nMaastricht-Heuvelland,2019-01,4529\n";
        let data = parse(&rows(text)).unwrap();
        let ids: Vec<&str> = data.series.iter().map(|s| s.area.id()).collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert!(
            ids.contains(&"region") && ids.contains(&"valkenburg"),
            "{ids:?}"
        );
        let e = parse(&rows(
            "area,month,benefits\nregios,2017-01,4846\nregios,2018-01,4765\n",
        ))
        .unwrap_err();
        let en = e.message(crate::Lang::En);
        assert!(en.contains("'regios'") && en.contains("or regio"), "{en}");
        assert!(e.message(crate::Lang::Nl).contains("of regio"));
    }

    #[test]
    fn header_single_points_and_long_spans_are_refused() {
        for (text, want) in [
            ("", "header (Header, line 1)"),
            ("area,month,stock\n", "header (Header, line 1)"),
            ("area,month,benefits,inflow,inflow\n", "header"),
            ("area,month,benefits\n", "line 2"),
            (
                "area,month,benefits\nvaals,2020-01,300\n",
                "area (Area, line 2): 'vaals'",
            ),
            (
                "area,month,benefits\nvaals,2000-01,300\nvaals,2016-01,300\n",
                "month (Month, line 3): '2016-01' is out of range",
            ),
            (
                "area,month,benefits\nvaals,2000-01,0\nvaals,2001-01,300\n",
                "line 2",
            ),
            // Dutch spreadsheets: semicolons between fields, dots between thousands.
            (
                "area;month;benefits\n",
                "commas between the fields, not semicolons",
            ),
            (
                "area,month,benefits\nregion,2017-01,4.846\nregion,2018-01,4846\n",
                "benefits (Benefits, line 2): '4.846' is not valid; allowed: 0 to 100000 (households; a decimal point, no thousands separator)",
            ),
            (
                "area,month,benefits\nregion,2017-01,12.345.678\nregion,2018-01,4846\n",
                "'12.345.678' is not valid",
            ),
        ] {
            let e = parse(&rows(text)).unwrap_err().to_string();
            assert!(e.contains(want), "{text:?}: {e}");
        }
    }
}
