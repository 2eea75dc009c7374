//! `cargo xtask compare OLD_REV`: the presets' key figures under an older version of the model
//! and under the working tree, side by side, so an update shows what it changed.
//!
//! The old version is checked out with `git worktree` into `target/compare/<rev>` and its CLI
//! built there; both CLIs print each preset as JSON and the figures are read with a small
//! reader of our own (no JSON dependency in xtask): the key must be a plain number or a
//! quoted decimal in the `summary` object.

use std::path::Path;
use std::process::Command;

use crate::shell::{Step, cargo, output, run};

/// The figures compared, from each run's `summary`.
const KEYS: [&str; 5] = [
    "benefits_end",
    "exits_to_work",
    "gross_saving_eur",
    "net_saving_eur",
    "payback_month",
];

/// The value of `"key": …` inside the `"summary"` object of a run's JSON, as text.
fn summary_value(json: &str, key: &str) -> Option<String> {
    let summary = &json[json.find("\"summary\"")?..];
    let at = summary.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = summary[at..].trim_start();
    let end = rest.find([',', '\n', '}']).unwrap_or(rest.len());
    Some(rest[..end].trim().trim_matches('"').to_owned())
}

fn presets(cli: &Path) -> Vec<String> {
    output(Command::new(cli).args(["presets", "--lang", "en"]))
        .map(|text| {
            text.lines()
                .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn figures(cli: &Path, preset: &str) -> Option<String> {
    output(Command::new(cli).args(["run", "--preset", preset, "--format", "json"]))
}

/// Build both versions and print the comparison.
pub fn compare(rev: &str) -> crate::Result {
    let root = crate::root();
    let short = output(
        Command::new("git")
            .args(["rev-parse", "--short", rev])
            .current_dir(&root),
    )
    .ok_or_else(|| format!("'{rev}' is not a revision git knows"))?;
    let short = short.trim();
    let dir = crate::target_dir().join("compare").join(short);
    if !dir.join("Cargo.toml").exists() {
        let step = Step::new("check out the old version (git worktree)");
        run(Command::new("git")
            .args(["worktree", "add", "--force", "--detach"])
            .arg(&dir)
            .arg(short)
            .current_dir(&root))?;
        step.done();
    }
    let step = Step::new("build both CLIs");
    run(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["build", "--release", "--package", "caseflow-cli"])
            .current_dir(&dir),
    )?;
    run(cargo().args(["build", "--release", "--package", "caseflow-cli"]))?;
    step.done();
    let old_cli = dir.join("target/release/caseflow");
    let new_cli = crate::target_dir().join("release/caseflow");
    println!(
        "{:<26} {:<26} {:>18} {:>18} {:>14}",
        "preset", "figure", short, "working tree", "change"
    );
    for preset in presets(&new_cli) {
        let (old, new) = (figures(&old_cli, &preset), figures(&new_cli, &preset));
        for key in KEYS {
            let a = old
                .as_deref()
                .and_then(|j| summary_value(j, key))
                .unwrap_or_else(|| "n/a".into());
            let b = new
                .as_deref()
                .and_then(|j| summary_value(j, key))
                .unwrap_or_else(|| "n/a".into());
            let change = match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(x), Ok(y)) if x != y => format!("{:+.2}", y - x),
                (Ok(_), Ok(_)) => "same".to_owned(),
                _ if a == b => "same".to_owned(),
                _ => "differs".to_owned(),
            };
            println!("{preset:<26} {key:<26} {a:>18} {b:>18} {change:>14}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_values_are_read_from_the_summary_object() {
        let json = r#"{"scenario": {"benefits_end": 1}, "summary": {"benefits_end": 4628.7,
  "gross_saving_eur": "1797013.38", "payback_month": null}}"#;
        assert_eq!(
            summary_value(json, "benefits_end").as_deref(),
            Some("4628.7")
        );
        assert_eq!(
            summary_value(json, "gross_saving_eur").as_deref(),
            Some("1797013.38")
        );
        assert_eq!(
            summary_value(json, "payback_month").as_deref(),
            Some("null")
        );
        assert_eq!(summary_value(json, "missing"), None);
    }
}
