//! The pages: one Markdown file per page and language (`NAME.md` in English, `NAME.ja.md` in
//! Japanese; `_index` is the home page), each with TOML front matter between `+++` lines.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::conformance::CONFORMANCE_FILE;
use super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::markdown::{Body, Part};
use super::site_files::{SITE_FILE, STRINGS_FILE};
use super::toml_reader::Table;
use super::{leak, leak_all, read_file};
use crate::{
    page_path, Block, Conformance, Diagram, Html, Lang, Listing, Localized, Page, PageText,
    Strings, Timeline, TimelineEntry,
};

/// The file name of the home page, as in Zola.
const HOME: &str = "_index";

/// What a page's `template` can name: the component that draws the page's structured part,
/// written in its body as `{{ name() }}`.
const TEMPLATES: [&str; 5] = ["timeline", "diagram", "contact", "sitemap", "conformance"];

/// One file: a page in one language, its front matter read, its body not yet rendered.
struct PageFile {
    file: PathBuf,
    source: String,
    slug: String,
    lang: Lang,
    title: Spanned<String>,
    description: Spanned<String>,
    weight: Spanned<i64>,
    template: Option<Spanned<String>>,
    listed_in: Spanned<Listing>,
    /// The template's part, from the front matter.
    part: Option<Block>,
    /// Where the front matter's TOML and the body start in the file.
    toml_offset: usize,
    body_offset: usize,
}

/// Every page in both languages, in navigation order; `None` if any has a problem.
pub fn read(
    dir: &Path,
    strings: Option<&Localized<Strings>>,
    conformance: Option<&Localized<Conformance>>,
    report: &mut Report,
) -> Option<Vec<(Page, Localized<PageText>)>> {
    // Each slug's two files: `None` where there is no file, `Some(None)` where it has problems.
    let mut files: BTreeMap<String, Localized<Option<Option<PageFile>>>> = BTreeMap::new();
    for (file, slug, lang) in list(dir, report) {
        let page = read_front_matter(file, slug.clone(), lang, conformance, report);
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
    // Links are checked against every page that has both its files, even one whose front matter
    // has a mistake: that page exists, and a link to it is not the problem.
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
                check_pair(&en, &ja, report);
                pairs.push(Localized { en, ja });
            }
            (Some(Some(one)), None) | (None, Some(Some(one))) => {
                report.push(missing_edition(dir, &slug, &one))
            }
            _ => {}
        }
    }
    pairs.sort_by_key(|pair| *pair.en.weight.get_ref());
    check_distinct(&pairs, strings, report);
    let is_page = |path: &str| paths.iter().any(|p| p == path);
    let page_list = paths.join(", ");
    let pages = pairs
        .into_iter()
        .map(|pair| {
            let mut render = |page: PageFile| render(page, &is_page, &page_list, report);
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

/// The page files of the folder, with their slug and language; other files are problems.
fn list(dir: &Path, report: &mut Report) -> Vec<(PathBuf, String, Lang)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            report.push(Diagnostic::in_file(
                dir,
                format!("the content folder cannot be read ({err})"),
                "check that the folder exists",
            ));
            return Vec::new();
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        // Hidden files and editors' backups are not content.
        .filter(|name| !name.starts_with('.') && !name.ends_with('~'))
        .collect();
    names.sort();
    let mut pages = Vec::new();
    for name in names {
        let file = dir.join(&name);
        if [SITE_FILE, STRINGS_FILE, CONFORMANCE_FILE].contains(&name.as_str()) {
            continue;
        }
        match page_name(&name) {
            Ok((slug, lang)) => pages.push((file, slug, lang)),
            Err(help) => report.push(Diagnostic::in_file(
                &file,
                "this file is not a page the site can publish",
                help,
            )),
        }
    }
    pages
}

/// The slug and language of a page file name: `concept.ja.md` is `concept` in Japanese.
fn page_name(name: &str) -> Result<(String, Lang), String> {
    let Some(stem) = name.strip_suffix(".md") else {
        return Err(format!(
            "content/ holds pages (NAME.md and NAME.ja.md), {SITE_FILE} and {STRINGS_FILE} only: \
             move this file out of it"
        ));
    };
    let (slug, lang) = match stem.rsplit_once('.') {
        None => (stem, Lang::En),
        Some((slug, "ja")) => (slug, Lang::Ja),
        Some((slug, "en")) => {
            return Err(format!("the English file of a page has no language in its name: rename it {slug}.md"))
        }
        Some((slug, other)) => {
            return Err(format!(
                "the site is in English ({slug}.md) and Japanese ({slug}.ja.md); \".{other}\" is neither"
            ))
        }
    };
    if slug == HOME {
        return Ok((String::new(), lang));
    }
    let valid = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !valid {
        return Err(
            "a page's file name becomes its address: use lowercase letters a to z, digits and hyphens \
             only, such as visiting-hours.md"
                .to_owned(),
        );
    }
    if Lang::from_code(slug).is_some() {
        return Err(format!(
            "/{slug}/ is where an edition of the site lives: give the page another name"
        ));
    }
    Ok((slug.to_owned(), lang))
}

fn read_front_matter(
    file: PathBuf,
    slug: String,
    lang: Lang,
    conformance: Option<&Localized<Conformance>>,
    report: &mut Report,
) -> Option<PageFile> {
    let source = read_file(&file).collect_into(report)?;
    let Some((toml_range, body_offset)) = split_front_matter(&source) else {
        report.push(Diagnostic::at(
            &file,
            &source,
            0,
            "the page does not start with its front matter",
            "start the file with a line +++, then title = \"…\", description = \"…\" and \
             weight = 1, each on a line of its own, then another line +++, then the page's text",
        ));
        return None;
    };
    let toml_source = Source {
        file: &file,
        text: &source,
        offset: toml_range.start,
    };
    let document = toml_source
        .parse(&source[toml_range.clone()])
        .collect_into(report)?;
    let table = Table::new(&toml_source, &document, "the front matter");
    let title = table.text("title").collect_into(report);
    let description = table.text("description").collect_into(report);
    let weight = table.integer("weight").collect_into(report);
    let template = table
        .optional_text("template")
        .collect_into(report)
        .flatten();
    let part = match &template {
        Some(name) => match name.get_ref().as_str() {
            "timeline" => timeline(&table).collect_into(report),
            "diagram" => diagram(&table).collect_into(report),
            "contact" => Some(Block::Contact),
            "sitemap" => Some(Block::SiteMap),
            "conformance" => match conformance {
                Some(table) => Some(Block::Conformance(table.of(lang).clone())),
                None => {
                    report.push(table.error_at(
                        name,
                        format!("the conformance template draws the table in {CONFORMANCE_FILE}, which is missing or has problems"),
                        format!("add {CONFORMANCE_FILE} to the content folder, or mend it"),
                    ));
                    None
                }
            },
            unknown => {
                report.push(table.error_at(
                    name,
                    format!("there is no template called \"{unknown}\""),
                    format!(
                        "the templates are {}; remove `template` for a page of text only",
                        TEMPLATES.join(", ")
                    ),
                ));
                None
            }
        },
        None => None,
    };
    let listed_in = listing(&table).collect_into(report);
    table.finish().into_iter().for_each(|d| report.push(d));
    Some(PageFile {
        listed_in: listed_in?,
        title: title?,
        description: description?,
        weight: weight?,
        part: match (&template, part) {
            (Some(_), None) => return None,
            (_, part) => part,
        },
        template,
        file,
        source,
        slug,
        lang,
        toml_offset: toml_range.start,
        body_offset,
    })
}

/// Where the page is linked from: `listed_in = "navigation"` (the default) or `"footer"`.
fn listing(table: &Table) -> Result<Spanned<Listing>, Diagnostic> {
    let Some(value) = table.optional_text("listed_in")? else {
        return Ok(Spanned::new(0..0, Listing::Navigation));
    };
    let listing = match value.get_ref().as_str() {
        "navigation" => Listing::Navigation,
        "footer" => Listing::Footer,
        other => {
            return Err(table.error_at(
                &value,
                format!("\"{other}\" is not a place where pages are listed"),
                "write listed_in = \"navigation\" (the main navigation, the default) or \
                 listed_in = \"footer\" (the footer, for pages about the site itself)",
            ))
        }
    };
    Ok(Spanned::new(value.span(), listing))
}

/// The byte range of the TOML between the `+++` lines, and where the body starts.
fn split_front_matter(source: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let rest = source
        .strip_prefix('\u{feff}')
        .unwrap_or(source)
        .strip_prefix("+++")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let start = source.len() - rest.len();
    let mut offset = start;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn timeline(table: &Table) -> Result<Block, Diagnostic> {
    let section = table.table("timeline")?;
    let heading = section.text("heading")?;
    let entries = section
        .tables("entries")?
        .iter()
        .map(|entry| {
            let date = entry.text("date")?;
            if !is_date(date.get_ref()) {
                return Err(entry.error_at(
                    &date,
                    format!("\"{}\" is not a date as the site writes it", date.get_ref()),
                    "write the year, the year and month, or the full date, with hyphens: \
                     \"2001\", \"2001-03\" or \"2001-03-31\"",
                ));
            }
            let value = TimelineEntry {
                datetime: leak(date.into_inner()),
                date: leak(entry.text("shown_as")?.into_inner()),
                event: leak(entry.text("event")?.into_inner()),
            };
            entry.finish().into_iter().next().map_or(Ok(value), Err)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let value = Block::Timeline(Timeline {
        heading: leak(heading.into_inner()),
        entries,
    });
    section.finish().into_iter().next().map_or(Ok(value), Err)
}

/// `2001`, `2001-03` or `2001-03-31`, as `<time datetime>` takes them.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |part: &str, len| part.len() == len && part.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && ("01"..="12").contains(month),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && digits(day, 2)
                && ("01"..="12").contains(month)
                && ("01"..="31").contains(day)
        }
        _ => false,
    }
}

fn diagram(table: &Table) -> Result<Block, Diagnostic> {
    let section = table.table("diagram")?;
    let lines = |key| {
        section
            .text_list(key)
            .map(|lines| leak_all(lines.into_inner()))
    };
    let text = |key| section.text(key).map(|text| leak(text.into_inner()));
    let value = Block::Diagram(Diagram {
        title: text("title")?,
        description_heading: text("description_heading")?,
        description: lines("description")?,
        network: text("network")?,
        academia: text("academia")?,
        industry: text("industry")?,
        government: text("government")?,
        outside_companies: text("outside_companies")?,
        region_companies: text("region_companies")?,
        core: text("core")?,
        seeds: text("seeds")?,
        needs: text("needs")?,
        innovation: text("innovation")?,
    });
    section.finish().into_iter().next().map_or(Ok(value), Err)
}

fn missing_edition(dir: &Path, slug: &str, present: &PageFile) -> Diagnostic {
    let stem = if slug.is_empty() { HOME } else { slug };
    let (missing, language) = match present.lang {
        Lang::En => (dir.join(format!("{stem}.ja.md")), "Japanese"),
        Lang::Ja => (dir.join(format!("{stem}.md")), "English"),
    };
    Diagnostic::in_file(
        &present.file,
        format!(
            "the page \"{stem}\" has no {language} edition: {} is missing",
            missing.display()
        ),
        format!(
            "every page is published in both languages: add {}, or remove {} too",
            missing.display(),
            present.file.display()
        ),
    )
}

/// The two editions of a page agree on what is not text: order, template, timeline dates.
fn check_pair(en: &PageFile, ja: &PageFile, report: &mut Report) {
    let at = |page: &PageFile, offset: usize, message: String, help: &str| {
        Diagnostic::at(&page.file, &page.source, offset, message, help)
    };
    if en.weight.get_ref() != ja.weight.get_ref() {
        report.push(at(
            ja,
            toml_offset(ja, &ja.weight),
            format!(
                "weight = {} here, but {} says weight = {}",
                ja.weight.get_ref(),
                en.file.display(),
                en.weight.get_ref()
            ),
            "give both editions of a page the same weight: it sets the page's place in the navigation",
        ));
    }
    if en.listed_in.get_ref() != ja.listed_in.get_ref() {
        report.push(Diagnostic::in_file(
            &ja.file,
            format!("`listed_in` here differs from {}", en.file.display()),
            "list both editions of a page in the same place",
        ));
    }
    let name = |page: &PageFile| page.template.as_ref().map(|t| t.get_ref().clone());
    if name(en) != name(ja) {
        report.push(Diagnostic::in_file(
            &ja.file,
            format!(
                "the template here is {}, but in {} it is {}",
                name(ja).unwrap_or_else(|| "not set".into()),
                en.file.display(),
                name(en).unwrap_or_else(|| "not set".into())
            ),
            "give both editions of a page the same template",
        ));
    }
    if let (Some(Block::Timeline(a)), Some(Block::Timeline(b))) = (&en.part, &ja.part) {
        let dates = |t: &Timeline| t.entries.iter().map(|e| e.datetime).collect::<Vec<_>>();
        if dates(a) != dates(b) {
            report.push(Diagnostic::in_file(
                &ja.file,
                format!(
                    "the timeline's dates here ({}) are not those of {} ({})",
                    dates(b).join(", "),
                    en.file.display(),
                    dates(a).join(", ")
                ),
                "both editions tell the same facts: give them the same entries, in the same order",
            ));
        }
    }
}

/// Weights and titles tell pages apart: no two pages share one.
fn check_distinct(
    pairs: &[Localized<PageFile>],
    strings: Option<&Localized<Strings>>,
    report: &mut Report,
) {
    for (i, pair) in pairs.iter().enumerate() {
        if let Some(earlier) = pairs[..i]
            .iter()
            .find(|p| p.en.weight.get_ref() == pair.en.weight.get_ref())
        {
            report.push(Diagnostic::at(
                &pair.en.file,
                &pair.en.source,
                toml_offset(&pair.en, &pair.en.weight),
                format!(
                    "weight = {} here and in {}: two pages cannot share a place in the navigation",
                    pair.en.weight.get_ref(),
                    earlier.en.file.display()
                ),
                "give each page its own weight; the navigation lists pages from the lowest weight to \
                 the highest (and change the .ja.md file to match)",
            ));
        }
        for lang in Lang::ALL {
            let page = pair.of(lang);
            let title = page.title.get_ref();
            let not_found = strings.map(|s| s.of(lang).not_found.title);
            let clash = pairs[..i]
                .iter()
                .map(|p| p.of(lang))
                .find(|p| p.title.get_ref() == title)
                .map(|p| p.file.display().to_string())
                .or_else(|| {
                    (not_found == Some(title.as_str())).then(|| "the Not Found page".to_owned())
                });
            if let Some(other) = clash {
                report.push(Diagnostic::at(
                    &page.file,
                    &page.source,
                    toml_offset(page, &page.title),
                    format!("the title \"{title}\" is also the title of {other}"),
                    "give each page a title of its own: it is the page's heading and its name in \
                     the navigation",
                ));
            }
        }
    }
}

/// The byte offset in the file of a front-matter value.
fn toml_offset<T>(page: &PageFile, value: &Spanned<T>) -> usize {
    page.toml_offset + value.span().start
}

/// Renders the body and puts the template's part where the body places it; gives the title
/// with the text.
fn render(
    page: PageFile,
    is_page: &dyn Fn(&str) -> bool,
    page_list: &str,
    report: &mut Report,
) -> (&'static str, PageText) {
    let body = Body {
        source: Source {
            file: &page.file,
            text: &page.source,
            offset: page.body_offset,
        },
        lang: page.lang,
        is_page,
        page_list,
    };
    let parts = body.render(report);
    let template = page.template.as_ref().map(|t| t.get_ref().as_str());
    let template_offset = page.template.as_ref().map(|t| toml_offset(&page, t));
    let mut part = page.part;
    let mut placed = 0;
    let mut blocks = Vec::new();
    for item in parts {
        match item {
            Part::Prose(pieces) => blocks.push(Block::Prose(Html(leak_all(pieces)))),
            Part::Shortcode(name, offset) => {
                let problem = match template {
                    Some(template) if template == name => None,
                    Some(template) => Some(format!(
                        "this page's template is {template}: its part is written {{{{ {template}() }}}}"
                    )),
                    None => Some(format!(
                        "{{{{ {name}() }}}} is where a template draws its part, but this page has no template"
                    )),
                };
                if let Some(message) = problem {
                    report.push(Diagnostic::at(
                        &page.file,
                        &page.source,
                        offset,
                        message,
                        "remove the line, or set the page's `template` in its front matter",
                    ));
                    continue;
                }
                placed += 1;
                match part.take() {
                    Some(block) => blocks.push(block),
                    None => report.push(Diagnostic::at(
                        &page.file,
                        &page.source,
                        offset,
                        format!("{{{{ {name}() }}}} appears more than once"),
                        "the template's part is drawn once: keep one line",
                    )),
                }
            }
        }
    }
    if let (Some(template), 0) = (&page.template, placed) {
        let template = template.get_ref();
        report.push(Diagnostic::at(
            &page.file,
            &page.source,
            template_offset.expect("the page has a template"),
            format!("the page's template is {template}, but its text does not say where to draw it"),
            format!("put the line {{{{ {template}() }}}} where it goes, with an empty line before and after it"),
        ));
    }
    let text = PageText {
        description: leak(page.description.into_inner()),
        body: blocks,
    };
    (leak(page.title.into_inner()), text)
}
