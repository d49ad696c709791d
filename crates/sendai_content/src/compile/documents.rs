//! The documents editors publish (`content/files/`: PDF, Word, Excel, PowerPoint, CSV, plain
//! text), which pages link to by their address from the site's root, `/files/report.pdf`. The
//! build copies them under their own names, since people share these addresses, and each link
//! says the document's format and size, as Japanese public bodies write it: `(PDF, 1.2 MB)`,
//! `（PDF：1.2MB）`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Report};
use super::files::{size, FILES_DIR};
use crate::Lang;

/// The largest file Cloudflare Pages serves.
const MAX_BYTES: u64 = 25 * 1024 * 1024;

/// The types of document a page can link to: the file name's ending, and the format's name in
/// each language.
const KINDS: [(&str, &str, &str); 6] = [
    ("pdf", "PDF", "PDF"),
    ("docx", "Word", "Word"),
    ("xlsx", "Excel", "Excel"),
    ("pptx", "PowerPoint", "PowerPoint"),
    ("csv", "CSV", "CSV"),
    ("txt", "text", "テキスト"),
];

/// The documents of `content/files/`, by name.
#[derive(Debug, Default)]
pub struct Documents {
    pub ok: BTreeMap<String, Document>,
    /// Those with a problem, which is reported on the file.
    pub refused: BTreeSet<String>,
}

impl Documents {
    /// Reports each document that no page links to: it would be published where no reader finds
    /// it, and no editor sees it (a draft, say).
    pub fn report_unlinked(&self, linked: &BTreeSet<String>, report: &mut Report) {
        for (name, document) in &self.ok {
            if !linked.contains(name) {
                report.push(Diagnostic::in_file(
                    &document.source,
                    "no page links to this document",
                    format!(
                        "link to it from a page, [its title](/{FILES_DIR}/{name}), or remove it from \
                         {FILES_DIR}/: the site publishes only the documents its pages link to"
                    ),
                ));
            }
        }
    }
}

/// A document of `content/files/`, checked.
#[derive(Debug)]
pub struct Document {
    pub source: PathBuf,
    /// Its type, an entry of `KINDS`.
    kind: usize,
    bytes: u64,
}

impl Document {
    /// What a link to it says after its text: ` (PDF, 1.2 MB)` or `（PDF：1.2MB）`.
    pub fn label(&self, lang: Lang) -> String {
        let (_, en, ja) = KINDS[self.kind];
        let (number, unit) = size(self.bytes);
        match lang {
            Lang::En => format!(" ({en}, {number} {unit})"),
            Lang::Ja => format!("（{ja}：{number}{unit}）"),
        }
    }
}

/// The documents of `content/files/` (each one's name and file), each checked; a file with a
/// problem is reported.
pub fn read(files: Vec<(String, PathBuf)>, report: &mut Report) -> Documents {
    let mut documents = Documents::default();
    for (name, source) in files {
        match check(&name, &source) {
            Ok((kind, bytes)) => {
                documents.ok.insert(
                    name,
                    Document {
                        source,
                        kind,
                        bytes,
                    },
                );
            }
            Err((message, help)) => {
                report.push(Diagnostic::in_file(&source, message, help));
                documents.refused.insert(name);
            }
        }
    }
    documents
}

/// The type and size of a document, or what is wrong with it.
fn check(name: &str, file: &Path) -> Result<(usize, u64), (String, String)> {
    let metadata = std::fs::metadata(file).map_err(|err| {
        (
            format!("this file cannot be read ({err})"),
            "check that it can be read".into(),
        )
    })?;
    if !metadata.is_file() {
        return Err((
            format!("{FILES_DIR}/ holds documents only, not folders"),
            format!("move the documents into {FILES_DIR}/ itself"),
        ));
    }
    let kind = kind_of(name).ok_or_else(|| {
        (
            format!(
                "the site does not publish files of this type ({})",
                name.rsplit_once('.').map_or("none", |(_, ending)| ending)
            ),
            format!("save it as {}, or ask a developer", allowed()),
        )
    })?;
    let (stem, ending) = name.rsplit_once('.').unwrap_or((name, ""));
    if ending != KINDS[kind].0 || !crate::is_address_name(stem) {
        return Err((
            "a document's file name becomes its address".to_owned(),
            "rename it with lowercase letters a to z, digits and hyphens, then its type in \
             lowercase, such as annual-report-2010.pdf"
                .to_owned(),
        ));
    }
    if metadata.len() > MAX_BYTES {
        let (number, unit) = size(metadata.len());
        return Err((
            format!("this file is {number} {unit}, more than the 25 MB a static host serves"),
            "make it smaller (a PDF saved for the web, pictures at a lower resolution), or split it"
                .to_owned(),
        ));
    }
    Ok((kind, metadata.len()))
}

/// The entry of `KINDS` for a file name's ending, in any case (the name's check asks for
/// lowercase).
pub fn kind_of(name: &str) -> Option<usize> {
    let (_, ending) = name.rsplit_once('.')?;
    KINDS
        .iter()
        .position(|(kind, _, _)| kind.eq_ignore_ascii_case(ending))
}

/// The types a document may have, for messages: `.pdf, .docx, … or .txt`.
pub fn allowed() -> String {
    let endings: Vec<String> = KINDS
        .iter()
        .map(|(kind, _, _)| format!(".{kind}"))
        .collect();
    super::toml_file::or_list(&endings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_says_the_format_and_size_in_each_language_s_way() {
        let document = Document {
            source: PathBuf::from("content/files/annual-report-2010.pdf"),
            kind: 0,
            bytes: 1_258_291,
        };
        assert_eq!(document.label(Lang::En), " (PDF, 1.2 MB)");
        assert_eq!(document.label(Lang::Ja), "（PDF：1.2MB）");
    }

    #[test]
    fn only_the_listed_types_are_documents() {
        assert_eq!(kind_of("report.pdf"), Some(0));
        assert_eq!(kind_of("notes.txt"), Some(5));
        assert_eq!(kind_of("report.PDF"), Some(0));
        assert_eq!(kind_of("old.doc"), None);
        assert_eq!(kind_of("pdf"), None);
    }
}
