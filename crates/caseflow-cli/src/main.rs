//! `caseflow`: the native command line.
//!
//! `caseflow run [--growth-pct X] [--format table|csv|json]` runs a scenario and prints its
//! monthly table. Numeric flags are taken as text and checked by the core
//! ([`caseflow_core::Scenario::set_text`]), so a bad value gets the same message (field, value,
//! allowed range) as on the page, and never a panic. Exit codes: 0 success, 2 bad input.

use std::io::{self, Write};
use std::process::ExitCode;

use caseflow_core::{InputError, Results, Scenario, simulate};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "caseflow",
    version,
    about = "What-if simulator for bijstand caseloads"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run one scenario and print the monthly results.
    Run(RunArgs),
}

#[derive(clap::Args)]
struct RunArgs {
    /// Growth shock: extra inflow over the first 12 months, % of the start stock (-20 to 20).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    growth_pct: Option<String>,
    /// Benefit households at the start (0 to 100000).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    start_stock: Option<String>,
    /// Baseline inflow, benefit households per month (0 to 10000).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    monthly_inflow: Option<String>,
    /// Share of the stock leaving each month, % (0 to 20).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    exit_rate_pct: Option<String>,
    /// Months to simulate (1 to 180).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    months: Option<String>,
    /// First month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM", allow_hyphen_values = true)]
    start: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

impl RunArgs {
    fn scenario(&self) -> Result<Scenario, InputError> {
        let mut scenario = Scenario::default();
        let flags = [
            ("start", &self.start),
            ("months", &self.months),
            ("start_stock", &self.start_stock),
            ("monthly_inflow", &self.monthly_inflow),
            ("exit_rate_pct", &self.exit_rate_pct),
            ("growth_pct", &self.growth_pct),
        ];
        for (key, text) in flags {
            if let Some(text) = text {
                scenario.set_text(key, text)?;
            }
        }
        Ok(scenario)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => {
            let results = match args.scenario().and_then(|s| simulate(&s)) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let mut out = io::stdout().lock();
            let written = match args.format {
                Format::Table => write_table(&mut out, &results),
                Format::Csv => write_csv(&mut out, &results),
                Format::Json => write_json(&mut out, &results),
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`caseflow run | head`) is not an error worth a message.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: could not write the results: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn write_table(out: &mut impl Write, r: &Results) -> io::Result<()> {
    writeln!(
        out,
        "{:<8} {:>12} {:>10} {:>10} {:>12}",
        "month", "stock_start", "inflow", "exits", "stock_end"
    )?;
    for m in &r.months {
        writeln!(
            out,
            "{:<8} {:>12.1} {:>10.1} {:>10.1} {:>12.1}",
            m.month.to_string(),
            m.stock_start,
            m.inflow,
            m.exits,
            m.stock_end
        )?;
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, r: &Results) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for m in &r.months {
        w.serialize(m)?;
    }
    w.flush()
}

fn write_json(out: &mut impl Write, r: &Results) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, r)?;
    writeln!(out)
}
