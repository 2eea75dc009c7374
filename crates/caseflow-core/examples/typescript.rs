//! Write the page's TypeScript types (`web/src/generated/types.ts`) from the Rust types.
//!
//! Run by `cargo xtask codegen` as `cargo run -p caseflow-core --features ts --example
//! typescript -- FILE`; without FILE it prints them. See `caseflow_core::ts`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let text = caseflow_core::ts::declarations();
    match std::env::args_os().nth(1) {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: {e}", path.to_string_lossy());
                ExitCode::FAILURE
            }
        },
    }
}
