//! Converts the data files (`data/*.toml`, `data/presets/*.toml`) to JSON in `OUT_DIR`, which
//! `params.rs` and `presets.rs` embed with `include_str!`.
//!
//! The files stay TOML for the people who edit them (comments, one entry per block); the
//! build reads them as JSON, with the `serde_json` reader the core has anyway, so the
//! WebAssembly build carries no TOML reader (about 100 KB of the page). Only the syntax is
//! read here: the strict typed checks (unknown keys, missing fields, types) stay at load time
//! in the core, where the crate's tests run them on every file.

use std::path::Path;

fn main() {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out).join("data");
    for dir in ["", "presets"] {
        let from = data.join(dir);
        let to = out.join(dir);
        std::fs::create_dir_all(&to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
        let mut entries: Vec<_> = std::fs::read_dir(&from)
            .unwrap_or_else(|e| panic!("{}: {e}", from.display()))
            .map(|e| e.expect("a readable data folder").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        entries.sort();
        for file in entries {
            let json = convert(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let target = to.join(
                file.with_extension("json")
                    .file_name()
                    .expect("a file name"),
            );
            std::fs::write(&target, json).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        }
    }
}

/// One TOML file as compact JSON. Fails on a TOML syntax error, on values JSON cannot hold
/// (dates; non-finite numbers), and unless the JSON reads back to the same values bit for bit.
fn convert(file: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let value: toml::Value = toml::from_str(&text).map_err(|e| e.to_string())?;
    let json = to_json(&value, "")?;
    let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
    let back: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if !same(&json, &back) {
        return Err("its JSON form does not read back to the same values".into());
    }
    Ok(text)
}

fn to_json(value: &toml::Value, at: &str) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::Number(
            serde_json::Number::from_f64(*f)
                .ok_or_else(|| format!("{at}: {f} is not a finite number"))?,
        ),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => {
            return Err(format!("{at}: {d}: write dates as strings (\"2021-01\")"));
        }
        toml::Value::Array(items) => J::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| to_json(v, &format!("{at}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        toml::Value::Table(table) => J::Object(
            table
                .iter()
                .map(|(k, v)| Ok((k.clone(), to_json(v, &format!("{at}.{k}"))?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// Equal, floats compared by their bits (so -0.0 and 0.0 differ).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x.is_f64() != y.is_f64() => false,
            (Some(x), Some(y)) if a.is_f64() => x.to_bits() == y.to_bits(),
            _ => x == y,
        },
        (J::Array(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
