//! The blocks of prose: paragraphs, lists and their items, and line breaks, with the site's
//! classes. The stage writes their tags itself, since pulldown-cmark's writer adds a line break
//! after each block and has no classes.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{html, Events, Found};

/// Writes the blocks' tags with the site's classes.
pub(super) fn rewrite<'e>(events: Events<'e>, _: &mut Found) -> Events<'e> {
    let mut list_depth = 0;
    events
        .into_iter()
        .map(|(event, span)| {
            let markup = match event {
                // A paragraph in a list item is the item's, without the body's spacing.
                Event::Start(Tag::Paragraph) if list_depth > 0 => html("<p>"),
                Event::Start(Tag::Paragraph) => html(r#"<p class="sc-body">"#),
                Event::End(TagEnd::Paragraph) => html("</p>"),
                Event::Start(Tag::List(first)) => {
                    list_depth += 1;
                    match first {
                        None => html(r#"<ul class="sc-list sc-list--bullet">"#),
                        Some(1) => html(r#"<ol class="sc-list sc-list--number">"#),
                        Some(n) => html(format!(
                            r#"<ol class="sc-list sc-list--number" start="{n}">"#
                        )),
                    }
                }
                Event::End(TagEnd::List(ordered)) => {
                    list_depth -= 1;
                    html(if ordered { "</ol>" } else { "</ul>" })
                }
                Event::Start(Tag::Item) => html("<li>"),
                Event::End(TagEnd::Item) => html("</li>"),
                Event::HardBreak => html("<br>"),
                other => other,
            };
            (markup, span)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::html;

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
}
