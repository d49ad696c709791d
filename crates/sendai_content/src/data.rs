//! A page's data file: its [`PageText`] in one language, published beside the page's HTML
//! (`concept/page.bin` beside `concept/index.html`) for the app to fetch.
//!
//! The file is the build's identity ([`Site::build`](crate::Site::build)) followed by the text in
//! postcard, serde's compact binary format: smaller than JSON before and after compression, and
//! read without copying, since every text borrows from the file's bytes (the README's "Page
//! data" has the figures). The identity comes first so that an app never draws a page from
//! another build's data: after a redeploy, an app still running from the last build gets a file
//! it refuses, and loads the page in full instead.

use crate::{page_path, Lang, PageText};

/// The name of every page's data file, in the page's folder.
pub const FILE_NAME: &str = "page.bin";

/// The path of a page's data file, relative to the site's root: `/ja/concept/page.bin`.
pub fn file_path(lang: Lang, slug: &str) -> String {
    page_path(lang, slug) + FILE_NAME
}

/// Why a data file cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataError {
    /// The file belongs to another build of the site than the app's.
    OtherBuild,
    /// The file is not a page's data: cut short, damaged, or something else entirely.
    Malformed,
}

/// Reads a data file of the build `build`. The text borrows from `bytes`.
pub fn decode(bytes: &'static [u8], build: &str) -> Result<PageText, DataError> {
    let Some(text) = bytes.strip_prefix(build.as_bytes()) else {
        return Err(DataError::OtherBuild);
    };
    match postcard::take_from_bytes(text) {
        Ok((page, [])) => Ok(page),
        _ => Err(DataError::Malformed),
    }
}

/// Writes the data file of `page` for the build `build`.
#[cfg(feature = "compile")]
pub fn encode(page: &PageText, build: &str) -> Vec<u8> {
    let mut bytes = build.as_bytes().to_vec();
    bytes.extend(postcard::to_allocvec(page).expect("page text always serializes"));
    bytes
}

#[cfg(all(test, feature = "compile"))]
mod tests {
    use super::*;
    use crate::{Block, Html};

    fn page() -> PageText {
        PageText {
            description: "A page.",
            body: vec![Block::Prose(Html(vec!["<p>Text</p>"])), Block::Contact],
        }
    }

    #[test]
    fn a_page_reads_back_as_it_was_written() {
        let bytes = encode(&page(), "0123456789abcdef").leak();
        assert_eq!(decode(bytes, "0123456789abcdef"), Ok(page()));
        assert_eq!(file_path(Lang::Ja, "concept"), "/ja/concept/page.bin");
        assert_eq!(file_path(Lang::En, ""), "/page.bin");
    }

    #[test]
    fn another_builds_file_is_refused() {
        let bytes = encode(&page(), "0123456789abcdef").leak();
        assert_eq!(
            decode(bytes, "fedcba9876543210"),
            Err(DataError::OtherBuild)
        );
    }

    #[test]
    fn a_damaged_file_is_refused() {
        let bytes = encode(&page(), "0123456789abcdef");
        let cut: &'static [u8] = bytes[..bytes.len() - 3].to_vec().leak();
        assert_eq!(decode(cut, "0123456789abcdef"), Err(DataError::Malformed));
        let longer: &'static [u8] = [bytes.as_slice(), b"x"].concat().leak();
        assert_eq!(
            decode(longer, "0123456789abcdef"),
            Err(DataError::Malformed)
        );
        let html: &'static [u8] = b"0123456789abcdef<!DOCTYPE html><html>";
        assert_eq!(decode(html, "0123456789abcdef"), Err(DataError::Malformed));
    }
}
