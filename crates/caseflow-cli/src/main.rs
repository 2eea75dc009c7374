//! `caseflow`: the native command line, for analysts and benchmarks.
//!
//! - `caseflow run [--preset ID | --scenario FILE] [--set PARAM=VALUE]... [--growth-pct X]
//!   [--months N] [--start YYYY-MM] [--runs N --seed S] [--lang nl|en]
//!   [--format table|csv|json|xlsx] [--table months|years|summary] [--output FILE]
//!   [--date YYYY-MM-DD]` (xlsx only with `--output`)
//! - `caseflow presets [--show ID] [--format table|toml|json]`
//! - `caseflow params [--format table|json] [--lang nl|en]`
//! - `caseflow allocate --total EUR [--overhead-pct P] [--format table|csv|json]`
//! - `caseflow sensitivity | optimise | breakdown | backtest | calibrate`: the analyses
//!
//! Values are taken as text and checked by the core, so a bad value gets the same message
//! (field, value, allowed range) as on the page, in Dutch or English, and never a panic.
//! Exit codes: 0 success, 2 bad input, 1 anything else (a file that cannot be read or written).

mod backtest_cmd;
mod calibrate_cmd;
mod files;
mod output;
mod parallel;
mod time_cmd;
mod usage;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use caseflow_core::{InputError, InputErrorKind, InputErrors, Lang, Model, Scenario, YearMonth};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use usage::LangArg;

#[derive(Parser)]
#[command(
    name = "caseflow",
    version,
    about = "What-if simulator for bijstand caseloads (Maastricht-Heuvelland)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario (and its counterfactual without programmes) and print the results.
    Run(RunArgs),
    /// List the presets, or print one as a complete scenario file.
    Presets(PresetsArgs),
    /// Every parameter with its unit, default, ranges, evidence and source.
    Params(ParamsArgs),
    /// Split a total by the cost key (verdeelsleutel), with overhead on the regional shares, paid to Maastricht.
    Allocate(AllocateArgs),
    /// The tornado: the assumptions that move the net saving most.
    Sensitivity(AnalysisArgs),
    /// The mix of tracks that a budget buys best.
    #[command(alias = "optimize")]
    Optimise(OptimiseArgs),
    /// Where the net saving comes from: by programme and by cause.
    Breakdown(AnalysisArgs),
    /// Forecasts from past origins against the seeds' figures, next to naive forecasts.
    Backtest(backtest_cmd::BacktestArgs),
    /// Fit new_inflow_pct to your own stock series (CSV; the format is in `calibrate --help`).
    Calibrate(calibrate_cmd::CalibrateArgs),
    /// Two to four scenarios over the same Monte Carlo draws: the chance that one saves more.
    Compare(CompareArgs),
    /// Time the core natively: a deterministic run and a Monte Carlo (for benchmarks).
    Time(time_cmd::TimeArgs),
}

#[derive(clap::Args)]
struct AnalysisArgs {
    /// Start from a preset (default: corona-2021).
    #[arg(
        long,
        value_name = "ID",
        default_value = "corona-2021",
        conflicts_with = "scenario"
    )]
    preset: String,
    /// Start from a scenario file instead.
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParamsFormat::Table)]
    format: ParamsFormat,
    /// Language of headings and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
}

#[derive(clap::Args)]
struct CompareArgs {
    /// A preset to compare (may be repeated; presets come before scenario files).
    #[arg(long, value_name = "ID")]
    preset: Vec<String>,
    /// A scenario file to compare (may be repeated).
    #[arg(long, value_name = "FILE")]
    scenario: Vec<PathBuf>,
    /// Paired Monte Carlo runs per scenario (2 to 100000).
    #[arg(
        long,
        value_name = "N",
        default_value = "1000",
        allow_hyphen_values = true
    )]
    runs: String,
    /// The seed, the same for every scenario.
    #[arg(
        long,
        value_name = "S",
        default_value = "1",
        allow_hyphen_values = true
    )]
    seed: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParamsFormat::Table)]
    format: ParamsFormat,
    /// Language of headings and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
}

#[derive(clap::Args)]
struct OptimiseArgs {
    #[command(flatten)]
    base: AnalysisArgs,
    /// The budget to spend, euros (default: what the scenario's own programmes cost, so the
    /// best mix is weighed against the decided one on the same money; corona-2021: seed 000's
    /// €1,645,000).
    #[arg(long, value_name = "EUR", allow_hyphen_values = true)]
    budget: Option<String>,
    /// What to maximise.
    #[arg(long, value_enum, default_value_t = ObjectiveArg::NetSaving)]
    objective: ObjectiveArg,
    /// Months to look ahead (1 to 180; default: the scenario's horizon).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    horizon_months: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ObjectiveArg {
    NetSaving,
    ExitsToWork,
}

#[derive(clap::Args)]
struct AllocateArgs {
    /// The total to split, euros: whole euros are split in whole euros (as seed 003), a total
    /// written with decimals (1645000.00) in cents.
    #[arg(long, value_name = "EUR", allow_hyphen_values = true)]
    total: String,
    /// Overhead on the five regional shares, paid to Maastricht, percent (seed 003: 50).
    #[arg(
        long,
        value_name = "P",
        default_value = "50",
        allow_hyphen_values = true
    )]
    overhead_pct: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of headings and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Start from a preset (see `caseflow presets`). Without --preset or --scenario: every
    /// assumption at its default, 36 months from 2021-01, no programmes (the baseline preset
    /// is the same over 60 months).
    #[arg(long, value_name = "ID", conflicts_with = "scenario")]
    preset: Option<String>,
    /// Start from a scenario file (TOML or JSON, as `caseflow presets --show` writes).
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Override an assumption: PARAM=VALUE (see `caseflow params`); may be repeated.
    #[arg(long = "set", value_name = "PARAM=VALUE", allow_hyphen_values = true)]
    set: Vec<String>,
    /// Growth shock: extra inflow, % of the start stock (-20 to 20); same as --set growth_pct=X.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    growth_pct: Option<String>,
    /// Months to simulate (1 to 180; default: the preset's or the file's, else 36).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    months: Option<String>,
    /// First month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM", allow_hyphen_values = true)]
    start: Option<String>,
    /// Monte Carlo: this many paired runs (2 to 100000) instead of one deterministic run.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    runs: Option<String>,
    /// Seed of the Monte Carlo, with --runs (the same seed gives the same output) [default: 1]
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    seed: Option<String>,
    /// Threads for the Monte Carlo, with --runs (1 to 64; default: the machine's cores). The
    /// output is the same for any number.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    threads: Option<String>,
    /// Language of messages and table headings.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
    /// Output format: a table, CSV, JSON, or an Excel workbook (xlsx needs --output). Default:
    /// what --output's extension names (.csv, .json, .xlsx), else a table.
    #[arg(long, value_enum)]
    format: Option<RunFormat>,
    /// Which table a CSV holds: months, years, or summary (one row per area).
    #[arg(long, value_enum, default_value_t = CsvTable::Months)]
    table: CsvTable,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The date a CSV or xlsx export shows in its cite line, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RunFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum CsvTable {
    Months,
    Years,
    Summary,
}

#[derive(clap::Args)]
struct PresetsArgs {
    /// Print this preset as a complete scenario file.
    #[arg(long, value_name = "ID")]
    show: Option<String>,
    /// Output format: table (the list), toml or json.
    #[arg(long, value_enum, default_value_t = PresetFormat::Table)]
    format: PresetFormat,
    /// Language of the list.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
}

#[derive(clap::Args)]
struct ParamsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParamsFormat::Table)]
    format: ParamsFormat,
    /// Language of labels, units and sources (the table; JSON has both).
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum PresetFormat {
    Table,
    Toml,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParamsFormat {
    Table,
    Json,
}

/// What went wrong, and which exit code it earns: bad input 2, anything else 1.
pub(crate) enum Failure {
    Input(InputErrors),
    /// A failure put into words in Dutch and English.
    Words([String; 2]),
    Other(String),
}

impl From<InputErrors> for Failure {
    fn from(e: InputErrors) -> Self {
        Failure::Input(e)
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e.into())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Failure::Other(e.to_string());
        }
        Failure::Words([
            format!("kon de uitvoer niet schrijven: {e}"),
            format!("could not write the output: {e}"),
        ])
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &args),
    };
    let lang: Lang = match &cli.command {
        Command::Run(a) => a.lang.into(),
        Command::Presets(a) => a.lang.into(),
        Command::Params(a) => a.lang.into(),
        Command::Allocate(a) => a.lang.into(),
        Command::Sensitivity(a) => a.lang.into(),
        Command::Optimise(a) => a.base.lang.into(),
        Command::Breakdown(a) => a.lang.into(),
        Command::Backtest(a) => a.lang.into(),
        Command::Calibrate(a) => a.lang.into(),
        Command::Compare(a) => a.lang.into(),
        Command::Time(_) => Lang::En,
    };
    let model = match Model::new() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::stdout().lock();
    let result = match cli.command {
        Command::Run(args) => run(&model, &args, &mut out),
        Command::Presets(args) => presets(&model, &args, &mut out),
        Command::Params(args) => params(&model, &args, &mut out),
        Command::Allocate(args) => allocate(&model, &args, &mut out),
        Command::Sensitivity(args) => sensitivity(&model, &args, &mut out),
        Command::Optimise(args) => optimise(&model, &args, &mut out),
        Command::Breakdown(args) => breakdown(&model, &args, &mut out),
        Command::Backtest(args) => {
            runs_and_seed(Some(&args.runs), &args.seed).and_then(|(runs, seed)| {
                backtest_cmd::run(&model, &args, runs.unwrap_or_default(), seed, &mut out)
                    .map_err(Failure::Other)
            })
        }
        Command::Calibrate(args) => calibrate_cmd::run(&model, &args, &mut out),
        Command::Compare(args) => compare(&model, &args, &mut out),
        Command::Time(args) => time_cmd::run(&model, &args, &mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(errors)) => {
            for e in &errors.0 {
                // A value echoed from a file is shown with its control characters escaped.
                eprintln!(
                    "{}: {}",
                    lang.pick("fout", "error"),
                    output::shown(&e.message(lang))
                );
            }
            ExitCode::from(2)
        }
        // A closed pipe (`caseflow run | head`) is not worth a message.
        Err(Failure::Other(msg)) if msg.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Failure::Other(msg)) => {
            eprintln!("{}: {msg}", lang.pick("fout", "error"));
            ExitCode::FAILURE
        }
        Err(Failure::Words([nl, en])) => {
            eprintln!("{}: {}", lang.pick("fout", "error"), lang.pick(&nl, &en));
            ExitCode::FAILURE
        }
    }
}

/// A command line clap refused: said in the user's language (help and version as clap
/// prints them), exit 2 as for any bad input.
fn usage_error(e: &clap::Error, args: &[String]) -> ExitCode {
    let cli = Cli::command();
    let commands: Vec<&str> = cli
        .get_subcommands()
        .map(|c| c.get_name())
        .filter(|n| *n != "help")
        .collect();
    let (lang, command) = usage::read(args, &commands);
    match usage::explain(e, lang, &commands, command.as_deref()) {
        Some(words) => {
            eprintln!("{}: {words}", lang.pick("fout", "error"));
            ExitCode::from(2)
        }
        None => e.exit(),
    }
}

/// A scenario's name as the tables show it: a preset's name (its id or either title) on
/// figures that are not that preset's says so, as the page says it, so a cite line or a
/// comparison does not pass an edited copy off as the preset. The scenario keeps its own
/// name (the fingerprint is of the scenario as written).
fn shown_name(model: &Model, s: &Scenario, lang: Lang) -> String {
    let named = |p: &&caseflow_core::Preset| [&p.id, &p.name_nl, &p.name_en].contains(&&s.name);
    // Hashed once, and only when a preset bears the name.
    let changed = model
        .catalogue
        .presets
        .iter()
        .find(named)
        .is_some_and(|p| p.scenario.fingerprint(&model.table) != s.fingerprint(&model.table));
    if changed {
        format!("{} {}", s.name, lang.pick("(gewijzigd)", "(changed)"))
    } else {
        s.name.clone()
    }
}

/// The scenario the flags describe: a preset or a file (or the default), then the overrides.
fn scenario(model: &Model, args: &RunArgs) -> Result<Scenario, Failure> {
    let mut scenario = if let Some(id) = &args.preset {
        let ids = model.catalogue.preset_ids().join(", ");
        model
            .preset(id)
            .map(|p| p.scenario.clone())
            .ok_or_else(|| {
                InputError::other(
                    "preset",
                    id,
                    InputErrorKind::Malformed,
                    ["Voorinstelling", "Preset"],
                    [&format!("een van {ids}"), &format!("one of {ids}")],
                )
            })?
    } else if let Some(path) = &args.scenario {
        let bytes = files::read(path, "scenario", ["Scenariobestand", "Scenario file"])?;
        let text = String::from_utf8(bytes).map_err(|_| {
            // The file is there but is not text: bad input, not an I/O failure.
            InputError::other(
                "scenario",
                &path.display().to_string(),
                InputErrorKind::Malformed,
                ["Scenariobestand", "Scenario file"],
                ["tekst in UTF-8 (TOML of JSON)", "UTF-8 text (TOML or JSON)"],
            )
        })?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            model.scenario_from_json(&text)?
        } else {
            model.scenario_from_text(&text)?
        }
    } else {
        Scenario::default()
    };
    let mut errors = Vec::new();
    if let Some(text) = &args.start {
        match YearMonth::parse_at("start", text) {
            Ok(ym) => scenario.start = ym,
            Err(e) => errors.push(e),
        }
    }
    if let Some(text) = &args.months {
        // Any whole number here; the scenario's check gives 1 to 180 with the rest.
        match caseflow_core::amount::parse_whole(
            "months",
            text,
            0..=u64::from(u32::MAX),
            ["Looptijd", "Horizon"],
            [
                "gehele getallen 1 tot 180 (maanden)",
                "whole numbers 1 to 180 (months)",
            ],
        ) {
            Ok(n) => scenario.months = n as u32,
            Err(e) => errors.push(e),
        }
    }
    let growth = args.growth_pct.iter().map(|v| format!("growth_pct={v}"));
    // An assumption given twice (`--growth-pct 5 --set growth_pct=6`) is refused: the last
    // one silently won.
    let mut given: Vec<(String, String)> = Vec::new();
    for pair in args.set.iter().cloned().chain(growth) {
        let Some((id, value)) = pair.split_once('=') else {
            errors.push(InputError::other(
                "set",
                &pair,
                InputErrorKind::Malformed,
                ["--set", "--set"],
                ["PARAMETER=WAARDE", "PARAM=VALUE"],
            ));
            continue;
        };
        // Ids are lower case; `start_stock.Maastricht` means `start_stock.maastricht`.
        let id = id.trim().to_lowercase();
        // A programme's field is set per programme, in a scenario file: say how, rather than
        // list the sixty assumptions --set does take.
        let field = id.rsplit('.').next().unwrap_or_default();
        if model.table.param(&id).is_none() && model.table.programme_field(field).is_some() {
            errors.push(InputError::other(
                "set",
                &id,
                InputErrorKind::Malformed,
                ["--set", "--set"],
                [
                    &format!("een aanname uit `caseflow params`; {field} hoort bij een programma en staat in een scenariobestand: `caseflow presets --show corona-2021 --format toml > s.toml`, pas {field} aan onder [[programmes]] en draai `caseflow run --scenario s.toml`"),
                    &format!("an assumption from `caseflow params`; {field} belongs to a programme and is set in a scenario file: `caseflow presets --show corona-2021 --format toml > s.toml`, change {field} under [[programmes]] and run `caseflow run --scenario s.toml`"),
                ],
            ));
            continue;
        }
        if let Some((_, first)) = given.iter().find(|(seen, _)| *seen == id) {
            errors.push(InputError::other(
                "set",
                &format!("{id}={first}, {id}={value}"),
                InputErrorKind::Malformed,
                ["--set", "--set"],
                if id == "growth_pct" {
                    [
                        "elke aanname één keer (--growth-pct X is --set growth_pct=X)",
                        "each assumption once (--growth-pct X is --set growth_pct=X)",
                    ]
                } else {
                    ["elke aanname één keer", "each assumption once"]
                },
            ));
            continue;
        }
        given.push((id.clone(), value.to_owned()));
        if let Err(e) = scenario.set_text(&model.table, &id, value) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(InputErrors(errors).into())
    }
}

/// `--runs` and `--seed`, checked: None for a deterministic run.
fn monte_carlo_args(args: &RunArgs) -> Result<Option<(u32, u64)>, Failure> {
    // A bad value is told as such first, with or without --runs.
    let (runs, seed) = runs_and_seed(args.runs.as_deref(), args.seed.as_deref().unwrap_or("1"))?;
    threads(args)?;
    if runs.is_none() {
        // A seed or a thread count without --runs changed nothing, without a word.
        let alone = [("seed", &args.seed), ("threads", &args.threads)];
        let errors: Vec<InputError> = alone
            .into_iter()
            .filter_map(|(field, value)| {
                let value = value.as_deref()?;
                Some(InputError::other(
                    field,
                    value,
                    InputErrorKind::Inconsistent,
                    [&format!("--{field}"), &format!("--{field}")],
                    [
                        "alleen samen met --runs (de Monte Carlo); zonder --runs is de berekening deterministisch",
                        "only with --runs (the Monte Carlo); without --runs the run is deterministic",
                    ],
                ))
            })
            .collect();
        if !errors.is_empty() {
            return Err(InputErrors(errors).into());
        }
    }
    Ok(runs.map(|r| (r, seed)))
}

/// A run count (when given) and a seed as typed, checked together so both faults are told.
fn runs_and_seed(runs: Option<&str>, seed: &str) -> Result<(Option<u32>, u64), Failure> {
    let mut errors = Vec::new();
    let seed = caseflow_core::amount::parse_whole(
        "seed",
        seed,
        0..=u64::MAX,
        ["Seed", "Seed"],
        ["0 tot 18446744073709551615", "0 to 18446744073709551615"],
    );
    let runs = runs.map(|text| {
        caseflow_core::amount::parse_whole(
            "runs",
            text,
            2..=u64::from(caseflow_core::montecarlo::MAX_RUNS),
            ["Aantal runs", "Number of runs"],
            ["gehele getallen 2 tot 100000", "whole numbers 2 to 100000"],
        )
        .map(|n| n as u32)
    });
    let seed = seed.map_err(|e| errors.push(e)).ok();
    let runs = runs.and_then(|r| r.map_err(|e| errors.push(e)).ok());
    match seed {
        Some(seed) if errors.is_empty() => Ok((runs, seed)),
        _ => Err(InputErrors(errors).into()),
    }
}

/// Today's date in UTC, `YYYY-MM-DD`, for the exports' cite line (the core reads no clock).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn run(model: &Model, args: &RunArgs, out: &mut impl Write) -> Result<(), Failure> {
    let scenario = scenario(model, args)?;
    let mc_args = monte_carlo_args(args)?;
    let format = output_format(args)?;
    if format == RunFormat::Xlsx && args.output.is_none() {
        return Err(InputError::other(
            "format",
            "xlsx",
            InputErrorKind::Inconsistent,
            ["Uitvoervorm", "Output format"],
            [
                "xlsx alleen met --output BESTAND",
                "xlsx only with --output FILE",
            ],
        )
        .into());
    }
    let bytes = render(model, args, format, &scenario, mc_args)?;
    match &args.output {
        Some(path) => files::write(path, &bytes),
        None => Ok(out.write_all(&bytes)?),
    }
}

/// The format asked for, else the one `--output`'s extension names (`plan.xlsx` is a
/// workbook), else a table. A format the extension contradicts is refused: `--format csv
/// --output plan.xlsx` wrote CSV into a file Excel then could not open.
fn output_format(args: &RunArgs) -> Result<RunFormat, Failure> {
    let named = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| RunFormat::from_str(&e.to_string_lossy(), true).ok())
        .filter(|f| *f != RunFormat::Table);
    match (args.format, named) {
        (Some(asked), Some(named)) if asked != named => {
            let name = |f: RunFormat| {
                f.to_possible_value()
                    .map_or(String::new(), |v| v.get_name().to_owned())
            };
            let file = args
                .output
                .as_ref()
                .map_or(String::new(), |p| p.display().to_string());
            Err(InputError::other(
                "format",
                &name(asked),
                InputErrorKind::Inconsistent,
                ["Uitvoervorm", "Output format"],
                [
                    &format!(
                        "{} voor --output {file} (of laat --format weg: de extensie kiest)",
                        name(named)
                    ),
                    &format!(
                        "{} for --output {file} (or leave --format out: the extension chooses)",
                        name(named)
                    ),
                ],
            )
            .into())
        }
        (asked, named) => Ok(asked.or(named).unwrap_or(RunFormat::Table)),
    }
}

/// `--threads`, or the machine's cores.
fn threads(args: &RunArgs) -> Result<u32, Failure> {
    match &args.threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get().min(64) as u32)),
        // Not a number, not whole or out of range, whichever it is (`abc` was "out of range").
        Some(text) => caseflow_core::amount::parse_whole(
            "threads",
            text,
            1..=64,
            ["Aantal threads", "Number of threads"],
            ["gehele getallen 1 tot 64", "whole numbers 1 to 64"],
        )
        .map(|n| n as u32)
        .map_err(Failure::from),
    }
}

/// The output of `run` in the format asked for.
fn render(
    model: &Model,
    args: &RunArgs,
    format: RunFormat,
    scenario: &Scenario,
    mc_args: Option<(u32, u64)>,
) -> Result<Vec<u8>, Failure> {
    let lang: Lang = args.lang.into();
    let mut out = Vec::new();
    let threads = threads(args)?;
    let mc = match mc_args {
        None => None,
        Some((runs, seed)) => {
            let show = std::io::stderr().is_terminal();
            let mut report = |done: u32| {
                if show && runs >= 500 {
                    eprint!("\r{done}/{runs}");
                    if done == runs {
                        eprintln!();
                    }
                }
            };
            Some(parallel::monte_carlo(
                model,
                scenario,
                runs,
                seed,
                threads,
                &mut report,
            )?)
        }
    };
    match (&mc, format) {
        (Some(mc), RunFormat::Json) => return json_bytes(mc),
        (Some(mc), RunFormat::Table) => {
            output::monte_carlo_table(&mut out, mc, lang)?;
            let name = shown_name(model, &mc.scenario, lang);
            output::provenance(&mut out, &mc.scenario, &name, &model.table, Some(mc), lang)?;
            return Ok(out);
        }
        _ => {}
    }
    let results = model.run(scenario)?;
    let date = args.date.clone().unwrap_or_else(today);
    let export = |results, lang| {
        caseflow_export::Export::new(results, mc.as_ref(), &model.table, lang, &date).map_err(|e| {
            match e {
                caseflow_export::ExportError::Input(e) => Failure::Input(e),
                caseflow_export::ExportError::Xlsx(e) => Failure::Other(e),
            }
        })
    };
    match format {
        RunFormat::Table => {
            output::results_table(&mut out, &results, lang)?;
            let name = shown_name(model, &results.scenario, lang);
            output::provenance(&mut out, &results.scenario, &name, &model.table, None, lang)?;
        }
        RunFormat::Json => return json_bytes(&results),
        RunFormat::Csv => {
            let e = export(&results, lang)?;
            out = match args.table {
                CsvTable::Months => e.csv_months(),
                CsvTable::Years => e.csv_years(),
                CsvTable::Summary => e.csv_summary(),
            }
            .into_bytes();
        }
        RunFormat::Xlsx => {
            // A preset's description in the workbook's language (the scenario carries the
            // English one; it changes no figure and no fingerprint).
            let preset = model
                .catalogue
                .presets
                .iter()
                .find(|p| p.description_en == results.scenario.description);
            let mut translated;
            let results = match preset {
                Some(p) if lang == Lang::Nl => {
                    translated = results.clone();
                    translated.scenario.description = p.description_nl.clone();
                    &translated
                }
                _ => &results,
            };
            out = export(results, lang)?
                .xlsx()
                .map_err(|e| Failure::Other(e.to_string()))?;
        }
    }
    Ok(out)
}

/// A value as pretty JSON and a line end, as `--format json` prints it.
fn json_bytes(value: &impl serde::Serialize) -> Result<Vec<u8>, Failure> {
    let mut out = serde_json::to_vec_pretty(value).map_err(|e| Failure::Other(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}

fn presets(model: &Model, args: &PresetsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let lang: Lang = args.lang.into();
    let Some(id) = &args.show else {
        return match args.format {
            PresetFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &model.catalogue.presets)
                    .map_err(|e| Failure::Other(e.to_string()))?;
                Ok(writeln!(out)?)
            }
            _ => {
                for p in &model.catalogue.presets {
                    writeln!(out, "{:<26} {}", p.id, lang.pick(&p.name_nl, &p.name_en))?;
                }
                Ok(())
            }
        };
    };
    let ids = model.catalogue.preset_ids().join(", ");
    let preset = model.preset(id).ok_or_else(|| {
        InputError::other(
            "show",
            id,
            InputErrorKind::Malformed,
            ["Voorinstelling", "Preset"],
            [&format!("een van {ids}"), &format!("one of {ids}")],
        )
    })?;
    let complete = preset.scenario.complete(&model.table);
    match args.format {
        PresetFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &complete)
                .map_err(|e| Failure::Other(e.to_string()))?;
            writeln!(out)?;
        }
        PresetFormat::Toml | PresetFormat::Table => {
            writeln!(
                out,
                "# caseflow {} scenario: {}",
                caseflow_core::VERSION,
                preset.name_en
            )?;
            write!(out, "{}", complete.to_toml())?;
        }
    }
    Ok(())
}

fn params(model: &Model, args: &ParamsArgs, out: &mut impl Write) -> Result<(), Failure> {
    match args.format {
        ParamsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &model.table)
                .map_err(|e| Failure::Other(e.to_string()))?;
            writeln!(out)?;
        }
        ParamsFormat::Table => output::params_table(out, &model.table, args.lang.into())?,
    }
    Ok(())
}

fn allocate(model: &Model, args: &AllocateArgs, out: &mut impl Write) -> Result<(), Failure> {
    let lang: Lang = args.lang.into();
    let split = caseflow_core::amount::split_by_key(&model.table, &args.total, &args.overhead_pct)?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &split)
                .map_err(|e| Failure::Other(e.to_string()))?;
            writeln!(out)?;
        }
        Format::Csv => output::split_csv(out, &split).map_err(|e| Failure::Other(e.to_string()))?,
        Format::Table => output::split_table(out, &split, lang)?,
    }
    Ok(())
}

/// The scenario of an analysis: a preset or a file.
fn analysis_scenario(model: &Model, args: &AnalysisArgs) -> Result<Scenario, Failure> {
    let run_args = RunArgs {
        preset: if args.scenario.is_some() {
            None
        } else {
            Some(args.preset.clone())
        },
        scenario: args.scenario.clone(),
        set: Vec::new(),
        growth_pct: None,
        months: None,
        start: None,
        runs: None,
        seed: None,
        threads: None,
        lang: args.lang,
        format: Some(RunFormat::Json),
        table: CsvTable::Months,
        output: None,
        date: None,
    };
    scenario(model, &run_args)
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| Failure::Other(e.to_string()))?;
    Ok(writeln!(out)?)
}

fn sensitivity(model: &Model, args: &AnalysisArgs, out: &mut impl Write) -> Result<(), Failure> {
    let s = analysis_scenario(model, args)?;
    let result = model.sensitivity(&s)?;
    match args.format {
        ParamsFormat::Json => write_json(out, &result),
        ParamsFormat::Table => Ok(output::sensitivity_table(out, &result, args.lang.into())?),
    }
}

fn optimise(model: &Model, args: &OptimiseArgs, out: &mut impl Write) -> Result<(), Failure> {
    let s = analysis_scenario(model, &args.base)?;
    let budget = match &args.budget {
        Some(text) => caseflow_core::amount::parse_budget(text),
        None => Ok(decided_cost(model, &s)),
    };
    let horizon = args
        .horizon_months
        .as_deref()
        .map(caseflow_core::amount::parse_horizon)
        .transpose();
    let (budget, horizon) = match (budget, horizon) {
        (Ok(b), Ok(h)) => (b, h),
        (b, h) => return Err(InputErrors(b.err().into_iter().chain(h.err()).collect()).into()),
    };
    let objective = match args.objective {
        ObjectiveArg::NetSaving => caseflow_core::analysis::Objective::NetSaving,
        ObjectiveArg::ExitsToWork => caseflow_core::analysis::Objective::ExitsToWork,
    };
    let result = model.optimise(&s, budget, objective, horizon)?;
    match args.base.format {
        ParamsFormat::Json => write_json(out, &result),
        ParamsFormat::Table => Ok(output::optimise_table(out, &result, args.base.lang.into())?),
    }
}

/// What the scenario's own programmes cost (participants × cost per participant, as the
/// optimiser counts a mix), or seed 000's €1,645,000 when that is nothing.
fn decided_cost(model: &Model, s: &Scenario) -> caseflow_core::Decimal {
    let cost: caseflow_core::Decimal = s
        .complete(&model.table)
        .programmes
        .iter()
        .map(|p| {
            caseflow_core::results::planned_cost(
                p.participants.unwrap_or(0.0),
                p.cost_per_participant_eur.unwrap_or(0.0),
            )
        })
        .sum();
    if cost.is_sign_positive() && !cost.is_zero() {
        // 1645000, not 1645000.00: the JSON prints the budget as given.
        cost.normalize()
    } else {
        caseflow_core::Decimal::from(1_645_000)
    }
}

fn breakdown(model: &Model, args: &AnalysisArgs, out: &mut impl Write) -> Result<(), Failure> {
    let s = analysis_scenario(model, args)?;
    let result = model.breakdown(&s)?;
    match args.format {
        ParamsFormat::Json => write_json(out, &result),
        ParamsFormat::Table => Ok(output::breakdown_table(out, &result, args.lang.into())?),
    }
}

/// Input errors of a scenario file named by the file, for commands that read several.
fn in_file(failure: Failure, path: &std::path::Path) -> Failure {
    let Failure::Input(mut errors) = failure else {
        return failure;
    };
    let name = path.display().to_string();
    for e in &mut errors.0 {
        for (label, word) in [(&mut e.label_nl, "bestand"), (&mut e.label_en, "file")] {
            *label = if label.is_empty() {
                format!("{word} {name}")
            } else {
                format!("{label}, {word} {name}")
            };
        }
    }
    Failure::Input(errors)
}

fn compare(model: &Model, args: &CompareArgs, out: &mut impl Write) -> Result<(), Failure> {
    let run_args = |preset: Option<String>, scenario: Option<PathBuf>| RunArgs {
        preset,
        scenario,
        set: Vec::new(),
        growth_pct: None,
        months: None,
        start: None,
        runs: Some(args.runs.clone()),
        seed: Some(args.seed.clone()),
        threads: None,
        lang: args.lang,
        format: Some(RunFormat::Json),
        table: CsvTable::Months,
        output: None,
        date: None,
    };
    let mut scenarios = Vec::new();
    for id in &args.preset {
        scenarios.push(scenario(model, &run_args(Some(id.clone()), None))?);
    }
    for path in &args.scenario {
        // With several files, an error names the file it is in.
        let mut s = scenario(model, &run_args(None, Some(path.clone())))
            .and_then(|s| Ok(s.resolve(&model.table).map(|_| s)?))
            .map_err(|f| in_file(f, path))?;
        // A file without a name is named by the file, so the table's rows can be told apart.
        if s.name.trim().is_empty() {
            s.name = path.file_stem().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        }
        scenarios.push(s);
    }
    // The rows' names: a changed preset says so, and a name given twice is told apart by its
    // file (two copies of corona-2021, one edited, were two rows "corona-2021").
    let lang: Lang = args.lang.into();
    let files = args
        .preset
        .iter()
        .map(|_| None)
        .chain(args.scenario.iter().map(Some));
    let mut names: Vec<String> = scenarios
        .iter()
        .map(|s| shown_name(model, s, lang))
        .collect();
    let twice: Vec<bool> = names
        .iter()
        .map(|n| names.iter().filter(|m| *m == n).count() > 1)
        .collect();
    for (i, (name, file)) in names.iter_mut().zip(files).enumerate() {
        if twice[i] {
            let from = file.map_or_else(
                || lang.pick("voorinstelling", "preset").to_owned(),
                |f| f.display().to_string(),
            );
            *name = format!("{name} [{from}]");
        }
    }
    for (s, name) in scenarios.iter_mut().zip(names) {
        s.name = name;
    }
    let Some((runs, seed)) = monte_carlo_args(&run_args(None, None))? else {
        return Err(Failure::Other("--runs is required".into()));
    };
    let show = std::io::stderr().is_terminal();
    let total = runs * scenarios.len() as u32;
    let mut report = |done: u32| {
        if show && total >= 500 {
            eprint!("\r{done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let threads = threads(&run_args(None, None))?;
    let result = parallel::compare(model, &scenarios, runs, seed, threads, &mut report)?;
    // Each scenario's first and last month: the table says when they differ.
    let periods: Vec<String> = scenarios
        .iter()
        .map(|s| format!("{} – {}", s.start, s.start.plus(s.months.max(1) - 1)))
        .collect();
    match args.format {
        ParamsFormat::Json => write_json(out, &result),
        ParamsFormat::Table => Ok(output::compare_table(
            out,
            &result,
            &periods,
            args.lang.into(),
        )?),
    }
}
