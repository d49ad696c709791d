//! The terms the index keeps and a query looks up: the stem of each word; each Japanese
//! character, and each pair of neighbouring characters in a Japanese run with where it is, so that
//! a query's run is found whole, inside compounds and across words, with no dictionary.

use crate::text::{fold, spans, stem, Kind};

/// A term of a text, at a place counted in folded characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub at: u32,
}

/// Every term of `text`: each word's stem, each Japanese character, and each pair of neighbouring
/// Japanese characters (a bigram), in order.
pub fn terms(text: &str) -> Vec<Term> {
    let folded = fold(text);
    let mut terms = Vec::new();
    for span in spans(&folded.chars) {
        let chars = &folded.chars[span.start..span.end];
        match span.kind {
            Kind::Word => terms.push(Term {
                text: stem(chars),
                at: span.start as u32,
            }),
            Kind::Japanese => {
                for (i, &c) in chars.iter().enumerate() {
                    let at = (span.start + i) as u32;
                    terms.push(Term {
                        text: c.to_string(),
                        at,
                    });
                    if let Some(&next) = chars.get(i + 1) {
                        terms.push(Term {
                            text: [c, next].iter().collect(),
                            at,
                        });
                    }
                }
            }
        }
    }
    terms
}

/// Whether a term is a pair of Japanese characters, whose places the index keeps.
pub fn is_bigram(term: &str) -> bool {
    term.chars().count() == 2 && term.chars().all(crate::text::is_japanese)
}
