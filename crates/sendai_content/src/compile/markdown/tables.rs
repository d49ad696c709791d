//! Tables: GFM's pipe tables, each with its caption written as a paragraph of its own just above
//! it, `Table: the caption` (Pandoc's way). It is drawn as the `<caption>`, which names the region
//! the table scrolls in on a narrow screen; its first row is the header row.

use std::ops::Range;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::{html, Events, Found};

/// What starts the paragraph that is a table's caption: `Table: Events in March`.
const CAPTION_MARK: &str = "Table:";

/// Writes the tables' markup and their captions' in place of their events.
pub(super) fn rewrite<'e>(mut events: Events<'e>, found: &mut Found) -> Events<'e> {
    let text = found.body.source.part();
    let mut out = Vec::with_capacity(events.len());
    let mut table = TableState::default();
    let mut list_depth = 0;
    for i in 0..events.len() {
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
        let heading_is_empty =
            matches!(events.get(i + 1), Some((Event::End(TagEnd::TableCell), _)));
        let (event, span) = &events[i];
        let written = match event {
            Event::Start(Tag::List(_)) => {
                list_depth += 1;
                None
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                None
            }
            Event::Start(Tag::Paragraph) if caption == Some(false) => {
                found.error(
                    span,
                    "this paragraph starts with \"Table:\", which makes it a table's caption, but no table follows it",
                    "put the table just below it, after an empty line: its header row, the line of \
                     |---| under it, then its rows; or reword the paragraph",
                );
                None
            }
            Event::Start(Tag::Paragraph) if caption == Some(true) => {
                let written = text[span.clone()][CAPTION_MARK.len()..].trim().to_owned();
                if written.is_empty() {
                    found.error(
                        span,
                        "this table's caption is empty",
                        "after \"Table:\" write in a few words what the table is about, such as \
                         \"Table: Events in March\"",
                    );
                } else if table.captions.contains(&written) {
                    found.error(
                        span,
                        format!("another table of this page has the caption \"{written}\""),
                        "give each table a caption of its own: it names the table for screen readers",
                    );
                }
                table.captions.push(written);
                let id = format!("sc-table-{}", table.captions.len());
                table.in_caption = true;
                Some(vec![html(format!(
                    r#"<section class="sc-table-scroll" aria-labelledby="{id}" tabindex="0"><table class="sc-table sc-table--prose"><caption id="{id}" class="sc-table__caption">"#
                ))])
            }
            Event::End(TagEnd::Paragraph) if table.in_caption => {
                table.in_caption = false;
                table.captioned = true;
                Some(vec![html("</caption>")])
            }
            Event::Start(Tag::Table(_)) if list_depth > 0 => {
                found.error(
                    span,
                    "a table cannot be inside a list item",
                    "put the table and its caption after the list, with an empty line between them \
                     and without indenting them",
                );
                Some(Vec::new())
            }
            Event::Start(Tag::Table(alignments)) => {
                if !std::mem::take(&mut table.captioned) {
                    found.error(
                        span,
                        "this table has no caption",
                        "write its caption just above it, as a paragraph of its own that starts with \
                         \"Table:\" (a half-width colon, in a Japanese file too), such as \
                         \"Table: Events in March\"",
                    );
                }
                table.alignments = alignments.clone();
                Some(Vec::new())
            }
            Event::End(TagEnd::Table) => Some(vec![html("</tbody></table></section>")]),
            Event::Start(Tag::TableHead) => {
                table.in_head = true;
                table.column = 0;
                Some(vec![html("<thead><tr>")])
            }
            Event::End(TagEnd::TableHead) => {
                table.in_head = false;
                Some(vec![html("</tr></thead><tbody>")])
            }
            Event::Start(Tag::TableRow) => {
                table.column = 0;
                Some(vec![html("<tr>")])
            }
            Event::End(TagEnd::TableRow) => Some(vec![html("</tr>")]),
            Event::Start(Tag::TableCell) => {
                if table.in_head && heading_is_empty {
                    found.error(
                        span,
                        "this column of the table has no heading",
                        "write the column's heading in the table's first row: screen readers say \
                         it before each of the column's cells",
                    );
                }
                let cell = if table.in_head {
                    r#"th scope="col""#
                } else {
                    "td"
                };
                let class = match table.alignments.get(table.column) {
                    Some(Alignment::Center) => r#" class="sc-table__cell--center""#,
                    Some(Alignment::Right) => r#" class="sc-table__cell--end""#,
                    _ => "",
                };
                Some(vec![html(format!("<{cell}{class}>"))])
            }
            Event::End(TagEnd::TableCell) => {
                table.column += 1;
                Some(vec![html(if table.in_head { "</th>" } else { "</td>" })])
            }
            _ => None,
        };
        match written {
            Some(markup) => out.extend(markup.into_iter().map(|event| (event, span.clone()))),
            None => out.push(events[i].clone()),
        }
    }
    out
}

/// Where the stage is in a table.
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{html, problems};

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
}
