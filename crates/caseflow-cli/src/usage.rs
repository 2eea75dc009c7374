//! The command line's own mistakes (an unknown command or option, a value clap refuses, a
//! missing `--data`) said in the user's language, as the core says a bad value.
//!
//! clap words these in English. Its error carries the facts (the argument, the value, the
//! values allowed, a suggestion), so the words are made here from them, in Dutch unless the
//! command line asks for `--lang en`. Help and version requests, and the rare kinds without a
//! sentence here, are left to clap.

use caseflow_core::Lang;
use clap::ValueEnum;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// `--lang`: the language of headings and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// What the raw command line says before clap has read it: the language asked for (Dutch
/// unless `--lang en` or `--lang=en`) and the command, if one of `commands` is named.
pub fn read(args: &[String], commands: &[&str]) -> (Lang, Option<String>) {
    let english = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    let lang = if english { Lang::En } else { Lang::Nl };
    let command = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .filter(|a| commands.contains(&a.as_str()))
        .cloned();
    (lang, command)
}

/// The text of a context value (a list gives its first).
fn text(err: &Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// Every text of a context value.
fn texts(err: &Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// `err` in `lang`'s words, or None when clap's own output is the answer (help, version) or
/// there is no sentence for its kind. `commands` are the command names, `command` the one
/// named on the command line (for "caseflow run --help").
pub fn explain(
    err: &Error,
    lang: Lang,
    commands: &[&str],
    command: Option<&str>,
) -> Option<String> {
    let pick = |nl: String, en: String| if lang == Lang::Nl { nl } else { en };
    let arg = text(err, ContextKind::InvalidArg).unwrap_or_default();
    let mut out = match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let name = text(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            pick(
                format!("onbekende opdracht ‘{name}’"),
                format!("unknown command ‘{name}’"),
            )
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => pick(
            format!("onbekende optie ‘{arg}’"),
            format!("unknown option ‘{arg}’"),
        ),
        ErrorKind::UnknownArgument => pick(
            format!(
                "onverwacht argument ‘{arg}’ (een waarde hoort bij een optie, zoals --preset corona-2021)"
            ),
            format!(
                "unexpected argument ‘{arg}’ (a value belongs to an option, as in --preset corona-2021)"
            ),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(err, ContextKind::InvalidValue).unwrap_or_default();
            let allowed = texts(err, ContextKind::ValidValue).join(", ");
            match (value.is_empty(), allowed.is_empty()) {
                (true, _) => pick(
                    format!("{arg} vraagt een waarde"),
                    format!("{arg} needs a value"),
                ),
                (false, true) => pick(
                    format!("‘{value}’ is geen geldige waarde voor {arg}"),
                    format!("‘{value}’ is not a valid value for {arg}"),
                ),
                (false, false) => pick(
                    format!("‘{value}’ is geen geldige waarde voor {arg}; toegestaan: {allowed}"),
                    format!("‘{value}’ is not a valid value for {arg}; allowed: {allowed}"),
                ),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = texts(err, ContextKind::InvalidArg).join(", ");
            pick(
                format!("ontbrekende optie: {missing}"),
                format!("missing option: {missing}"),
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(err, ContextKind::PriorArg).unwrap_or_default();
            let name = |a: &str| a.split(' ').next().unwrap_or_default().to_string();
            if name(&prior) == name(&arg) {
                pick(
                    format!("{} mag maar één keer", name(&arg)),
                    format!("{} can be given only once", name(&arg)),
                )
            } else {
                pick(
                    format!("{arg} en {prior} gaan niet samen; kies er één"),
                    format!("{arg} and {prior} cannot be used together; choose one"),
                )
            }
        }
        _ => return None,
    };
    // clap lists its suggestions from the least to the most alike: the last is the best.
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| texts(err, k).pop());
    if let Some(s) = suggested {
        out += &pick(
            format!("; bedoelt u ‘{s}’?"),
            format!("; did you mean ‘{s}’?"),
        );
    }
    if err.kind() == ErrorKind::InvalidSubcommand {
        let all = commands.join(", ");
        out += &pick(
            format!("\nDe opdrachten: {all}."),
            format!("\nThe commands: {all}."),
        );
    }
    let help = match command {
        Some(c) => format!("caseflow {c} --help"),
        None => "caseflow --help".to_string(),
    };
    out += &pick(format!("\nMeer uitleg: {help}"), format!("\nMore: {help}"));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn cli() -> Command {
        Command::new("caseflow").subcommand(
            Command::new("run")
                .arg(Arg::new("preset").long("preset").value_name("ID"))
                .arg(
                    Arg::new("format")
                        .long("format")
                        .value_parser(["table", "json"]),
                ),
        )
    }

    fn words(args: &[&str]) -> (String, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let err = cli().try_get_matches_from(&args).expect_err("an error");
        let (_, command) = read(&args, &["run"]);
        let say = |lang| explain(&err, lang, &["run"], command.as_deref()).expect("words");
        (say(Lang::Nl), say(Lang::En))
    }

    #[test]
    fn the_language_is_dutch_unless_english_is_asked_for() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(read(&args(&["caseflow", "run"]), &["run"]).0, Lang::Nl);
        assert_eq!(
            read(&args(&["caseflow", "run", "--lang", "en"]), &["run"]).0,
            Lang::En
        );
        assert_eq!(
            read(&args(&["caseflow", "--lang=en", "rn"]), &["run"]).0,
            Lang::En
        );
        assert_eq!(read(&args(&["caseflow", "rn"]), &["run"]).1, None);
    }

    #[test]
    fn an_unknown_option_is_named_with_a_suggestion_and_the_help_to_read() {
        let (nl, en) = words(&["caseflow", "run", "--preest", "x"]);
        assert_eq!(
            nl,
            "onbekende optie ‘--preest’; bedoelt u ‘--preset’?\nMeer uitleg: caseflow run --help"
        );
        assert_eq!(
            en,
            "unknown option ‘--preest’; did you mean ‘--preset’?\nMore: caseflow run --help"
        );
    }

    #[test]
    fn a_refused_value_names_the_option_and_what_it_allows() {
        let (nl, _) = words(&["caseflow", "run", "--format", "xml"]);
        assert!(
            nl.starts_with(
                "‘xml’ is geen geldige waarde voor --format <format>; toegestaan: table, json"
            ),
            "{nl}"
        );
        let (nl, en) = words(&["caseflow", "run", "--preset"]);
        assert!(nl.starts_with("--preset <ID> vraagt een waarde"), "{nl}");
        assert!(en.starts_with("--preset <ID> needs a value"), "{en}");
    }

    #[test]
    fn an_unknown_command_lists_the_commands() {
        let (nl, _) = words(&["caseflow", "rn"]);
        assert!(nl.starts_with("onbekende opdracht ‘rn’"), "{nl}");
        assert!(nl.contains("De opdrachten: run."), "{nl}");
        assert!(nl.ends_with("Meer uitleg: caseflow --help"), "{nl}");
    }

    #[test]
    fn an_option_given_twice_is_said_once() {
        let (nl, en) = words(&["caseflow", "run", "--preset", "a", "--preset", "b"]);
        assert!(nl.starts_with("--preset mag maar één keer"), "{nl}");
        assert!(en.starts_with("--preset can be given only once"), "{en}");
    }
}
