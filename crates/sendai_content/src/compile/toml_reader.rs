//! Reading TOML (front matter, `site.toml`, `strings.toml`) with messages an editor can act on:
//! each value is looked up by key and checked for its kind, every problem points at its line and
//! column, and a key the site does not know is reported with the keys it does.

use std::cell::RefCell;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{shift, Diagnostic, Source};

impl Source<'_> {
    /// Parses the TOML into its top-level table.
    pub fn parse<'i>(&self, toml: &'i str) -> Result<Spanned<DeTable<'i>>, Diagnostic> {
        DeTable::parse(toml).map_err(|err| {
            let first_line = err.message().lines().next().unwrap_or_default().to_owned();
            self.error(
                err.span().unwrap_or(0..0),
                format!("this TOML cannot be read ({first_line})"),
                "check this line: each setting is `key = value`, text goes in \"double quotes\", \
                 lists in [square brackets], and a section starts with a [name] line",
            )
        })
    }
}

/// A TOML table being read; call [`Table::finish`] to report keys nothing asked for.
pub struct Table<'a, 'i> {
    source: &'a Source<'a>,
    table: &'a DeTable<'i>,
    span: Range<usize>,
    /// What the table is called in messages: "the front matter", "[timeline]".
    name: String,
    read: RefCell<Vec<&'static str>>,
}

impl<'a, 'i> Table<'a, 'i> {
    pub fn new(source: &'a Source<'a>, table: &'a Spanned<DeTable<'i>>, name: &str) -> Self {
        Table {
            source,
            table: table.get_ref(),
            span: table.span(),
            name: name.to_owned(),
            read: RefCell::default(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn get(&self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.read.borrow_mut().push(key);
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    fn missing(&self, key: &str, example: &str) -> Diagnostic {
        self.source.error(
            self.span.start..self.span.start,
            format!("`{key}` is missing from {}", self.name),
            format!("add a line to {}: {key} = {example}", self.name),
        )
    }

    fn wrong_kind(
        &self,
        key: &str,
        value: &Spanned<DeValue>,
        wanted: &str,
        example: &str,
    ) -> Diagnostic {
        self.source.error(
            value.span(),
            format!(
                "`{key}` must be {wanted}, but here it is {}",
                describe(value.get_ref())
            ),
            format!("write it like this: {key} = {example}"),
        )
    }

    /// A required, non-empty text.
    pub fn text(&self, key: &'static str) -> Result<Spanned<String>, Diagnostic> {
        let value = self.get(key).ok_or_else(|| self.missing(key, "\"…\""))?;
        self.text_value(key, value)
    }

    /// An optional text: `None` where the key is absent; if present, it must not be empty.
    pub fn optional_text(&self, key: &'static str) -> Result<Option<Spanned<String>>, Diagnostic> {
        self.get(key)
            .map(|value| self.text_value(key, value))
            .transpose()
    }

    fn text_value(
        &self,
        key: &str,
        value: &Spanned<DeValue>,
    ) -> Result<Spanned<String>, Diagnostic> {
        let Some(text) = value.get_ref().as_str() else {
            return Err(self.wrong_kind(key, value, "text in double quotes", "\"…\""));
        };
        if text.trim().is_empty() {
            return Err(self.source.error(
                value.span(),
                format!("`{key}` is empty"),
                "write the text between the quotes",
            ));
        }
        Ok(Spanned::new(value.span(), text.to_owned()))
    }

    /// A required whole number.
    pub fn integer(&self, key: &'static str) -> Result<Spanned<i64>, Diagnostic> {
        let value = self.get(key).ok_or_else(|| self.missing(key, "1"))?;
        value
            .get_ref()
            .as_integer()
            .and_then(|n| i64::from_str_radix(n.as_str(), n.radix()).ok())
            .map(|n| Spanned::new(value.span(), n))
            .ok_or_else(|| self.wrong_kind(key, value, "a whole number, without quotes", "1"))
    }

    /// A required, non-empty list of non-empty texts.
    pub fn text_list(&self, key: &'static str) -> Result<Spanned<Vec<String>>, Diagnostic> {
        let example = "[\"first line\", \"second line\"]";
        let value = self.get(key).ok_or_else(|| self.missing(key, example))?;
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            DeValue::String(_) => {
                return Err(self.wrong_kind(
                    key,
                    value,
                    "a list of texts",
                    &format!("[{}]", self.source_of(value)),
                ))
            }
            _ => return Err(self.wrong_kind(key, value, "a list of texts", example)),
        };
        if items.is_empty() {
            return Err(self.source.error(
                value.span(),
                format!("`{key}` is an empty list"),
                format!("put at least one text in it: {key} = {example}"),
            ));
        }
        items
            .iter()
            .map(|item| self.text_value(key, item).map(Spanned::into_inner))
            .collect::<Result<_, _>>()
            .map(|texts| Spanned::new(value.span(), texts))
    }

    /// A required table (`[name]`).
    pub fn table(&self, key: &'static str) -> Result<Table<'a, 'i>, Diagnostic> {
        let name = self.child_name(key);
        let value = self.get(key).ok_or_else(|| {
            self.source.error(
                self.span.start..self.span.start,
                format!("{name} is missing from {}", self.name),
                format!("add a {name} section with its settings below it"),
            )
        })?;
        match value.get_ref() {
            DeValue::Table(table) => Ok(Table {
                source: self.source,
                table,
                span: value.span(),
                name,
                read: RefCell::default(),
            }),
            _ => Err(self.wrong_kind(key, value, "a section ([name] with settings below it)", "…")),
        }
    }

    /// A required, non-empty array of tables (`[[name]]` sections).
    pub fn tables(&self, key: &'static str) -> Result<Vec<Table<'a, 'i>>, Diagnostic> {
        let name = format!("[{}]", self.child_name(key));
        let missing = || {
            self.source.error(
                self.span.start..self.span.start,
                format!("there is no {name} section in {}", self.name),
                format!("add one {name} section for each entry, with its settings below it"),
            )
        };
        let value = self.get(key).ok_or_else(missing)?;
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.wrong_kind(key, value, &format!("{name} sections"), "…"));
        };
        if items.is_empty() {
            return Err(missing());
        }
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::Table(table) => Ok(Table {
                    source: self.source,
                    table,
                    span: item.span(),
                    name: name.clone(),
                    read: RefCell::default(),
                }),
                _ => Err(self.wrong_kind(key, item, &format!("{name} sections"), "…")),
            })
            .collect()
    }

    /// Whether the table has `key`; reading it is still up to the caller.
    pub fn has(&self, key: &str) -> bool {
        self.table.iter().any(|(k, _)| k.get_ref() == key)
    }

    /// The keys of this table that nothing read, as problems.
    pub fn finish(&self) -> Vec<Diagnostic> {
        let read = self.read.borrow();
        self.table
            .iter()
            .filter(|(key, _)| !read.contains(&key.get_ref().as_ref()))
            .map(|(key, _)| {
                let known = read.join(", ");
                let suggestion = read
                    .iter()
                    .find(|candidate| similar(candidate, key.get_ref()))
                    .map(|candidate| format!("if you meant `{candidate}`, correct the spelling; "))
                    .unwrap_or_default();
                self.source.error(
                    key.span(),
                    format!("`{}` is not a setting of {}", key.get_ref(), self.name),
                    format!("{suggestion}the settings here are: {known}"),
                )
            })
            .collect()
    }

    /// The position of the table itself, for problems with it as a whole.
    pub fn error(&self, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        self.source.error(self.span.clone(), message, help)
    }

    /// A problem with the value of `key`, which the caller has read.
    pub fn error_at(
        &self,
        value: &Spanned<impl Sized>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        self.source.error(value.span(), message, help)
    }

    fn child_name(&self, key: &str) -> String {
        let parent = self.name.trim_start_matches('[').trim_end_matches(']');
        if self.name.starts_with('[') {
            format!("[{parent}.{key}]")
        } else {
            format!("[{key}]")
        }
    }

    fn source_of(&self, value: &Spanned<DeValue>) -> String {
        let span = shift(value.span(), self.source.offset);
        self.source.text.get(span).unwrap_or("\"…\"").to_owned()
    }
}

/// How a TOML value reads to someone who did not write it as intended.
fn describe(value: &DeValue) -> String {
    match value {
        DeValue::String(text) => format!("the text \"{text}\""),
        DeValue::Integer(n) => format!("the number {}", n.as_str()),
        DeValue::Float(n) => format!("the number {n}"),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "a list".to_owned(),
        DeValue::Table(_) => "a section".to_owned(),
    }
}

/// Whether `a` and `b` differ by at most two edits (a likely misspelling).
fn similar(a: &str, b: &str) -> bool {
    strsim::levenshtein(a, b) <= 2
}

#[cfg(test)]
mod tests {
    use super::similar;

    #[test]
    fn misspellings_are_similar_and_other_words_are_not() {
        assert!(similar("title", "titel"));
        assert!(similar("weight", "wieght"));
        assert!(!similar("weight", "template"));
    }
}
