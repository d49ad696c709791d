//! Problems found in the content, worded for the people who edit it: where (file, line, column),
//! what is wrong, and what to do.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line and column (in characters), where the file has a position to point to.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl Diagnostic {
    /// A problem with a file as a whole.
    pub fn in_file(file: &Path, message: impl Into<String>, help: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            position: None,
            message: message.into(),
            help: help.into(),
        }
    }

    /// A problem at byte `offset` of `source`, the text of `file`.
    pub fn at(
        file: &Path,
        source: &str,
        offset: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Diagnostic {
            position: Some(line_and_column(source, offset)),
            ..Diagnostic::in_file(file, message, help)
        }
    }

    /// The place as editors and their text editors write it: `content/concept.md:3:9`.
    pub fn location(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.file.display()),
            None => self.file.display().to_string(),
        }
    }
}

impl Diagnostic {
    /// The problem as a GitHub Actions workflow command, which GitHub shows on the line of the
    /// file an editor changed, in a pull request and in the run's summary.
    pub fn github_annotation(&self) -> String {
        let mut properties = format!("file={}", escape_property(&self.file.display().to_string()));
        if let Some((line, column)) = self.position {
            properties.push_str(&format!(",line={line},col={column}"));
        }
        let text = if self.help.is_empty() {
            self.message.clone()
        } else {
            format!("{}\nWhat to do: {}", self.message, self.help)
        };
        format!("::error {properties}::{}", escape_data(&text))
    }
}

/// A workflow command's message: `%` and line breaks escaped, as GitHub reads them.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: the message's escapes, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if !self.help.is_empty() {
            write!(f, "\n  what to do: {}", self.help)?;
        }
        Ok(())
    }
}

/// A part of a file (front matter, a page's body, a whole TOML file): the file, its whole text,
/// and where the part starts in it, so that a problem at a byte range of the part is reported
/// at its line and column in the file.
pub struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub offset: usize,
}

impl Source<'_> {
    /// A problem at a byte range of the part.
    pub fn error(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        self.place(span).error(message, help)
    }

    /// The place of a byte range of the part, for a problem found once the text is gone.
    pub fn place(&self, span: Range<usize>) -> Place {
        Place {
            file: self.file.to_owned(),
            position: line_and_column(self.text, shift(span, self.offset).start),
        }
    }

    /// The part's own text.
    pub fn part(&self) -> &str {
        &self.text[self.offset..]
    }
}

/// A line and column of a file, kept for a later stage to report a problem at: where a page shows
/// a picture that is processed after every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub position: (usize, usize),
}

impl Place {
    pub fn error(&self, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        Diagnostic {
            position: Some(self.position),
            ..Diagnostic::in_file(&self.file, message, help)
        }
    }
}

/// Every problem found, in file order.
#[derive(Debug, Default)]
pub struct Report(pub Vec<Diagnostic>);

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok` with the value if there is one and nothing was found; else the report, sorted by
    /// place. Whatever returns `None` has reported why.
    pub fn into_result<T>(mut self, value: Option<T>) -> Result<T, Report> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => {
                self.0
                    .sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
                self.0.dedup();
                Err(self)
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            f,
            "The site's content has {count} problem{}; nothing was built.",
            if count == 1 { "" } else { "s" }
        )?;
        for diagnostic in &self.0 {
            writeln!(f, "\n{diagnostic}")?;
        }
        Ok(())
    }
}

/// Results that collect their problem into a report and go on.
pub trait Collect<T> {
    fn collect_into(self, report: &mut Report) -> Option<T>;
}

impl<T> Collect<T> for Result<T, Diagnostic> {
    fn collect_into(self, report: &mut Report) -> Option<T> {
        self.map_err(|d| report.push(d)).ok()
    }
}

/// 1-based line and column (counted in characters) of byte `offset` in `source`.
pub fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A byte range of a part of a file, shifted to the whole file.
pub fn shift(range: Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "title = \"x\"\n説明 = 2\n";
        let offset = source.find('2').unwrap();
        assert_eq!(line_and_column(source, offset), (2, 6));
        assert_eq!(line_and_column(source, 0), (1, 1));
    }

    #[test]
    fn a_problem_becomes_a_github_annotation_on_its_line() {
        let source = "+++\ntitle = \"\"\n";
        let problem = Diagnostic::at(
            Path::new("content/concept.md"),
            source,
            source.find('"').unwrap(),
            "the title is empty: 100% of pages need one",
            "write the page's title, as in: title = \"Concept\"",
        );
        assert_eq!(
            problem.github_annotation(),
            "::error file=content/concept.md,line=2,col=9::the title is empty: 100%25 of pages need one\
             %0AWhat to do: write the page's title, as in: title = \"Concept\""
        );
        let whole_file = Diagnostic::in_file(Path::new("content/a,b.md"), "unreadable", "");
        assert_eq!(
            whole_file.github_annotation(),
            "::error file=content/a%2Cb.md::unreadable"
        );
    }
}
