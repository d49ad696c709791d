//! The site's text: every page and interface string in both languages, compiled from the
//! Markdown and TOML files in `content/` by the build script (`build.rs`). Components take their
//! words from here and hold none of their own.

pub use sendai_content::*;

use crate::routes::Route;

/// The whole site's content, as the build script wrote it out.
pub static SITE: Site = include!(concat!(env!("OUT_DIR"), "/site.rs"));

/// The interface text of one edition.
pub fn strings(lang: Lang) -> &'static Strings {
    SITE.strings.of(lang)
}

impl Route {
    /// The page's heading and navigation label, or Not Found's.
    pub fn title(self) -> &'static str {
        match self.page {
            Some(page) => page.text(self.lang).title,
            None => strings(self.lang).not_found.title,
        }
    }

    /// The meta description.
    pub fn description(self) -> &'static str {
        match self.page {
            Some(page) => page.text(self.lang).description,
            None => strings(self.lang).not_found.description,
        }
    }

    /// The full `<title>`: `<page> | <site>`.
    pub fn document_title(self) -> String {
        format!("{} | {}", self.title(), strings(self.lang).name)
    }
}
