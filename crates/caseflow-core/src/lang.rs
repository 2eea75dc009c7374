//! The two languages caseflow speaks, and numbers written the way each writes them.

use serde::{Deserialize, Serialize};

/// A user's language. Dutch is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Nederlands.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Pick the Dutch or English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// A plain number (no grouping) with the language's decimal sign: `0,5` or `0.5`.
    pub fn number(self, value: f64) -> String {
        let s = value.to_string();
        match self {
            Lang::Nl => s.replace('.', ","),
            Lang::En => s,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            other => Err(format!("language '{other}': allowed nl, en")),
        }
    }
}
