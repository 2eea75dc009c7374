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
        self.number_text(value.to_string())
    }

    /// A number already written with `.` (`format!("{x:+.2}")`), with the language's decimal
    /// sign: `+5,21` or `+5.21`.
    pub fn number_text(self, text: String) -> String {
        match self {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
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

/// A check for the texts the core gives in both languages (an analysis' method, what a fit
/// cannot identify): the Dutch is there, is not the English, and keeps what must not change
/// in a translation: every figure, every identifier (`new_inflow_pct`) and every quoted command.
#[cfg(test)]
pub(crate) mod bilingual {
    /// The figures in `text`, sorted, each written the English way: `1,4` (Dutch) is `1.4`,
    /// and `432k` (English) and `432.000` (Dutch) are `432000`.
    fn figures(text: &str, lang: super::Lang) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            // A number: digits with `.` or `,` between digits.
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let mut number: String = chars[start..i].iter().collect();
            match lang {
                super::Lang::En if chars.get(i) == Some(&'k') => number.push_str("000"),
                super::Lang::Nl => {
                    // Thousands separators: `432.000`, `1.645.000`.
                    let groups: Vec<&str> = number.split('.').collect();
                    if groups.len() > 1
                        && groups[0].len() <= 3
                        && groups[1..].iter().all(|g| g.len() == 3 && !g.contains(','))
                    {
                        number = groups.concat();
                    }
                }
                super::Lang::En => {}
            }
            if lang == super::Lang::Nl {
                number = number.replace(',', ".");
            }
            out.push(number);
        }
        out.sort();
        out
    }

    /// The identifiers (`new_inflow_pct`) and quoted spans (`` `caseflow run --set` ``) in
    /// `text`, sorted.
    fn names(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.contains('_'))
            .map(str::to_owned)
            .collect();
        out.extend(text.split('`').skip(1).step_by(2).map(str::to_owned));
        out.sort();
        out
    }

    /// Why `nl` is not a translation of `en` as far as a test can tell, if it is not.
    fn check(en: &str, nl: &str) -> Result<(), String> {
        if en.trim().is_empty() {
            return Err("empty English text".to_owned());
        }
        if nl.trim().is_empty() {
            return Err(format!("no Dutch beside: {en}"));
        }
        if en == nl {
            return Err(format!("the Dutch text is the English one: {en}"));
        }
        if figures(en, super::Lang::En) != figures(nl, super::Lang::Nl) {
            return Err(format!("the figures differ between\n{en}\nand\n{nl}"));
        }
        if names(en) != names(nl) {
            return Err(format!(
                "identifiers or commands differ between\n{en}\nand\n{nl}"
            ));
        }
        Ok(())
    }

    /// Why the lists are not translations item for item, if they are not.
    fn check_list(en: &[String], nl: &[String]) -> Result<(), String> {
        if en.is_empty() {
            return Err("an empty list".to_owned());
        }
        if en.len() != nl.len() {
            return Err(format!("{} Dutch items for {} English", nl.len(), en.len()));
        }
        en.iter().zip(nl).try_for_each(|(e, n)| check(e, n))
    }

    /// Panics unless `nl` is a translation of `en` as far as a test can tell.
    pub(crate) fn assert_translated(en: &str, nl: &str) {
        if let Err(e) = check(en, nl) {
            panic!("{e}");
        }
    }

    /// [`assert_translated`] item for item, and as many items in each language.
    pub(crate) fn assert_translated_list(en: &[String], nl: &[String]) {
        if let Err(e) = check_list(en, nl) {
            panic!("{e}");
        }
    }

    #[test]
    fn the_check_keeps_figures_names_and_commands() {
        assert_eq!(
            check(
                "-1.4% 2017, 432k people; set `growth_pct` with `caseflow run`",
                "-1,4% 2017, 432.000 mensen; zet `growth_pct` met `caseflow run`",
            ),
            Ok(())
        );
        for (en, nl, what) in [
            ("a text", "", "empty Dutch"),
            ("a text", "a text", "the English"),
            ("1.4% a month", "4,1% per maand", "a changed figure"),
            ("1.4% a month", "14% per maand", "a lost decimal sign"),
            ("1.4% a month", "1,4% per maand, 2 keer", "an added figure"),
            (
                "new_inflow_pct is fitted",
                "de nieuwe instroom wordt geschat",
                "a lost identifier",
            ),
            ("see `caseflow run`", "zie caseflow run", "a lost command"),
        ] {
            assert!(check(en, nl).is_err(), "not caught: {what}");
        }
        let (one, een) = (vec!["one".to_owned()], vec!["een".to_owned()]);
        assert_eq!(check_list(&one, &een), Ok(()));
        assert!(check_list(&[one[0].clone(), "two".to_owned()], &een).is_err());
        assert!(check_list(&one, &one).is_err());
    }
}
