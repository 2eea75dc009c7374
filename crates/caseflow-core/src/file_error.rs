//! Why a scenario file could not be read, as an [`InputError`] like any other: the field
//! (`programmes[0].participants`, found from where the reader stopped), the value, and what
//! the field takes, in Dutch and English.
//!
//! The readers (serde_json, toml) say what was wrong in English and where, but not in which
//! field. The field is read back from the text up to the place of the error, and serde's
//! standard messages (`invalid type: string "veel", expected f64`, `unknown field`,
//! `missing field`, `unknown variant`) are put into words in both languages. For any other
//! message (a syntax error) the value is the line the reader stopped on, and the reason is
//! given in words where we know it, else as the reader wrote it. [`with_field_ranges`] then
//! gives a refused number the range of its field (a parameter, a programme's number, `months`)
//! in place of its type's.

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::params::ParamTable;

/// The error for a file in `format` (`JSON`, `TOML`) whose reader stopped in the field `path`
/// on `line` (1-based; `None` leaves it out: a page's TOML, turned into one line of JSON, has
/// no line worth naming), whose text is `excerpt`, with the reader's `reason` (its message
/// without the location).
pub(crate) fn file_error(
    format: &str,
    path: String,
    line: Option<usize>,
    excerpt: &str,
    reason: &str,
) -> InputError {
    let file = [
        format!(
            "een scenario in {format} (schema {})",
            crate::scenario::SCHEMA
        ),
        format!(
            "a scenario in {format} (schema {})",
            crate::scenario::SCHEMA
        ),
    ];
    let join = |parent: &str, name: &str| match parent {
        "" => name.to_owned(),
        _ => format!("{parent}.{name}"),
    };
    let name_in = |rest: &str| {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let name = name.trim_matches('`').to_owned();
        let allowed = one_of(&name, expected);
        (name, allowed)
    };
    let wrong_type = reason.starts_with("invalid type: ");
    let (field, value, kind, allowed) = if let Some(rest) = reason
        .strip_prefix("invalid type: ")
        .or_else(|| reason.strip_prefix("invalid value: "))
        .filter(|r| r.contains(", expected "))
    {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        // A number refused where a number goes is a fraction for a whole number (`months =
        // 2.5`, a wrong type) or out of the type's range (`months = -1` or `1e12`, a wrong
        // value).
        let number = |p: &str| got.starts_with(p);
        let kind = match (
            expected.as_bytes().first(),
            number("integer") || number("floating"),
        ) {
            (Some(b'u' | b'i'), true) if wrong_type && number("floating") => {
                InputErrorKind::NotWhole
            }
            (Some(b'u' | b'i' | b'f'), true) => InputErrorKind::OutOfRange,
            (Some(b'u' | b'i' | b'f'), false) => InputErrorKind::NotANumber,
            _ => InputErrorKind::Malformed,
        };
        (path, got_value(got), kind, expectation(expected))
    } else if let Some(rest) = reason.strip_prefix("unknown field ") {
        // JSON stops before the key's `:`, TOML on the key: the path may end in it already.
        let (name, allowed) = name_in(rest);
        let field = if path == name || path.ends_with(&format!(".{name}")) {
            path
        } else {
            join(&path, &name)
        };
        (field, name, InputErrorKind::UnknownField, allowed)
    } else if let Some(rest) = reason.strip_prefix("unknown variant ") {
        let (name, allowed) = name_in(rest);
        (path, name, InputErrorKind::Malformed, allowed)
    } else if let Some(name) = reason.strip_prefix("missing field ") {
        // Both readers stop at the table that lacks it: the path is the table's.
        let field = join(&path, name.trim_matches('`'));
        (field, String::new(), InputErrorKind::Missing, file)
    } else {
        // A syntax error: the line as the value, the reason in words where we know it.
        let words = syntax(reason);
        let allowed = [
            format!("{} ({})", file[0], words[0]),
            format!("{} ({})", file[1], words[1]),
        ];
        (
            path,
            excerpt.trim().to_owned(),
            InputErrorKind::Malformed,
            allowed,
        )
    };
    let label = |file: &str, line_word: &str| match line {
        Some(n) => format!("{file}, {line_word} {n}"),
        None => file.to_owned(),
    };
    let field = if field.is_empty() {
        "scenario".to_owned()
    } else {
        field
    };
    let mut error = InputError::other(
        &field,
        "",
        kind,
        [
            &label("Scenariobestand", "regel"),
            &label("Scenario file", "line"),
        ],
        [&allowed[0], &allowed[1]],
    );
    error.value = value.chars().take(MAX_VALUE).collect();
    error
}

/// A file's errors, each in a field with a known range (a parameter under `set`, a
/// programme's number, `months`) saying that range rather than the type's: `months = -1` is
/// refused with "1 tot 180 (maanden)", not "een geheel getal vanaf 0". The label keeps where
/// in the file it is.
pub fn with_field_ranges(errors: InputErrors, table: &ParamTable) -> InputErrors {
    InputErrors(
        errors
            .0
            .into_iter()
            .map(|e| with_field_range(e, table))
            .collect(),
    )
}

fn with_field_range(e: InputError, table: &ParamTable) -> InputError {
    let name = e.field.rsplit('.').next().unwrap_or_default();
    let spec = match e.field.split_once('.') {
        Some(("set", id)) => table.param(id),
        Some((list, _)) if list.starts_with("programmes[") => table.programme_field(name),
        _ => None,
    };
    let mut refined = match (e.kind, spec, e.field.as_str()) {
        (
            InputErrorKind::Malformed | InputErrorKind::UnknownField | InputErrorKind::Missing,
            ..,
        ) => {
            return e;
        }
        (_, Some(spec), _) => InputError::numeric(&e.field, spec, "", e.kind),
        (_, None, "months") => crate::scenario::months_error(""),
        _ => return e,
    };
    refined.kind = e.kind;
    refined.value = e.value;
    refined.label_nl = format!("{}, {}", refined.label_nl, e.label_nl);
    refined.label_en = format!("{}, {}", refined.label_en, e.label_en);
    refined
}

/// The most of a value or line an error repeats, in characters.
const MAX_VALUE: usize = 80;

/// The readers' syntax messages we put into words: how the message starts, in Dutch and English.
const SYNTAX: [(&str, [&str; 2]); 8] = [
    (
        "EOF while parsing",
        ["het bestand houdt te vroeg op", "the file ends too early"],
    ),
    ("trailing comma", ["een komma te veel", "a comma too many"]),
    (
        "key must be a string",
        [
            "een naam tussen aanhalingstekens verwacht",
            "a name in quotes expected",
        ],
    ),
    (
        "expected `,` or `}`",
        ["een komma verwacht", "a comma expected"],
    ),
    (
        "expected `,` or `]`",
        ["een komma verwacht", "a comma expected"],
    ),
    (
        "expected value",
        ["een waarde verwacht", "a value expected"],
    ),
    (
        "trailing characters",
        ["tekst na het einde", "text after the end"],
    ),
    (
        "string values must be quoted",
        [
            "tekst moet tussen aanhalingstekens",
            "text must be in quotes",
        ],
    ),
];

/// toml's syntax messages in words: only the CLI reads TOML itself (the page turns it into JSON
/// first), so the page's wasm goes without them.
#[cfg(feature = "toml")]
const TOML_SYNTAX: [(&str, [&str; 2]); 8] = [
    (
        "duplicate key",
        [
            "een naam die al eerder in het bestand staat",
            "a name that is in the file already",
        ],
    ),
    (
        "unclosed array",
        ["een lijst zonder `]`", "a list without `]`"],
    ),
    (
        "unclosed table",
        ["een tabelkop zonder `]`", "a table header without `]`"],
    ),
    (
        "invalid basic string",
        [
            "tekst zonder sluitend aanhalingsteken",
            "text without its closing quote",
        ],
    ),
    (
        "key with no value",
        [
            "een naam zonder `=` en waarde",
            "a name without `=` and a value",
        ],
    ),
    (
        "invalid date",
        [
            "een maand staat tussen aanhalingstekens: \"2021-01\"",
            "a month goes in quotes: \"2021-01\"",
        ],
    ),
    (
        "unexpected key or value",
        [
            "iets onverwachts na de waarde (een decimaalkomma? schrijf 1.5)",
            "something unexpected after the value (a decimal comma? write 1.5)",
        ],
    ),
    (
        "`_` may only go between digits",
        [
            "`_` mag alleen tussen cijfers",
            "`_` may only go between digits",
        ],
    ),
];

/// A reader's syntax message in words, in Dutch and English (the message as it is when we do
/// not know it).
fn syntax(reason: &str) -> [String; 2] {
    #[cfg(feature = "toml")]
    let mut known = SYNTAX.iter().chain(&TOML_SYNTAX);
    #[cfg(not(feature = "toml"))]
    let mut known = SYNTAX.iter();
    match known.find(|(start, _)| reason.starts_with(start)) {
        Some((_, words)) => words.map(str::to_owned),
        None => [reason.to_owned(), reason.to_owned()],
    }
}

/// The value from serde's description of it: `string "veel"` → `veel`, `integer `5`` → `5`;
/// a description without a value (`map`, `sequence`) as it is.
fn got_value(got: &str) -> String {
    for prefix in [
        "string ",
        "integer ",
        "floating point ",
        "boolean ",
        "character ",
    ] {
        if let Some(v) = got.strip_prefix(prefix) {
            return v.trim_matches(|c| c == '"' || c == '`').to_owned();
        }
    }
    got.to_owned()
}

/// What serde expected, in words.
fn expectation(expected: &str) -> [String; 2] {
    let words = match expected {
        "f64" | "f32" => ["een getal", "a number"],
        "u8" | "u16" | "u32" | "u64" | "usize" => {
            ["een geheel getal vanaf 0", "a whole number from 0"]
        }
        "i32" | "i64" => ["een geheel getal", "a whole number"],
        "a string" => ["tekst (tussen aanhalingstekens)", "text (in quotes)"],
        "a boolean" => ["true of false", "true or false"],
        "a sequence" => ["een lijst", "a list"],
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => {
            ["een tabel met velden", "a table of fields"]
        }
        _ if expected == crate::scenario::YearMonth::ALLOWED[1] => {
            crate::scenario::YearMonth::ALLOWED
        }
        _ => return [expected.to_owned(), expected.to_owned()],
    };
    words.map(str::to_owned)
}

/// `one of `a`, `b``, `` `a` or `b` ``, `` `a` `` → `een van: a, b`, with the name `typed`
/// most likely meant first (`colour` → none; `participant` → `participants`).
fn one_of(typed: &str, expected: &str) -> [String; 2] {
    let names: Vec<&str> = expected
        .trim_start_matches("one of ")
        .split([',', ' '])
        .filter(|s| s.starts_with('`'))
        .map(|s| s.trim_matches('`'))
        .collect();
    let list = names.join(", ");
    match crate::scenario::nearest(typed, names.iter().copied()) {
        Some(near) => [
            format!("bedoel je {near}? Een van: {list}"),
            format!("did you mean {near}? One of: {list}"),
        ],
        None => [format!("een van: {list}"), format!("one of: {list}")],
    }
}

/// The field a JSON reader was at when it stopped at byte `at`: the keys and list positions
/// open there (`programmes[1].participants`), read from the text before it.
pub(crate) fn json_path(text: &str, at: usize) -> String {
    enum Open {
        Object(Option<String>),
        Array(usize),
    }
    let mut open: Vec<Open> = Vec::new();
    let mut last = String::new();
    let mut bytes = text.as_bytes()[..at.min(text.len())].iter().enumerate();
    while let Some((i, &b)) = bytes.next() {
        match b {
            b'"' => {
                // A string cut off by `at` runs to it.
                let (start, mut end) = (i + 1, at.min(text.len()));
                while let Some((j, &c)) = bytes.next() {
                    if c == b'\\' {
                        bytes.next();
                    } else if c == b'"' {
                        end = j;
                        break;
                    }
                }
                last = text.get(start..end).unwrap_or_default().to_owned();
            }
            b':' => {
                if let Some(Open::Object(key)) = open.last_mut() {
                    *key = Some(std::mem::take(&mut last));
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::Array(n)) => *n += 1,
                None => {}
            },
            b'{' => open.push(Open::Object(None)),
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for o in &open {
        match o {
            Open::Object(Some(key)) if path.is_empty() => path.push_str(key),
            Open::Object(Some(key)) => {
                path.push('.');
                path.push_str(key);
            }
            Open::Object(None) => {}
            Open::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The field at byte `at` of a TOML text: the table the line belongs to (`[set]`,
/// `[[programmes]]` counted from 0) and the key before the `=` on the line.
#[cfg(feature = "toml")]
pub(crate) fn toml_path(text: &str, at: usize) -> String {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let mut table = String::new();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    // The tables opened up to the error's line, that line included (a missing field's error
    // is on its table's header).
    for line in text[..line_end].lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.split_once("]]")) {
            let name = name.0.trim().to_owned();
            let n = counts.entry(name.clone()).or_insert(0);
            table = format!("{name}[{n}]");
            *n += 1;
        } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.split_once(']')) {
            table = name.0.trim().to_owned();
        }
    }
    let line = &text[line_start..line_end];
    // The key of the value it stopped in: the last `key =` before that point on the line (an
    // inline table holds several), else the line's own (an unknown key is its own span).
    let upto = text
        .get(line_start..before.len().max(line_start))
        .unwrap_or_default();
    let key = match upto
        .rfind('=')
        .map(|i| &upto[..i])
        .or(line.split_once('=').map(|(k, _)| k))
    {
        Some(key) if !line.trim_start().starts_with('[') => {
            let inner = key.rsplit(['{', ',', '[']).next().unwrap_or_default();
            let inner = inner.trim().trim_matches(['"', '\'']).to_owned();
            // A key inside the line's inline table (`budget = {amount_eur = …}`) or list of
            // them (`available = [{…}, {amount_eur = …}]`, counted from 0) is under the
            // line's own key.
            // (Not on a line inside a list that spans lines, which starts with `{`.)
            match line.split_once('=') {
                Some((raw, value)) if raw.len() < key.len() && !raw.contains(['{', '[', ',']) => {
                    let outer = raw.trim().trim_matches(['"', '\'']);
                    match value.trim_start().as_bytes().first() {
                        Some(b'[') => {
                            let n = key[raw.len()..].matches('{').count().saturating_sub(1);
                            format!("{outer}[{n}].{inner}")
                        }
                        _ => format!("{outer}.{inner}"),
                    }
                }
                _ => inner,
            }
        }
        _ => String::new(),
    };
    match (table.is_empty(), key.is_empty()) {
        (_, true) => table,
        (true, false) => key,
        (false, false) => format!("{table}.{key}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_path_names_the_open_keys_and_list_positions() {
        let text = r#"{"a": 1, "programmes": [{"id": "x"}, {"id": "y", "participants": "veel"}]}"#;
        let at = text.find("\"veel\"").unwrap() + 6;
        assert_eq!(json_path(text, at), "programmes[1].participants");
        let text = r#"{"name": "a \"quoted\" [name]", "set": {"growth_pct": "x"}}"#;
        assert_eq!(json_path(text, text.len() - 2), "set.growth_pct");
        assert_eq!(json_path(text, 0), "");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn a_refused_number_gets_its_fields_range_not_its_types() {
        let table = ParamTable::embedded().unwrap();
        let read = |text: &str| {
            let e = crate::Scenario::parse(text).unwrap_err();
            with_field_ranges(e, &table).0.remove(0)
        };
        let e = read("months = -1");
        assert_eq!(
            (e.kind, e.value.as_str(), e.allowed_nl.as_str()),
            (InputErrorKind::OutOfRange, "-1", "1 tot 180 (maanden)")
        );
        assert_eq!(e.label_nl, "Looptijd, Scenariobestand, regel 1");
        assert_eq!(read("months = 2.5").kind, InputErrorKind::NotWhole);
        // A whole number with a zero fraction is whole; a large one is out of range.
        assert_eq!(crate::Scenario::parse("months = 12.0").unwrap().months, 12);
        assert_eq!(
            crate::Scenario::parse(r#"{"months": 24.0}"#)
                .unwrap()
                .months,
            24
        );
        // The schema version too, as a spreadsheet or a JSON writer may write it.
        assert_eq!(crate::Scenario::parse("schema = 1.0").unwrap().schema, 1);
        assert_eq!(read("schema = 1.5").kind, InputErrorKind::NotWhole);
        assert_eq!(read("months = 1e12").kind, InputErrorKind::OutOfRange);
        assert_eq!(read("months = -12.0").kind, InputErrorKind::OutOfRange);
        assert_eq!(read("months = nan").kind, InputErrorKind::NotWhole);
        let e = read("[set]\ngrowth_pct = \"veel\"");
        assert_eq!(
            (e.kind, e.min, e.max),
            (InputErrorKind::NotANumber, Some(-20.0), Some(20.0))
        );
        assert!(e.label_en.starts_with("Growth"), "{}", e.label_en);
        let e = read("[[programmes]]\nid = \"a\"\nparticipants = \"veel\"");
        assert_eq!(e.field, "programmes[0].participants");
        assert!(
            e.allowed_en.starts_with("whole numbers 0 to"),
            "{}",
            e.allowed_en
        );
        // A misspelt field or choice gets the one most likely meant first (feature `suggest`).
        #[cfg(feature = "suggest")]
        {
            let e = read("[[programmes]]\nid = \"a\"\nparticipant = 5");
            assert_eq!(e.kind, InputErrorKind::UnknownField);
            assert!(
                e.allowed_en
                    .starts_with("did you mean participants? One of: id, "),
                "{}",
                e.allowed_en
            );
            let e = read("[[programmes]]\nid = \"a\"\ntarget = \"nearr\"");
            assert!(
                e.allowed_nl.starts_with("bedoel je near? Een van: "),
                "{}",
                e.allowed_nl
            );
        }
        // Fields without a range of their own keep the reader's words.
        let e = read("name = 5");
        assert_eq!(
            (e.kind, e.allowed_nl.as_str()),
            (InputErrorKind::Malformed, "tekst (tussen aanhalingstekens)")
        );
    }

    #[cfg(feature = "toml")]
    #[test]
    fn tomls_syntax_errors_are_put_into_words() {
        for (text, words) in [
            ("months = 12\nmonths = 13", "al eerder in het bestand"),
            ("[set]\ngrowth_pct = 1,5", "een decimaalkomma? schrijf 1.5"),
            ("start = 2021-01", "tussen aanhalingstekens: \"2021-01\""),
            ("months = [1, 2", "een lijst zonder `]`"),
            ("name = \"abc", "zonder sluitend aanhalingsteken"),
        ] {
            let e = &crate::Scenario::parse(text).unwrap_err().0[0];
            assert!(e.allowed_nl.contains(words), "{text}: {}", e.allowed_nl);
            assert!(e.allowed_en.is_ascii(), "{text}: {}", e.allowed_en);
        }
    }

    #[cfg(feature = "toml")]
    #[test]
    fn the_toml_path_names_the_table_and_the_key() {
        let text =
            "months = 12\n[[programmes]]\nid = \"a\"\n[[programmes]]\nparticipants = \"veel\"\n";
        let at = text.find("\"veel\"").unwrap();
        assert_eq!(toml_path(text, at), "programmes[1].participants");
        assert_eq!(toml_path(text, 3), "months");
        let text = "[set]\ngrowth_pct = \"x\"";
        assert_eq!(toml_path(text, text.len() - 1), "set.growth_pct");
        // In an inline table, the key of the value, not the line's first.
        let text = "[budget]\navailable = [{label = \"a\", amount_eur = \"veel\"}]";
        assert_eq!(
            toml_path(text, text.find("\"veel").unwrap()),
            "budget.available[0].amount_eur"
        );
        let text = "[budget]\navailable = [{label = \"a\"}, {label = \"b\", amount_eur = \"x\"}]";
        assert_eq!(
            toml_path(text, text.find("\"x").unwrap()),
            "budget.available[1].amount_eur"
        );
        let text = "budget = {available = 3}";
        assert_eq!(toml_path(text, text.len() - 1), "budget.available");
        // A list over several lines: the key of the value, under the table.
        let text = "[budget]\navailable = [\n  {label = \"a\", amount_eur = \"x\"},\n]";
        assert_eq!(
            toml_path(text, text.find("\"x").unwrap()),
            "budget.amount_eur"
        );
        // A key in quotes with a character of several bytes (it once cut a character).
        let text = "\"€\" = [{a = 1,5}]";
        assert_eq!(toml_path(text, text.find(",5").unwrap()), "€[0].a");
        assert!(crate::Scenario::parse(text).is_err());
    }
}
