//! Test-only crate: see `tests/e2e.rs` and `browser/`. It has no library code.
