//! Sections: a folder of `content/` with `_index.md` and `_index.ja.md` (Zola's way) holds dated
//! posts, two files each (`2026-12-01-open-seminar.md`, `2026-12-01-open-seminar.ja.md`). The
//! `_index` files say what the section is called, where it is listed, how many posts a page of
//! its list holds, whether it has a feed and how many of its newest the home page shows; their
//! text is the introduction above the list.
//!
//! What the build makes of a section, with the words of its `_index` files and the lists'
//! shared words of `strings.toml`: each post's page at `/SECTION/NAME/`, the list, newest first
//! (`/SECTION/`, `/SECTION/page/2/`), the newest on the home page, its place in the navigation.
//! A section with no post yet publishes none of it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::dates::Day;
use super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::editions::{self, EditionFile};
use super::markdown::{Body, Part, References};
use super::markup::Markup;
use super::pages::{split_front_matter, Links};
use super::pictures::PICTURES_DIR;
use super::walk::Entry;
use super::{leak, leak_all, read_file, Files};
use crate::{
    is_address_name, list_page_slug, page_path, Block, Html, Lang, Listing, Localized, Page,
    PageText, Section as ShellSection, LIST_PAGES,
};

/// The file name of a section's index, as in Zola (and as the home page's).
const INDEX: &str = "_index";

/// The words every section's list shares, from `strings.toml`; the build alone uses them,
/// so the app's shell does not carry them.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListStrings {
    /// A later page of a list's title: `{title}`, `{page}` and `{pages}` are filled in.
    pub list_page_title: &'static str,
    /// The accessible name of a link to a page of a list: `{page}` is its number.
    pub list_page_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// The labels of a post's dates, under its heading.
    pub published: &'static str,
    pub updated: &'static str,
}

/// The names of [`ListStrings`]' sections in `strings.toml`.
pub const LIST_STRINGS: [&str; 6] = [
    "list_page_title",
    "list_page_label",
    "previous_page",
    "next_page",
    "published",
    "updated",
];

/// A section's `_index` front matter as written: a page's settings, then the section's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFront {
    title: Spanned<&'static str>,
    description: &'static str,
    weight: Spanned<i64>,
    listed_in: Option<Listing>,
    /// Posts a page of the list.
    paginate_by: Spanned<i64>,
    /// Whether each edition has an Atom feed, with its title.
    feed: Spanned<bool>,
    feed_title: Option<&'static str>,
    /// How many of the newest posts the home page shows (none if absent), under the heading,
    /// with the link to the list.
    latest_on_home_page: Option<Spanned<i64>>,
    latest_heading: Option<&'static str>,
    all_posts_link: Option<&'static str>,
    /// The accessible name of the links between the list's pages.
    pagination_label: &'static str,
}

/// The keys of a section's `_index` front matter, in the order the site reads them.
pub fn index_keys() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<'static, IndexFront>()
}

/// A section's settings, the same in both editions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
struct Settings {
    weight: i64,
    listed_in: Listing,
    paginate_by: usize,
    feed: bool,
    latest_on_home_page: usize,
}

/// The words of one edition of a section.
#[derive(Debug, Serialize)]
struct Words {
    title: &'static str,
    description: &'static str,
    feed_title: &'static str,
    latest_heading: &'static str,
    all_posts_link: &'static str,
    pagination_label: &'static str,
}

/// One edition's `_index` file, read and checked.
struct IndexFile {
    file: PathBuf,
    source: String,
    settings: Settings,
    words: Words,
    /// Where the weight is written, for the message about a shared one.
    weight_offset: usize,
    body_offset: usize,
}

/// One edition's post, its front matter read, its body not yet rendered.
struct PostFile {
    file: PathBuf,
    source: String,
    /// The post's address after the language prefix: `notices/open-seminar`.
    slug: String,
    title: &'static str,
    description: &'static str,
    published: Day,
    updated: Option<Day>,
    body_offset: usize,
}

/// A section's files, read and checked, not yet rendered.
pub struct SectionFiles {
    /// The folder's name, the list's address.
    slug: &'static str,
    index: Localized<IndexFile>,
    /// Newest first; one day's by their address, so that the order never changes from one
    /// build to the next.
    posts: Vec<Localized<PostFile>>,
}

impl SectionFiles {
    fn list_pages(&self) -> usize {
        self.posts
            .len()
            .div_ceil(self.index.en.settings.paginate_by)
    }
}

/// A page of the navigation that a section's list must not share a place or a title with.
pub struct Place<'a> {
    pub file: &'a Path,
    pub weight: i64,
    pub title: Localized<&'a str>,
}

/// Every section among the content folder `dir`'s `folders` (from its one walk), with its posts;
/// problems go to `report`. `places` are the pages'.
pub fn read(
    dir: &Path,
    folders: Vec<(Entry, Vec<Entry>)>,
    places: &[Place],
    report: &mut Report,
) -> Vec<SectionFiles> {
    let mut sections = Vec::new();
    for (folder, inside) in folders {
        if let Err(help) = section_name(&folder.name, places, dir) {
            report.push(Diagnostic::in_file(
                &folder.path,
                "this folder cannot be a section of the site",
                help,
            ));
            continue;
        }
        if let Some(section) = read_section(leak(folder.name), &folder.path, inside, report) {
            check_place(&section, places, report);
            sections.push(section);
        }
    }
    // In the navigation's order, which the home page's newest follow too.
    sections.sort_by_key(|section| section.index.en.settings.weight);
    sections
}

/// Whether a folder's name can be a section's address.
fn section_name(name: &str, places: &[Place], dir: &Path) -> Result<(), String> {
    if !is_address_name(name) {
        return Err(
            "a section's folder name becomes its address: use lowercase letters a to z, digits \
             and hyphens only, such as events"
                .to_owned(),
        );
    }
    let taken = match name {
        PICTURES_DIR => Some("the pictures the build writes"),
        LIST_PAGES => Some("the later pages of a list"),
        _ if Lang::from_code(name).is_some() => Some("an edition of the site"),
        _ => None,
    };
    if let Some(what) = taken {
        return Err(format!(
            "/{name}/ is the address of {what}: give the folder another name"
        ));
    }
    let page = dir.join(format!("{name}.md"));
    if places.iter().any(|place| place.file == page) {
        return Err(format!(
            "{} is a page at the same address, /{name}/: rename the folder or the page",
            page.display()
        ));
    }
    Ok(())
}

/// The section's list takes a place and a title in the navigation no page has.
fn check_place(section: &SectionFiles, places: &[Place], report: &mut Report) {
    let index = &section.index.en;
    if let Some(page) = places
        .iter()
        .find(|place| place.weight == index.settings.weight)
    {
        report.push(Diagnostic::at(
            &index.file,
            &index.source,
            index.weight_offset,
            format!(
                "weight = {} here and in {}: two pages cannot share a place in the navigation",
                index.settings.weight,
                page.file.display()
            ),
            "give the section's list its own weight; the navigation lists pages from the lowest \
             weight to the highest (and change the _index.ja.md file to match)",
        ));
    }
    for lang in Lang::ALL {
        let index = section.index.of(lang);
        if let Some(page) = places
            .iter()
            .find(|place| *place.title.of(lang) == index.words.title)
        {
            report.push(Diagnostic::in_file(
                &index.file,
                format!(
                    "the title \"{}\" is also the title of {}",
                    index.words.title,
                    page.file.display()
                ),
                "give the section's list a title of its own: it is the list's heading and its \
                 name in the navigation",
            ));
        }
    }
}

fn read_section(
    slug: &'static str,
    folder: &Path,
    inside: Vec<Entry>,
    report: &mut Report,
) -> Option<SectionFiles> {
    let mut indexes = Vec::new();
    let mut posts = Vec::new();
    for Entry { name, path: file } in inside {
        if file.is_dir() {
            report.push(Diagnostic::in_file(
                &file,
                format!("this folder is in {slug}/, a section, which holds its posts only, two files each"),
                format!("move the folder out of {slug}/: a post's pictures and documents go in files/"),
            ));
            continue;
        }
        if let Some(lang) = index_lang(&name) {
            let read = read_index(&file, report);
            indexes.push(EditionFile {
                key: INDEX.to_owned(),
                lang,
                file,
                read,
            });
            continue;
        }
        match post_name(&name, slug) {
            Ok(post) => {
                let read = read_post(&file, &post, report);
                posts.push(EditionFile {
                    key: post.stem,
                    lang: post.lang,
                    file,
                    read,
                });
            }
            Err(help) => report.push(Diagnostic::in_file(
                &file,
                format!("this file is not a post the section {slug}/ can publish"),
                help,
            )),
        }
    }
    if indexes.len() < 2 {
        let present: Vec<Lang> = indexes.iter().map(|index| index.lang).collect();
        let missing: Vec<String> = Lang::ALL
            .into_iter()
            .filter(|lang| !present.contains(lang))
            .map(index_file_name)
            .collect();
        report.push(Diagnostic::in_file(
            folder,
            format!(
                "the folder {slug}/ has no {}: a folder of content/ is a section of dated posts, \
                 and its _index files say what it is called and how it is listed",
                missing.join(" or ")
            ),
            format!(
                "add {} to the folder (docs/editing.md, \"Add a section\", shows what goes in them), or \
                 move the folder out of content/",
                missing.join(" and ")
            ),
        ));
        return None;
    }
    let index = editions::pair(indexes, "section index", report).pop()?.1;
    check_index_pair(&index).collect_into(report)?;
    let mut pairs: Vec<Localized<PostFile>> = Vec::new();
    for (_, pair) in editions::pair(posts, "post", report) {
        if let Err(problem) = check_post_pair(&pair, &pairs) {
            report.push(problem);
            continue;
        }
        pairs.push(pair);
    }
    pairs.sort_by(|a, b| {
        b.en.published
            .cmp(&a.en.published)
            .then_with(|| a.en.slug.cmp(&b.en.slug))
    });
    Some(SectionFiles {
        slug,
        index,
        posts: pairs,
    })
}

fn index_file_name(lang: Lang) -> String {
    match lang {
        Lang::En => format!("{INDEX}.md"),
        Lang::Ja => format!("{INDEX}.ja.md"),
    }
}

fn index_lang(name: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|&lang| name == index_file_name(lang))
}

/// A post's file name, read: `2026-12-01-open-seminar.ja.md` is the post
/// `2026-12-01-open-seminar`, in Japanese, of 2026-12-01, at `notices/open-seminar`.
#[derive(Debug, PartialEq)]
struct PostName {
    stem: String,
    lang: Lang,
    day: Day,
    slug: String,
}

fn post_name(name: &str, section: &str) -> Result<PostName, String> {
    const EXAMPLE: &str = "such as 2026-12-01-open-seminar.md and 2026-12-01-open-seminar.ja.md";
    let Some(stem) = name.strip_suffix(".md") else {
        return Err(format!(
            "{section}/ holds its _index files and posts only, two files each, {EXAMPLE}: move \
             this file out of it (documents and pictures go in files/)"
        ));
    };
    let (stem, lang) = match stem.strip_suffix(".ja") {
        Some(stem) => (stem, Lang::Ja),
        None => (stem, Lang::En),
    };
    let day = stem.get(..10).and_then(Day::parse);
    let rest = stem.get(10..).and_then(|rest| rest.strip_prefix('-'));
    let (Some(day), Some(rest)) = (day, rest) else {
        return Err(format!(
            "a post's file name is its date, then words for its address, {EXAMPLE}"
        ));
    };
    if !is_address_name(rest) {
        return Err(format!(
            "the words after the date become the post's address: use lowercase letters a to z, \
             digits and hyphens only, {EXAMPLE}"
        ));
    }
    if rest == LIST_PAGES {
        return Err(format!(
            "/{section}/{LIST_PAGES}/ is where the later pages of the section's list are: give \
             the post other words after its date"
        ));
    }
    Ok(PostName {
        stem: stem.to_owned(),
        lang,
        day,
        slug: format!("{section}/{rest}"),
    })
}

/// Reads a file's front matter as `T`, with the TOML's place for messages; `None` if it has a
/// problem, which is in `report`. `example` is what a front matter holds, for the message about
/// a file without one.
fn read_front<T: Deserialize<'static>>(
    file: &Path,
    example: &str,
    report: &mut Report,
) -> Option<(String, T, usize, usize)> {
    let source = read_file(file).collect_into(report)?;
    let Some((toml_range, body_offset)) = split_front_matter(&source) else {
        report.push(Diagnostic::at(
            file,
            &source,
            0,
            "the file does not start with its front matter",
            format!(
                "start the file with a line +++, then {example}, each on a line of its own, then \
                 another line +++, then the text"
            ),
        ));
        return None;
    };
    let toml = Source {
        file,
        text: &source,
        offset: toml_range.start,
    };
    let value = toml
        .parse(&source[toml_range.clone()])
        .map_err(|problems| problems.into_iter().for_each(|d| report.push(d)))
        .ok()?;
    let front: T = toml.read(&value, "the front matter").collect_into(report)?;
    Some((source, front, toml_range.start, body_offset))
}

fn read_index(file: &Path, report: &mut Report) -> Option<IndexFile> {
    let (source, front, toml_offset, body_offset) = read_front::<IndexFront>(
        file,
        "title = \"…\", description = \"…\", weight = 60, paginate_by = 20, feed = true, \
         feed_title = \"…\" and pagination_label = \"…\"",
        report,
    )?;
    let toml = Source {
        file,
        text: &source,
        offset: toml_offset,
    };
    let mut problems = Vec::new();
    let paginate_by = *front.paginate_by.get_ref();
    if paginate_by < 1 {
        problems.push(toml.error(
            front.paginate_by.span(),
            format!(
                "`paginate_by` is {paginate_by}, but a page of the list holds at least one post"
            ),
            "write how many posts a page of the list holds, such as paginate_by = 20",
        ));
    }
    let latest = front
        .latest_on_home_page
        .as_ref()
        .map_or(0, |n| *n.get_ref());
    if let Some(span) = front.latest_on_home_page.as_ref().map(Spanned::span) {
        if latest < 0 {
            problems.push(toml.error(
                span,
                format!("`latest_on_home_page` is {latest}, which is not a number of posts"),
                "write how many of the newest posts the home page shows, or 0 for none",
            ));
        }
    }
    let mut needs = |key: &str, value: Option<&'static str>, because: &str| match value {
        Some(value) => value,
        None => {
            problems.push(toml.error(
                0..0,
                format!("the front matter has no `{key}`, which {because} needs"),
                format!("add a line {key} = \"…\" in this file's language"),
            ));
            ""
        }
    };
    let feed = *front.feed.get_ref();
    let words = Words {
        title: front.title.get_ref(),
        description: front.description,
        feed_title: match feed {
            true => needs("feed_title", front.feed_title, "feed = true"),
            false => front.feed_title.unwrap_or_default(),
        },
        latest_heading: match latest > 0 {
            true => needs(
                "latest_heading",
                front.latest_heading,
                "latest_on_home_page",
            ),
            false => front.latest_heading.unwrap_or_default(),
        },
        all_posts_link: match latest > 0 {
            true => needs(
                "all_posts_link",
                front.all_posts_link,
                "latest_on_home_page",
            ),
            false => front.all_posts_link.unwrap_or_default(),
        },
        pagination_label: front.pagination_label,
    };
    if !problems.is_empty() {
        problems.into_iter().for_each(|d| report.push(d));
        return None;
    }
    Some(IndexFile {
        settings: Settings {
            weight: *front.weight.get_ref(),
            listed_in: front.listed_in.unwrap_or(Listing::Navigation),
            paginate_by: paginate_by as usize,
            feed,
            latest_on_home_page: latest as usize,
        },
        words,
        weight_offset: toml_offset + front.weight.span().start,
        file: file.to_owned(),
        source,
        body_offset,
    })
}

/// Both `_index` files give the section the same settings.
fn check_index_pair(index: &Localized<IndexFile>) -> Result<(), Diagnostic> {
    let (en, ja) = (&index.en, &index.ja);
    if en.settings == ja.settings {
        return Ok(());
    }
    let differs = |a: String, b: String, key: &str| {
        (a != b).then(|| format!("{key} = {b} here, but {key} = {a} in"))
    };
    let s = (&en.settings, &ja.settings);
    let message = [
        differs(s.0.weight.to_string(), s.1.weight.to_string(), "weight"),
        differs(
            format!("{:?}", s.0.listed_in).to_lowercase(),
            format!("{:?}", s.1.listed_in).to_lowercase(),
            "listed_in",
        ),
        differs(
            s.0.paginate_by.to_string(),
            s.1.paginate_by.to_string(),
            "paginate_by",
        ),
        differs(s.0.feed.to_string(), s.1.feed.to_string(), "feed"),
        differs(
            s.0.latest_on_home_page.to_string(),
            s.1.latest_on_home_page.to_string(),
            "latest_on_home_page",
        ),
    ]
    .into_iter()
    .flatten()
    .next()
    .unwrap_or_default();
    Err(Diagnostic::in_file(
        &ja.file,
        format!("{message} {}", en.file.display()),
        "give both _index files of a section the same settings: only the words differ",
    ))
}

/// A post's front matter as written. The dates are read as any value, so that a missing or
/// mistyped one gets the post's own advice, with the day of its file name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct PostFront {
    title: Spanned<&'static str>,
    description: Spanned<&'static str>,
    date: Option<Spanned<toml::Value>>,
    updated: Option<Spanned<toml::Value>>,
}

/// The keys of a post's front matter, in the order the site reads them.
pub fn post_keys() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<'static, PostFront>()
}

fn read_post(file: &Path, name: &PostName, report: &mut Report) -> Option<PostFile> {
    let named = name.day.datetime();
    let (source, front, toml_offset, body_offset) = read_front::<PostFront>(
        file,
        &format!("title = \"…\", description = \"…\" and date = {named}"),
        report,
    )?;
    let toml = Source {
        file,
        text: &source,
        offset: toml_offset,
    };
    // `date = 2026-12-01` (a TOML date) or `date = "2026-12-01"`.
    let day = |key: &str, value: &Spanned<toml::Value>| {
        let example = match key {
            "date" => format!("date = {named}, the day its file name starts with"),
            _ => format!("{key} = 2026-12-03, the day of the correction"),
        };
        let text = match value.get_ref() {
            toml::Value::Datetime(date) => date.to_string(),
            toml::Value::String(text) => text.clone(),
            _ => {
                return Err(toml.error(
                    value.span(),
                    format!(
                        "`{key}` must be a day, but here it is {}",
                        &toml.part()[value.span()]
                    ),
                    format!("write the year, month and day with hyphens: {example}"),
                ));
            }
        };
        Day::parse(&text).ok_or_else(|| {
            toml.error(
                value.span(),
                format!("`{key}` is {text}, which is not a day of the calendar"),
                format!("write the year, month and day with hyphens: {example}"),
            )
        })
    };
    let Some(front_date) = &front.date else {
        report.push(toml.error(
            0..0,
            "the post has no `date`: the day it is published",
            format!(
                "add a line to the front matter: date = {named}, the day its file name starts with"
            ),
        ));
        return None;
    };
    let published = day("date", front_date).collect_into(report);
    let updated = match &front.updated {
        Some(updated) => Some(day("updated", updated).collect_into(report)?),
        None => None,
    };
    let published = published?;
    if published != name.day {
        report.push(toml.error(
            front_date.span(),
            format!(
                "the post's date is {}, but its file name says {named}",
                published.datetime()
            ),
            format!(
                "give the file name and `date` the same day: rename both files of the post to \
                 start with {}, or correct the date",
                published.datetime()
            ),
        ));
        return None;
    }
    if let (Some(updated), Some(span)) = (updated, front.updated.as_ref().map(Spanned::span)) {
        if updated <= published {
            report.push(toml.error(
                span,
                format!(
                    "`updated` is {}, which is not after the date, {}",
                    updated.datetime(),
                    published.datetime()
                ),
                "`updated` is the day a post was corrected, after it was published; remove it \
                 if the post was not",
            ));
            return None;
        }
    }
    Some(PostFile {
        title: front.title.into_inner(),
        description: front.description.into_inner(),
        published,
        updated,
        file: file.to_owned(),
        source,
        slug: name.slug.clone(),
        body_offset,
    })
}

/// A post's editions are corrected on the same day, and no two posts share an address.
fn check_post_pair(
    pair: &Localized<PostFile>,
    earlier: &[Localized<PostFile>],
) -> Result<(), Diagnostic> {
    let (en, ja) = (&pair.en, &pair.ja);
    if let Some(earlier) = earlier.iter().find(|other| other.en.slug == en.slug) {
        return Err(Diagnostic::in_file(
            &en.file,
            format!(
                "this post's address, {}, is also that of {}",
                page_path(Lang::En, &en.slug),
                earlier.en.file.display()
            ),
            "two posts cannot share an address: change the words after the date in one of the \
             names (in both of its files)",
        ));
    }
    // Their `date`s are their file name's; their `updated`s are written twice.
    if en.updated != ja.updated {
        let shown = |updated: Option<Day>| match updated {
            Some(day) => format!("updated = {}", day.datetime()),
            None => "no `updated`".to_owned(),
        };
        return Err(Diagnostic::in_file(
            &ja.file,
            format!(
                "this edition has {}, but {} has {}",
                shown(ja.updated),
                en.file.display(),
                shown(en.updated)
            ),
            "a post is corrected in both languages on the same day: give both files the same \
             `updated` line, or neither",
        ));
    }
    Ok(())
}

/// The addresses the build publishes for `sections`: each post's and each page of each list's,
/// in both languages; a section without posts has none.
pub fn paths(sections: &[SectionFiles]) -> Vec<String> {
    let slugs: Vec<String> = sections
        .iter()
        .flat_map(|section| {
            (1..=section.list_pages())
                .map(|number| list_page_slug(section.slug, number))
                .chain(section.posts.iter().map(|post| post.en.slug.clone()))
        })
        .collect();
    Lang::ALL
        .into_iter()
        .flat_map(|lang| slugs.iter().map(move |slug| page_path(lang, slug)))
        .collect()
}

/// A post, rendered. As serialized (the build's manifest, for the tests), without its text.
#[derive(Debug, Serialize)]
pub struct Post {
    /// Its address after the language prefix: `notices/open-seminar`.
    pub slug: &'static str,
    pub title: Localized<&'static str>,
    pub description: Localized<&'static str>,
    pub published: Day,
    pub updated: Option<Day>,
    /// Its text, without the dates above it.
    #[serde(skip)]
    body: Localized<Vec<Block>>,
}

/// A section, rendered: its words, its introduction, its posts newest first. As serialized
/// (the build's manifest, for the tests), without its introduction.
#[derive(Debug, Serialize)]
pub struct Section {
    pub slug: &'static str,
    settings: Settings,
    words: Localized<Words>,
    #[serde(skip)]
    intro: Localized<Vec<Block>>,
    pub posts: Vec<Post>,
}

impl Section {
    /// The section's title in `lang`, as its `_index` file gives it.
    pub fn title(&self, lang: Lang) -> &'static str {
        self.words.of(lang).title
    }

    /// Posts a page of the list; the feed holds as many, the newest.
    pub fn paginate_by(&self) -> usize {
        self.settings.paginate_by
    }

    /// The feed's title in each language, where the section has a feed.
    pub fn feed(&self) -> Option<Localized<&'static str>> {
        self.settings.feed.then_some(Localized {
            en: self.words.en.feed_title,
            ja: self.words.ja.feed_title,
        })
    }

    fn list_pages(&self) -> usize {
        self.posts.len().div_ceil(self.settings.paginate_by)
    }
}

/// Renders each section's introduction and posts.
pub fn render(
    sections: Vec<SectionFiles>,
    links: &Links,
    files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> Vec<Section> {
    let mut body = |file: &Path, source: &str, offset: usize, lang: Lang| {
        let body = Body {
            source: Source {
                file,
                text: source,
                offset,
            },
            lang,
            is_page: &|path| links.is_page(path),
            page_list: &links.list,
            files,
        };
        let rendered = body.render(report);
        refers_to.extend(rendered.refers_to);
        prose(file, source, rendered.parts, report)
    };
    sections
        .into_iter()
        .map(|section| {
            let SectionFiles { slug, index, posts } = section;
            // The introduction is for the editors to write or not.
            let mut intro = |file: &IndexFile, lang: Lang| match file.source[file.body_offset..]
                .trim()
                .is_empty()
            {
                true => Vec::new(),
                false => body(&file.file, &file.source, file.body_offset, lang),
            };
            let intro = Localized {
                en: intro(&index.en, Lang::En),
                ja: intro(&index.ja, Lang::Ja),
            };
            let posts = posts
                .into_iter()
                .map(|Localized { en, ja }| Post {
                    slug: leak(en.slug.clone()),
                    title: Localized {
                        en: en.title,
                        ja: ja.title,
                    },
                    description: Localized {
                        en: en.description,
                        ja: ja.description,
                    },
                    published: en.published,
                    updated: en.updated,
                    body: Localized {
                        en: body(&en.file, &en.source, en.body_offset, Lang::En),
                        ja: body(&ja.file, &ja.source, ja.body_offset, Lang::Ja),
                    },
                })
                .collect();
            Section {
                slug,
                settings: index.en.settings,
                words: Localized {
                    en: index.en.words,
                    ja: index.ja.words,
                },
                intro,
                posts,
            }
        })
        .collect()
}

/// A post's or an introduction's parts, as prose; a template line is refused, since neither
/// has a template.
fn prose(file: &Path, source: &str, parts: Vec<Part>, report: &mut Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    for part in parts {
        match part {
            Part::Prose(pieces) if pieces.iter().all(|piece| piece.trim().is_empty()) => {}
            Part::Prose(pieces) => blocks.push(Block::Prose(Html(leak_all(pieces)))),
            Part::Shortcode(name, offset) => report.push(Diagnostic::at(
                file,
                source,
                offset,
                format!("{{{{ {name}() }}}} is where a page's template draws its part, and the posts and introductions of sections have no template"),
                "remove the line",
            )),
        }
    }
    blocks
}

/// What the build adds to the site for its sections with posts.
#[derive(Default)]
pub struct Published {
    /// Each list's first page, its weight, its entry in the shell and its text.
    pub lists: Vec<(i64, Page, Localized<PageText>)>,
    /// The text of each page the shell does not list, by address: the lists' later pages,
    /// then the posts.
    pub unlisted: Vec<(&'static str, Localized<PageText>)>,
    /// The newest of each section that shows them, for the end of the home page.
    pub home: Vec<Localized<Block>>,
    /// The sections, as every page's shell knows them.
    pub shell: Vec<ShellSection>,
}

/// The lists' pages, the posts' pages and the home page's newest, made of each section with
/// posts.
pub fn publish(sections: &[Section], strings: &Localized<ListStrings>) -> Published {
    let mut published = Published::default();
    for section in sections.iter().filter(|section| !section.posts.is_empty()) {
        let pages = section.list_pages();
        let slugs: Vec<&'static str> = (1..=pages)
            .map(|number| leak(list_page_slug(section.slug, number)))
            .collect();
        let list_texts = Localized {
            en: list_texts(section, &slugs, Lang::En, &strings.en),
            ja: list_texts(section, &slugs, Lang::Ja, &strings.ja),
        };
        let mut texts = list_texts.en.into_iter().zip(list_texts.ja);
        let (en, ja) = texts.next().expect("a section with posts has a list");
        published.lists.push((
            section.settings.weight,
            Page {
                slug: section.slug,
                listed_in: section.settings.listed_in,
                title: Localized {
                    en: section.words.en.title,
                    ja: section.words.ja.title,
                },
            },
            Localized { en, ja },
        ));
        published.unlisted.extend(
            slugs[1..]
                .iter()
                .zip(texts)
                .map(|(slug, (en, ja))| (*slug, Localized { en, ja })),
        );
        published.unlisted.extend(section.posts.iter().map(|post| {
            let text = |lang: Lang| post_text(post, lang, strings.of(lang));
            (
                post.slug,
                Localized {
                    en: text(Lang::En),
                    ja: text(Lang::Ja),
                },
            )
        }));
        if section.settings.latest_on_home_page > 0 {
            published.home.push(Localized {
                en: latest(section, Lang::En),
                ja: latest(section, Lang::Ja),
            });
        }
        published.shell.push(ShellSection {
            slug: section.slug,
            list_pages: pages as u32,
            feed: section.feed(),
        });
    }
    published
}

/// The posts of a list, newest first, each with its title (a heading of `level`), date and
/// description.
fn items(markup: &mut Markup, posts: &[Post], lang: Lang, level: u8) {
    markup.raw("<ol class=\"sc-posts\">");
    for post in posts {
        markup
            .raw(&format!(
                "<li class=\"sc-posts__item\"><h{level} class=\"sc-posts__title\"><a"
            ))
            .href(lang, post.slug)
            .raw(">")
            .text(post.title.of(lang))
            .raw(&format!("</a></h{level}><p class=\"sc-posts__date\">"));
        time(markup, post.published, lang);
        markup
            .raw("</p><p class=\"sc-posts__description\">")
            .text(post.description.of(lang))
            .raw("</p></li>");
    }
    markup.raw("</ol>");
}

fn time(markup: &mut Markup, day: Day, lang: Lang) {
    markup
        .raw(&format!("<time datetime=\"{}\">", day.datetime()))
        .text(&day.shown(lang))
        .raw("</time>");
}

/// The text of each page of a section's list: the introduction, a page of posts, and the
/// links between the pages where there is more than one.
fn list_texts(
    section: &Section,
    slugs: &[&'static str],
    lang: Lang,
    strings: &ListStrings,
) -> Vec<PageText> {
    let words = section.words.of(lang);
    section
        .posts
        .chunks(section.settings.paginate_by)
        .enumerate()
        .map(|(index, chunk)| {
            let mut markup = Markup::default();
            items(&mut markup, chunk, lang, 2);
            if slugs.len() > 1 {
                pagination(&mut markup, slugs, index, lang, words, strings);
            }
            let mut body = section.intro.of(lang).clone();
            body.push(markup.done());
            PageText {
                description: words.description,
                title: (index > 0).then(|| {
                    leak(
                        strings
                            .list_page_title
                            .replace("{title}", words.title)
                            .replace("{pages}", &slugs.len().to_string())
                            .replace("{page}", &(index + 1).to_string()),
                    )
                }),
                body,
            }
        })
        .collect()
}

/// The links between the pages of a list: previous, each page by its number, next.
fn pagination(
    markup: &mut Markup,
    slugs: &[&'static str],
    current: usize,
    lang: Lang,
    words: &Words,
    strings: &ListStrings,
) {
    markup
        .raw("<nav class=\"sc-pagination\" aria-label=\"")
        .text(words.pagination_label)
        .raw("\"><ul class=\"sc-pagination__list\">");
    let step = |markup: &mut Markup, index: usize, rel: &str, label: &str| {
        markup
            .raw(&format!(
                "<li class=\"sc-pagination__item sc-pagination__item--{rel}\"><a class=\"sc-pagination__link\""
            ))
            .href(lang, slugs[index])
            .raw(&format!(" rel=\"{rel}\">"))
            .text(label)
            .raw("</a></li>");
    };
    if current > 0 {
        step(markup, current - 1, "prev", strings.previous_page);
    }
    for (index, slug) in slugs.iter().enumerate() {
        let number = (index + 1).to_string();
        markup
            .raw("<li class=\"sc-pagination__item\"><a class=\"sc-pagination__link\"")
            .href(lang, slug)
            .raw(" aria-label=\"")
            .text(&strings.list_page_label.replace("{page}", &number))
            .raw("\"")
            .raw(match index == current {
                true => " aria-current=\"page\">",
                false => ">",
            })
            .raw(&number)
            .raw("</a></li>");
    }
    if current + 1 < slugs.len() {
        step(markup, current + 1, "next", strings.next_page);
    }
    markup.raw("</ul></nav>");
}

/// A post's page: its dates under its heading, then its text.
fn post_text(post: &Post, lang: Lang, strings: &ListStrings) -> PageText {
    let mut markup = Markup::default();
    markup.raw("<dl class=\"sc-dates\">");
    for (label, day) in [
        (strings.published, Some(post.published)),
        (strings.updated, post.updated),
    ] {
        if let Some(day) = day {
            markup
                .raw("<div class=\"sc-dates__item\"><dt>")
                .text(label)
                .raw("</dt><dd>");
            time(&mut markup, day, lang);
            markup.raw("</dd></div>");
        }
    }
    markup.raw("</dl>");
    let mut body = vec![markup.done()];
    body.extend(post.body.of(lang).iter().cloned());
    PageText {
        description: post.description.of(lang),
        title: Some(post.title.of(lang)),
        body,
    }
}

/// The newest of a section for the home page, under a heading, with a link to the list.
fn latest(section: &Section, lang: Lang) -> Block {
    let words = section.words.of(lang);
    let id = format!("latest-{}-heading", section.slug);
    let mut markup = Markup::default();
    markup
        .raw(&format!(
            "<section class=\"sc-latest\" aria-labelledby=\"{id}\"><h2 id=\"{id}\" class=\"sc-latest__heading\">"
        ))
        .text(words.latest_heading)
        .raw("</h2>");
    let count = section
        .settings
        .latest_on_home_page
        .min(section.posts.len());
    items(&mut markup, &section.posts[..count], lang, 3);
    markup
        .raw("<p class=\"sc-latest__all\"><a")
        .href(lang, section.slug)
        .raw(">")
        .text(words.all_posts_link)
        .raw("</a></p></section>");
    markup.done()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_gives_the_date_language_and_address() {
        assert_eq!(
            post_name("2026-12-01-open-seminar.ja.md", "events"),
            Ok(PostName {
                stem: "2026-12-01-open-seminar".to_owned(),
                lang: Lang::Ja,
                day: Day::parse("2026-12-01").unwrap(),
                slug: "events/open-seminar".to_owned(),
            })
        );
        for bad in [
            "open-seminar.md",
            "2026-12-01.md",
            "2026-12-01-.md",
            "2026-12-01-Open.md",
            "2026-12-01-page.md",
            "2026-12-32-x.md",
            "2026-12-01-x.txt",
        ] {
            assert!(post_name(bad, "events").is_err(), "{bad}");
        }
    }
}
