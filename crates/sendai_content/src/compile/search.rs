//! The search page's results region: the build writes it once the whole site is known, with the
//! words of its messages (`strings.toml`'s `search_` strings but the header form's two) and its
//! help, with a link to the site map for browsers that cannot search. The search's code in the browser
//! (`search/page.js`, which the region loads) fills it; the region's data attributes carry the
//! messages, so that the app and its shell carry none of them.

use serde::{Deserialize, Serialize};

use super::markup::Markup;
use crate::{Block, Lang, Localized, PageText};

/// The search page's words, which the build alone writes (into the results region).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchStrings {
    /// How to search, and that searching needs JavaScript, before the link to the site map
    /// (for browsers that cannot search), whose words are `search_site_map`. It holds whether the
    /// search runs or not, so that nothing changes on the page when it starts.
    pub search_help: &'static str,
    pub search_site_map: &'static str,
    /// How many results were found for `{query}`: `{count}` of them, or one.
    pub search_found: &'static str,
    pub search_found_one: &'static str,
    /// None were found for `{query}`, with a suggestion.
    pub search_none: &'static str,
    /// The query has no letter, digit or Japanese character to search for.
    pub search_nothing: &'static str,
    /// The query is longer than `{max}` characters.
    pub search_too_long: &'static str,
    /// The search could not load.
    pub search_failed: &'static str,
    /// The button that shows the next results.
    pub search_more: &'static str,
}

/// The names of [`SearchStrings`]' sections in `strings.toml`.
pub const SEARCH_STRINGS: [&str; 9] = [
    "search_help",
    "search_site_map",
    "search_found",
    "search_found_one",
    "search_none",
    "search_nothing",
    "search_too_long",
    "search_failed",
    "search_more",
];

/// The page's results region, in place of the empty one the search template left.
pub fn fill(
    texts: &mut [Localized<PageText>],
    strings: &Localized<SearchStrings>,
    site_map: Option<&str>,
) {
    for text in texts {
        for lang in Lang::ALL {
            let text = match lang {
                Lang::En => &mut text.en,
                Lang::Ja => &mut text.ja,
            };
            for block in &mut text.body {
                if let Block::Search(html) = block {
                    *html = region(lang, strings.of(lang), site_map);
                }
            }
        }
    }
}

fn region(lang: Lang, words: &SearchStrings, site_map: Option<&str>) -> crate::Html {
    let mut markup = Markup::default();
    markup.raw(r#"<div class="sc-search" id="sc-search""#);
    for (name, value) in [
        ("found", words.search_found),
        ("found-one", words.search_found_one),
        ("none", words.search_none),
        ("nothing", words.search_nothing),
        ("too-long", words.search_too_long),
        ("failed", words.search_failed),
        ("more", words.search_more),
    ] {
        markup
            .raw(&format!(r#" data-{name}=""#))
            .text(value)
            .raw("\"");
    }
    markup
        .raw(r#"><p class="sc-search__help">"#)
        .text(words.search_help);
    if let Some(slug) = site_map {
        markup
            .raw(" <a")
            .href(lang, slug)
            .raw(">")
            .text(words.search_site_map)
            .raw("</a>");
    }
    markup
        .raw(r#"</p><p class="sc-search__status" role="status"></p><ol class="sc-search__results"></ol>"#)
        // The search's code is asked for at once, beside page.js, not one file after another.
        .raw(r#"<link rel="modulepreload""#)
        .path("href", "/search/search.js")
        .raw(r#"><link rel="preload" as="fetch" type="application/wasm" crossorigin"#)
        .path("href", "/search/search_bg.wasm")
        // `async`: it runs as soon as it is here, not once the whole page is read.
        .raw(r#"><script type="module" async"#)
        .path("src", "/search/page.js")
        .raw("></script></div>");
    markup.html()
}
