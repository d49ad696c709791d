//! The build's manifest: what the content compiled to (the pages in navigation order, each
//! section with its settings, words, posts newest first and list pages, the interface strings,
//! the search page's),
//! as JSON, for the end-to-end tests and the benchmark to take addresses, orders and words from
//! instead of working them out again. Written where `SITE_MANIFEST` says, never into the site.

use sendai_content::compile::{Compiled, ListStrings, SearchStrings, Section};
use sendai_content::{list_page_slug, Localized, Page, Strings};
use serde::Serialize;

#[derive(Serialize)]
struct Manifest<'a> {
    pages: &'a [Page],
    sections: Vec<SectionEntry<'a>>,
    strings: &'a Localized<Strings>,
    lists: &'a Localized<ListStrings>,
    search: &'a Localized<SearchStrings>,
}

#[derive(Serialize)]
struct SectionEntry<'a> {
    #[serde(flatten)]
    section: &'a Section,
    /// Each page of its list, first to last: its address and its posts' addresses.
    list_pages: Vec<ListPage>,
}

#[derive(Serialize)]
struct ListPage {
    slug: String,
    posts: Vec<&'static str>,
}

/// The manifest of `compiled`, as JSON.
pub fn manifest(compiled: &Compiled) -> String {
    let sections = compiled
        .sections
        .iter()
        .map(|section| SectionEntry {
            section,
            list_pages: section
                .posts
                .chunks(section.paginate_by())
                .enumerate()
                .map(|(index, posts)| ListPage {
                    slug: list_page_slug(section.slug, index + 1),
                    posts: posts.iter().map(|post| post.slug).collect(),
                })
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&Manifest {
        pages: &compiled.site.pages,
        sections,
        strings: &compiled.site.strings,
        lists: &compiled.lists,
        search: &compiled.search,
    })
    .expect("plain data serializes")
}
