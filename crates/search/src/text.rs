//! One reading of text for the index and for the query, so that the two always agree: width
//! and case folded (NFKC, then lower case), then split into words (letters and digits) and runs
//! of Japanese characters (kanji, hiragana, katakana), everything else separating them.

/// Text folded for searching, each of its characters with the bytes of the original it came from.
pub struct Folded {
    pub chars: Vec<char>,
    /// For each folded character, the byte range of the original text it was folded from.
    pub from: Vec<(usize, usize)>,
}

/// Folds `text`: a character and the marks that follow it (a combining mark, or half-width
/// katakana's separate voicing marks, which NFKC joins to the kana before them) at a time.
pub fn fold(text: &str) -> Folded {
    let mut chars = Vec::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut iter = text.char_indices().peekable();
    while let Some((start, first)) = iter.next() {
        let mut end = start + first.len_utf8();
        while let Some(&(at, mark)) = iter.peek() {
            if !is_mark(mark) {
                break;
            }
            end = at + mark.len_utf8();
            iter.next();
        }
        for folded in fold_cluster(&text[start..end]).chars() {
            chars.push(folded);
            from.push((start, end));
        }
    }
    Folded { chars, from }
}

/// Folds `text` to a string: how a query and each indexed word are compared.
pub fn fold_str(text: &str) -> String {
    fold(text).chars.into_iter().collect()
}

/// NFKC, then lower case: by the `unicode-normalization` crate and Rust's own case tables in
/// the build, and by the browser's own (`String.prototype.normalize` and `toLowerCase`) in the
/// search page, whose code would otherwise carry Unicode's tables, three times its size. Both
/// follow the Unicode standard, so the index and the query fold alike.
#[cfg(not(target_arch = "wasm32"))]
fn fold_cluster(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().flat_map(char::to_lowercase).collect()
}

#[cfg(target_arch = "wasm32")]
fn fold_cluster(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    js_sys::JsString::from(text)
        .normalize("NFKC")
        .to_lower_case()
        .into()
}

/// Marks that NFKC joins to the character before them: the combining diacritics, and the
/// voicing marks of kana, combining and half-width.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FF9E}'..='\u{FF9F}')
}

/// Whether `c` (folded) is written in Japanese runs, which are searched by their characters:
/// kanji, hiragana, katakana and the iteration marks, but not the middle dot `・`, which
/// separates words.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'
        | '\u{3041}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_japanese(c)
}

/// A part of folded text: a word or a run of Japanese characters, with its place in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Japanese,
}

/// The words and Japanese runs of folded text, in order. An apostrophe inside a word stays in
/// it ("cluster's"), for the stemmer to take off.
pub fn spans(chars: &[char]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let kind = if is_japanese(chars[i]) {
            Kind::Japanese
        } else if is_word_char(chars[i]) {
            Kind::Word
        } else {
            i += 1;
            continue;
        };
        let start = i;
        i += 1;
        while i < chars.len() {
            let c = chars[i];
            let continues = match kind {
                Kind::Japanese => is_japanese(c),
                Kind::Word => {
                    is_word_char(c)
                        || (matches!(c, '\'' | '\u{2019}')
                            && chars.get(i + 1).is_some_and(|&next| is_word_char(next)))
                }
            };
            if !continues {
                break;
            }
            i += 1;
        }
        spans.push(Span {
            kind,
            start,
            end: i,
        });
    }
    spans
}

/// The stem of a folded word: English inflections taken off ("clusters", "clustered" →
/// "cluster"), the curly apostrophe read as the straight one.
pub fn stem(word: &[char]) -> String {
    let word: String = word
        .iter()
        .map(|&c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    if word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
        // Made where it is used, with its language fixed, so that the compiler keeps the
        // English algorithm alone of the crate's eighteen.
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        stemmer.stem(&word).into_owned()
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let folded = fold(text);
        spans(&folded.chars)
            .iter()
            .map(|span| folded.chars[span.start..span.end].iter().collect())
            .collect()
    }

    #[test]
    fn full_and_half_width_forms_fold_to_one() {
        assert_eq!(fold_str("ＭＥＸＴ"), "mext");
        assert_eq!(fold_str("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(fold_str("ｶﾞｲﾄﾞ"), "ガイド");
        assert_eq!(fold_str("ＪＩＳ　Ｘ　８３４１－３"), "jis x 8341-3");
    }

    #[test]
    fn each_folded_character_points_back_to_its_original() {
        let text = "ｶﾞ ＭＥＸＴ";
        let folded = fold(text);
        assert_eq!(folded.chars[0], 'ガ');
        assert_eq!(&text[folded.from[0].0..folded.from[0].1], "ｶﾞ");
        let m = folded.chars.iter().position(|&c| c == 'm').unwrap();
        assert_eq!(&text[folded.from[m].0..folded.from[m].1], "Ｍ");
    }

    #[test]
    fn text_splits_into_words_and_japanese_runs() {
        assert_eq!(
            words("知的クラスター創成事業（MEXT）の一環・Sendai's cluster, JIS X 8341-3"),
            [
                "知的クラスター創成事業",
                "mext",
                "の一環",
                "sendai's",
                "cluster",
                "jis",
                "x",
                "8341",
                "3"
            ]
        );
    }

    #[test]
    fn english_inflections_share_a_stem() {
        let stem_of = |word: &str| stem(&fold(word).chars);
        assert_eq!(stem_of("clusters"), stem_of("cluster"));
        assert_eq!(stem_of("Established"), stem_of("establish"));
        assert_eq!(stem_of("cluster's"), stem_of("cluster"));
        assert_eq!(stem_of("cluster’s"), stem_of("cluster"));
        assert_eq!(stem_of("8341"), "8341");
    }
}
