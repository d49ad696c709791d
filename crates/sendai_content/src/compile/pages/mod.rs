//! The pages: one Markdown file per page and language (`NAME.md` in English, `NAME.ja.md` in
//! Japanese; `_index` is the home page), each with TOML front matter between `+++` lines.

mod checks;
mod files;
mod front_matter;
mod render;

use std::path::{Path, PathBuf};

use toml::Spanned;

use super::conformance::Results;
use super::diagnostic::{Diagnostic, Report};
use super::editions::{self, EditionFile};
use super::leak;
use super::markdown::References;
use super::sections::Place;
use super::walk::Entry;
use super::Files;
use crate::{page_path, Block, Lang, Listing, Localized, Page, PageText, Strings};
pub(super) use files::split_front_matter;
use files::HOME;
pub(super) use front_matter::{keys as front_matter_keys, templates};

/// One file: a page in one language, its front matter read, its body not yet rendered.
struct PageFile {
    file: PathBuf,
    source: String,
    slug: String,
    lang: Lang,
    title: Spanned<&'static str>,
    description: Spanned<&'static str>,
    weight: Spanned<i64>,
    template: Option<Spanned<&'static str>>,
    listed_in: Spanned<Listing>,
    /// The template's part, from the front matter.
    part: Option<Block>,
    /// Where the front matter's TOML and the body start in the file.
    toml_offset: usize,
    body_offset: usize,
}

/// Every page's two files, their front matter read and checked, not yet rendered.
pub struct Pages {
    /// In navigation order.
    pairs: Vec<Localized<PageFile>>,
    /// The address of every page that has both its files, even one whose front matter has a
    /// mistake: that page exists, and a link to it is not the problem.
    paths: Vec<String>,
}

impl Pages {
    /// Every page's address, in both languages: `/`, `/concept/`, `/ja/`, ….
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// Each page's place and title in the navigation, which a section's list cannot share.
    pub fn places(&self) -> Vec<Place<'_>> {
        self.pairs
            .iter()
            .map(|pair| Place {
                file: &pair.en.file,
                weight: *pair.en.weight.get_ref(),
                title: Localized {
                    en: pair.en.title.get_ref(),
                    ja: pair.ja.title.get_ref(),
                },
            })
            .collect()
    }
}

/// The addresses of every page the build publishes, which links may lead to.
pub struct Links {
    paths: Vec<String>,
    /// All of them, for the message about a link that leads nowhere.
    pub list: String,
}

impl Links {
    pub fn new(paths: Vec<String>) -> Links {
        let list = paths.join(", ");
        Links { paths, list }
    }

    pub fn is_page(&self, path: &str) -> bool {
        self.paths.iter().any(|p| p == path)
    }
}

/// Reads every page's files and checks what their two editions, and the pages together, must
/// agree on.
pub fn read(
    dir: &Path,
    top: &[Entry],
    strings: Option<&Localized<Strings>>,
    conformance: Option<&Localized<Results>>,
    report: &mut Report,
) -> Pages {
    let files: Vec<EditionFile<PageFile>> = files::list(top, report)
        .into_iter()
        .map(|(file, slug, lang)| EditionFile {
            read: front_matter::read(file.clone(), slug.clone(), lang, conformance, report),
            key: slug,
            lang,
            file,
        })
        .collect();
    if !files.iter().any(|file| file.key.is_empty()) {
        report.push(Diagnostic::in_file(
            dir,
            "the site has no home page",
            format!("add {HOME}.md and {HOME}.ja.md to the folder: they are the home page of each edition"),
        ));
    }
    // A page with both its files exists, even one whose front matter has a mistake: a link
    // to it is not the problem.
    let has_both = |key: &str| {
        Lang::ALL.iter().all(|&lang| {
            files
                .iter()
                .any(|file| file.lang == lang && file.key == key)
        })
    };
    let paths: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            files
                .iter()
                .filter(|file| file.lang == Lang::En && has_both(&file.key))
                .map(move |file| page_path(lang, &file.key))
        })
        .collect();
    let mut pairs: Vec<Localized<PageFile>> = Vec::new();
    for (_, pair) in editions::pair(files, "page", report) {
        checks::check_pair(&pair.en, &pair.ja, report);
        pairs.push(pair);
    }
    pairs.sort_by_key(|pair| *pair.en.weight.get_ref());
    checks::check_distinct(&pairs, strings, report);
    Pages { pairs, paths }
}

/// Every page in both languages, rendered, in navigation order, with its weight; `None` if
/// any has a problem.
pub fn render(
    pages: Pages,
    links: &Links,
    content_files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> Option<Vec<(i64, Page, Localized<PageText>)>> {
    let is_page = |path: &str| links.is_page(path);
    let pages = pages
        .pairs
        .into_iter()
        .map(|pair| {
            let mut render = |page: PageFile| {
                render::render(
                    page,
                    &is_page,
                    &links.list,
                    content_files,
                    refers_to,
                    report,
                )
            };
            let slug = leak(pair.en.slug.clone());
            let listed_in = *pair.en.listed_in.get_ref();
            let weight = *pair.en.weight.get_ref();
            let (en_title, en) = render(pair.en);
            let (ja_title, ja) = render(pair.ja);
            let page = Page {
                slug,
                listed_in,
                title: Localized {
                    en: en_title,
                    ja: ja_title,
                },
            };
            (weight, page, Localized { en, ja })
        })
        .collect();
    report.is_empty().then_some(pages)
}

/// The byte offset in the file of a front-matter value.
fn toml_offset<T>(page: &PageFile, value: &Spanned<T>) -> usize {
    page.toml_offset + value.span().start
}
