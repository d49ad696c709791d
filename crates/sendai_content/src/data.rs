//! The data files the app is given: the shell, [`Site`](crate::Site), in `site.bin` at the site's
//! root, and each page's [`PageText`](crate::PageText) in one language, published beside the
//! page's HTML (`concept/page.bin` beside `concept/index.html`).
//!
//! Every file starts with a header of two names, then its value in postcard, serde's compact
//! binary format: smaller than JSON before and after compression, and read without copying,
//! since every text borrows from the file's bytes (docs/architecture.md, "The shell and the page data"
//! has the figures).
//! - [`FORMAT`]: the data format of the code that reads it, so that an app built before a
//!   change of these types refuses a file written after it;
//! - the build: a hash of the shell, which every page is drawn in, so that an app never draws a
//!   page's data into another build's shell. After a redeploy that changed the shell (a title,
//!   a word of the interface, a page added), an app still running from the last build gets
//!   files it refuses, and loads the page in full instead; where only pages' texts changed, it
//!   draws their new text. A page's data file changes only with its own text, so that a build
//!   redoes only what a change touches.

use serde::Deserialize;

use crate::{page_path, Lang};

/// The name of every page's data file, in the page's folder.
pub const PAGE_FILE_NAME: &str = "page.bin";

/// The shell's data file, at the site's root.
pub const SITE_FILE_NAME: &str = "site.bin";

/// The data format: a hash of the source of the types the files hold (this crate's `lib.rs`)
/// and of this module, which reads and writes them (its tests live elsewhere, in
/// `tests/data_files.rs`). Any change to either gives a new format, with no number to remember
/// to raise, a comment's included: the price of never forgetting one. The content's own changes
/// do not.
pub const FORMAT: [u8; NAME_LEN] = hex(fnv1a(&[
    include_str!("lib.rs").as_bytes(),
    include_str!("data.rs").as_bytes(),
]));

/// The length of each of the header's two names, in ASCII hex digits.
pub const NAME_LEN: usize = 16;

/// The path of a page's data file, relative to the site's root: `/ja/concept/page.bin`.
pub fn file_path(lang: Lang, slug: &str) -> String {
    page_path(lang, slug) + PAGE_FILE_NAME
}

/// Why a data file cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataError {
    /// The file does not start with this code's data format: it was written for an older or
    /// newer app, or it is no data file at all (an HTML page a host sent instead).
    OtherFormat,
    /// The file belongs to another build of the site's shell than the one asked for.
    OtherBuild,
    /// The file is not the data it should be: cut short, damaged, or something else entirely.
    Malformed,
}

/// The build a data file was compiled from, if it is of this code's format.
pub fn build_of(bytes: &'static [u8]) -> Result<&'static str, DataError> {
    let rest = bytes
        .strip_prefix(FORMAT.as_slice())
        .ok_or(DataError::OtherFormat)?;
    rest.get(..NAME_LEN)
        .and_then(|name| std::str::from_utf8(name).ok())
        .ok_or(DataError::Malformed)
}

/// Reads a data file of the build `build`: its value borrows from `bytes`.
pub fn decode<T: Deserialize<'static>>(bytes: &'static [u8], build: &str) -> Result<T, DataError> {
    if build_of(bytes)? != build {
        return Err(DataError::OtherBuild);
    }
    match postcard::take_from_bytes(&bytes[2 * NAME_LEN..]) {
        Ok((value, [])) => Ok(value),
        _ => Err(DataError::Malformed),
    }
}

/// Writes `value` as a data file of the build `build` (a name of [`NAME_LEN`] hex digits).
#[cfg(feature = "compile")]
pub fn encode<T: serde::Serialize>(value: &T, build: &str) -> Vec<u8> {
    assert!(
        build.len() == NAME_LEN && build.bytes().all(|b| b.is_ascii_hexdigit()),
        "a build is named by {NAME_LEN} hex digits: {build:?}"
    );
    let mut bytes = FORMAT.to_vec();
    bytes.extend(build.as_bytes());
    bytes.extend(postcard::to_allocvec(value).expect("the content's types always serialize"));
    bytes
}

/// FNV-1a, 64 bits, over several byte strings: a hash the compiler can work out.
const fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            hash ^= parts[part][i] as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            i += 1;
        }
        part += 1;
    }
    hash
}

/// `value` as [`NAME_LEN`] lowercase hex digits.
const fn hex(value: u64) -> [u8; NAME_LEN] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0; NAME_LEN];
    let mut i = 0;
    while i < NAME_LEN {
        out[i] = DIGITS[((value >> (60 - 4 * i)) & 0xf) as usize];
        i += 1;
    }
    out
}
