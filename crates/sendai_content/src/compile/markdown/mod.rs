//! A page's Markdown body to HTML, at build time: the CommonMark that prose needs (headings,
//! paragraphs, lists, links, emphasis) and GFM's pipe tables, with the site's classes; everything
//! else, raw HTML first, is refused with a message that says what to write instead.
//!
//! The body goes through stages, each a rewriter of pulldown-cmark's events for one concern that
//! leaves the others' events as they are; pulldown-cmark's HTML writer writes whatever no stage
//! changed, and the site's own markup, which the stages give it as raw HTML. Rendering has no
//! effect but its result: the HTML, and what the text refers to, which the build checks and
//! publishes once every page is rendered.

mod blocks;
mod headings;
mod language;
mod links;
mod pictures;
mod refusals;
mod shortcodes;
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, TextMergeWithOffset};

use super::diagnostic::{Diagnostic, Place, Report, Source};
use super::Files;
use crate::Lang;

/// A part of a body: prose, or the place where the page's template draws its structured part.
#[derive(Debug, PartialEq)]
pub enum Part {
    /// HTML in pieces between which the site's base path goes (see `Html`).
    Prose(Vec<String>),
    /// `{{ name() }}` on a line of its own, with its byte offset in the file.
    Shortcode(String, usize),
}

/// A body, rendered: its parts, and what it refers to.
#[derive(Debug)]
pub struct Rendered {
    pub parts: Vec<Part>,
    pub refers_to: References,
}

/// What rendered text refers to in `content/files/`.
#[derive(Debug, Default)]
pub struct References {
    /// The documents it links to, by name.
    pub documents: BTreeSet<String>,
    /// The pictures it shows, by name, with where it shows each.
    pub pictures: BTreeMap<String, Vec<Place>>,
}

impl References {
    /// Adds what another text refers to.
    pub fn extend(&mut self, other: References) {
        self.documents.extend(other.documents);
        for (name, places) in other.pictures {
            self.pictures.entry(name).or_default().extend(places);
        }
    }
}

/// The body of one file, and what the rendering needs to know about the site.
pub struct Body<'a> {
    /// The body's place in its file, for line and column numbers.
    pub source: Source<'a>,
    /// The page's language.
    pub lang: Lang,
    /// Whether a path (`/concept/`) is the address of a page of this site.
    pub is_page: &'a dyn Fn(&str) -> bool,
    /// Every page's address, for the message about a link that leads nowhere.
    pub page_list: &'a str,
    /// The documents and pictures of `content/files/`.
    pub files: Files<'a>,
}

/// The events of a body, each with its byte range in the body.
type Events<'e> = Vec<(Event<'e>, Range<usize>)>;

/// A stage: takes the events and gives them back rewritten, noting what it finds.
type Stage = for<'e> fn(Events<'e>, &mut Found) -> Events<'e>;

/// The stages, in the order they run. Editors' HTML is refused before any stage adds the site's;
/// pictures take their events before any stage reads the alternative text as prose; tables
/// find their captions before the paragraphs get their classes; the language's line joining
/// reads links before they become markup.
const STAGES: [Stage; 8] = [
    refusals::rewrite,
    pictures::rewrite,
    tables::rewrite,
    shortcodes::rewrite,
    headings::rewrite,
    language::rewrite,
    links::rewrite,
    blocks::rewrite,
];

/// What the stages find as they rewrite: problems, references, and the shortcodes taken out.
struct Found<'b, 'a> {
    body: &'b Body<'a>,
    /// Each problem, with the range of the body it is about.
    problems: Vec<(Range<usize>, Diagnostic)>,
    refers_to: References,
    /// The shortcodes, in order: each one's name and byte offset in the file.
    shortcodes: Vec<(String, usize)>,
}

impl Found<'_, '_> {
    fn error(&mut self, span: &Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let diagnostic = self.body.error(span, message, help);
        self.problems.push((span.clone(), diagnostic));
    }
}

impl Body<'_> {
    fn error(
        &self,
        span: &Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        self.source.error(span.clone(), message, help)
    }

    /// Renders the body, collecting every problem in `report`.
    pub fn render(&self, report: &mut Report) -> Rendered {
        let text = self.source.part();
        let events: Events = TextMergeWithOffset::new(
            Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter(),
        )
        .collect();
        let mut found = Found {
            body: self,
            problems: Vec::new(),
            refers_to: References::default(),
            shortcodes: Vec::new(),
        };
        let events = STAGES
            .iter()
            .fold(events, |events, stage| stage(events, &mut found));
        let parts = write(events, found.shortcodes);
        // In the text's order, a block's problem before that of the text it starts with.
        found
            .problems
            .sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        for (_, problem) in found.problems {
            report.push(problem);
        }
        if parts.is_empty() {
            report.push(self.error(
                &(0..0),
                "the page has no text",
                "write the page's text below the second +++ line",
            ));
        }
        Rendered {
            parts,
            refers_to: found.refers_to,
        }
    }
}

/// Where the site's base path goes: the stages mark it with this event, and prose's HTML is cut
/// into pieces there.
const BASE_PATH: &str = "\0base path";

/// Where a shortcode stood: the prose before it and after it are parts of their own.
const SHORTCODE: &str = "\0shortcode";

/// The mark of where the site's base path goes.
fn base_path() -> Event<'static> {
    html(BASE_PATH)
}

/// Raw HTML of the site's own markup, for the HTML writer.
fn html<'a>(markup: impl Into<CowStr<'a>>) -> Event<'a> {
    Event::InlineHtml(markup.into())
}

/// The parts of the rewritten events: pulldown-cmark's HTML writer writes each piece of prose.
fn write(events: Events, shortcodes: Vec<(String, usize)>) -> Vec<Part> {
    let mut shortcodes = shortcodes.into_iter();
    let mut parts = Vec::new();
    let mut pieces = vec![String::new()];
    let mut piece = Vec::new();
    let end_piece = |pieces: &mut Vec<String>, piece: &mut Vec<Event>| {
        let written = pieces.last_mut().expect("one piece at least");
        pulldown_cmark::html::push_html(written, piece.drain(..));
    };
    for (event, _) in events {
        match &event {
            Event::InlineHtml(mark) if mark.as_ref() == BASE_PATH => {
                end_piece(&mut pieces, &mut piece);
                pieces.push(String::new());
            }
            Event::InlineHtml(mark) if mark.as_ref() == SHORTCODE => {
                end_piece(&mut pieces, &mut piece);
                let prose = std::mem::replace(&mut pieces, vec![String::new()]);
                if prose.iter().any(|p| !p.is_empty()) {
                    parts.push(Part::Prose(prose));
                }
                let (name, offset) = shortcodes.next().expect("a shortcode for each mark");
                parts.push(Part::Shortcode(name, offset));
            }
            _ => piece.push(event),
        }
    }
    end_piece(&mut pieces, &mut piece);
    if pieces.iter().any(|p| !p.is_empty()) {
        parts.push(Part::Prose(pieces));
    }
    parts
}

#[cfg(test)]
mod test_support;
