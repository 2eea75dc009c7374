//! The CSV renderer: RFC 4180 (comma, `"` quoting, `\n` line ends), numbers with a `.`.

use crate::Export;
use crate::table::{Cell, Table};

/// One field, quoted when it holds a comma, a quote or a line break.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A cell as CSV text: numbers as the shortest text that reads back to the same `f64`,
/// decimals exactly, nothing as an empty field.
fn cell(out: &mut String, c: &Cell) {
    match c {
        Cell::Empty => {}
        Cell::Text(s) => field(out, s),
        Cell::Num(x, _) => out.push_str(&x.to_string()),
        Cell::Dec(d, _) => out.push_str(&d.to_string()),
    }
}

/// The table with the provenance columns last: version and fingerprint on every row (rows
/// from several exports stay traceable when pasted together), the cite line in the first.
pub fn write(e: &Export<'_>, t: &Table) -> String {
    let mut out = String::new();
    for key in t.keys.iter().map(String::as_str).chain([
        "caseflow_version",
        "scenario_fingerprint",
        "cite",
    ]) {
        if !out.is_empty() {
            out.push(',');
        }
        field(&mut out, key);
    }
    out.push('\n');
    let cite = e.cite();
    for (i, row) in t.rows.iter().enumerate() {
        for c in row {
            cell(&mut out, c);
            out.push(',');
        }
        out.push_str(caseflow_core::VERSION);
        out.push(',');
        out.push_str(e.fingerprint());
        out.push(',');
        if i == 0 {
            field(&mut out, &cite);
        }
        out.push('\n');
    }
    out
}
