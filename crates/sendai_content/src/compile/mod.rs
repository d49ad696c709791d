//! The content compiler: reads `content/` (Zola's layout: one Markdown file per page and
//! language, TOML front matter, plus `site.toml` and `strings.toml`, and the documents pages
//! link to and the pictures they show in `files/`), checks all of it, processes the pictures, and
//! writes it out as the data files the app is given ([`crate::data`]): the shell,
//! [`Site`](crate::Site), in `site.bin`, and each page's text in a file of its own. The
//! prerenderer runs it each time it runs, so that a content change rebuilds no code.
//!
//! Every problem is reported with its file, line and column, what is wrong and what to do, and
//! all problems are reported at once, so an editor fixes them in one go.

pub mod admin;
mod conformance;
mod dates;
mod diagnostic;
mod documents;
mod editions;
mod files;
mod markdown;
mod markup;
mod pages;
mod pictures;
mod search;
mod sections;
mod site_files;
mod toml_file;
mod walk;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use diagnostic::{Diagnostic, Report};

use crate::{data, Block, Localized, PageText, Site};
pub use conformance::{CriteriaTable, Criterion, RecordEntry, Results};
pub use dates::Day;
pub use search::SearchStrings;
pub use sections::{ListStrings, Post, Section};

/// The whole content, checked: the shell, and each page's text beside its entry in the shell.
#[derive(Debug)]
pub struct Compiled {
    pub site: Site,
    /// `texts[i]` is the text of `site.pages[i]`.
    pub texts: Vec<Localized<PageText>>,
    /// The pages the shell does not list, by address after the language prefix, with their
    /// texts: the later pages of each section's list, and each post.
    pub unlisted: Vec<(&'static str, Localized<PageText>)>,
    /// Every section, with its posts newest first, for the feeds, the sitemap and the
    /// structured data.
    pub sections: Vec<Section>,
    /// The words every section's list shares, which the build alone uses.
    pub lists: Localized<ListStrings>,
    /// The search page's words, which the build alone writes, into its results region.
    pub search: Localized<SearchStrings>,
    /// The documents of `content/files/`: each one's name there, and its file.
    pub documents: Vec<(String, PathBuf)>,
    /// The pictures' processed files: each one's name in `pictures/`, and its file in the cache.
    pub pictures: Vec<(String, PathBuf)>,
}

/// What the build writes out: the data files, each starting with the data format and the
/// build's name.
pub struct Output {
    /// The shell's data file, `site.bin`.
    pub site_file: Vec<u8>,
    /// Each page's data files: the shell's pages, in its order, then those it does not list.
    pub page_files: Vec<PageFiles>,
    /// The documents, copied as they are to `files/` under their names: each one's name, and
    /// its file.
    pub documents: Vec<(String, PathBuf)>,
    /// The pictures' processed files, copied to `pictures/`: each one's name, and its file.
    pub pictures: Vec<(String, PathBuf)>,
}

/// A page's data files, one per language.
pub struct PageFiles {
    /// The page's address after the language prefix (`concept`, `notices/open-seminar`; `""`
    /// for the home page).
    pub slug: &'static str,
    pub files: Localized<Vec<u8>>,
}

/// Reads and checks the content folder `dir`, processing its pictures into `picture_cache`,
/// where they are kept between builds ([`picture_cache`] for the site's own builds). Paths in
/// messages start with `dir` as given.
pub fn compile(dir: &Path, picture_cache: &Path) -> Result<Compiled, Report> {
    let mut report = Report::default();
    let (contact, strings) = site_files::read(dir, &mut report);
    let conformance = conformance::read(dir, &mut report);
    let walk = walk::walk(dir)
        .map_err(|problem| report.push(problem))
        .unwrap_or_else(|()| walk::Walk::empty());
    let documents = documents::read(walk.files.documents, &mut report);
    let pictures = pictures::Pictures::read(walk.files.pictures, picture_cache);
    let shell_strings = strings.as_ref().map(|strings| &strings.shell);
    let pages = pages::read(
        dir,
        &walk.top,
        shell_strings,
        conformance.as_ref(),
        &mut report,
    );
    let sections = sections::read(dir, walk.folders, &pages.places(), &mut report);
    let links = pages::Links::new(
        pages
            .paths()
            .iter()
            .cloned()
            .chain(sections::paths(&sections))
            .collect(),
    );
    let files = Files {
        documents: &documents,
        pictures: &pictures,
    };
    let mut refers_to = markdown::References::default();
    let pages = pages::render(pages, &links, files, &mut refers_to, &mut report);
    let sections = sections::render(sections, &links, files, &mut refers_to, &mut report);
    // Only once every page is rendered is all they refer to known.
    let published_pictures = pictures.publish(&refers_to.pictures, &mut report);
    if report.is_empty() {
        documents.report_unlinked(&refers_to.documents, &mut report);
        pictures.report_unshown(&refers_to.pictures, &mut report);
    }
    let compiled = (|| {
        let strings = strings?;
        let published = sections::publish(&sections, &strings.lists);
        // The sections' lists take their places among the pages by weight; the home page
        // shows the newest of the sections that ask for it after its own text.
        let mut pages = pages?;
        pages.extend(published.lists);
        pages.sort_by_key(|(weight, _, _)| *weight);
        let (pages, mut texts): (Vec<_>, Vec<_>) = pages
            .into_iter()
            .map(|(_, page, text)| (page, text))
            .unzip();
        let home = pages.iter().position(|page| page.slug.is_empty())?;
        for block in published.home {
            texts[home].en.body.push(block.en);
            texts[home].ja.body.push(block.ja);
        }
        // The pages others link to by their templates: the search form to the search page, the
        // search page to the site map.
        let drawn_with = |template: fn(&Block) -> bool| {
            pages
                .iter()
                .zip(&texts)
                .find(|(_, text)| text.en.body.iter().any(template))
                .map(|(page, _)| page.slug)
        };
        let search = drawn_with(|block| matches!(block, Block::Search(_)));
        let site_map = drawn_with(|block| matches!(block, Block::SiteMap));
        search::fill(&mut texts, &strings.search, site_map);
        Some(Compiled {
            site: Site {
                pages,
                sections: published.shell,
                strings: strings.shell,
                contact: contact?,
                search,
            },
            texts,
            unlisted: published.unlisted,
            sections,
            lists: strings.lists,
            search: strings.search,
            documents: documents
                .ok
                .into_iter()
                .map(|(name, document)| (name, document.source))
                .collect(),
            pictures: published_pictures,
        })
    })();
    report.into_result(compiled)
}

/// The accessibility results of `dir/conformance.toml` in each language, checked, before
/// they are HTML: for the checks of the site's own results (`tests/site_content.rs`).
pub fn conformance_results(dir: &Path) -> Result<Localized<Results>, Report> {
    let mut report = Report::default();
    let results = conformance::read(dir, &mut report);
    report.into_result(results)
}

/// The shell's file and every page's data file, all marked with one build's name: a hash of the
/// shell, which every page is drawn in. Not of every page's text: a change to one page's text
/// leaves every other page's files as they were, so that a build redoes only what depends on it.
pub fn write_out(compiled: &Compiled) -> Output {
    let Compiled {
        site,
        texts,
        unlisted,
        documents,
        pictures,
        ..
    } = compiled;
    let pages: Vec<(&'static str, &Localized<PageText>)> = site
        .pages
        .iter()
        .map(|page| page.slug)
        .zip(texts)
        .chain(unlisted.iter().map(|(slug, text)| (*slug, text)))
        .collect();
    let shell = Sha256::digest(postcard::to_allocvec(site).expect("the shell serializes"));
    let build = hex(&shell[..data::NAME_LEN / 2]);
    Output {
        site_file: data::encode(site, &build),
        page_files: pages
            .into_iter()
            .map(|(slug, text)| PageFiles {
                slug,
                files: Localized {
                    en: data::encode(&text.en, &build),
                    ja: data::encode(&text.ja, &build),
                },
            })
            .collect(),
        documents: documents.clone(),
        pictures: pictures.clone(),
    }
}

/// What editors put in `content/files/`: the documents pages link to and the pictures they show.
#[derive(Clone, Copy)]
pub struct Files<'a> {
    pub documents: &'a documents::Documents,
    pub pictures: &'a pictures::Pictures,
}

/// Where the site's own builds (the prerenderer, `content check`) keep processed pictures: in
/// the build cache (`target/build-cache` unless `SITE_BUILD_CACHE` moves it), which
/// `cargo clean` empties.
pub fn picture_cache() -> PathBuf {
    sendai_build_cache::cache_dir().join("pictures")
}

/// The folder of the content's documents and pictures, and the documents' address under the
/// site's root.
pub use files::FILES_DIR;
/// The folder of the site that the processed pictures are published in.
pub use pictures::PICTURES_DIR;

/// Bytes as lowercase hexadecimal digits, as the names the build gives files are written.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Reads a file of the content folder, or says why it cannot.
fn read_file(file: &Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(file).map_err(|err| {
        Diagnostic::in_file(
            file,
            format!("this file cannot be read ({err})"),
            match err.kind() {
                std::io::ErrorKind::NotFound => "create it; docs/editing.md shows what goes in it",
                std::io::ErrorKind::InvalidData => "save it as UTF-8 text",
                _ => "check that the file exists and can be read",
            },
        )
    })
}

/// A `String` for the rest of the program: the compiled site lives as long as the build.
fn leak(text: String) -> &'static str {
    text.leak()
}

fn leak_all(texts: Vec<String>) -> Vec<&'static str> {
    texts.into_iter().map(leak).collect()
}
