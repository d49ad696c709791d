//! The pages: one Markdown file per page and language (`NAME.md` in English, `NAME.ja.md` in
//! Japanese; `_index` is the home page), each with TOML front matter between `+++` lines.

mod checks;
mod files;
mod front_matter;
mod render;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::diagnostic::{Diagnostic, Report};
use super::leak;
use super::markdown::References;
use super::Files;
use crate::{page_path, Block, Conformance, Lang, Listing, Localized, Page, PageText, Strings};
pub(super) use files::split_front_matter;
use files::HOME;

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
    strings: Option<&Localized<Strings>>,
    conformance: Option<&Localized<Conformance>>,
    report: &mut Report,
) -> Pages {
    // Each slug's two files: `None` where there is no file, `Some(None)` where it has problems.
    let mut files: BTreeMap<String, Localized<Option<Option<PageFile>>>> = BTreeMap::new();
    for (file, slug, lang) in files::list(dir, report) {
        let page = front_matter::read(file, slug.clone(), lang, conformance, report);
        let entry = files
            .entry(slug)
            .or_insert(Localized { en: None, ja: None });
        match lang {
            Lang::En => entry.en = Some(page),
            Lang::Ja => entry.ja = Some(page),
        }
    }
    if !files.contains_key("") {
        report.push(Diagnostic::in_file(
            dir,
            "the site has no home page",
            format!("add {HOME}.md and {HOME}.ja.md to the folder: they are the home page of each edition"),
        ));
    }
    let paths: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            files
                .iter()
                .filter(|(_, pair)| pair.en.is_some() && pair.ja.is_some())
                .map(move |(slug, _)| page_path(lang, slug))
        })
        .collect();
    let mut pairs = Vec::new();
    for (slug, Localized { en, ja }) in files {
        match (en, ja) {
            (Some(Some(en)), Some(Some(ja))) => {
                checks::check_pair(&en, &ja, report);
                pairs.push(Localized { en, ja });
            }
            (Some(Some(one)), None) | (None, Some(Some(one))) => {
                report.push(files::missing_edition(dir, &slug, &one))
            }
            _ => {}
        }
    }
    pairs.sort_by_key(|pair| *pair.en.weight.get_ref());
    checks::check_distinct(&pairs, strings, report);
    Pages { pairs, paths }
}

/// Every page in both languages, rendered, in navigation order; `None` if any has a problem.
pub fn render(
    pages: Pages,
    links: &Links,
    content_files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> Option<Vec<(Page, Localized<PageText>)>> {
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
            (page, Localized { en, ja })
        })
        .collect();
    report.is_empty().then_some(pages)
}

/// The byte offset in the file of a front-matter value.
fn toml_offset<T>(page: &PageFile, value: &Spanned<T>) -> usize {
    page.toml_offset + value.span().start
}
