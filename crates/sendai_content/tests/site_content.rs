//! Checks of the site's own `content/` that its words cannot show: the accessibility results
//! list each success criterion of their standard once, name only tests that exist, and give the
//! conformance word the results call for; docs/testing.md counts the criteria as the results do.
//! (Every other test of the compiler runs on `fixtures/content`, so that an editor's change to
//! `content/` cannot break it.)

use std::path::{Path, PathBuf};

use sendai_content::compile::{conformance_results, CriteriaTable, Results};
use sendai_content::Lang;

/// The site's own folder, two levels up from this crate's.
fn site_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The accessibility results of each edition, as the build reads them from `content/`.
fn conformance() -> Vec<(Lang, Results)> {
    let results =
        conformance_results(&site_root().join("content")).expect("the site's results are read");
    vec![(Lang::En, results.en), (Lang::Ja, results.ja)]
}

/// A word of the results (`met`, `conforms`, …) in `lang`, as `content/conformance.toml`
/// writes it: an editor may reword it.
fn conformance_word(word: &str, lang: Lang) -> String {
    let path = site_root()
        .join("content/conformance.toml")
        .display()
        .to_string();
    let file: toml::Table = std::fs::read_to_string(&path)
        .expect(&path)
        .parse()
        .expect("the content's own TOML");
    file["words"][word][lang.code()]
        .as_str()
        .unwrap_or_else(|| panic!("{path}: [words.{word}] {}", lang.code()))
        .to_owned()
}

/// The success criteria at levels A and AA, by the WCAG version that brought them in: those
/// of WCAG 2.0 are JIS X 8341-3:2016's (38, with 4.1.1); WCAG 2.1 and 2.2 added 18.
const JIS_CRITERIA: &str = "1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.4.1 1.4.2 \
    1.4.3 1.4.4 1.4.5 2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6 2.4.7 \
    3.1.1 3.1.2 3.2.1 3.2.2 3.2.3 3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1 4.1.2";
const ADDED_CRITERIA: &str = "1.3.4 1.3.5 1.4.10 1.4.11 1.4.12 1.4.13 2.1.4 2.4.11 2.5.1 \
    2.5.2 2.5.3 2.5.4 2.5.7 2.5.8 3.2.6 3.3.7 3.3.8 4.1.3";

/// The statement's tables hold each criterion of its standard once, in order: 38 for JIS X
/// 8341-3:2016 and 18 additional ones; docs/testing.md counts them the same.
#[test]
fn the_results_list_every_criterion_of_their_standard_once() {
    let numbers =
        |table: &CriteriaTable| table.rows.iter().map(|row| row.number).collect::<Vec<_>>();
    // Every count of docs/testing.md in the words "JIS X 8341-3:2016's 38 criteria" and "the 18
    // that WCAG 2.1 and 2.2 added", however its lines are wrapped.
    let readme = include_str!("../../../docs/testing.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let jis_counts: Vec<usize> = readme
        .split("8341-3:2016's ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect();
    let added_counts: Vec<usize> = readme
        .split(" that WCAG 2.1 and 2.2 added")
        .collect::<Vec<_>>()
        .split_last()
        .map(|(_, before)| {
            before
                .iter()
                .filter_map(|text| {
                    let start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    text[start..].parse().ok()
                })
                .collect()
        })
        .unwrap_or_default();
    let (jis, added) = (
        JIS_CRITERIA.split_whitespace().count(),
        ADDED_CRITERIA.split_whitespace().count(),
    );
    assert!(
        !jis_counts.is_empty() && jis_counts.iter().all(|count| *count == jis),
        "docs/testing.md counts JIS X 8341-3:2016's criteria as {jis_counts:?}, not {jis}"
    );
    assert!(
        !added_counts.is_empty() && added_counts.iter().all(|count| *count == added),
        "docs/testing.md counts the criteria WCAG 2.1 and 2.2 added as {added_counts:?}, not {added}"
    );
    for (_, results) in conformance() {
        assert_eq!(
            numbers(&results.jis),
            JIS_CRITERIA.split_whitespace().collect::<Vec<_>>()
        );
        assert_eq!(
            numbers(&results.added),
            ADDED_CRITERIA.split_whitespace().collect::<Vec<_>>()
        );
    }
}

/// The conformance word follows the rows: 準拠 (conforms) only when every JIS X 8341-3:2016
/// criterion is met (a criterion that does not apply is met), else 一部準拠.
#[test]
fn the_conformance_word_follows_the_results() {
    let editions = conformance();
    assert_eq!(editions.len(), 2, "the results in both editions");
    for (lang, results) in editions {
        let [met, conforms, partially] =
            ["met", "conforms", "partially_conforms"].map(|word| conformance_word(word, lang));
        let all_met = results.jis.rows.iter().all(|row| row.result == met);
        let entry = &results.record[3];
        assert_eq!(
            entry.values,
            [if all_met { &conforms } else { &partially }],
            "{entry:?}"
        );
    }
}

/// Every test the accessibility results name (`file: test name`) exists in
/// `tests/e2e/<file>.test.mjs`, so the table cannot claim a check the suite does not make.
#[test]
fn every_test_the_accessibility_results_name_exists() {
    let mut named = 0;
    for (_, results) in conformance() {
        for test in results
            .jis
            .rows
            .iter()
            .chain(&results.added.rows)
            .flat_map(|row| &row.tests)
        {
            let (file, name) = test.split_once(": ").expect("file: test name");
            let path = site_root()
                .join(format!("tests/e2e/{file}.test.mjs"))
                .display()
                .to_string();
            let source = std::fs::read_to_string(&path).expect(&path);
            // Prettier quotes a name that holds an apostrophe with double quotes.
            let declared = [
                format!("test('{}'", name.replace('\'', "\\'")),
                format!("test(\"{name}\""),
            ];
            assert!(
                declared.iter().any(|d| source.contains(d.as_str())),
                "{path} has no test named {name:?}"
            );
            named += 1;
        }
    }
    assert!(named > 0, "the results name their tests");
}
