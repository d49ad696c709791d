//! Reading the content's TOML (front matter, `site.toml`, `strings.toml`, `conformance.toml`)
//! into the types that state its shape, by serde derive with `deny_unknown_fields`, as Zola
//! reads front matter. What serde says about a value of the wrong shape is said again here in
//! an editor's words, at the value's line and column: a setting that is missing, misspelt or of
//! the wrong kind. Texts and lists must not be empty anywhere in the content; that is checked
//! for the whole file at once, before serde reads it.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use serde_path_to_error::Segment;
use toml::de::{DeTable, DeValue, Error, ValueDeserializer};
use toml::Spanned;

use super::diagnostic::{line_and_column, Diagnostic, Source};
use super::leak;

/// The symbol of a setting's `line` typed full-width, with its half-width form: the equals sign
/// anywhere before the value, a quote or bracket that opens the value. (A quote inside a text is
/// the text's own.)
fn full_width_symbol(line: &str) -> Option<(char, char)> {
    let (key, value) = line.split_once(['=', '＝'])?;
    if line[key.len()..].starts_with('＝') {
        return Some(('＝', '='));
    }
    match value.trim_start().chars().next()? {
        quote @ ('“' | '”' | '＂') => Some((quote, '"')),
        '［' => Some(('［', '[')),
        _ => None,
    }
}

/// A TOML value with the place of each part, every text of it living as long as the build.
pub type Value = Spanned<DeValue<'static>>;

impl Source<'_> {
    /// Parses `toml`, a part of the file, into its top-level table; every empty text or list
    /// in it is a problem.
    pub fn parse(&self, toml: &str) -> Result<Value, Vec<Diagnostic>> {
        let toml: &'static str = leak(toml.to_owned());
        let table = DeTable::parse(toml).map_err(|err| {
            let first_line = err.message().lines().next().unwrap_or_default().to_owned();
            let span = err.span().unwrap_or(0..0);
            let (line, _) = line_and_column(toml, span.start);
            let line = toml.lines().nth(line - 1).unwrap_or_default();
            let help = match (
                first_line.starts_with("invalid date"),
                full_width_symbol(line),
            ) {
                // `date = 2026-02-30`: TOML reads a date itself, and knows the calendar.
                (true, _) => {
                    "write a day of the calendar, year, month and day with hyphens: 2026-12-01"
                        .to_owned()
                }
                (false, Some((full, half))) => {
                    let who = match full {
                        '“' | '”' => "a word processor or a Japanese input method",
                        _ => "a Japanese input method not switched to half-width",
                    };
                    format!(
                        "write {full} half-width, as {half} ({who} types {full}); the text between \
                         the quotes may be in Japanese"
                    )
                }
                (false, None) => "check this line: each setting is `key = value`, text goes in \
                                  \"double quotes\", lists in [square brackets], and a section \
                                  starts with a [name] line"
                    .to_owned(),
            };
            vec![self.error(
                span,
                format!("this TOML cannot be read ({first_line})"),
                help,
            )]
        })?;
        let mut value = Spanned::new(table.span(), DeValue::Table(table.into_inner()));
        let mut problems = Vec::new();
        self.settle("", &mut value, &mut problems);
        match problems.is_empty() {
            true => Ok(value),
            false => Err(problems),
        }
    }

    /// Reports the empty texts and lists of `value`, the setting `key`, and makes every text
    /// borrowed, so that the site's types can hold it as `&'static str`.
    fn settle(&self, key: &str, value: &mut Value, problems: &mut Vec<Diagnostic>) {
        let span = value.span();
        match value.get_mut() {
            DeValue::String(text) => {
                if text.trim().is_empty() {
                    problems.push(self.error(
                        span,
                        format!("`{key}` is empty"),
                        "write the text between the quotes",
                    ));
                }
                if let Cow::Owned(owned) = text {
                    *text = Cow::Borrowed(leak(std::mem::take(owned)));
                }
            }
            DeValue::Array(items) => {
                if items.is_empty() {
                    problems.push(self.error(
                        span,
                        format!("`{key}` is an empty list"),
                        format!("put at least one text in it, or remove the line {key} = []"),
                    ));
                }
                for item in items.iter_mut() {
                    self.settle(key, item, problems);
                }
            }
            DeValue::Table(table) => {
                for (key, value) in table.iter_mut() {
                    self.settle(key.get_ref(), value, problems);
                }
            }
            _ => {}
        }
    }

    /// Reads `value` as a `T`; `name` is what the value is called in messages: "the front
    /// matter", "site.toml".
    pub fn read<T: Deserialize<'static>>(
        &self,
        value: &Value,
        name: &str,
    ) -> Result<T, Diagnostic> {
        deserialize(value.clone())
            .map_err(|(path, err)| self.explain::<T>(value, name, None, &path, &err))
    }

    /// Reads `value`, one language's texts of a file of strings, each in a section of its
    /// own with `en` and `ja` (`strings.toml`), as a `T`: `value` has the section's names as
    /// its keys and the texts in the language `code` as their values.
    pub fn read_edition<T: Deserialize<'static>>(
        &self,
        value: &Value,
        name: &str,
        code: &str,
    ) -> Result<T, Diagnostic> {
        deserialize(value.clone())
            .map_err(|(path, err)| self.explain::<T>(value, name, Some(code), &path, &err))
    }

    /// What serde found wrong, in the words of docs/editing.md.
    fn explain<T: Deserialize<'static>>(
        &self,
        value: &Value,
        name: &str,
        edition: Option<&str>,
        path: &[Segment],
        err: &Error,
    ) -> Diagnostic {
        let message = err.message();
        let span = err
            .span()
            .unwrap_or_else(|| value_at(value, path).map_or(0..0, Spanned::span));
        // The setting the problem is about, and the section it is in.
        let key = path.iter().rev().find_map(key_of);
        let key = key.unwrap_or(name);
        // The section the setting is in: the path leads to the table, or to the setting in it.
        let table = match message.starts_with("missing field ") {
            true => section_name(name, path),
            false => section_name(name, &path[..path.len().saturating_sub(1)]),
        };
        let names = quoted(message);
        if let Some(missing) = message.strip_prefix("missing field ") {
            let missing = missing.trim_matches('`');
            if edition.is_some() && path.is_empty() {
                // Strings are read after the file's other keys are known, so a misspelt name
                // shows as a missing string.
                let similar = match value.get_ref() {
                    DeValue::Table(table) => table
                        .iter()
                        .map(|(key, _)| key.get_ref().as_ref())
                        .find(|key: &&str| strsim::levenshtein(key, missing) <= 2),
                    _ => None,
                };
                let similar = similar
                    .map(|key| format!("if [{key}] is meant to be it, correct the spelling; else "))
                    .unwrap_or_default();
                return self.error(
                    span,
                    format!("[{missing}] is missing from {name}"),
                    format!(
                        "{similar}add a [{missing}] section to {name}, with its English and \
                         Japanese text below it: en = \"…\" and ja = \"…\""
                    ),
                );
            }
            return self.missing::<T>(value, path, &table, missing, span);
        }
        if edition.is_some() && message.starts_with("unknown field ") {
            let unknown = names.first().copied().unwrap_or_default();
            let span = value_at(
                value,
                &[Segment::Map {
                    key: unknown.to_owned(),
                }],
            )
            .map_or(span, Spanned::span);
            return self.error(
                span,
                format!("[{unknown}] is not a string that the site shows"),
                "correct its name, or remove it: a new string needs a developer to show it",
            );
        }
        // In a file of strings, the setting is the language's line of the section.
        let key = edition.unwrap_or(key);
        if message.starts_with("unknown field ") {
            let unknown = names.first().copied().unwrap_or_default();
            let known = &names[1.min(names.len())..];
            let suggestion = known
                .iter()
                .find(|candidate| strsim::levenshtein(candidate, unknown) <= 2)
                .map(|candidate| format!("if you meant `{candidate}`, correct the spelling; "))
                .unwrap_or_default();
            let settings = match known.is_empty() {
                true => "remove it".to_owned(),
                false => format!("the settings here are: {}", known.join(", ")),
            };
            return self.error(
                span,
                format!("`{unknown}` is not a setting of {table}"),
                format!("{suggestion}{settings}"),
            );
        }
        if message.starts_with("unknown variant ") {
            let given = names.first().copied().unwrap_or_default();
            let choices: Vec<String> = names[1.min(names.len())..]
                .iter()
                .map(|choice| format!("{key} = \"{choice}\""))
                .collect();
            return self.error(
                span,
                format!("`{key}` cannot be \"{given}\""),
                format!("write {}", or_list(&choices)),
            );
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let (kind, example) = kind(expected);
            return self.error(
                span,
                format!("`{key}` must be {kind}, but here it is {}", describe(found)),
                format!("write it like this: {key} = {example}"),
            );
        }
        self.error(
            span,
            format!("`{key}` is not as the site expects it ({message})"),
            "compare it with docs/editing.md, or with the same setting in \
             another file",
        )
    }

    /// A setting that is missing from its section: the example says what kind of value goes
    /// there, which the type tells when given a value of the wrong kind.
    fn missing<T: Deserialize<'static>>(
        &self,
        value: &Value,
        path: &[Segment],
        table: &str,
        missing: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let language = match missing {
            "en" => Some("English"),
            "ja" => Some("Japanese"),
            _ => None,
        };
        if let Some(language) = language {
            return self.error(
                span,
                format!("{table} has no {language} text: every string is shown in both editions"),
                format!("add a line below {table}: {missing} = \"…\""),
            );
        }
        let example = match kind_of::<T>(value, path, missing) {
            Some("a section") => format!("add a [{missing}] section, with its settings below it"),
            Some(kind) => format!("add a line to {table}: {missing} = {}", kind_example(kind)),
            None => format!("add {missing} to {table}"),
        };
        self.error(
            span,
            format!("`{missing}` is missing from {table}"),
            example,
        )
    }
}

/// Deserializes `value` as a `T`, or says where (the path to the setting) and what is wrong.
fn deserialize<T: Deserialize<'static>>(value: Value) -> Result<T, (Vec<Segment>, Error)> {
    serde_path_to_error::deserialize(ValueDeserializer::from(value)).map_err(|err| {
        let path = err
            .path()
            .iter()
            .filter(|segment| {
                // `toml::Spanned` reads its value through a field of its own.
                !matches!(segment, Segment::Map { key } if key.starts_with("$__serde_spanned"))
            })
            .cloned()
            .collect();
        (path, err.into_inner())
    })
}

/// What kind of value the setting `missing` of the section at `path` takes: the kind `T`
/// expects there, found by reading the value with `true` in that place.
fn kind_of<T: Deserialize<'static>>(
    value: &Value,
    path: &[Segment],
    missing: &str,
) -> Option<&'static str> {
    let mut probe = value.clone();
    let DeValue::Table(table) = value_at_mut(&mut probe, path)?.get_mut() else {
        return None;
    };
    let key = Spanned::new(0..0, Cow::Borrowed(leak(missing.to_owned())));
    table.insert(key, Spanned::new(0..0, DeValue::Boolean(true)));
    let (_, err) = deserialize::<T>(probe).err()?;
    let expected = err
        .message()
        .strip_prefix("invalid type: boolean `true`, expected ")?;
    Some(kind(expected).0)
}

/// The value at `path` in `value`.
pub fn value_at<'v>(value: &'v Value, path: &[Segment]) -> Option<&'v Value> {
    path.iter()
        .try_fold(value, |value, segment| match (value.get_ref(), segment) {
            (DeValue::Table(table), segment) => {
                let key = key_of(segment)?;
                table
                    .iter()
                    .find(|(k, _)| k.get_ref() == key)
                    .map(|(_, v)| v)
            }
            (DeValue::Array(items), Segment::Seq { index }) => items.get(*index),
            _ => None,
        })
}

fn value_at_mut<'v>(value: &'v mut Value, path: &[Segment]) -> Option<&'v mut Value> {
    path.iter()
        .try_fold(value, |value, segment| match (value.get_mut(), segment) {
            (DeValue::Table(table), segment) => {
                let key = key_of(segment)?;
                table
                    .iter_mut()
                    .find(|(k, _)| k.get_ref() == key)
                    .map(|(_, v)| v)
            }
            (DeValue::Array(items), Segment::Seq { index }) => items.get_mut(*index),
            _ => None,
        })
}

/// The key of a table that a step of a path takes: a template's name is the key of its
/// section, and reads as a variant of `Block`.
fn key_of(segment: &Segment) -> Option<&str> {
    match segment {
        Segment::Map { key } | Segment::Enum { variant: key } => Some(key),
        _ => None,
    }
}

/// The section a path leads into, as the file writes it: `[diagram]`, `[[timeline.entries]]`,
/// or the whole file's `name`.
fn section_name(name: &str, path: &[Segment]) -> String {
    let keys: Vec<&str> = path.iter().filter_map(key_of).collect();
    match (keys.is_empty(), path.last()) {
        (true, _) => name.to_owned(),
        (false, Some(Segment::Seq { .. })) => format!("[[{}]]", keys.join(".")),
        (false, _) => format!("[{}]", keys.join(".")),
    }
}

/// The names serde quotes in backticks in its message: the unknown one first, then the known.
fn quoted(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// `a`, `a or b`, `a, b or c`.
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The kind of value serde expected, in words, from its description of it.
fn kind(expected: &str) -> (&'static str, &'static str) {
    let kind = match expected {
        "a borrowed string" | "a string" => "text in double quotes",
        "i64" | "i32" | "u64" | "u32" | "an integer" => "a whole number, without quotes",
        "a sequence" => "a list of texts",
        _ if expected.starts_with("an array") => "a list of texts",
        _ if expected.starts_with("struct") || expected.starts_with("a map") => "a section",
        _ => "one of the values docs/editing.md gives",
    };
    (kind, kind_example(kind))
}

fn kind_example(kind: &str) -> &'static str {
    match kind {
        "text in double quotes" => "\"…\"",
        "a whole number, without quotes" => "1",
        "a list of texts" => "[\"first\", \"second\"]",
        _ => "…",
    }
}

/// A value as serde describes it (`string "two"`, ``integer `3` ``), in an editor's words.
fn describe(found: &str) -> String {
    let unquoted = found.split('`').nth(1);
    match found.split_once(' ').map_or(found, |(first, _)| first) {
        "string" => format!("the text {}", &found["string ".len()..]),
        "integer" | "floating" => format!("the number {}", unquoted.unwrap_or_default()),
        "boolean" => format!("`{}`", unquoted.unwrap_or_default()),
        "sequence" => "a list".to_owned(),
        "map" => "a section".to_owned(),
        _ => found.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        title: &'static str,
        weight: i64,
        lines: Option<Vec<&'static str>>,
    }

    fn read(toml: &str) -> Result<Page, Vec<String>> {
        let source = Source {
            file: Path::new("content/a.md"),
            text: toml,
            offset: 0,
        };
        let value = source
            .parse(toml)
            .map_err(|all| all.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        source
            .read(&value, "the front matter")
            .map_err(|one| vec![one.to_string()])
    }

    #[test]
    fn an_escaped_text_is_read_as_written() {
        let page = read("title = \"A \\\"quoted\\\" word\"\nweight = 1\n").unwrap();
        assert_eq!(page.title, "A \"quoted\" word");
    }

    #[test]
    fn every_empty_text_and_list_is_reported() {
        let mut found = read("title = \" \"\nweight = 1\nlines = [\"\"]\n").unwrap_err();
        found.sort();
        assert_eq!(
            found,
            [
                "content/a.md:1:9: `title` is empty\n  what to do: write the text between the quotes",
                "content/a.md:3:10: `lines` is empty\n  what to do: write the text between the quotes",
            ]
        );
        assert!(
            read("title = \"a\"\nweight = 1\nlines = []\n").unwrap_err()[0]
                .contains("`lines` is an empty list")
        );
    }

    #[test]
    fn a_missing_setting_is_shown_with_a_value_of_its_kind() {
        assert!(read("title = \"a\"\n").unwrap_err()[0]
            .contains("`weight` is missing from the front matter\n  what to do: add a line to the front matter: weight = 1"));
        assert!(read("weight = 1\ntitel = \"a\"\n").unwrap_err()[0]
            .contains("`titel` is not a setting"));
        assert!(read("weight = 1\n").unwrap_err()[0]
            .contains("`title` is missing from the front matter\n  what to do: add a line to the front matter: title = \"…\""));
    }

    #[test]
    fn a_full_width_equals_sign_or_quote_is_named_with_its_half_width_form() {
        for (toml, named) in [
            (
                "title ＝ \"事務局\"\nweight = 1\n",
                "write ＝ half-width, as =",
            ),
            (
                "title = “事務局”\nweight = 1\n",
                "write “ half-width, as \"",
            ),
            (
                "title = \"a\"\nweight = ＂1＂\n",
                "write ＂ half-width, as \"",
            ),
        ] {
            let found = read(toml).unwrap_err();
            assert!(found[0].contains(named), "{toml:?}: {found:?}");
        }
        // A curly quote inside a text is the text's own: another mistake on its line is not
        // blamed on it.
        let found = read("title = \"the “cluster”\" x\nweight = 1\n").unwrap_err();
        assert!(found[0].contains("check this line"), "{found:?}");
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_described() {
        assert_eq!(
            read("title = \"a\"\nweight = 1\nlines = \"one\"\n").unwrap_err(),
            ["content/a.md:3:9: `lines` must be a list of texts, but here it is the text \"one\"\n  \
              what to do: write it like this: lines = [\"first\", \"second\"]"]
        );
        assert!(read("title = 2\nweight = 1\n").unwrap_err()[0]
            .contains("`title` must be text in double quotes, but here it is the number 2"));
    }
}
