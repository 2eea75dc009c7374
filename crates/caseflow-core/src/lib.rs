//! The caseflow simulation core.
//!
//! A [`Scenario`] (plain data) is checked by [`Scenario::validate`] and run by [`simulate`],
//! which returns [`Results`]: one row per month. The core does no I/O, reads no clock and has
//! no global state, so a scenario gives the same numbers natively and in WebAssembly.
//!
//! Every parameter a user can set is described in [`params::PARAMS`]: its unit, default,
//! allowed range and source. Front ends build their controls and error messages from it.

pub mod error;
pub mod model;
pub mod params;
pub mod scenario;

pub use error::{InputError, InputErrorKind};
pub use model::{MonthRow, Results, simulate};
pub use params::{PARAMS, ParamSpec};
pub use scenario::{Scenario, YearMonth};

/// The caseflow version, shown on the page and in every export.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
