//! Markdown the site's pages do not show, and HTML, refused with what to write instead.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Events, Found};

/// Takes out what the site does not show, reporting it. A picture's alternative text is left
/// whole for the pictures' stage, which reads only its words. Each event taken out leaves an
/// empty text, which writes nothing, so that the stages after see what stood before and after
/// it apart as the editor wrote it (a caption's or a shortcode's paragraph, an empty heading
/// cell).
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut in_picture = false;
    events
        .into_iter()
        .map(|(event, span)| {
            let kept = match &event {
                _ if in_picture => {
                    in_picture = !matches!(event, Event::End(TagEnd::Image));
                    true
                }
                Event::Start(Tag::Image { .. }) => {
                    in_picture = true;
                    true
                }
                Event::Start(
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::TableCell
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Link { .. },
                )
                | Event::End(
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::Table
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::TableCell
                    | TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Link,
                )
                | Event::Text(_)
                | Event::Code(_)
                | Event::SoftBreak
                | Event::HardBreak => true,
                Event::Html(_) | Event::InlineHtml(_) => {
                    found.error(
                        &span,
                        "this is HTML; the site's pages are written in Markdown only",
                        "remove the HTML tag and write it in Markdown: ## for a heading, - for a \
                         list item, [text](/address/) for a link, *text* for emphasis",
                    );
                    false
                }
                Event::Start(Tag::HtmlBlock) | Event::End(_) => false,
                Event::Start(tag) => {
                    unsupported(found, &span, describe_tag(tag));
                    false
                }
                Event::Rule => {
                    unsupported(found, &span, "a horizontal line");
                    false
                }
                other => {
                    unsupported(found, &span, &format!("{other:?}"));
                    false
                }
            };
            if kept {
                (event, span)
            } else {
                (Event::Text("".into()), span)
            }
        })
        .collect()
}

fn unsupported(found: &mut Found, span: &Range<usize>, what: &str) {
    found.error(
        span,
        format!("{what} is not something the site's pages can show yet"),
        "use headings (## or ###), paragraphs, lists (- or 1.), links ([text](/address/)), \
         emphasis (*text* or **text**), pictures (![what it shows](/files/NAME.jpg)) and \
         tables with a caption (\"Table: …\" above them); ask a developer if the page \
         needs more",
    );
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
    use super::super::test_support::problems;

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
    fn other_markdown_is_named_in_the_message() {
        assert!(problems("> quoted")[0].contains("a quotation block"));
    }
}
