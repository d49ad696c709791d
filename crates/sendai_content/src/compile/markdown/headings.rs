//! Headings: `##` for a section and `###` for a part of one, never skipping a level, since the
//! page's title is its only top-level heading.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{html, Events, Found};

/// Checks each heading's level and writes it with the site's classes.
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut previous = 1;
    events
        .into_iter()
        .map(|(event, span)| match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize;
                if let Err((message, help)) = check_heading(level, previous) {
                    found.error(&span, message, help);
                }
                previous = level;
                let class = if level <= 2 {
                    "sc-heading-m"
                } else {
                    "sc-heading-s"
                };
                (html(format!(r#"<h{level} class="{class}">"#)), span)
            }
            Event::End(TagEnd::Heading(level)) => (html(format!("</h{}>", level as usize)), span),
            _ => (event, span),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::super::test_support::problems;

    #[test]
    fn headings_start_at_two_and_never_skip() {
        assert!(problems("# Title")[0].contains("second title"));
        assert!(problems("### Deep")[0].contains("cannot skip a level"));
        assert!(problems("## A\n\n### B\n\n## C\n").is_empty());
    }
}
