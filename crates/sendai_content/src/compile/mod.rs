//! The content compiler: reads `content/` (Zola's layout: one Markdown file per page and
//! language, TOML front matter, plus `site.toml` and `strings.toml`), checks all of it, and
//! writes the [`Site`](crate::Site) value out as Rust source for the site's build script.
//!
//! Every problem is reported with its file, line and column, what is wrong and what to do, and
//! all problems are reported at once, so an editor fixes them in one go.

mod diagnostic;
mod markdown;
mod pages;
mod site_files;
mod toml_reader;

use std::path::Path;

use databake::Bake;

pub use diagnostic::{Diagnostic, Report};

use crate::Site;

/// Reads and checks the content folder `dir`. Paths in messages start with `dir` as given.
pub fn compile(dir: &Path) -> Result<Site, Report> {
    let mut report = Report::default();
    let (contact, strings) = site_files::read(dir, &mut report);
    let conformance = site_files::read_conformance(dir, &mut report);
    let pages = pages::read(dir, strings.as_ref(), conformance.as_ref(), &mut report);
    let site = (|| {
        Some(Site {
            pages: Vec::leak(pages?),
            strings: strings?,
            contact: contact?,
        })
    })();
    report.into_result(site)
}

/// The Rust expression that builds `site`, for `include!`.
pub fn bake(site: &Site) -> String {
    site.bake(&Default::default()).to_string()
}

/// Reads a file of the content folder, or says why it cannot.
fn read_file(file: &Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(file).map_err(|err| {
        Diagnostic::in_file(
            file,
            format!("this file cannot be read ({err})"),
            match err.kind() {
                std::io::ErrorKind::NotFound => {
                    "create it; the README's \"Editing the site\" shows what goes in it"
                }
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

fn leak_all(texts: Vec<String>) -> &'static [&'static str] {
    texts.into_iter().map(leak).collect::<Vec<_>>().leak()
}
