//! The `caseflow` binary as a user runs it: output formats, exit codes and error messages.

use std::process::{Command, Output};

fn caseflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseflow"))
        .args(args)
        .output()
        .expect("the caseflow binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn json_output_is_valid_json_with_one_row_per_month() {
    let o = caseflow(&["run", "--growth-pct", "7", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 36);
    assert_eq!(months[0]["month"], "2021-01");
    assert_eq!(v["scenario"]["growth_pct"], 7.0);
}

#[test]
fn csv_output_has_a_header_and_one_line_per_month() {
    let o = caseflow(&["run", "--months", "12", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "month,stock_start,inflow,exits,stock_end");
    assert_eq!(lines.len(), 13);
    assert!(lines[12].starts_with("2021-12,"));
}

#[test]
fn table_output_is_the_default() {
    let o = caseflow(&["run", "--months", "2"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.starts_with("month"), "{text}");
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn bad_values_exit_non_zero_naming_field_value_and_range() {
    for (value, what) in [
        ("abc", "is not a number"),
        ("500", "is out of range"),
        ("-21", "is out of range"),
    ] {
        let o = caseflow(&["run", "--growth-pct", value]);
        assert_eq!(o.status.code(), Some(2), "{value}");
        let err = stderr(&o);
        assert!(
            err.contains("growth_pct") && err.contains(value) && err.contains(what),
            "{err}"
        );
        assert!(err.contains("-20 to 20"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn a_negative_shock_is_accepted() {
    let o = caseflow(&["run", "--growth-pct", "-5", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
}
