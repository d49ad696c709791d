//! A visitor's query: read as the index reads text, matched against the postings of its terms,
//! ranked, and its words marked in an excerpt of each result.

use std::collections::BTreeMap;

use crate::index::Posting;
use crate::text::{fold, spans, stem, Kind};

/// The longest query answered, in characters: longer ones are refused with a message, at once.
pub const MAX_QUERY_CHARS: usize = 100;

/// Why a query has no results to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryError {
    /// It has no letter, digit or Japanese character: empty, or only punctuation and spaces.
    NothingToSearch,
    /// It is longer than [`MAX_QUERY_CHARS`].
    TooLong,
}

/// A query's parts, each found in a page whole or, for a Japanese run, in part.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// A word's stem, or a single Japanese character.
    Term(String),
    /// A run of Japanese characters: the pairs of characters that tile it (every second one,
    /// and the last), each with its place in the run, and the run itself.
    Run {
        pairs: Vec<(String, u32)>,
        chars: Vec<char>,
    },
}

/// A document found, with what ranks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: u32,
    /// How many of the query's parts it contains whole.
    pub whole: usize,
    /// How much of the query's parts it contains, summed over the parts (each 0 to 1).
    pub coverage: f32,
    /// How often and where (in the title counts double) it contains them, rarer terms counting more.
    pub relevance: f32,
}

/// A piece of an excerpt: text as the page has it, marked where the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

impl Query {
    pub fn parse(query: &str) -> Result<Self, QueryError> {
        if query.chars().nth(MAX_QUERY_CHARS).is_some() {
            return Err(QueryError::TooLong);
        }
        let folded = fold(query);
        let mut parts = Vec::new();
        for span in spans(&folded.chars) {
            let chars = folded.chars[span.start..span.end].to_vec();
            let part = match (span.kind, chars.len()) {
                (Kind::Word, _) => Part::Term(stem(&chars)),
                (Kind::Japanese, 1) => Part::Term(chars[0].to_string()),
                (Kind::Japanese, n) => {
                    let mut places: Vec<usize> = (0..n - 1).step_by(2).collect();
                    if places.last() != Some(&(n - 2)) {
                        places.push(n - 2);
                    }
                    let pairs = places
                        .into_iter()
                        .map(|at| (chars[at..at + 2].iter().collect(), at as u32))
                        .collect();
                    Part::Run { pairs, chars }
                }
            };
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        if parts.is_empty() {
            return Err(QueryError::NothingToSearch);
        }
        Ok(Self { parts })
    }

    /// The terms whose postings the query needs.
    pub fn terms(&self) -> Vec<&str> {
        let mut terms: Vec<&str> = Vec::new();
        for part in &self.parts {
            match part {
                Part::Term(term) => terms.push(term),
                Part::Run { pairs, .. } => {
                    terms.extend(pairs.iter().map(|(pair, _)| pair.as_str()))
                }
            }
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// The documents that contain any part of the query, best first: those with more parts
    /// whole, then more of the parts, then more relevant. `postings` gives a term's postings
    /// (none where the index has no such term); `docs` is the number of documents.
    pub fn rank<'p>(&self, docs: u32, postings: impl Fn(&str) -> &'p [Posting]) -> Vec<Hit> {
        let mut hits: BTreeMap<u32, Hit> = BTreeMap::new();
        let idf = |found: usize| 1.0 + (docs as f32 / found.max(1) as f32).ln();
        let weight = |posting: &Posting| {
            (1.0 + (posting.count as f32).ln()) * if posting.in_title { 2.0 } else { 1.0 }
        };
        for part in &self.parts {
            let mut add = |doc: u32, whole: bool, coverage: f32, relevance: f32| {
                let hit = hits.entry(doc).or_insert(Hit {
                    doc,
                    whole: 0,
                    coverage: 0.0,
                    relevance: 0.0,
                });
                hit.whole += usize::from(whole);
                hit.coverage += coverage;
                hit.relevance += relevance;
            };
            match part {
                Part::Term(term) => {
                    let list = postings(term);
                    for posting in list {
                        add(posting.doc, true, 1.0, idf(list.len()) * weight(posting));
                    }
                }
                Part::Run { pairs, .. } => {
                    let lists: Vec<&[Posting]> =
                        pairs.iter().map(|(pair, _)| postings(pair)).collect();
                    let mut by_doc: BTreeMap<u32, Vec<Option<&Posting>>> = BTreeMap::new();
                    for (i, list) in lists.iter().enumerate() {
                        for posting in *list {
                            by_doc
                                .entry(posting.doc)
                                .or_insert_with(|| vec![None; pairs.len()])[i] = Some(posting);
                        }
                    }
                    for (doc, found) in by_doc {
                        let present = found.iter().flatten().count();
                        let relevance: f32 = found
                            .iter()
                            .zip(&lists)
                            .filter_map(|(posting, list)| {
                                Some(idf(list.len()) * weight((*posting)?))
                            })
                            .sum::<f32>()
                            / pairs.len() as f32;
                        let whole = present == pairs.len() && contains_whole(pairs, &found);
                        let coverage = if whole {
                            1.0
                        } else {
                            // Found apart, the pairs cover less than the run: never as much as whole.
                            present as f32 / (pairs.len() + 1) as f32
                        };
                        add(doc, whole, coverage, relevance);
                    }
                }
            }
        }
        let mut hits: Vec<Hit> = hits.into_values().collect();
        hits.sort_unstable_by(|a, b| {
            b.whole
                .cmp(&a.whole)
                .then(b.coverage.total_cmp(&a.coverage))
                .then(b.relevance.total_cmp(&a.relevance))
                .then(a.doc.cmp(&b.doc))
        });
        hits
    }

    /// An excerpt of `text` of about `length` characters around the first place the query
    /// matched (the start where it matched only in the title), its matches marked, and "…"
    /// where the text goes on.
    pub fn excerpt(&self, text: &str, length: usize) -> Vec<Segment> {
        let folded = fold(text);
        let marks = merge(self.matches(&folded.chars));
        let n = folded.chars.len();
        let first = marks.first().map_or(0, |&(start, _)| start);
        let mut start = first.saturating_sub(length / 4);
        let mut end = (start + length).min(n);
        if end == n {
            start = n.saturating_sub(length);
        }
        // Not cut inside a word: start after a space, end before one, if one is near.
        if start > 0 {
            if let Some(space) = (start..first)
                .take(16)
                .find(|&i| folded.chars[i].is_whitespace())
            {
                start = space + 1;
            }
        }
        if end < n {
            if let Some(space) = (start..end)
                .rev()
                .take(16)
                .find(|&i| folded.chars[i].is_whitespace())
            {
                end = space;
            }
        }
        let byte = |i: usize| if i == n { text.len() } else { folded.from[i].0 };
        let piece = |from: usize, to: usize, marked: bool| Segment {
            text: text[byte(from)..byte(to)].replace(['\n', '\r', '\t'], " "),
            marked,
        };
        let ellipsis = || Segment {
            text: "…".to_owned(),
            marked: false,
        };
        let mut segments = Vec::new();
        if start > 0 {
            segments.push(ellipsis());
        }
        let mut at = start;
        for &(from, to) in marks.iter().filter(|&&(from, to)| to > start && from < end) {
            let (from, to) = (from.max(start), to.min(end));
            segments.push(piece(at, from, false));
            segments.push(piece(from, to, true));
            at = to;
        }
        segments.push(piece(at, end, false));
        if end < n {
            segments.push(ellipsis());
        }
        segments.retain(|segment| !segment.text.is_empty());
        segments
    }

    /// Where in folded text the query's parts are, as ranges of characters: each word with the
    /// query's stem, each run whole, or where a run is nowhere whole, its pairs.
    fn matches(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let spans = spans(chars);
        let mut found = Vec::new();
        for part in &self.parts {
            match part {
                Part::Term(term) => {
                    for span in &spans {
                        let text = &chars[span.start..span.end];
                        match span.kind {
                            Kind::Word if stem(text) == *term => found.push((span.start, span.end)),
                            Kind::Japanese => {
                                let c = term.chars().next();
                                found.extend(
                                    text.iter()
                                        .enumerate()
                                        .filter(|&(_, &ch)| {
                                            Some(ch) == c && term.chars().count() == 1
                                        })
                                        .map(|(i, _)| (span.start + i, span.start + i + 1)),
                                );
                            }
                            Kind::Word => {}
                        }
                    }
                }
                Part::Run { chars: run, .. } => {
                    let whole = occurrences(chars, run);
                    if whole.is_empty() {
                        for pair in run.windows(2) {
                            found.extend(occurrences(chars, pair));
                        }
                    } else {
                        found.extend(whole);
                    }
                }
            }
        }
        found
    }
}

/// Whether the pairs found in a document are somewhere in a row, as they tile the run.
fn contains_whole(pairs: &[(String, u32)], found: &[Option<&Posting>]) -> bool {
    let places: Vec<Vec<u32>> = found
        .iter()
        .map(|posting| posting.map(|p| p.places().collect()).unwrap_or_default())
        .collect();
    places[0].iter().any(|&first| {
        pairs
            .iter()
            .zip(&places)
            .all(|((_, offset), at)| at.binary_search(&(first + offset)).is_ok())
    })
}

fn occurrences(chars: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || needle.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - needle.len())
        .filter(|&i| chars[i..i + needle.len()] == *needle)
        .map(|i| (i, i + needle.len()))
        .collect()
}

/// Ranges sorted and joined where they overlap or touch.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}
