//! A page's front matter: its settings, and the part its template draws.
//!
//! A template is a variant of [`Block`]: `template = "timeline"` names `Block::Timeline`, whose
//! data is the front matter's `[timeline]` section, and a template without data
//! (`template = "contact"`) is a variant without any. So a new template is a new variant and
//! the component that draws it; nothing here lists them.

use std::borrow::Cow;
use std::path::PathBuf;

use serde::Deserialize;
use serde_path_to_error::Segment;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::super::conformance::Results;
use super::super::conformance::CONFORMANCE_FILE;
use super::super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::super::read_file;
use super::super::toml_file::{value_at, Value};
use super::files::split_front_matter;
use super::PageFile;
use crate::{Block, Html, Lang, Listing, Localized};

/// The settings of the front matter; the template's section is read as the template's data.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct FrontMatter {
    title: Spanned<&'static str>,
    description: Spanned<&'static str>,
    weight: Spanned<i64>,
    listed_in: Option<Spanned<Listing>>,
    template: Option<Spanned<&'static str>>,
}

/// The keys of a page's front matter, in the order the site reads them.
pub fn keys() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<'static, FrontMatter>()
}

/// The parts of a page that no template draws: the page's text, and what the build makes of
/// the sections' posts.
const NOT_TEMPLATES: [&str; 2] = ["prose", "built"];

/// The name of every template, in the order of [`Block`]'s variants: those that serde knows,
/// but the [`NOT_TEMPLATES`].
pub fn templates() -> Vec<&'static str> {
    let unknown = Spanned::new(0..0, DeValue::String(Cow::Borrowed("")));
    let Err(err) = Block::deserialize(toml::de::ValueDeserializer::from(unknown)) else {
        unreachable!("no template has an empty name")
    };
    // "unknown variant ``, expected one of `prose`, `timeline`, …"
    let names: Vec<&str> = err.message().split('`').skip(1).step_by(2).collect();
    names
        .into_iter()
        .skip(1)
        .filter(|name| !NOT_TEMPLATES.contains(name))
        .map(|name| super::super::leak(name.to_owned()))
        .collect()
}

/// Reads a page's front matter; `None` if it has a problem, which is in `report`.
pub fn read(
    file: PathBuf,
    slug: String,
    lang: Lang,
    conformance: Option<&Localized<Results>>,
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
    let toml = Source {
        file: &file,
        text: &source,
        offset: toml_range.start,
    };
    let mut value = toml
        .parse(&source[toml_range.clone()])
        .map_err(|problems| problems.into_iter().for_each(|d| report.push(d)))
        .ok()?;
    let section = take_section(&toml, &mut value).collect_into(report)?;
    let front: FrontMatter = toml.read(&value, "the front matter").collect_into(report)?;
    let part = match &front.template {
        Some(name) => Some(part(&toml, name, section, conformance, lang).collect_into(report)?),
        None => None,
    };
    Some(PageFile {
        listed_in: front
            .listed_in
            .unwrap_or_else(|| Spanned::new(0..0, Listing::Navigation)),
        title: front.title,
        description: front.description,
        weight: front.weight,
        template: front.template,
        part,
        file,
        source,
        slug,
        lang,
        toml_offset: toml_range.start,
        body_offset,
    })
}

/// A section of the front matter, with its name.
type Section = (Spanned<Cow<'static, str>>, Value);

/// Takes the section of the template's settings (`[timeline]` for `template = "timeline"`)
/// out of the front matter, with its name; a template the site does not have is a problem.
fn take_section(toml: &Source, value: &mut Value) -> Result<Option<Section>, Diagnostic> {
    let DeValue::Table(table) = value.get_mut() else {
        return Ok(None);
    };
    let Some((name, span)) = table
        .iter()
        .find(|(key, _)| key.get_ref() == "template")
        .and_then(|(_, name)| match name.get_ref() {
            DeValue::String(text) => Some((text.clone(), name.span())),
            _ => None,
        })
    else {
        return Ok(None);
    };
    let templates = templates();
    if !templates.contains(&name.as_ref()) {
        return Err(toml.error(
            span,
            format!("there is no template called \"{name}\""),
            format!(
                "the templates are {}; remove `template` for a page of text only",
                templates.join(", ")
            ),
        ));
    }
    let is_section = |value: &Value| matches!(value.get_ref(), DeValue::Table(_));
    let Some(key) = table
        .iter()
        .find(|(key, value)| *key.get_ref() == name && is_section(value))
        .map(|(key, _)| key.clone())
    else {
        return Ok(None);
    };
    Ok(table.remove(&key).map(|section| (key, section)))
}

/// The part the template `name` draws, from its section of the front matter.
fn part(
    toml: &Source,
    name: &Spanned<&'static str>,
    section: Option<Section>,
    conformance: Option<&Localized<Results>>,
    lang: Lang,
) -> Result<Block, Diagnostic> {
    let template = *name.get_ref();
    if template == "conformance" {
        return conformance
            .map(|results| Block::Conformance(results.of(lang).markup(lang)))
            .ok_or_else(|| {
                toml.error(
                    name.span(),
                    format!(
                        "the conformance template draws the table in {CONFORMANCE_FILE}, which \
                         is missing or has problems"
                    ),
                    format!("add {CONFORMANCE_FILE} to the content folder, or mend it"),
                )
            });
    }
    // The search page's results region is written once the whole site is known (its words,
    // the site map's address): `search::fill`.
    if template == "search" {
        return match section {
            None => Ok(Block::Search(Html(Vec::new()))),
            Some((key, _)) => Err(toml.error(
                key.span(),
                "the search template has no settings".to_owned(),
                "remove the [search] section".to_owned(),
            )),
        };
    }
    // A template without data reads from its name alone.
    let unit = toml.read::<Block>(
        &Spanned::new(name.span(), DeValue::String(Cow::Borrowed(template))),
        "the front matter",
    );
    let (key, section) = match (unit, section) {
        (Ok(block), None) => return Ok(block),
        (Ok(_), Some((key, _))) => {
            return Err(toml.error(
                key.span(),
                format!("the {template} template has no settings"),
                format!("remove the [{template}] section"),
            ))
        }
        (Err(_), None) => {
            return Err(toml.error(
                name.span(),
                format!(
                    "the {template} template draws what its [{template}] section says, and \
                     there is none"
                ),
                format!(
                    "add a [{template}] section below the settings, with what \
                     docs/editing.md, \"Templates\", lists for {template}"
                ),
            ))
        }
        (Err(_), Some(section)) => section,
    };
    let section_span = section.span();
    let mut table = DeTable::new();
    table.insert(key, section);
    let value = Spanned::new(section_span.clone(), DeValue::Table(table));
    let block: Block = toml.read(&value, "the front matter")?;
    if let Block::Timeline(timeline) = &block {
        for (index, entry) in timeline.entries.iter().enumerate() {
            if !is_date(entry.datetime) {
                let path = [
                    Segment::Map {
                        key: template.to_owned(),
                    },
                    Segment::Map {
                        key: "entries".to_owned(),
                    },
                    Segment::Seq { index },
                    Segment::Map {
                        key: "date".to_owned(),
                    },
                ];
                let span = value_at(&value, &path).map_or(section_span.clone(), Spanned::span);
                return Err(toml.error(
                    span,
                    format!("\"{}\" is not a date as the site writes it", entry.datetime),
                    "write the year, the year and month, or the full date, with hyphens: \
                     \"2001\", \"2001-03\" or \"2001-03-31\"",
                ));
            }
        }
    }
    Ok(block)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The "Templates" table of docs/editing.md, which editors read, lists every template, in order.
    #[test]
    fn the_editors_guide_lists_every_template() {
        let readme = include_str!("../../../../../docs/editing.md");
        let table = readme
            .split("## Templates")
            .nth(1)
            .expect("docs/editing.md has its Templates part");
        let listed: Vec<&str> = table
            .lines()
            .skip_while(|line| !line.starts_with('|'))
            .take_while(|line| line.starts_with('|'))
            .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
            .filter(|name| *name != "template")
            .collect();
        assert_eq!(listed, templates());
    }
}
