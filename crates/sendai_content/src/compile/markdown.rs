//! A page's Markdown body to HTML, at build time: the CommonMark that prose needs (headings,
//! paragraphs, lists, links, emphasis) and GFM's pipe tables, with the site's classes; everything
//! else, raw HTML first, is refused with a message that says what to write instead.
//!
//! A table needs a caption, written as a paragraph of its own just above it, `Table: the caption`
//! (Pandoc's way). It is drawn as the `<caption>`, which names the region the table scrolls in on
//! a narrow screen; its first row is the header row.
//!
//! Words in another language than the page's carry their `lang` (WCAG 3.1.2), so that a screen
//! reader speaks them in that language: on an English page, every run of Japanese script is
//! marked by itself; anywhere, an editor marks a phrase as a link to `lang:` and the language's
//! code, `[一部準拠](lang:ja)` or `[Sendai Cluster](lang:en)`.

use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};
use pulldown_cmark_escape::{escape_href, escape_html};
use unicode_width::UnicodeWidthChar;

use super::diagnostic::{shift, Diagnostic, Report, Source};
use super::documents;
use super::pictures::{self, Picture, Pictures, SIZES};
use super::{Files, FILES_DIR};
use crate::Lang;

/// The link destination that marks a phrase's language instead of linking: `lang:ja`.
const LANG_LINK: &str = "lang:";

/// What starts the paragraph that is a table's caption: `Table: Events in March`.
const CAPTION_MARK: &str = "Table:";

/// A part of a body: prose, or the place where the page's template draws its structured part.
#[derive(Debug, PartialEq)]
pub enum Part {
    /// HTML in pieces between which the site's base path goes (see `Html`).
    Prose(Vec<String>),
    /// `{{ name() }}` on a line of its own, with its byte offset in the file.
    Shortcode(String, usize),
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
    pub fn render(&self, report: &mut Report) -> Vec<Part> {
        let text = self.source.part();
        let mut events: Vec<(Event, Range<usize>)> = TextMergeWithOffset::new(
            Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter(),
        )
        .collect();
        let mut parts = Vec::new();
        let mut pieces = vec![String::new()];
        // The events of the piece being written, rewritten for the site: the HTML writer of
        // pulldown-cmark writes them (text, emphasis, code, links elsewhere), and the site's
        // own markup (block tags with their classes, language marks) is given as raw HTML.
        let mut out: Vec<Event> = Vec::new();
        let mut heading = 1;
        let mut list_depth = 0;
        // Each link open here: whether it marks a phrase's language rather than linking, and
        // what a link to a document says after its text.
        let mut links: Vec<Opened> = Vec::new();
        let mut table = TableState::default();
        // The first picture of a page loads at once, the others as the reader scrolls to them.
        let mut pictures_shown = 0;
        let mut i = 0;
        while i < events.len() {
            let caption = if list_depth == 0 {
                caption_at(&events[i..])
            } else {
                None
            };
            if caption == Some(true) {
                if let Event::Text(text) = &events[i + 1].0 {
                    let rest = text[CAPTION_MARK.len()..].trim_start().to_owned();
                    events[i + 1].0 = Event::Text(rest.into());
                }
            }
            let (event, span) = &events[i];
            if let Some(name) = shortcode_at(&events[i..]) {
                write(&mut pieces, &mut out);
                if pieces.iter().any(|p| !p.is_empty()) {
                    parts.push(Part::Prose(std::mem::replace(
                        &mut pieces,
                        vec![String::new()],
                    )));
                }
                parts.push(Part::Shortcode(
                    name,
                    shift(span.clone(), self.source.offset).start,
                ));
                i += 3;
                continue;
            }
            match event {
                Event::Start(Tag::Paragraph) if caption == Some(false) => {
                    report.push(self.error(
                        span,
                        "this paragraph starts with \"Table:\", which makes it a table's caption, but no table follows it",
                        "put the table just below it, after an empty line: its header row, the line of \
                         |---| under it, then its rows; or reword the paragraph",
                    ));
                    out.push(html(r#"<p class="sc-body">"#));
                }
                Event::Start(Tag::Paragraph) if caption == Some(true) => {
                    let written = text[span.clone()][CAPTION_MARK.len()..].trim().to_owned();
                    if written.is_empty() {
                        report.push(self.error(
                            span,
                            "this table's caption is empty",
                            "after \"Table:\" write in a few words what the table is about, such as \
                             \"Table: Events in March\"",
                        ));
                    } else if table.captions.contains(&written) {
                        report.push(self.error(
                            span,
                            format!("another table of this page has the caption \"{written}\""),
                            "give each table a caption of its own: it names the table for screen readers",
                        ));
                    }
                    table.captions.push(written);
                    let id = format!("sc-table-{}", table.captions.len());
                    out.push(html(format!(
                        r#"<section class="sc-table-scroll" aria-labelledby="{id}" tabindex="0"><table class="sc-table sc-table--prose"><caption id="{id}" class="sc-table__caption">"#
                    )));
                    table.in_caption = true;
                }
                Event::End(TagEnd::Paragraph) if table.in_caption => {
                    out.push(html("</caption>"));
                    table.in_caption = false;
                    table.captioned = true;
                }
                Event::Start(Tag::Table(_)) if list_depth > 0 => report.push(self.error(
                    span,
                    "a table cannot be inside a list item",
                    "put the table and its caption after the list, with an empty line between them \
                     and without indenting them",
                )),
                Event::Start(Tag::Table(alignments)) => {
                    if !std::mem::take(&mut table.captioned) {
                        report.push(self.error(
                            span,
                            "this table has no caption",
                            "write its caption just above it, as a paragraph of its own that starts with \
                             \"Table:\" (a half-width colon, in a Japanese file too), such as \
                             \"Table: Events in March\"",
                        ));
                    }
                    table.alignments = alignments.clone();
                }
                Event::End(TagEnd::Table) => out.push(html("</tbody></table></section>")),
                Event::Start(Tag::TableHead) => {
                    table.in_head = true;
                    table.column = 0;
                    out.push(html("<thead><tr>"));
                }
                Event::End(TagEnd::TableHead) => {
                    table.in_head = false;
                    out.push(html("</tr></thead><tbody>"));
                }
                Event::Start(Tag::TableRow) => {
                    table.column = 0;
                    out.push(html("<tr>"));
                }
                Event::End(TagEnd::TableRow) => out.push(html("</tr>")),
                Event::Start(Tag::TableCell) => {
                    let heading_is_empty =
                        matches!(events.get(i + 1), Some((Event::End(TagEnd::TableCell), _)));
                    if table.in_head && heading_is_empty {
                        report.push(self.error(
                            span,
                            "this column of the table has no heading",
                            "write the column's heading in the table's first row: screen readers say \
                             it before each of the column's cells",
                        ));
                    }
                    let cell = if table.in_head { r#"th scope="col""# } else { "td" };
                    let class = match table.alignments.get(table.column) {
                        Some(Alignment::Center) => r#" class="sc-table__cell--center""#,
                        Some(Alignment::Right) => r#" class="sc-table__cell--end""#,
                        _ => "",
                    };
                    out.push(html(format!("<{cell}{class}>")));
                }
                Event::End(TagEnd::TableCell) => {
                    table.column += 1;
                    out.push(html(if table.in_head { "</th>" } else { "</td>" }));
                }
                Event::Start(Tag::Paragraph) if list_depth > 0 => out.push(html("<p>")),
                Event::Start(Tag::Paragraph) => out.push(html(r#"<p class="sc-body">"#)),
                Event::End(TagEnd::Paragraph) => out.push(html("</p>")),
                Event::Start(Tag::Heading { level, .. }) => {
                    let level = *level as usize;
                    if let Err(problem) = check_heading(level, heading) {
                        report.push(self.error(span, problem.0, problem.1));
                    }
                    heading = level;
                    let class = if level <= 2 { "sc-heading-m" } else { "sc-heading-s" };
                    out.push(html(format!(r#"<h{level} class="{class}">"#)));
                }
                Event::End(TagEnd::Heading(level)) => out.push(html(format!("</h{}>", *level as usize))),
                Event::Start(Tag::List(first)) => {
                    list_depth += 1;
                    out.push(match first {
                        None => html(r#"<ul class="sc-list sc-list--bullet">"#),
                        Some(1) => html(r#"<ol class="sc-list sc-list--number">"#),
                        Some(n) => html(format!(r#"<ol class="sc-list sc-list--number" start="{n}">"#)),
                    });
                }
                Event::End(TagEnd::List(ordered)) => {
                    list_depth -= 1;
                    out.push(html(if *ordered { "</ol>" } else { "</ul>" }));
                }
                Event::Start(Tag::Item) => out.push(html("<li>")),
                Event::End(TagEnd::Item) => out.push(html("</li>")),
                Event::Start(Tag::Image { dest_url, title, .. }) => {
                    // The picture's alternative text is the text between its brackets.
                    let end = i + events[i..]
                        .iter()
                        .position(|(event, _)| matches!(event, Event::End(TagEnd::Image)))
                        .expect("an image ends");
                    let alt: String = events[i + 1..end]
                        .iter()
                        .filter_map(|(event, _)| match event {
                            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
                            Event::SoftBreak | Event::HardBreak => Some(" "),
                            _ => None,
                        })
                        .collect();
                    match self.picture(dest_url, alt.trim(), span) {
                        Ok(picture) => {
                            let segments = picture_markup(&picture, alt.trim(), title, pictures_shown == 0);
                            let (last, paths) = segments.split_last().expect("markup");
                            // The site's base path goes between the segments.
                            for segment in paths {
                                out.push(html(segment.clone()));
                                write(&mut pieces, &mut out);
                                pieces.push(String::new());
                            }
                            out.push(html(last.clone()));
                        }
                        Err(problem) => report.push(problem),
                    }
                    pictures_shown += 1;
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::Emphasis | Tag::Strong) | Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                    out.push(event.clone())
                }
                Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with(LANG_LINK) => {
                    let code = &dest_url[LANG_LINK.len()..];
                    if !is_language_code(code) {
                        report.push(self.error(
                            span,
                            format!("\"{code}\" is not a language code"),
                            "after lang: write the code of the phrase's language, such as \
                             [一部準拠](lang:ja) for Japanese or [Sendai Cluster](lang:en) for English",
                        ));
                    }
                    let mut mark = String::from("<span lang=\"");
                    let _ = escape_html(&mut mark, code);
                    mark.push_str("\">");
                    out.push(html(mark));
                    links.push(Opened::Lang);
                }
                Event::Start(Tag::Link { dest_url, title, .. }) => {
                    let link = self.link(dest_url, span);
                    links.push(match &link {
                        Ok(Link::Document(_, label)) => Opened::Document(label.clone()),
                        _ => Opened::Link,
                    });
                    // The app's router leaves a link with a target to the browser: a document
                    // is a file, not a page of the app.
                    let on_this_site = match link {
                        Ok(Link::Site(path)) => Ok(Some((path, ""))),
                        Ok(Link::Document(path, _)) => Ok(Some((path, " target=\"_self\""))),
                        Ok(Link::Elsewhere) => Ok(None),
                        Err(problem) => Err(problem),
                    };
                    match on_this_site {
                        Ok(Some((path, target))) => {
                            // The site's base path goes before the path, between two pieces.
                            out.push(html("<a href=\""));
                            write(&mut pieces, &mut out);
                            pieces.push(String::new());
                            let mut rest = String::new();
                            let _ = escape_href(&mut rest, &path);
                            rest.push('"');
                            rest.push_str(target);
                            if !title.is_empty() {
                                rest.push_str(" title=\"");
                                let _ = escape_html(&mut rest, title);
                                rest.push('"');
                            }
                            rest.push('>');
                            out.push(html(rest));
                        }
                        Ok(None) => out.push(event.clone()),
                        Err(problem) => report.push(problem),
                    }
                }
                Event::End(TagEnd::Link) => match links.pop() {
                    Some(Opened::Lang) => out.push(html("</span>")),
                    Some(Opened::Document(label)) => {
                        out.push(Event::Text(label.into()));
                        out.push(event.clone());
                    }
                    _ => out.push(event.clone()),
                },
                Event::Text(text) => {
                    if text.contains("{{") {
                        report.push(self.error(
                            span,
                            "`{{ … }}` marks where a template draws its part, and must stand alone",
                            "put it on a line of its own, with an empty line before and after it",
                        ));
                    }
                    // Inside a phrase the editor marked, the mark says it all.
                    if self.lang == Lang::En && !links.contains(&Opened::Lang) {
                        mark_japanese(text, &mut out);
                    } else {
                        out.push(event.clone());
                    }
                }
                Event::Code(_) => out.push(event.clone()),
                Event::SoftBreak => {
                    if !joins_wide_characters(&events, i) {
                        out.push(event.clone());
                    }
                }
                Event::HardBreak => out.push(html("<br>")),
                Event::Html(_) | Event::InlineHtml(_) => report.push(self.error(
                    span,
                    "this is HTML; the site's pages are written in Markdown only",
                    "remove the HTML tag and write it in Markdown: ## for a heading, - for a list item, \
                     [text](/address/) for a link, *text* for emphasis",
                )),
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
                Event::Start(tag) => report.push(self.unsupported(span, describe_tag(tag))),
                Event::End(_) => {}
                Event::Rule => report.push(self.unsupported(span, "a horizontal line")),
                other => report.push(self.unsupported(span, &format!("{other:?}"))),
            }
            i += 1;
        }
        write(&mut pieces, &mut out);
        if pieces.iter().any(|p| !p.is_empty()) {
            parts.push(Part::Prose(pieces));
        }
        if parts.is_empty() {
            report.push(self.error(
                &(0..0),
                "the page has no text",
                "write the page's text below the second +++ line",
            ));
        }
        parts
    }

    fn unsupported(&self, span: &Range<usize>, what: &str) -> Diagnostic {
        self.error(
            span,
            format!("{what} is not something the site's pages can show yet"),
            "use headings (## or ###), paragraphs, lists (- or 1.), links ([text](/address/)), \
             emphasis (*text* or **text**), pictures (![what it shows](/files/NAME.jpg)) and \
             tables with a caption (\"Table: …\" above them); ask a developer if the page \
             needs more",
        )
    }

    fn link(&self, url: &str, span: &Range<usize>) -> Result<Link, Diagnostic> {
        let lower = url.to_ascii_lowercase();
        if ["https://", "http://", "mailto:", "tel:"]
            .iter()
            .any(|scheme| lower.starts_with(scheme))
        {
            return Ok(Link::Elsewhere);
        }
        let how = "link to a page of this site by its address from the site's root, such as /concept/ \
                   or /ja/concept/, and to other sites by their full address, starting with https://";
        if url.starts_with("//") || !url.starts_with('/') {
            return Err(self.error(
                span,
                format!("the link to \"{url}\" does not say where it leads"),
                how,
            ));
        }
        if url.contains(['#', '?']) {
            return Err(self.error(
                span,
                format!("the link to \"{url}\" points into a page; the site's links lead to whole pages"),
                "remove the part from # or ? on",
            ));
        }
        if let Some(name) = documents::name_in(url) {
            return self.document(url, name, span);
        }
        if (self.is_page)(url) {
            return Ok(Link::Site(url.to_owned()));
        }
        let help = if (self.is_page)(&format!("{url}/")) {
            format!("write the address with its final slash: {url}/")
        } else {
            format!(
                "the site's pages are at {}; correct the address, or add the page it should lead to",
                self.page_list
            )
        };
        Err(self.error(
            span,
            format!("the link leads to {url}, but there is no page at that address"),
            help,
        ))
    }
}

impl Body<'_> {
    /// The picture at `url`, with its alternative text `alt`, checked.
    fn picture(
        &self,
        url: &str,
        alt: &str,
        span: &Range<usize>,
    ) -> Result<Rc<Picture>, Diagnostic> {
        let how = format!(
            "put the picture in content/{FILES_DIR}/ and show it by its address from the site's \
             root: ![what it shows](/{FILES_DIR}/meeting-2010.jpg)"
        );
        let Some(name) = documents::name_in(url) else {
            let lower = url.to_ascii_lowercase();
            let message = if lower.starts_with("https://")
                || lower.starts_with("http://")
                || lower.starts_with("//")
            {
                format!("the picture {url} is on another site: the site shows only its own pictures, so that no reader's visit is reported to another site")
            } else if !url.starts_with('/') {
                format!("the picture's address {url} does not start from the site's root")
            } else {
                format!("the picture {url} is not in content/{FILES_DIR}/")
            };
            return Err(self.error(span, message, how));
        };
        let picture = match self.files.pictures.get(name) {
            Some(Ok(picture)) => picture,
            Some(Err((problem, help))) => {
                return Err(self.error(
                    span,
                    format!("the picture {url} cannot be shown: {problem}"),
                    help,
                ))
            }
            None if !Pictures::is_picture(name) => {
                let endings =
                    super::toml_file::or_list(&pictures::ENDINGS.map(|e| format!(".{e}")));
                return Err(self.error(
                    span,
                    format!("{url} is not a picture the site can show"),
                    if documents::kind_of(name).is_some() {
                        format!("show pictures saved as {endings}; link to a document with [its title]({url})")
                    } else {
                        format!(
                            "save the picture as JPEG (a photo) or PNG (a drawing or a screenshot) and show \
                             that file: the site shows pictures saved as {endings}"
                        )
                    },
                ));
            }
            None => {
                let names: Vec<&str> = self.files.pictures.names().collect();
                return Err(self.error(
                    span,
                    format!("the picture {url} is not in content/{FILES_DIR}/"),
                    if names.is_empty() {
                        format!("put the picture in content/{FILES_DIR}/ under the name {name}")
                    } else {
                        format!(
                            "put the picture in content/{FILES_DIR}/ under the name {name}, or correct \
                             the name: the folder holds {}",
                            names.join(", ")
                        )
                    },
                ));
            }
        };
        if let Err(problem) = check_alt(alt, name, self.lang) {
            return Err(self.error(span, problem.0, problem.1));
        }
        Ok(picture)
    }

    /// A link to `content/files/NAME`.
    fn document(&self, url: &str, name: &str, span: &Range<usize>) -> Result<Link, Diagnostic> {
        if let Some(document) = self.files.documents.ok.get(name) {
            self.files
                .documents
                .linked
                .borrow_mut()
                .insert(name.to_owned());
            return Ok(Link::Document(url.to_owned(), document.label(self.lang)));
        }
        if self.files.documents.refused.contains(name) {
            // Its file's problem is reported on the file.
            return Ok(Link::Elsewhere);
        }
        if Pictures::is_picture(name) {
            return Err(self.error(
                span,
                format!("the link leads to {url}, a picture"),
                format!("show the picture on the page instead, with an ! before the link: ![what it shows]({url})"),
            ));
        }
        if documents::kind_of(name).is_none() {
            return Err(self.error(
                span,
                format!("the link leads to {url}, a type of file the site does not publish"),
                format!("link to a document saved as {}", documents::allowed()),
            ));
        }
        let names: Vec<&str> = self.files.documents.ok.keys().map(String::as_str).collect();
        Err(self.error(
            span,
            format!("the link leads to {url}, but content/files/ has no file {name}"),
            if names.is_empty() {
                "put the document in content/files/ under that name".to_owned()
            } else {
                format!(
                    "put the document in content/files/ under that name, or correct the name: the folder holds {}",
                    names.join(", ")
                )
            },
        ))
    }
}

enum Link {
    /// A path on this site, which gets the site's base path in front.
    Site(String),
    /// A document's path on this site, with what the link says after its text.
    Document(String, String),
    /// Another site, linked as written.
    Elsewhere,
}

/// A link the renderer has opened.
#[derive(PartialEq)]
enum Opened {
    /// A phrase's language, marked.
    Lang,
    Link,
    /// A link to a document, with what it says after its text.
    Document(String),
}

/// `Err((message, help))` if `alt` does not say what the picture `name` shows: it is empty, is
/// the file's name, or only says that it is a picture.
fn check_alt(alt: &str, name: &str, lang: Lang) -> Result<(), (String, String)> {
    let example = match lang {
        Lang::En => {
            "![Participants at the 2010 joint-research meeting in Sendai](/files/meeting-2010.jpg)"
        }
        Lang::Ja => "![仙台で開かれた2010年の共同研究会の参加者](/files/meeting-2010.jpg)",
    };
    let help = format!(
        "between [ and ] write what the picture shows, in the page's language, as you would say \
         it to someone who cannot see it: {example}"
    );
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let said = alt.to_lowercase();
    let words = said.replace(['-', '_'], " ");
    if alt.is_empty() {
        return Err((
            "this picture has no alternative text, which screen readers say in its place".into(),
            help,
        ));
    }
    if said == name || said == stem || words == stem.replace('-', " ") {
        return Err((
            "this picture's alternative text is its file name, which tells a reader who cannot see it nothing".into(),
            help,
        ));
    }
    const ONLY_A_PICTURE: [&str; 10] = [
        "image",
        "picture",
        "photo",
        "photograph",
        "img",
        "an image",
        "a picture",
        "a photo",
        "写真",
        "画像",
    ];
    if ONLY_A_PICTURE.contains(&said.trim_end_matches(['.', '。'])) {
        return Err((
            format!("this picture's alternative text, \"{alt}\", says only that it is a picture"),
            help,
        ));
    }
    // Each edition writes its own: a Japanese page's in Japanese, an English page's in English.
    let in_its_language = match lang {
        Lang::Ja => alt.chars().any(is_japanese),
        Lang::En => alt.chars().any(|c| c.is_ascii_alphabetic()),
    };
    if !in_its_language {
        let language = match lang {
            Lang::En => "English",
            Lang::Ja => "Japanese",
        };
        return Err((
            format!(
                "this picture's alternative text is not in {language}, the language of the page"
            ),
            help,
        ));
    }
    Ok(())
}

/// The `<picture>` of `picture`, in segments before each of which except the first the site's
/// base path goes: a WebP at each width with the fallback's files for browsers without WebP, and
/// the space it takes reserved by its width and height. Every picture but a page's first is
/// loaded only as the reader nears it.
fn picture_markup(picture: &Picture, alt: &str, title: &str, first: bool) -> Vec<String> {
    let mut segments = vec![String::from(r#"<picture class="sc-picture">"#)];
    let srcset = |segments: &mut Vec<String>, files: &[(String, u32)]| {
        for (n, (path, width)) in files.iter().enumerate() {
            if n > 0 {
                last(segments).push_str(", ");
            }
            let mut candidate = String::new();
            let _ = escape_href(&mut candidate, path);
            candidate.push_str(&format!(" {width}w"));
            segments.push(candidate);
        }
    };
    let [modern_files, fallback_files] = picture.candidates();
    segments[0].push_str(r#"<source type="image/webp" srcset=""#);
    srcset(&mut segments, &modern_files);
    last(&mut segments).push_str(&format!(r#"" sizes="{SIZES}"><img src=""#));
    // For a browser without srcset: the file a desktop picks.
    let (src, _) = fallback_files
        .iter()
        .rev()
        .find(|(_, width)| *width <= pictures::FALLBACK_WIDTH)
        .unwrap_or(&fallback_files[0]);
    let mut src_path = String::new();
    let _ = escape_href(&mut src_path, src);
    segments.push(format!(r#"{src_path}" srcset=""#));
    srcset(&mut segments, &fallback_files);
    let (width, height) = picture.shown_size();
    let mut rest = format!(r#"" sizes="{SIZES}" width="{width}" height="{height}" alt=""#);
    let _ = escape_html(&mut rest, alt);
    rest.push('"');
    if !title.is_empty() {
        rest.push_str(" title=\"");
        let _ = escape_html(&mut rest, title);
        rest.push('"');
    }
    if !first {
        rest.push_str(r#" loading="lazy" decoding="async""#);
    }
    rest.push_str("></picture>");
    last(&mut segments).push_str(&rest);
    segments
}

fn last(segments: &mut [String]) -> &mut String {
    segments.last_mut().expect("a segment")
}

/// Where the renderer is in a table.
#[derive(Default)]
struct TableState {
    /// The captions of the page's tables so far, as written; their count numbers the captions'
    /// ids.
    captions: Vec<String>,
    in_caption: bool,
    /// Whether the table that starts next has had its caption.
    captioned: bool,
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

/// Whether the events start with a table's caption, a paragraph that starts with `Table:`:
/// `Some(true)` where a table follows it, `Some(false)` where none does.
fn caption_at(events: &[(Event, Range<usize>)]) -> Option<bool> {
    let [(Event::Start(Tag::Paragraph), _), (Event::Text(text), _), ..] = events else {
        return None;
    };
    if !text.starts_with(CAPTION_MARK) {
        return None;
    }
    let end = events
        .iter()
        .position(|(event, _)| matches!(event, Event::End(TagEnd::Paragraph)))?;
    Some(matches!(
        events.get(end + 1),
        Some((Event::Start(Tag::Table(_)), _))
    ))
}

/// `Some(name)` if the events start with a paragraph that holds only `{{ name() }}`.
fn shortcode_at(events: &[(Event, Range<usize>)]) -> Option<String> {
    let [(Event::Start(Tag::Paragraph), _), (Event::Text(text), _), (Event::End(TagEnd::Paragraph), _), ..] =
        events
    else {
        return None;
    };
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let name = inner.strip_suffix("()")?.trim();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| name.to_owned())
}

/// `Err((message, help))` if a heading of `level` may not follow one of `previous`.
fn check_heading(level: usize, previous: usize) -> Result<(), (String, String)> {
    if level == 1 {
        return Err((
            "a # heading here would be a second title: the page's title is its only top-level heading".into(),
            "start the headings in the text with ##, and give the page's title in `title`".into(),
        ));
    }
    if level > 3 {
        return Err((
            format!("a heading of level {level} is deeper than the site's pages go"),
            "use ## for a section and ### for a part of a section".into(),
        ));
    }
    if level > previous + 1 {
        return Err((
            "a ### heading must come after a ## heading: headings cannot skip a level".into(),
            "make this heading ##, or put a ## heading before it".into(),
        ));
    }
    Ok(())
}

/// Whether the soft line break at `events[i]` stands between two East Asian wide characters, as
/// in a Japanese paragraph wrapped in the file: there it is dropped rather than shown as a space,
/// as pandoc's `east_asian_line_breaks` does.
fn joins_wide_characters(events: &[(Event, Range<usize>)], i: usize) -> bool {
    let text_of = |event: &Event| match event {
        Event::Text(text) | Event::Code(text) => Some(text.to_string()),
        _ => None,
    };
    let inline_markup = |event: &Event| {
        matches!(
            event,
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
                | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link)
        )
    };
    let before = events[..i]
        .iter()
        .rev()
        .find(|(event, _)| !inline_markup(event))
        .and_then(|(event, _)| text_of(event))
        .and_then(|text| text.chars().last());
    let after = events[i + 1..]
        .iter()
        .find(|(event, _)| !inline_markup(event))
        .and_then(|(event, _)| text_of(event))
        .and_then(|text| text.chars().next());
    let wide = |c: Option<char>| c.and_then(|c| c.width()) == Some(2);
    wide(before) && wide(after)
}

/// Whether `c` is of the Japanese scripts: kana, kanji, and Japanese punctuation and full-width
/// forms (「」、。（）).
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' // punctuation, hiragana, katakana
        | '\u{31F0}'..='\u{31FF}' // katakana extensions
        | '\u{3400}'..='\u{4DBF}' // kanji, extension A
        | '\u{4E00}'..='\u{9FFF}' // kanji
        | '\u{F900}'..='\u{FAFF}' // kanji, compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width and half-width forms
    )
}

/// Raw HTML of the site's own markup, for the HTML writer.
fn html<'a>(markup: impl Into<CowStr<'a>>) -> Event<'a> {
    Event::InlineHtml(markup.into())
}

/// Writes the events of a piece to the last piece, with pulldown-cmark's HTML writer.
fn write(pieces: &mut [String], out: &mut Vec<Event>) {
    let piece = pieces.last_mut().expect("one piece at least");
    pulldown_cmark::html::push_html(piece, out.drain(..));
}

/// `text`, with each run of Japanese script in `<span lang="ja">`.
fn mark_japanese<'a>(text: &CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let mut rest: &str = text;
    while let Some(start) = rest.find(is_japanese) {
        let (before, run) = rest.split_at(start);
        let end = run.find(|c| !is_japanese(c)).unwrap_or(run.len());
        out.push(Event::Text(before.to_owned().into()));
        out.push(html(r#"<span lang="ja">"#));
        out.push(Event::Text(run[..end].to_owned().into()));
        out.push(html("</span>"));
        rest = &run[end..];
    }
    out.push(Event::Text(rest.to_owned().into()));
}

/// A language code as HTML's `lang` takes it (BCP 47), in the simple form editors need: a
/// primary code of two or three letters, then optional parts such as a region (`en-GB`).
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

fn describe_tag(tag: &Tag) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "a quotation block (>)",
        Tag::CodeBlock(_) => "a code block",
        Tag::FootnoteDefinition(_) => "a footnote",
        _ => "this kind of Markdown",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::compile::documents::Documents;

    fn render(markdown: &str) -> (Vec<Part>, Report) {
        render_in(Lang::En, markdown)
    }

    fn render_in(lang: Lang, markdown: &str) -> (Vec<Part>, Report) {
        render_with(lang, markdown, &Folder::with(&[]))
    }

    fn render_with(lang: Lang, markdown: &str, folder: &Folder) -> (Vec<Part>, Report) {
        let mut report = Report::default();
        let body = Body {
            source: Source {
                file: Path::new("content/test.md"),
                text: markdown,
                offset: 0,
            },
            lang,
            is_page: &|path| ["/", "/concept/", "/ja/"].contains(&path),
            page_list: "/, /concept/, /ja/",
            files: folder.files(),
        };
        let parts = body.render(&mut report);
        (parts, report)
    }

    fn html(markdown: &str) -> String {
        html_in(Lang::En, markdown)
    }

    fn html_in(lang: Lang, markdown: &str) -> String {
        let (parts, report) = render_in(lang, markdown);
        assert!(report.is_empty(), "{report}");
        match &parts[..] {
            [Part::Prose(pieces)] => pieces.join("{BASE}"),
            other => panic!("{other:?}"),
        }
    }

    fn problems(markdown: &str) -> Vec<String> {
        problems_with(markdown, &Folder::with(&[]))
    }

    fn problems_with(markdown: &str, folder: &Folder) -> Vec<String> {
        render_with(Lang::En, markdown, folder)
            .1
             .0
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn prose_gets_the_site_classes() {
        assert_eq!(
            html("## Heading\n\nA *b* **c** `d`.\n\n- one\n- two\n\n1. first\n"),
            "<h2 class=\"sc-heading-m\">Heading</h2><p class=\"sc-body\">A <em>b</em> <strong>c</strong> \
             <code>d</code>.</p><ul class=\"sc-list sc-list--bullet\"><li>one</li><li>two</li></ul>\
             <ol class=\"sc-list sc-list--number\"><li>first</li></ol>"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            html("R&D 1 < 2 \"q\""),
            "<p class=\"sc-body\">R&amp;D 1 &lt; 2 \"q\"</p>"
        );
    }

    #[test]
    fn a_hard_break_and_a_link_title_are_kept() {
        assert_eq!(
            html("a  \nb [x](https://e.org \"T&\") [y](/concept/ \"U\")"),
            "<p class=\"sc-body\">a<br>b <a href=\"https://e.org\" title=\"T&amp;\">x</a> \
             <a href=\"{BASE}/concept/\" title=\"U\">y</a></p>"
        );
    }

    #[test]
    fn links_on_this_site_take_the_base_path() {
        assert_eq!(
            html("See [the concept](/concept/) and [MEXT](https://www.mext.go.jp/)."),
            "<p class=\"sc-body\">See <a href=\"{BASE}/concept/\">the concept</a> and \
             <a href=\"https://www.mext.go.jp/\">MEXT</a>.</p>"
        );
    }

    #[test]
    fn a_line_break_between_japanese_characters_is_dropped() {
        assert_eq!(
            html_in(Lang::Ja, "知的クラスターの\n創成を求めました。"),
            "<p class=\"sc-body\">知的クラスターの創成を求めました。</p>"
        );
        assert_eq!(
            html_in(Lang::Ja, "句読点、\n「かぎ括弧」"),
            "<p class=\"sc-body\">句読点、「かぎ括弧」</p>"
        );
        assert_eq!(
            html_in(Lang::Ja, "*強調*\nの後"),
            "<p class=\"sc-body\"><em>強調</em>の後</p>"
        );
    }

    #[test]
    fn a_line_break_next_to_latin_text_stays_a_space() {
        assert_eq!(
            html("Knowledge\nCluster"),
            "<p class=\"sc-body\">Knowledge\nCluster</p>"
        );
        assert_eq!(
            html_in(Lang::Ja, "2001年3月に\nMEXT"),
            "<p class=\"sc-body\">2001年3月に\nMEXT</p>"
        );
        assert_eq!(
            html_in(Lang::Ja, "MEXT\nは"),
            "<p class=\"sc-body\">MEXT\nは</p>"
        );
    }

    #[test]
    fn a_shortcode_splits_the_prose() {
        let (parts, report) = render("Intro.\n\n{{ diagram() }}\n\n## After\n");
        assert!(report.is_empty(), "{report}");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1], Part::Shortcode("diagram".into(), 8));
    }

    #[test]
    fn raw_html_is_refused_with_its_place() {
        let found = problems("Text\n\n<div>x</div>\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/test.md:3:1: this is HTML"),
            "{}",
            found[0]
        );
        assert!(problems("A <span>b</span>")[0].starts_with("content/test.md:1:3: this is HTML"));
    }

    #[test]
    fn a_link_to_no_page_of_the_site_is_refused() {
        let found = problems("See [x](/nowhere/).");
        assert!(
            found[0].contains("1:5: the link leads to /nowhere/, but there is no page"),
            "{found:?}"
        );
        assert!(problems("[x](/concept)")[0]
            .contains("write the address with its final slash: /concept/"));
        assert!(problems("[x](concept/)")[0].contains("does not say where it leads"));
        assert!(problems("[x](/concept/#a)")[0].contains("points into a page"));
    }

    #[test]
    fn headings_start_at_two_and_never_skip() {
        assert!(problems("# Title")[0].contains("second title"));
        assert!(problems("### Deep")[0].contains("cannot skip a level"));
        assert!(problems("## A\n\n### B\n\n## C\n").is_empty());
    }

    #[test]
    fn other_markdown_is_named_in_the_message() {
        assert!(problems("> quoted")[0].contains("a quotation block"));
        assert!(problems("{{ diagram() }} inline")[0].contains("must stand alone"));
    }

    #[test]
    fn a_table_has_its_caption_its_header_row_and_a_region_it_scrolls_in() {
        assert_eq!(
            html("Table: Events in *March*\n\n| Date | Event |\n|---|--:|\n| 2 March | [Seminar](/concept/) |\n"),
            "<section class=\"sc-table-scroll\" aria-labelledby=\"sc-table-1\" tabindex=\"0\">\
             <table class=\"sc-table sc-table--prose\"><caption id=\"sc-table-1\" class=\"sc-table__caption\">\
             Events in <em>March</em></caption><thead><tr><th scope=\"col\">Date</th>\
             <th scope=\"col\" class=\"sc-table__cell--end\">Event</th></tr></thead><tbody><tr><td>2 March</td>\
             <td class=\"sc-table__cell--end\"><a href=\"{BASE}/concept/\">Seminar</a></td></tr></tbody></table></section>"
        );
    }

    #[test]
    fn a_caption_may_stand_on_the_line_just_above_its_table() {
        assert!(html("Table: X\n| a |\n|---|\n| 1 |\n")
            .contains("<caption id=\"sc-table-1\" class=\"sc-table__caption\">X</caption><thead>"));
    }

    #[test]
    fn each_table_of_a_page_has_its_own_caption_id() {
        let page = html("Table: A\n\n| a |\n|---|\n| 1 |\n\nText.\n\nTable: B\n\n| b |\n|---|\n");
        assert!(
            page.contains("<caption id=\"sc-table-1\" class=\"sc-table__caption\">A</caption>"),
            "{page}"
        );
        assert!(page.contains("aria-labelledby=\"sc-table-2\""), "{page}");
        assert!(
            page.contains("<caption id=\"sc-table-2\" class=\"sc-table__caption\">B</caption>"),
            "{page}"
        );
    }

    #[test]
    fn a_table_without_a_caption_is_refused_with_its_place() {
        let found = problems("Text.\n\n| Date | Event |\n|---|---|\n| 2 March | Seminar |\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/test.md:3:1: this table has no caption"),
            "{}",
            found[0]
        );
        assert!(found[0].contains("Table: Events in March"), "{}", found[0]);
    }

    #[test]
    fn an_empty_or_repeated_caption_an_empty_heading_and_a_table_in_a_list_are_refused() {
        let first = |markdown| problems(markdown).first().cloned().unwrap_or_default();
        assert!(
            first("Table:\n\n| a |\n|---|\n")
                .starts_with("content/test.md:1:1: this table's caption is empty"),
            "{}",
            first("Table:\n\n| a |\n|---|\n")
        );
        let repeated = first("Table: A\n\n| a |\n|---|\n\nTable: A\n\n| b |\n|---|\n");
        assert!(
            repeated.starts_with(
                "content/test.md:6:1: another table of this page has the caption \"A\""
            ),
            "{repeated}"
        );
        let unnamed = first("Table: A\n\n| a | |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            unnamed.contains("this column of the table has no heading"),
            "{unnamed}"
        );
        let listed = first("- item\n\n  Table: A\n\n  | a |\n  |---|\n");
        assert!(
            listed.contains("a table cannot be inside a list item"),
            "{listed}"
        );
    }

    #[test]
    fn a_caption_with_no_table_after_it_is_refused() {
        let found = problems("Table: Events in March\n\nA paragraph.\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/test.md:1:1: this paragraph starts with \"Table:\""),
            "{}",
            found[0]
        );
    }

    /// A content folder whose `files/` holds `files` (each one's name and bytes), read as the
    /// build reads it, with a picture cache of its own.
    struct Folder {
        dir: tempfile::TempDir,
        documents: Documents,
        pictures: Pictures,
    }

    impl Folder {
        fn with(files: &[(&str, &[u8])]) -> Folder {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join(FILES_DIR)).unwrap();
            for (name, bytes) in files {
                std::fs::write(dir.path().join(FILES_DIR).join(name), bytes).unwrap();
            }
            let mut report = Report::default();
            let documents = documents::read(dir.path(), &mut report);
            assert!(report.is_empty(), "{report}");
            let pictures = Pictures::read(dir.path(), &dir.path().join("cache"));
            Folder {
                dir,
                documents,
                pictures,
            }
        }

        fn files(&self) -> Files<'_> {
            Files {
                documents: &self.documents,
                pictures: &self.pictures,
            }
        }
    }

    /// A made-up photo `width` by `height` pixels, as a JPEG: gradients and a pattern, so that
    /// it compresses as a photo does rather than as a flat colour.
    fn photo(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            let wave = ((x as f32 / 37.0).sin() * (y as f32 / 23.0).cos() * 60.0) as i32;
            let channel = |base: i32| (base + wave).clamp(0, 255) as u8;
            image::Rgb([
                channel((x * 200 / width) as i32),
                channel((y * 200 / height) as i32),
                channel(120),
            ])
        });
        let mut bytes = Vec::new();
        picture
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        bytes
    }

    /// The `<picture>` of a page showing `markdown` from a folder with `meeting-2010.jpg`, a
    /// 2400×1600 photo, with the base path written as `{BASE}`.
    fn picture_html(markdown: &str) -> String {
        let folder = Folder::with(&[("meeting-2010.jpg", &photo(2400, 1600))]);
        let (parts, report) = render_with(Lang::En, markdown, &folder);
        assert!(report.is_empty(), "{report}");
        let [Part::Prose(pieces)] = &parts[..] else {
            panic!("{parts:?}")
        };
        pieces.join("{BASE}")
    }

    #[test]
    fn a_picture_is_offered_at_several_widths_in_webp_with_a_jpeg_for_other_browsers() {
        let html = picture_html("![Participants at the meeting](/files/meeting-2010.jpg)");
        let name = |width: u32, ending: &str| {
            let start = html
                .find(&format!("-{width}w-"))
                .expect("the width is offered");
            let key = &html[start + format!("-{width}w-").len()..][..16];
            format!("{{BASE}}/pictures/meeting-2010-{width}w-{key}.{ending}")
        };
        let srcset = |ending: &str| {
            [480, 768, 1080, 1440]
                .map(|width| format!("{} {width}w", name(width, ending)))
                .join(", ")
        };
        assert_eq!(
            html,
            format!(
                r#"<p class="sc-body"><picture class="sc-picture"><source type="image/webp" srcset="{}" sizes="{SIZES}"><img src="{}" srcset="{}" sizes="{SIZES}" width="1440" height="960" alt="Participants at the meeting"></picture></p>"#,
                srcset("webp"),
                name(768, "jpg"),
                srcset("jpg"),
            )
        );
        assert!(
            !html.contains("2400w"),
            "no file is wider than twice the column"
        );
    }

    #[test]
    fn the_first_picture_of_a_page_loads_at_once_and_the_others_as_the_reader_nears_them() {
        let html = picture_html(
            "![The meeting](/files/meeting-2010.jpg)\n\nText.\n\n![The meeting again](/files/meeting-2010.jpg)\n",
        );
        let (first, second) = html.split_once("Text.").unwrap();
        assert!(!first.contains("loading="), "{first}");
        assert!(
            second.contains(r#"alt="The meeting again" loading="lazy" decoding="async">"#),
            "{second}"
        );
    }

    #[test]
    fn a_picture_with_transparent_parts_falls_back_to_png_and_a_small_one_is_not_enlarged() {
        let logo =
            image::RgbaImage::from_fn(300, 100, |x, _| image::Rgba([0, 80, 160, (x % 256) as u8]));
        let mut bytes = Vec::new();
        logo.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
        let folder = Folder::with(&[("logo.png", &bytes)]);
        let (parts, report) =
            render_with(Lang::En, "![The cluster's logo](/files/logo.png)", &folder);
        assert!(report.is_empty(), "{report}");
        let [Part::Prose(pieces)] = &parts[..] else {
            panic!("{parts:?}")
        };
        let html = pieces.join("{BASE}");
        assert!(html.contains(r#"width="300" height="100""#), "{html}");
        assert!(
            html.contains("-300w-") && !html.contains("-480w-"),
            "{html}"
        );
        assert!(html.contains(".png 300w\""), "{html}");
        let published = folder.pictures.published();
        assert_eq!(published.len(), 2, "{published:?}");
    }

    #[test]
    fn a_picture_processed_before_is_taken_from_the_cache() {
        let folder = Folder::with(&[("meeting-2010.jpg", &photo(800, 600))]);
        let (_, report) = render_with(Lang::En, "![The meeting](/files/meeting-2010.jpg)", &folder);
        assert!(report.is_empty(), "{report}");
        let (_, cached) = folder.pictures.published().remove(0);
        std::fs::write(&cached, "kept from the last build").unwrap();
        // A second build, of the same folder with the same cache.
        let again = Pictures::read(folder.dir.path(), &folder.dir.path().join("cache"));
        let files = Files {
            documents: &folder.documents,
            pictures: &again,
        };
        assert!(files.pictures.get("meeting-2010.jpg").unwrap().is_ok());
        let (_, file) = again.published().remove(0);
        assert_eq!(
            std::fs::read_to_string(file).unwrap(),
            "kept from the last build"
        );
        // A cache folder that lost a file is processed again.
        let (_, lost) = again.published().remove(1);
        std::fs::remove_file(&lost).unwrap();
        let third = Pictures::read(folder.dir.path(), &folder.dir.path().join("cache"));
        assert!(third.get("meeting-2010.jpg").unwrap().is_ok());
        assert!(lost.is_file(), "the lost file is written again");
    }

    #[test]
    fn a_picture_without_alternative_text_or_file_or_readable_format_is_refused() {
        let folder = Folder::with(&[
            ("meeting-2010.jpg", &photo(100, 80)),
            ("broken.jpg", b"not a picture"),
            ("huge.jpg", &vec![0; 20 * 1024 * 1024 + 1]),
            ("notes.pdf", b"%PDF"),
        ]);
        let problems = |markdown| problems_with(markdown, &folder);
        let says = |markdown, words: &[&str]| {
            let found = problems(markdown);
            assert_eq!(found.len(), 1, "{found:?}");
            for word in words {
                assert!(found[0].contains(word), "{word:?} in {found:?}");
            }
        };
        says(
            "Text.\n\n![](/files/meeting-2010.jpg)",
            &[
                "content/test.md:3:1: this picture has no alternative text",
                "write what the picture shows",
            ],
        );
        says(
            "![meeting-2010.jpg](/files/meeting-2010.jpg)",
            &["alternative text is its file name"],
        );
        says(
            "![Meeting 2010](/files/meeting-2010.jpg)",
            &["alternative text is its file name"],
        );
        says(
            "![Photo](/files/meeting-2010.jpg)",
            &["says only that it is a picture"],
        );
        says(
            "![The meeting](/files/meeting-2011.jpg)",
            &[
                "the picture /files/meeting-2011.jpg is not in content/files/",
                "the folder holds broken.jpg, huge.jpg, meeting-2010.jpg",
            ],
        );
        says(
            "![The meeting](/files/broken.jpg)",
            &[
                "/files/broken.jpg cannot be shown: it is not a JPEG, PNG or WebP picture",
                "save it again",
            ],
        );
        says(
            "![The meeting](/files/huge.jpg)",
            &["it is 20.1 MB, more than the 20 MB"],
        );
        says(
            "![The meeting](/files/notes.pdf)",
            &[
                "/files/notes.pdf is not a picture the site can show",
                ".jpg, .jpeg, .png or .webp",
            ],
        );
        says(
            "![The meeting](https://example.org/a.jpg)",
            &["is on another site"],
        );
        says(
            "[The meeting](/files/meeting-2010.jpg)",
            &["a picture", "![what it shows](/files/meeting-2010.jpg)"],
        );
        says(
            "![The meeting](files/meeting-2010.jpg)",
            &[
                "does not start from the site's root",
                "(/files/meeting-2010.jpg)",
            ],
        );
        says(
            "![The meeting](/files/meeting.heic)",
            &[
                "is not a picture the site can show",
                "save the picture as JPEG",
            ],
        );
        says(
            "![会議の参加者](/files/meeting-2010.jpg)",
            &["not in English, the language of the page"],
        );
        let japanese = render_with(Lang::Ja, "![The meeting](/files/meeting-2010.jpg)", &folder).1;
        assert!(
            japanese.to_string().contains("not in Japanese"),
            "{japanese}"
        );
    }

    #[test]
    fn a_link_to_a_document_says_its_format_and_size_and_is_left_to_the_browser() {
        let documents = Folder::with(&[("annual-report-2010.pdf", &vec![b'x'; 1_258_291])]);
        let link = "[Annual report 2010](/files/annual-report-2010.pdf)";
        let (en, report) = render_with(Lang::En, link, &documents);
        assert!(report.is_empty(), "{report}");
        assert_eq!(
            en,
            [Part::Prose(vec![
                "<p class=\"sc-body\"><a href=\"".into(),
                "/files/annual-report-2010.pdf\" target=\"_self\">Annual report 2010 (PDF, 1.2 MB)</a></p>".into()
            ])]
        );
        let (ja, _) = render_with(
            Lang::Ja,
            "[年次報告 2010](/files/annual-report-2010.pdf)",
            &documents,
        );
        let [Part::Prose(pieces)] = &ja[..] else {
            panic!("{ja:?}")
        };
        assert!(
            pieces[1].contains(">年次報告 2010（PDF：1.2MB）</a>"),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_link_to_a_missing_document_or_another_type_is_refused() {
        let documents = Folder::with(&[("annual-report-2010.pdf", b"0123456789")]);
        let problems = |markdown| problems_with(markdown, &documents);
        let missing = problems("[Report](/files/annual-report-2011.pdf)");
        assert!(
            missing[0].starts_with("content/test.md:1:1: the link leads to /files/annual-report-2011.pdf, but content/files/ has no file annual-report-2011.pdf"),
            "{missing:?}"
        );
        assert!(
            missing[0].contains("the folder holds annual-report-2010.pdf"),
            "{missing:?}"
        );
        let other = problems("[Report](/files/report.doc)");
        assert!(
            other[0].contains("a type of file the site does not publish"),
            "{other:?}"
        );
        assert!(
            other[0].contains(".pdf, .docx, .xlsx, .pptx, .csv or .txt"),
            "{other:?}"
        );
    }

    #[test]
    fn japanese_in_an_english_page_is_marked_as_japanese() {
        assert_eq!(
            html("It **partially conforms** (一部準拠) to JIS X 8341-3, 「一部準拠」."),
            "<p class=\"sc-body\">It <strong>partially conforms</strong> (<span lang=\"ja\">一部準拠</span>) \
             to JIS X 8341-3, <span lang=\"ja\">「一部準拠」</span>.</p>",
        );
        assert_eq!(
            html_in(Lang::Ja, "本サイトはJIS X 8341-3に一部準拠しています。"),
            "<p class=\"sc-body\">本サイトはJIS X 8341-3に一部準拠しています。</p>",
            "a Japanese page is Japanese throughout",
        );
    }

    #[test]
    fn an_editor_marks_a_phrase_s_language_with_a_lang_link() {
        assert_eq!(
            html_in(Lang::Ja, "著作権表示は[All Rights Reserved](lang:en)です。"),
            "<p class=\"sc-body\">著作権表示は<span lang=\"en\">All Rights Reserved</span>です。</p>",
        );
        assert_eq!(
            html("The word [一部準拠](lang:ja) and [a link](/concept/)."),
            "<p class=\"sc-body\">The word <span lang=\"ja\">一部準拠</span> and <a href=\"{BASE}/concept/\">a link</a>.</p>",
        );
        let found = problems("A [phrase](lang:Japanese).");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/test.md:1:3: \"Japanese\" is not a language code"),
            "{}",
            found[0]
        );
    }
}
