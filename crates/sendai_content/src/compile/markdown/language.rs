//! Words in another language than the page's carry their `lang` (WCAG 3.1.2), so that a screen
//! reader speaks them in that language: on an English page, every run of Japanese script is
//! marked by itself; anywhere, an editor marks a phrase as a link to `lang:` and the language's
//! code, `[一部準拠](lang:ja)` or `[Sendai Cluster](lang:en)`. And a Japanese paragraph wrapped in
//! the file reads as one line.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;
use unicode_width::UnicodeWidthChar;

use super::{html, Events, Found};
use crate::Lang;

/// The link destination that marks a phrase's language instead of linking: `lang:ja`.
const LANG_LINK: &str = "lang:";

/// Marks the phrases' and the Japanese script's language, and drops the line breaks that join
/// wide characters.
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut out = Vec::with_capacity(events.len());
    // Each link open here: whether it marks a phrase's language rather than linking.
    let mut links: Vec<bool> = Vec::new();
    for (i, (event, span)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with(LANG_LINK) => {
                let code = &dest_url[LANG_LINK.len()..];
                if !is_language_code(code) {
                    found.error(
                        span,
                        format!("\"{code}\" is not a language code"),
                        "after lang: write the code of the phrase's language, such as \
                         [一部準拠](lang:ja) for Japanese or [Sendai Cluster](lang:en) for English",
                    );
                }
                let mut mark = String::from("<span lang=\"");
                let _ = escape_html(&mut mark, code);
                mark.push_str("\">");
                out.push((html(mark), span.clone()));
                links.push(true);
            }
            Event::Start(Tag::Link { .. }) => {
                links.push(false);
                out.push((event.clone(), span.clone()));
            }
            Event::End(TagEnd::Link) => {
                let end = match links.pop() {
                    Some(true) => html("</span>"),
                    _ => event.clone(),
                };
                out.push((end, span.clone()));
            }
            // Inside a phrase the editor marked, the mark says it all.
            Event::Text(text) if found.body.lang == Lang::En && !links.contains(&true) => {
                out.extend(
                    mark_japanese(text)
                        .into_iter()
                        .map(|event| (event, span.clone())),
                );
            }
            Event::SoftBreak if joins_wide_characters(&events, i) => {}
            _ => out.push((event.clone(), span.clone())),
        }
    }
    out
}

/// Whether the soft line break at `events[i]` stands between two East Asian wide characters, as
/// in a Japanese paragraph wrapped in the file: there it is dropped rather than shown as a space,
/// as pandoc's `east_asian_line_breaks` does.
fn joins_wide_characters(events: &Events, i: usize) -> bool {
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
pub(super) fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' // punctuation, hiragana, katakana
        | '\u{31F0}'..='\u{31FF}' // katakana extensions
        | '\u{3400}'..='\u{4DBF}' // kanji, extension A
        | '\u{4E00}'..='\u{9FFF}' // kanji
        | '\u{F900}'..='\u{FAFF}' // kanji, compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width and half-width forms
    )
}

/// `text`, with each run of Japanese script in `<span lang="ja">`.
fn mark_japanese<'a>(text: &CowStr<'a>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
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
    out
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{html, html_in, problems};
    use crate::Lang;

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
