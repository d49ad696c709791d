//! Notices: dated posts in `content/notices/`, one Markdown file per notice and language
//! (`2026-12-01-open-seminar.md`, `2026-12-01-open-seminar.ja.md`), each with a page of its own
//! at `/notices/open-seminar/`; and what the build makes of them: the list of them, newest first,
//! twenty a page (`/notices/`, `/notices/page/2/`), the newest three on the home page, and the
//! list's place in the navigation. With no notice, there is none of it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::markdown::{Body, Part, References};
use super::pages::split_front_matter;
use super::pages::Links;
use super::{leak, leak_all, read_file, Files};
use crate::{
    is_address_name, notices_page_slug, page_path, Block, Date, Html, Lang, ListPage, Listing,
    Localized, NoticeDates, NoticeList, NoticeSummary, Page, PageText, Strings, NOTICES,
};

/// How many notices a page of the list holds.
pub const PER_PAGE: usize = 20;

/// How many of the newest notices the home page shows.
pub const LATEST: usize = 3;

/// A notice's front matter as written. The dates are read as any value, so that a missing or
/// mistyped one gets the notice's own advice, with the day of its file name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct FrontMatter {
    title: Spanned<&'static str>,
    description: Spanned<&'static str>,
    date: Option<Spanned<toml::Value>>,
    updated: Option<Spanned<toml::Value>>,
}

/// One file: a notice in one language, its front matter read, its body not yet rendered.
pub struct NoticeFile {
    file: PathBuf,
    source: String,
    /// The notice's address after the language prefix: `notices/open-seminar`.
    slug: String,
    lang: Lang,
    title: &'static str,
    description: &'static str,
    /// Both as machine dates: `2026-12-01`.
    published: String,
    updated: Option<String>,
    body_offset: usize,
}

/// Both editions of each notice in `dir/notices/`, checked; problems go to `report`.
pub fn read(dir: &Path, report: &mut Report) -> Vec<Localized<NoticeFile>> {
    let folder = dir.join(NOTICES);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && !name.ends_with('~'))
        .collect();
    names.sort();
    // Each file name's notice (its name without the language), with its two editions.
    let mut notices: Vec<(String, Localized<Option<Option<NoticeFile>>>)> = Vec::new();
    for name in names {
        let file = folder.join(&name);
        if file.is_dir() {
            report.push(Diagnostic::in_file(
                &file,
                "this folder is in notices/, which holds notices only, two files each",
                "move the folder out of notices/: a notice's pictures and documents go in files/",
            ));
            continue;
        }
        let Some((stem, lang, date, slug)) = file_name(&name)
            .map_err(|help| {
                report.push(Diagnostic::in_file(
                    &file,
                    "this file is not a notice the site can publish",
                    help,
                ))
            })
            .ok()
        else {
            continue;
        };
        let notice = read_file_front_matter(file, date, slug, lang, report);
        let index = match notices.iter().position(|(s, _)| *s == stem) {
            Some(index) => index,
            None => {
                notices.push((stem, Localized { en: None, ja: None }));
                notices.len() - 1
            }
        };
        let pair = &mut notices[index].1;
        match lang {
            Lang::En => pair.en = Some(notice),
            Lang::Ja => pair.ja = Some(notice),
        }
    }
    let mut pairs: Vec<Localized<NoticeFile>> = Vec::new();
    for (stem, Localized { en, ja }) in notices {
        let (en, ja) = match (en, ja) {
            (Some(Some(en)), Some(Some(ja))) => (en, ja),
            (Some(Some(one)), None) | (None, Some(Some(one))) => {
                report.push(missing_edition(&folder, &stem, &one));
                continue;
            }
            _ => continue,
        };
        if let Some(earlier) = pairs.iter().find(|pair| pair.en.slug == en.slug) {
            report.push(Diagnostic::in_file(
                &en.file,
                format!(
                    "this notice's address, {}, is also that of {}",
                    page_path(Lang::En, &en.slug),
                    earlier.en.file.display()
                ),
                "two notices cannot share an address: change the words after the date in one \
                 of the names (in both of its files)",
            ));
            continue;
        }
        // Their `date`s are their file name's; their `updated`s are written twice.
        if en.updated != ja.updated {
            let shown = |updated: &Option<String>| match updated {
                Some(day) => format!("updated = {day}"),
                None => "no `updated`".to_owned(),
            };
            report.push(Diagnostic::in_file(
                &ja.file,
                format!(
                    "this edition has {}, but {} has {}",
                    shown(&ja.updated),
                    en.file.display(),
                    shown(&en.updated)
                ),
                "a notice is corrected in both languages on the same day: give both files the \
                 same `updated` line, or neither",
            ));
            continue;
        }
        pairs.push(Localized { en, ja });
    }
    // Newest first; notices of one day by their address, so that the order never changes
    // from one build to the next.
    pairs.sort_by(|a, b| {
        b.en.published
            .cmp(&a.en.published)
            .then_with(|| a.en.slug.cmp(&b.en.slug))
    });
    pairs
}

/// The addresses the build publishes for `notices`: each notice's and each page of the list's,
/// in both languages.
pub fn paths(notices: &[Localized<NoticeFile>]) -> Vec<String> {
    let list = match notices.len() {
        0 => Vec::new(),
        count => list_slugs(count),
    };
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            notices
                .iter()
                .map(|pair| pair.en.slug.clone())
                .chain(list.iter().cloned())
                .map(move |slug| page_path(lang, &slug))
        })
        .collect()
}

/// A notice, rendered: how lists show it, and its page's text, in both languages.
pub struct Notice {
    pub summary: Localized<NoticeSummary>,
    pub text: Localized<PageText>,
}

/// Renders each notice's body.
pub fn render(
    notices: Vec<Localized<NoticeFile>>,
    links: &Links,
    files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> Vec<Notice> {
    notices
        .into_iter()
        .map(|Localized { en, ja }| {
            let mut render_one =
                |notice: NoticeFile| render_file(notice, links, files, refers_to, report);
            let (en_summary, en_text) = render_one(en);
            let (ja_summary, ja_text) = render_one(ja);
            Notice {
                summary: Localized {
                    en: en_summary,
                    ja: ja_summary,
                },
                text: Localized {
                    en: en_text,
                    ja: ja_text,
                },
            }
        })
        .collect()
}

/// What the build adds to the site for its notices.
pub struct Published {
    /// The list's entry in the shell: in the main navigation.
    pub list: Page,
    /// The text of each page this adds, by address: the list's pages, first to last, then
    /// the notices.
    pub pages: Vec<(&'static str, Localized<PageText>)>,
    /// The newest, for the home page.
    pub latest: Localized<Block>,
}

/// The list's pages and the home page's newest, made of the notices, newest first; `None` where
/// there is no notice.
pub fn publish(notices: Vec<Notice>, strings: &Localized<Strings>) -> Option<Published> {
    if notices.is_empty() {
        return None;
    }
    let slugs = list_slugs(notices.len());
    let of_lang = |lang: Lang| {
        let summaries: Vec<NoticeSummary> = notices
            .iter()
            .map(|notice| notice.summary.of(lang).clone())
            .collect();
        let text = strings.of(lang);
        let pages: Vec<ListPage> = match slugs.len() {
            1 => Vec::new(),
            _ => slugs
                .iter()
                .enumerate()
                .map(|(index, slug)| ListPage {
                    slug: leak(slug.clone()),
                    label: leak(
                        text.notices_page_label
                            .replace("{page}", &(index + 1).to_string()),
                    ),
                })
                .collect(),
        };
        let lists: Vec<PageText> = summaries
            .chunks(PER_PAGE)
            .enumerate()
            .map(|(index, chunk)| PageText {
                description: text.notices_description,
                title: (index > 0).then(|| {
                    leak(
                        text.notices_page_title
                            .replace("{title}", text.notices_title)
                            .replace("{pages}", &slugs.len().to_string())
                            .replace("{page}", &(index + 1).to_string()),
                    )
                }),
                body: vec![Block::Notices(NoticeList {
                    latest: false,
                    notices: chunk.to_vec(),
                    pages: pages.clone(),
                    current: index,
                })],
            })
            .collect();
        let latest = Block::Notices(NoticeList {
            latest: true,
            notices: summaries.iter().take(LATEST).cloned().collect(),
            pages: Vec::new(),
            current: 0,
        });
        (lists, latest)
    };
    let (en_lists, en_latest) = of_lang(Lang::En);
    let (ja_lists, ja_latest) = of_lang(Lang::Ja);
    let mut pages: Vec<(&'static str, Localized<PageText>)> = slugs
        .iter()
        .zip(en_lists.into_iter().zip(ja_lists))
        .map(|(slug, (en, ja))| (leak(slug.clone()), Localized { en, ja }))
        .collect();
    pages.extend(
        notices
            .into_iter()
            .map(|notice| (notice.summary.en.slug, notice.text)),
    );
    Some(Published {
        list: Page {
            slug: NOTICES,
            listed_in: Listing::Navigation,
            title: Localized {
                en: strings.en.notices_title,
                ja: strings.ja.notices_title,
            },
        },
        pages,
        latest: Localized {
            en: en_latest,
            ja: ja_latest,
        },
    })
}

/// The addresses of the list's pages, for `count` notices: `notices`, `notices/page/2`, ….
fn list_slugs(count: usize) -> Vec<String> {
    (1..=count.div_ceil(PER_PAGE))
        .map(|number| match number {
            1 => NOTICES.to_owned(),
            _ => notices_page_slug(number),
        })
        .collect()
}

/// The notice of a file name: `2026-12-01-open-seminar.ja.md` is the notice
/// `2026-12-01-open-seminar`, in Japanese, of 2026-12-01, at `notices/open-seminar`.
fn file_name(name: &str) -> Result<(String, Lang, String, String), String> {
    const EXAMPLE: &str = "such as 2026-12-01-open-seminar.md and 2026-12-01-open-seminar.ja.md";
    let Some(stem) = name.strip_suffix(".md") else {
        return Err(format!(
            "notices/ holds notices only, two files each, {EXAMPLE}: move this file out of it \
             (documents and pictures go in files/)"
        ));
    };
    let (stem, lang) = match stem.strip_suffix(".ja") {
        Some(stem) => (stem, Lang::Ja),
        None => (stem, Lang::En),
    };
    let date = stem.get(..10).filter(|date| parse_date(date).is_some());
    let rest = stem.get(10..).and_then(|rest| rest.strip_prefix('-'));
    let (Some(date), Some(rest)) = (date, rest) else {
        return Err(format!(
            "a notice's file name is its date, then words for its address, {EXAMPLE}"
        ));
    };
    if !is_address_name(rest) {
        return Err(format!(
            "the words after the date become the notice's address: use lowercase letters a to z, \
             digits and hyphens only, {EXAMPLE}"
        ));
    }
    if rest == "page" {
        return Err(format!(
            "/{NOTICES}/page/ is where the later pages of the list of notices are: give the \
             notice other words after its date"
        ));
    }
    Ok((
        stem.to_owned(),
        lang,
        date.to_owned(),
        format!("{NOTICES}/{rest}"),
    ))
}

/// Reads a notice's front matter; `None` if it has a problem, which is in `report`.
fn read_file_front_matter(
    file: PathBuf,
    named_date: String,
    slug: String,
    lang: Lang,
    report: &mut Report,
) -> Option<NoticeFile> {
    let source = read_file(&file).collect_into(report)?;
    let Some((toml_range, body_offset)) = split_front_matter(&source) else {
        report.push(Diagnostic::at(
            &file,
            &source,
            0,
            "the notice does not start with its front matter",
            "start the file with a line +++, then title = \"…\", description = \"…\" and \
             date = 2026-12-01, each on a line of its own, then another line +++, then the \
             notice's text",
        ));
        return None;
    };
    let toml = Source {
        file: &file,
        text: &source,
        offset: toml_range.start,
    };
    let value = toml
        .parse(&source[toml_range.clone()])
        .map_err(|problems| problems.into_iter().for_each(|d| report.push(d)))
        .ok()?;
    let front: FrontMatter = toml.read(&value, "the front matter").collect_into(report)?;
    // `date = 2026-12-01` (a TOML date) or `date = "2026-12-01"`.
    let date = |key: &str, value: &Spanned<toml::Value>| {
        let example = match key {
            "date" => format!("date = {named_date}, the day its file name starts with"),
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
        match parse_date(&text) {
            Some(_) => Ok(text),
            None => Err(toml.error(
                value.span(),
                format!("`{key}` is {text}, which is not a day of the calendar"),
                format!("write the year, month and day with hyphens: {example}"),
            )),
        }
    };
    let Some(front_date) = &front.date else {
        report.push(toml.error(
            0..0,
            "the notice has no `date`: the day it is published",
            format!("add a line to the front matter: date = {named_date}, the day its file name starts with"),
        ));
        return None;
    };
    let published = date("date", front_date).collect_into(report);
    let updated = match &front.updated {
        Some(updated) => Some(date("updated", updated).collect_into(report)?),
        None => None,
    };
    let published = published?;
    if published != named_date {
        report.push(toml.error(
            front_date.span(),
            format!("the notice's date is {published}, but its file name says {named_date}"),
            format!(
                "give the file name and `date` the same day: rename both files of the notice to \
                 start with {published}, or correct the date"
            ),
        ));
        return None;
    }
    if let (Some(updated), Some(span)) = (&updated, front.updated.as_ref().map(Spanned::span)) {
        if *updated <= published {
            report.push(toml.error(
                span,
                format!("`updated` is {updated}, which is not after the date, {published}"),
                "`updated` is the day a notice was corrected, after it was published; remove it \
                 if the notice was not",
            ));
            return None;
        }
    }
    Some(NoticeFile {
        title: front.title.into_inner(),
        description: front.description.into_inner(),
        published,
        updated,
        file,
        source,
        slug,
        lang,
        body_offset,
    })
}

/// A notice's summary and page text: its dates, then its body.
fn render_file(
    notice: NoticeFile,
    links: &Links,
    files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> (NoticeSummary, PageText) {
    let body = Body {
        source: Source {
            file: &notice.file,
            text: &notice.source,
            offset: notice.body_offset,
        },
        lang: notice.lang,
        is_page: &|path| links.is_page(path),
        page_list: &links.list,
        files,
    };
    let dates = NoticeDates {
        published: date(&notice.published, notice.lang),
        updated: notice.updated.as_deref().map(|d| date(d, notice.lang)),
    };
    let mut blocks = vec![Block::Dates(dates.clone())];
    let rendered = body.render(report);
    refers_to.extend(rendered.refers_to);
    for part in rendered.parts {
        match part {
            Part::Prose(pieces) => blocks.push(Block::Prose(Html(leak_all(pieces)))),
            Part::Shortcode(name, offset) => report.push(Diagnostic::at(
                &notice.file,
                &notice.source,
                offset,
                format!("{{{{ {name}() }}}} is where a page's template draws its part, and notices have no template"),
                "remove the line",
            )),
        }
    }
    let slug = leak(notice.slug);
    (
        NoticeSummary {
            slug,
            title: notice.title,
            description: notice.description,
            dates,
        },
        PageText {
            description: notice.description,
            title: Some(notice.title),
            body: blocks,
        },
    )
}

fn missing_edition(folder: &Path, stem: &str, present: &NoticeFile) -> Diagnostic {
    let (missing, language) = match present.lang {
        Lang::En => (folder.join(format!("{stem}.ja.md")), "Japanese"),
        Lang::Ja => (folder.join(format!("{stem}.md")), "English"),
    };
    Diagnostic::in_file(
        &present.file,
        format!(
            "the notice \"{stem}\" has no {language} edition: {} is missing",
            missing.display()
        ),
        format!(
            "every notice is published in both languages: add {}, or remove {} too",
            missing.display(),
            present.file.display()
        ),
    )
}

/// The year, month and day of `2026-12-01`, if it is a day of the calendar.
fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
    if !well_formed {
        return None;
    }
    let year: u32 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..].parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// A checked date as `<time datetime>` takes it and as `lang` writes it.
fn date(datetime: &str, lang: Lang) -> Date {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = parse_date(datetime).expect("a date checked when read");
    let shown = match lang {
        Lang::En => format!("{day} {} {year}", MONTHS[month as usize - 1]),
        Lang::Ja => format!("{year}年{month}月{day}日"),
    };
    Date {
        datetime: leak(datetime.to_owned()),
        shown: leak(shown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days_of_the_calendar_written_in_each_language() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-12-01",
            "2026/12/01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(date("2026-12-01", Lang::En).shown, "1 December 2026");
        assert_eq!(date("2026-12-01", Lang::Ja).shown, "2026年12月1日");
        assert_eq!(date("2026-03-09", Lang::Ja).datetime, "2026-03-09");
    }

    #[test]
    fn a_file_name_gives_the_date_language_and_address() {
        assert_eq!(
            file_name("2026-12-01-open-seminar.ja.md"),
            Ok((
                "2026-12-01-open-seminar".to_owned(),
                Lang::Ja,
                "2026-12-01".to_owned(),
                "notices/open-seminar".to_owned()
            ))
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
            assert!(file_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_list_has_a_page_for_each_twenty() {
        assert_eq!(list_slugs(1), ["notices"]);
        assert_eq!(list_slugs(20), ["notices"]);
        assert_eq!(list_slugs(21), ["notices", "notices/page/2"]);
        assert_eq!(list_slugs(41).len(), 3);
    }
}
