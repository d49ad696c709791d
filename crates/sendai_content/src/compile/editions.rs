//! Pairing the two editions of a thing written once per language (`NAME.md` in English,
//! `NAME.ja.md` in Japanese): the pages, each section's `_index` files and its posts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Report};
use crate::{Lang, Localized};

/// A file of one edition, its front matter read: `None` where it has a problem, already reported.
pub struct EditionFile<T> {
    pub key: String,
    pub lang: Lang,
    pub file: PathBuf,
    pub read: Option<T>,
}

/// Pairs each key's two editions, in the order of the keys. A key with one file only is
/// reported as missing the other, with `what` naming the thing in the message ("page",
/// "post", "section"); a key whose files have problems is left out, its problems reported.
pub fn pair<T>(
    files: Vec<EditionFile<T>>,
    what: &str,
    report: &mut Report,
) -> Vec<(String, Localized<T>)> {
    let mut keys: BTreeMap<String, Localized<Option<EditionFile<T>>>> = BTreeMap::new();
    for file in files {
        let entry = keys
            .entry(file.key.clone())
            .or_insert(Localized { en: None, ja: None });
        match file.lang {
            Lang::En => entry.en = Some(file),
            Lang::Ja => entry.ja = Some(file),
        }
    }
    let mut pairs = Vec::new();
    for (key, Localized { en, ja }) in keys {
        match (en, ja) {
            (Some(en), Some(ja)) => {
                if let (Some(en), Some(ja)) = (en.read, ja.read) {
                    pairs.push((key, Localized { en, ja }));
                }
            }
            (Some(one), None) | (None, Some(one)) => {
                if one.read.is_some() {
                    report.push(missing_edition(&one.file, one.lang, what));
                }
            }
            (None, None) => {}
        }
    }
    pairs
}

/// The file of the other edition: `concept.ja.md` for `concept.md`, and back.
pub fn other_edition(file: &Path, lang: Lang) -> PathBuf {
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(&name);
    let other = match lang {
        Lang::En => format!("{stem}.ja.md"),
        Lang::Ja => format!("{}.md", stem.strip_suffix(".ja").unwrap_or(stem)),
    };
    file.with_file_name(other)
}

fn missing_edition(present: &Path, lang: Lang, what: &str) -> Diagnostic {
    let missing = other_edition(present, lang);
    let language = match lang {
        Lang::En => "Japanese",
        Lang::Ja => "English",
    };
    let name = missing
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    Diagnostic::in_file(
        present,
        format!(
            "the {what} \"{stem}\" has no {language} edition: {} is missing",
            missing.display()
        ),
        format!(
            "every {what} is published in both languages: add {}, or remove {} too",
            missing.display(),
            present.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(key: &str, lang: Lang, read: Option<u8>) -> EditionFile<u8> {
        let name = match lang {
            Lang::En => format!("{key}.md"),
            Lang::Ja => format!("{key}.ja.md"),
        };
        EditionFile {
            key: key.to_owned(),
            lang,
            file: PathBuf::from("content").join(name),
            read,
        }
    }

    #[test]
    fn two_editions_pair_one_is_missing_its_other_and_a_broken_one_is_left_out() {
        let mut report = Report::default();
        let pairs = pair(
            vec![
                file("b", Lang::Ja, Some(2)),
                file("a", Lang::En, Some(1)),
                file("b", Lang::En, Some(1)),
                file("c", Lang::En, Some(1)),
                file("d", Lang::En, None),
                file("d", Lang::Ja, Some(1)),
            ],
            "page",
            &mut report,
        );
        let keys: Vec<&str> = pairs.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, ["b"]);
        assert_eq!(pairs[0].1.ja, 2);
        let messages: Vec<&str> = report.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the page \"a\" has no Japanese edition: content/a.ja.md is missing",
                "the page \"c\" has no Japanese edition: content/c.ja.md is missing",
            ]
        );
    }

    #[test]
    fn the_other_edition_of_a_file_is_named_from_its_own() {
        assert_eq!(
            other_edition(Path::new("content/notices/2026-12-01-x.ja.md"), Lang::Ja),
            Path::new("content/notices/2026-12-01-x.md")
        );
        assert_eq!(
            other_edition(Path::new("content/_index.md"), Lang::En),
            Path::new("content/_index.ja.md")
        );
    }
}
