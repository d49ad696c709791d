//! The index and the ranking on small made-up documents, read back from the files the build
//! writes, as the browser reads them.

use std::collections::BTreeMap;

use crate::index::{doc_file, term_file, DocFile, IndexBuilder, Root, TermFile, ROOT_FILE};
use crate::{Query, QueryError, Segment};

/// Indexes `docs` (path, title, text) and gives the paths found for `query`, best first.
fn search(docs: &[(&str, &str, &str)], query: &str) -> Vec<String> {
    let files = build(docs);
    let root: Root = postcard::from_bytes(&files[ROOT_FILE]).unwrap();
    let query = Query::parse(query).unwrap();
    let term_files: BTreeMap<u32, TermFile> = query
        .terms()
        .iter()
        .map(|term| root.term_file_of(term))
        .map(|n| (n, postcard::from_bytes(&files[&term_file(n)]).unwrap()))
        .collect();
    let hits = query.rank(root.docs, |term| {
        term_files[&root.term_file_of(term)]
            .postings(term)
            .unwrap_or(&[])
    });
    hits.iter()
        .map(|hit| {
            let (n, i) = root.doc_file_of(hit.doc);
            let file: DocFile = postcard::from_bytes(&files[&doc_file(n)]).unwrap();
            file.docs[i].path.to_owned()
        })
        .collect()
}

fn build(docs: &[(&str, &str, &str)]) -> BTreeMap<String, Vec<u8>> {
    let mut builder = IndexBuilder::default();
    for (path, title, text) in docs {
        builder.add(path.to_string(), title.to_string(), None, text.to_string());
    }
    builder.finish().0.into_iter().collect()
}

const JAPANESE: [(&str, &str, &str); 5] = [
    (
        "/ja/",
        "ホーム",
        "知的クラスター創成事業は文部科学省（ＭＥＸＴ）の事業です。",
    ),
    ("/ja/lab/", "研究室", "光機能材料の研究をしています。"),
    ("/ja/apart/", "別の話", "高機能な装置と、新しい材料の話。"),
    (
        "/ja/rail/",
        "鉄道",
        "新幹線で仙台へ。ｶﾀｶﾅの案内もあります。",
    ),
    (
        "/ja/a11y/",
        "アクセシビリティ",
        "JIS X 8341-3:2016 に準拠しています。",
    ),
];

#[test]
fn a_japanese_query_is_found_inside_compounds_and_across_katakana_words() {
    assert_eq!(search(&JAPANESE, "クラスター"), ["/ja/"]);
    assert_eq!(search(&JAPANESE, "創成"), ["/ja/"]);
    assert_eq!(search(&JAPANESE, "機能材")[0], "/ja/lab/");
}

#[test]
fn pages_with_the_query_whole_rank_above_pages_with_some_of_its_characters() {
    // "/ja/apart/" has 機能 and 材料, never 機能材料.
    assert_eq!(search(&JAPANESE, "機能材料"), ["/ja/lab/", "/ja/apart/"]);
    // 新幹線 whole, above 新 alone (Pagefind's issue #1237 ranked the reverse).
    assert_eq!(search(&JAPANESE, "新幹線")[0], "/ja/rail/");
}

#[test]
fn a_single_japanese_character_is_found() {
    assert_eq!(search(&JAPANESE, "光"), ["/ja/lab/"]);
}

#[test]
fn full_and_half_width_forms_find_each_other() {
    assert_eq!(search(&JAPANESE, "MEXT"), ["/ja/"]);
    assert_eq!(search(&JAPANESE, "ｍｅｘｔ"), ["/ja/"]);
    assert_eq!(search(&JAPANESE, "カタカナ"), ["/ja/rail/"]);
}

#[test]
fn latin_names_and_codes_are_found_in_japanese_pages() {
    assert_eq!(search(&JAPANESE, "JIS X 8341-3")[0], "/ja/a11y/");
    assert_eq!(search(&JAPANESE, "ｊｉｓ"), ["/ja/a11y/"]);
}

const ENGLISH: [(&str, &str, &str); 4] = [
    (
        "/",
        "Home",
        "The Knowledge Cluster Initiative was established by the ministry.",
    ),
    (
        "/concept/",
        "Concept",
        "Clusters of research institutes and companies.",
    ),
    ("/contact/", "Contact", "Write to the secretariat."),
    (
        "/cluster/",
        "Cluster",
        "A page about one cluster, in its title.",
    ),
];

#[test]
fn an_english_query_finds_plurals_and_inflections_whatever_the_case() {
    assert_eq!(search(&ENGLISH, "ESTABLISH"), ["/"]);
    assert_eq!(search(&ENGLISH, "establishes"), ["/"]);
    let found = search(&ENGLISH, "clusters");
    assert_eq!(found.len(), 3);
    assert!(found.contains(&"/concept/".to_owned()));
}

#[test]
fn pages_with_all_the_words_rank_above_pages_with_some() {
    assert_eq!(search(&ENGLISH, "cluster ministry")[0], "/");
    // "/cluster/" has "cluster" in its title, but not "knowledge".
    assert_eq!(search(&ENGLISH, "knowledge clusters")[0], "/");
}

#[test]
fn a_word_in_the_title_ranks_above_the_same_word_in_the_text() {
    assert_eq!(search(&ENGLISH, "cluster")[0], "/cluster/");
}

#[test]
fn a_query_of_only_punctuation_or_too_long_is_refused_at_once() {
    assert_eq!(
        Query::parse("「」！？…・").unwrap_err(),
        QueryError::NothingToSearch
    );
    assert_eq!(
        Query::parse("   ").unwrap_err(),
        QueryError::NothingToSearch
    );
    assert_eq!(
        Query::parse(&"あ".repeat(10_000)).unwrap_err(),
        QueryError::TooLong
    );
    assert!(Query::parse(&"a ".repeat(50)).is_ok());
}

#[test]
fn nothing_found_is_an_empty_list() {
    assert!(search(&ENGLISH, "xylophone").is_empty());
    assert!(search(&[], "cluster").is_empty());
}

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect()
}

fn whole(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn an_excerpt_marks_the_matches_in_the_page_s_own_text() {
    let query = Query::parse("mext クラスター").unwrap();
    let excerpt = query.excerpt(JAPANESE[0].2, 100);
    assert_eq!(whole(&excerpt), JAPANESE[0].2);
    assert_eq!(marked(&excerpt), ["クラスター", "ＭＥＸＴ"]);

    let excerpt = Query::parse("clusters").unwrap().excerpt(ENGLISH[0].2, 100);
    assert_eq!(marked(&excerpt), ["Cluster"]);
}

#[test]
fn a_long_text_s_excerpt_is_cut_around_the_first_match_between_words() {
    let text = format!(
        "{} the cluster {}",
        "word ".repeat(100),
        "more ".repeat(100)
    );
    let excerpt = Query::parse("cluster").unwrap().excerpt(&text, 60);
    let shown = whole(&excerpt);
    assert!(shown.starts_with("…word "), "{shown}");
    assert!(shown.ends_with(" …") || shown.ends_with("…"), "{shown}");
    assert!(shown.chars().count() <= 62, "{shown}");
    assert_eq!(marked(&excerpt), ["cluster"]);
}

#[test]
fn a_match_in_the_title_only_shows_the_start_of_the_text() {
    let excerpt = Query::parse("home").unwrap().excerpt(ENGLISH[0].2, 30);
    assert!(marked(&excerpt).is_empty());
    assert!(whole(&excerpt).starts_with("The Knowledge"));
}
