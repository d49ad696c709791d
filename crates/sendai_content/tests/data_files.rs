//! The data files: what the build writes reads back as it was, and a file of another build,
//! another data format or a damaged one is refused.

use sendai_content::data::{build_of, decode, encode, file_path, DataError, FORMAT, NAME_LEN};
use sendai_content::{Block, Html, Lang, PageText};

const BUILD: &str = "0123456789abcdef";

fn page() -> PageText {
    PageText {
        description: "A page.",
        title: None,
        body: vec![Block::Prose(Html(vec!["<p>Text</p>"])), Block::Contact],
    }
}

#[test]
fn a_page_reads_back_as_it_was_written() {
    let bytes = encode(&page(), BUILD).leak();
    assert_eq!(build_of(bytes), Ok(BUILD));
    assert_eq!(decode(bytes, BUILD), Ok(page()));
    assert_eq!(file_path(Lang::Ja, "concept"), "/ja/concept/page.bin");
    assert_eq!(file_path(Lang::En, ""), "/page.bin");
}

#[test]
fn another_builds_file_is_refused() {
    let bytes = encode(&page(), BUILD).leak();
    assert_eq!(
        decode::<PageText>(bytes, "fedcba9876543210"),
        Err(DataError::OtherBuild)
    );
}

/// An app built before a change of the data's types refuses a file written after it.
#[test]
fn a_file_of_another_format_is_refused() {
    let mut bytes = encode(&page(), BUILD);
    bytes[..NAME_LEN].copy_from_slice(b"00000000deadbeef");
    let bytes: &'static [u8] = bytes.leak();
    assert_eq!(build_of(bytes), Err(DataError::OtherFormat));
    assert_eq!(
        decode::<PageText>(bytes, BUILD),
        Err(DataError::OtherFormat)
    );
}

#[test]
fn a_damaged_file_is_refused() {
    let bytes = encode(&page(), BUILD);
    let cut: &'static [u8] = bytes[..bytes.len() - 3].to_vec().leak();
    assert_eq!(decode::<PageText>(cut, BUILD), Err(DataError::Malformed));
    let longer: &'static [u8] = [bytes.as_slice(), b"x"].concat().leak();
    assert_eq!(decode::<PageText>(longer, BUILD), Err(DataError::Malformed));
    let html: &'static [u8] = b"<!DOCTYPE html><html><title>Not data</title></html>";
    assert_eq!(decode::<PageText>(html, BUILD), Err(DataError::OtherFormat));
    let header_only: &'static [u8] = [FORMAT.as_slice(), b"0123"].concat().leak();
    assert_eq!(build_of(header_only), Err(DataError::Malformed));
}

#[test]
fn the_format_is_a_name_of_hex_digits() {
    assert_eq!(FORMAT.len(), NAME_LEN);
    assert!(FORMAT.iter().all(u8::is_ascii_hexdigit));
    assert_ne!(FORMAT, [b'0'; NAME_LEN], "a hash, not a placeholder");
}
