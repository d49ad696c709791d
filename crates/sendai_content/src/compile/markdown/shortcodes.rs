//! Shortcodes: `{{ name() }}` on a line of its own marks where the page's template draws its
//! part, and splits the prose around it.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::super::diagnostic::shift;
use super::{html, Events, Found, SHORTCODE};

/// Takes out each shortcode's paragraph, leaving its mark, and refuses `{{` anywhere else.
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let (event, span) = &events[i];
        if let Some(name) = shortcode_at(&events[i..]) {
            let offset = shift(span.clone(), found.body.source.offset).start;
            found.shortcodes.push((name, offset));
            out.push((html(SHORTCODE), span.clone()));
            i += 3;
            continue;
        }
        if matches!(event, Event::Text(text) if text.contains("{{")) {
            found.error(
                span,
                "`{{ … }}` marks where a template draws its part, and must stand alone",
                "put it on a line of its own, with an empty line before and after it",
            );
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{problems, render};
    use super::super::Part;

    #[test]
    fn a_shortcode_splits_the_prose() {
        let (parts, report) = render("Intro.\n\n{{ diagram() }}\n\n## After\n");
        assert!(report.is_empty(), "{report}");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1], Part::Shortcode("diagram".into(), 8));
    }

    #[test]
    fn a_shortcode_inside_a_line_is_refused() {
        assert!(problems("{{ diagram() }} inline")[0].contains("must stand alone"));
    }
}
