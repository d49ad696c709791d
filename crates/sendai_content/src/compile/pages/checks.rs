//! What the two editions of a page, and the pages together, must agree on.

use super::super::diagnostic::{Diagnostic, Report};
use super::{toml_offset, PageFile};
use crate::{Block, Lang, Localized, Strings, Timeline};

/// The two editions of a page agree on what is not text: order, template, timeline dates.
pub fn check_pair(en: &PageFile, ja: &PageFile, report: &mut Report) {
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
    let name = |page: &PageFile| page.template.as_ref().map(|t| *t.get_ref());
    if name(en) != name(ja) {
        report.push(Diagnostic::in_file(
            &ja.file,
            format!(
                "the template here is {}, but in {} it is {}",
                name(ja).unwrap_or("not set"),
                en.file.display(),
                name(en).unwrap_or("not set")
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
pub fn check_distinct(
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
            let not_found = strings.map(|s| s.of(lang).not_found_title);
            let clash = pairs[..i]
                .iter()
                .map(|p| p.of(lang))
                .find(|p| p.title.get_ref() == title)
                .map(|p| p.file.display().to_string())
                .or_else(|| (not_found == Some(*title)).then(|| "the Not Found page".to_owned()));
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
