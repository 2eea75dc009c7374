//! TypeScript declarations of the types the page gets from the core (feature `ts`).
//!
//! The types the page reads ([`ParamTable`], [`Catalogue`], [`Results`], [`MonteCarlo`],
//! [`InputError`]) and everything they contain derive `ts_rs::TS` when the feature is on;
//! [`declarations`] writes them all, with their doc comments, into one file,
//! `web/src/generated/types.ts`, which is committed and imported by `web/src/core.ts`.
//! The shapes follow the serde attributes, as the wasm glue's JSON-compatible serializer
//! writes them: money and other decimals as strings ([`Decimal`]), months as `YYYY-MM` strings,
//! `None` as `null`, and fields skipped when empty as optional.
//!
//! `cargo xtask codegen` writes the file (through the `typescript` example); the test below,
//! run by `cargo xtask test`, fails when the committed file differs from what the Rust types
//! give. Nothing here writes during `cargo test`.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};

use ts_rs::{Config, TS, TypeVisitor};

use crate::montecarlo::MonteCarlo;
use crate::{Catalogue, InputError, ParamTable, Results};

/// The generated file, relative to the workspace root.
pub const PATH: &str = "web/src/generated/types.ts";

/// An exact decimal, written as a string (`"1234.56"`): money in euros and cents, and
/// ratios of money. Stands in for `rust_decimal::Decimal`, which is serialised as a string.
#[derive(TS)]
#[ts(type = "string")]
pub struct Decimal;

/// Collects the declaration of every derived type reachable from the roots.
struct Collect {
    cfg: Config,
    seen: HashSet<TypeId>,
    /// Declarations by TypeScript name, so the file's order does not depend on the order in
    /// which the derive macro lists dependencies.
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only derived types have an output path; built-ins (numbers, strings, arrays) are
        // inlined, and the derive visits their type parameters itself.
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let mut decl = T::docs().unwrap_or_default();
        decl.push_str("export ");
        decl.push_str(&T::decl(&self.cfg));
        self.decls.insert(T::ident(&self.cfg), layout(&decl));
        T::visit_dependencies(self);
    }
}

/// Lay out one declaration for reading: ts-rs writes an object type's fields (each after its
/// doc comment) flush left after `{ ` and closes with `, };` on the last field's line; this
/// indents the fields, puts `};` on a line of its own and drops trailing spaces.
fn layout(decl: &str) -> String {
    let lines: Vec<&str> = decl.lines().map(str::trim_end).collect();
    let Some(open) = lines.iter().position(|l| l.ends_with(" = {")) else {
        return lines.join("\n");
    };
    let mut out: Vec<String> = lines[..=open].iter().map(|l| (*l).to_owned()).collect();
    for line in &lines[open + 1..] {
        match line.strip_suffix(" };") {
            Some(last) => {
                out.push(format!("  {last}"));
                out.push("};".to_owned());
            }
            None => out.push(format!("  {line}")),
        }
    }
    out.join("\n")
}

/// The contents of `web/src/generated/types.ts`.
pub fn declarations() -> String {
    let mut c = Collect {
        cfg: Config::new(),
        seen: HashSet::new(),
        decls: BTreeMap::new(),
    };
    c.visit::<ParamTable>();
    c.visit::<Catalogue>();
    c.visit::<Results>();
    c.visit::<MonteCarlo>();
    c.visit::<InputError>();
    c.visit::<crate::analysis::Sensitivity>();
    c.visit::<crate::analysis::Optimisation>();
    c.visit::<crate::analysis::Breakdown>();
    c.visit::<crate::backtest::Backtest>();
    c.visit::<crate::calibrate::Calibration>();
    c.visit::<crate::compare::Comparison>();
    c.visit::<crate::allocate::Split>();
    let mut out = String::from(
        "// Generated from the Rust types in crates/caseflow-core by `cargo xtask codegen` (ts-rs).\n\
         // Do not edit: change the Rust type and run `cargo xtask codegen`; `cargo xtask test`\n\
         // fails while this file is stale.\n",
    );
    for decl in c.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Both test names contain `typescript`: `cargo xtask test` runs them by that filter.

    #[test]
    fn typescript_types_are_current() {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(PATH);
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        let generated = declarations();
        if committed != generated {
            let line = committed
                .lines()
                .zip(generated.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
            panic!(
                "{PATH} is stale or missing (first difference at line {}): the Rust types it is \
                 generated from changed. Run `cargo xtask codegen` and commit the result.",
                line + 1
            );
        }
    }

    #[test]
    fn typescript_declares_every_page_type_once() {
        let d = declarations();
        for name in [
            "ParamSpec",
            "ParamTable",
            "Programme",
            "Scenario",
            "Note",
            "Preset",
            "Catalogue",
            "MonthOut",
            "Summary",
            "GrowthShock",
            "BudgetCheck",
            "Results",
            "InputError",
            "InputErrorKind",
            "MonteCarlo",
            "YearMonth",
            "Decimal",
        ] {
            let decl = format!("export type {name} = ");
            assert_eq!(d.matches(&decl).count(), 1, "{name}");
        }
    }
}
