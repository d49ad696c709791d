//! The fixture content (`crates/sendai_content/tests/fixtures/content`: made-up text, a few
//! pages) as the data files the app is given, so that the site's unit and browser tests render
//! the app from content of their own, never from the live site's.

/// The fixture's `site.bin`.
pub static SITE_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/site.bin"));

/// Every page's data file: `(slug, language, bytes)`.
pub static PAGE_BINS: &[(&str, sendai_content::Lang, &[u8])] =
    include!(concat!(env!("OUT_DIR"), "/page_files.rs"));
