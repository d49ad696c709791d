//! What the stages' tests share: rendering a short body as a page of a small site, with a
//! content folder of its own.

use std::path::Path;

use super::super::diagnostic::{Report, Source};
use super::super::documents::{self, Documents};
use super::super::files::{self, FILES_DIR};
use super::super::pictures::Pictures;
use super::super::Files;
use super::{Body, Part, Rendered};
use crate::Lang;

pub fn render(markdown: &str) -> (Vec<Part>, Report) {
    render_in(Lang::En, markdown)
}

pub fn render_in(lang: Lang, markdown: &str) -> (Vec<Part>, Report) {
    render_with(lang, markdown, &Folder::with(&[]))
}

pub fn render_with(lang: Lang, markdown: &str, folder: &Folder) -> (Vec<Part>, Report) {
    let (rendered, report) = rendered(lang, markdown, folder);
    (rendered.parts, report)
}

/// `markdown` rendered as `content/test.md`, on a site whose pages are `/`, `/concept/` and
/// `/ja/`.
pub fn rendered(lang: Lang, markdown: &str, folder: &Folder) -> (Rendered, Report) {
    let mut report = Report::default();
    let body = Body {
        source: Source {
            file: Path::new("content/test.md"),
            text: markdown,
            offset: 0,
        },
        lang,
        is_page: &|path| ["/", "/concept/", "/ja/"].contains(&path),
        page_list: "/, /concept/, /ja/",
        files: folder.files(),
    };
    let rendered = body.render(&mut report);
    (rendered, report)
}

/// The HTML of `markdown`, which must have no problem, with the base path written as `{BASE}`.
pub fn html(markdown: &str) -> String {
    html_in(Lang::En, markdown)
}

pub fn html_in(lang: Lang, markdown: &str) -> String {
    let (parts, report) = render_in(lang, markdown);
    assert!(report.is_empty(), "{report}");
    match &parts[..] {
        [Part::Prose(pieces)] => pieces.join("{BASE}"),
        other => panic!("{other:?}"),
    }
}

pub fn problems(markdown: &str) -> Vec<String> {
    problems_with(markdown, &Folder::with(&[]))
}

pub fn problems_with(markdown: &str, folder: &Folder) -> Vec<String> {
    render_with(Lang::En, markdown, folder)
        .1
         .0
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A content folder whose `files/` holds `files` (each one's name and bytes), read as the build
/// reads it, with a picture cache of its own.
pub struct Folder {
    pub dir: tempfile::TempDir,
    pub documents: Documents,
    pub pictures: Pictures,
}

impl Folder {
    pub fn with(files: &[(&str, &[u8])]) -> Folder {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(FILES_DIR)).unwrap();
        for (name, bytes) in files {
            std::fs::write(dir.path().join(FILES_DIR).join(name), bytes).unwrap();
        }
        let mut report = Report::default();
        let listed = files::list(dir.path());
        let documents = documents::read(listed.documents, &mut report);
        assert!(report.is_empty(), "{report}");
        let pictures = Pictures::read(listed.pictures, &dir.path().join("cache"));
        Folder {
            dir,
            documents,
            pictures,
        }
    }

    pub fn files(&self) -> Files<'_> {
        Files {
            documents: &self.documents,
            pictures: &self.pictures,
        }
    }
}
