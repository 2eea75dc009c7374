//! The six municipalities of Maastricht-Heuvelland.

use serde::Serialize;

/// One municipality: its id (used in parameter ids such as `start_stock.vaals`) and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Lower-case id.
    pub id: &'static str,
    /// The official name.
    pub name: &'static str,
}

/// The six municipalities, Maastricht first (it carries its own overhead in the cost split).
pub const MUNICIPALITIES: [Municipality; 6] = [
    Municipality {
        id: "maastricht",
        name: "Maastricht",
    },
    Municipality {
        id: "eijsden-margraten",
        name: "Eijsden-Margraten",
    },
    Municipality {
        id: "gulpen-wittem",
        name: "Gulpen-Wittem",
    },
    Municipality {
        id: "meerssen",
        name: "Meerssen",
    },
    Municipality {
        id: "vaals",
        name: "Vaals",
    },
    Municipality {
        id: "valkenburg",
        name: "Valkenburg aan de Geul",
    },
];

/// Number of municipalities.
pub const N_MUNI: usize = MUNICIPALITIES.len();
