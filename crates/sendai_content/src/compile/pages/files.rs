//! The folder's files: which are pages, and of which page and language; where a page's front
//! matter ends and its text starts.

use std::path::PathBuf;

use super::super::conformance::CONFORMANCE_FILE;
use super::super::diagnostic::{Diagnostic, Report};
use super::super::files::FILES_DIR;
use super::super::pictures::PICTURES_DIR;
use super::super::site_files::{SITE_FILE, STRINGS_FILE};
use super::super::toml_file::or_list;
use super::super::walk::Entry;
use crate::Lang;

/// The file name of the home page, as in Zola.
pub const HOME: &str = "_index";

/// The files of the folder that are not pages.
const DATA_FILES: [&str; 3] = [SITE_FILE, STRINGS_FILE, CONFORMANCE_FILE];

/// The page files at the top of the content folder, with their slug and language; other files
/// are problems.
pub fn list(top: &[Entry], report: &mut Report) -> Vec<(PathBuf, String, Lang)> {
    let mut pages = Vec::new();
    for Entry { name, path } in top {
        if DATA_FILES.contains(&name.as_str()) {
            continue;
        }
        match page_name(name) {
            Ok((slug, lang)) => pages.push((path.clone(), slug, lang)),
            Err(help) => report.push(Diagnostic::in_file(
                path,
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
            "content/ holds pages (NAME.md and NAME.ja.md), {} only, documents and pictures in \
             files/ and posts in their section's folder: move this file out of it, or into \
             files/ if pages link to it",
            or_list(&DATA_FILES.map(String::from)).replacen(" or ", " and ", 1)
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
    if slug == FILES_DIR {
        return Err(format!(
            "/{FILES_DIR}/ is the address of the documents (content/{FILES_DIR}/): give the page another name"
        ));
    }
    if slug == PICTURES_DIR {
        return Err(format!(
            "/{PICTURES_DIR}/ is the address of the pictures the build writes: give the page another name"
        ));
    }
    if !crate::is_address_name(slug) {
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

/// The byte range of the TOML between the `+++` lines, and where the body starts.
pub fn split_front_matter(source: &str) -> Option<(std::ops::Range<usize>, usize)> {
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
