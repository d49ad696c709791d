//! The site's text, compiled from the Markdown and TOML files in `content/` by the build script
//! (`build.rs`): the shell every page shares, here, and each page's own text, in its data file
//! (`page_data`). Components take their words from these and hold none of their own.

pub use sendai_content::*;

use crate::routes::Route;

/// The shell: the list of pages with their titles, and the interface text, as the build script
/// wrote it out.
pub static SITE: Site = include!(concat!(env!("OUT_DIR"), "/site.rs"));

/// Every page's data file, as the build wrote it: `(slug, language, bytes)`. The prerenderer
/// publishes them and draws each page from them; the browser app fetches them instead, so
/// nothing of the app refers to this (a test checks the wasm holds no page text).
pub static PAGE_FILES: &[(&str, Lang, &[u8])] =
    include!(concat!(env!("OUT_DIR"), "/page_files.rs"));

/// The interface text of one edition.
pub fn strings(lang: Lang) -> &'static Strings {
    SITE.strings.of(lang)
}

impl Route {
    /// The page's heading and navigation label, or Not Found's.
    pub fn title(self) -> &'static str {
        match self.page {
            Some(page) => page.title(self.lang),
            None => strings(self.lang).not_found.title,
        }
    }

    /// The full `<title>`: `<page> | <site>`.
    pub fn document_title(self) -> String {
        format!("{} | {}", self.title(), strings(self.lang).name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every test the accessibility results name (`file: test name`) exists in
    /// `tests/e2e/<file>.test.mjs`, so the table cannot claim a check the suite does not make.
    #[test]
    fn every_test_the_accessibility_results_name_exists() {
        let mut named = 0;
        for (_, _, file) in PAGE_FILES {
            let text = data::decode(file, SITE.build).expect("the build's own data");
            for block in text.body {
                let Block::Conformance(table) = block else {
                    continue;
                };
                for test in table.rows.iter().filter_map(|row| row.test) {
                    let (file, name) = test.split_once(": ").expect("file: test name");
                    let path = format!("{}/tests/e2e/{file}.test.mjs", env!("CARGO_MANIFEST_DIR"));
                    let source = std::fs::read_to_string(&path).expect(&path);
                    let declared = format!("test('{}'", name.replace('\'', "\\'"));
                    assert!(
                        source.contains(&declared),
                        "{path} has no test named {name:?}"
                    );
                    named += 1;
                }
            }
        }
        assert!(named > 0, "the results name their tests");
    }
}
