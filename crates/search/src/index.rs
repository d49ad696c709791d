//! The index's files, one set for each edition, in postcard (as the site's data files):
//! - [`Root`] (`index.bin`): how many documents and term files there are, and which documents
//!   each document file holds;
//! - [`TermFile`] (`terms/N.bin`): the postings of the terms whose hash falls in it, so that a
//!   query downloads only the files of its own terms;
//! - [`DocFile`] (`docs/N.bin`): a few documents' addresses, titles, dates and text, downloaded
//!   for the results shown.

use serde::{Deserialize, Serialize};

/// The name of the root file, in the edition's index folder.
pub const ROOT_FILE: &str = "index.bin";

/// The path of term file `n`, in the edition's index folder.
pub fn term_file(n: u32) -> String {
    format!("terms/{n}.bin")
}

/// The path of document file `n`, in the edition's index folder.
pub fn doc_file(n: u32) -> String {
    format!("docs/{n}.bin")
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Root {
    /// How many term files there are: a power of two.
    pub term_files: u32,
    /// How many documents there are.
    pub docs: u32,
    /// The number of the first document of each document file.
    pub doc_files: Vec<u32>,
}

impl Root {
    /// The term file a term's postings are in.
    pub fn term_file_of(&self, term: &str) -> u32 {
        (fnv1a(term.as_bytes()) as u32) & self.term_files.saturating_sub(1)
    }

    /// The document file a document is in, and its place there.
    pub fn doc_file_of(&self, doc: u32) -> (u32, usize) {
        let file = self.doc_files.partition_point(|&first| first <= doc) - 1;
        (file as u32, (doc - self.doc_files[file]) as usize)
    }
}

/// The postings of some terms, sorted by term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFile<'a> {
    #[serde(borrow)]
    pub terms: Vec<(&'a str, Vec<Posting>)>,
}

impl TermFile<'_> {
    pub fn postings(&self, term: &str) -> Option<&[Posting]> {
        self.terms
            .binary_search_by(|(t, _)| (*t).cmp(term))
            .ok()
            .map(|i| self.terms[i].1.as_slice())
    }
}

/// Where a term is in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub doc: u32,
    /// How many times it is there.
    pub count: u32,
    /// Whether it is in the title.
    pub in_title: bool,
    /// For a pair of Japanese characters, its places in folded characters, each as the distance
    /// from the one before (from 0 for the first): small numbers, stored in a byte or two.
    pub gaps: Vec<u32>,
}

impl Posting {
    pub fn places(&self) -> impl Iterator<Item = u32> + '_ {
        self.gaps.iter().scan(0u32, |at, gap| {
            *at += gap;
            Some(*at)
        })
    }
}

/// Some documents, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocFile<'a> {
    #[serde(borrow)]
    pub docs: Vec<Doc<'a>>,
}

/// What a result shows of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc<'a> {
    /// The page's address from the site's root: `/ja/concept/`.
    pub path: &'a str,
    pub title: &'a str,
    /// A post's date.
    #[serde(borrow)]
    pub date: Option<DocDate<'a>>,
    /// The page's text, its title excluded.
    pub text: &'a str,
}

/// Reads an index file: `None` if it is not one.
pub fn read<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// A post's date: for `<time datetime>`, and as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate<'a> {
    pub iso: &'a str,
    pub shown: &'a str,
}

/// FNV-1a, 64-bit: a term's hash, the same in the build and the browser.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(any(test, feature = "build"))]
pub use build::{Date, Files, IndexBuilder};

#[cfg(any(test, feature = "build"))]
mod build {
    use std::collections::BTreeMap;

    use super::*;
    use crate::terms::{is_bigram, terms};

    /// A document to index, in the order results of equal rank are listed.
    struct Input {
        path: String,
        title: String,
        date: Option<Date>,
        text: String,
    }

    /// A post's date: ISO 8601, and as its page shows it.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Date {
        pub iso: String,
        pub shown: String,
    }

    /// Collects an edition's documents, then writes its files.
    #[derive(Default)]
    pub struct IndexBuilder {
        docs: Vec<Input>,
    }

    /// An edition's index files, by their paths in its folder.
    pub struct Files(pub Vec<(String, Vec<u8>)>);

    /// About how large a term file is, before compression: with 1,000 notices in each language,
    /// a query's few terms then download a few kilobytes each.
    const TERM_FILE_BYTES: usize = 4_096;
    /// About how much text a document file holds, before compression.
    const DOC_FILE_BYTES: usize = 6_144;

    impl IndexBuilder {
        pub fn add(&mut self, path: String, title: String, date: Option<Date>, text: String) {
            self.docs.push(Input {
                path,
                title,
                date,
                text,
            });
        }

        pub fn finish(self) -> Files {
            let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
            for (doc, input) in self.docs.iter().enumerate() {
                let title_terms = terms(&input.title).len();
                let all = terms(&format!("{}\n{}", input.title, input.text));
                let mut by_term: BTreeMap<&str, Posting> = BTreeMap::new();
                for (i, term) in all.iter().enumerate() {
                    let posting = by_term.entry(&term.text).or_insert(Posting {
                        doc: doc as u32,
                        count: 0,
                        in_title: false,
                        gaps: Vec::new(),
                    });
                    posting.count += 1;
                    posting.in_title |= i < title_terms;
                    if is_bigram(&term.text) {
                        posting.gaps.push(term.at);
                    }
                }
                for (term, mut posting) in by_term {
                    // Places, collected in order, become the distances between them.
                    for i in (1..posting.gaps.len()).rev() {
                        posting.gaps[i] -= posting.gaps[i - 1];
                    }
                    postings.entry(term.to_owned()).or_default().push(posting);
                }
            }
            let size: usize = postings
                .iter()
                .map(|(term, list)| {
                    term.len() + list.iter().map(|p| 4 + p.gaps.len()).sum::<usize>()
                })
                .sum();
            let term_files = (size / TERM_FILE_BYTES).max(1).next_power_of_two() as u32;

            let mut doc_files = Vec::new();
            let mut grouped: Vec<Vec<Doc>> = Vec::new();
            let mut bytes = usize::MAX;
            for (n, input) in self.docs.iter().enumerate() {
                if bytes >= DOC_FILE_BYTES {
                    doc_files.push(n as u32);
                    grouped.push(Vec::new());
                    bytes = 0;
                }
                bytes += input.path.len() + input.title.len() + input.text.len();
                grouped.last_mut().unwrap().push(Doc {
                    path: &input.path,
                    title: &input.title,
                    date: input.date.as_ref().map(|date| DocDate {
                        iso: &date.iso,
                        shown: &date.shown,
                    }),
                    text: &input.text,
                });
            }

            let root = Root {
                term_files,
                docs: self.docs.len() as u32,
                doc_files,
            };
            let mut split: Vec<Vec<(&str, Vec<Posting>)>> = vec![Vec::new(); term_files as usize];
            for (term, list) in &postings {
                split[root.term_file_of(term) as usize].push((term, list.clone()));
            }
            let mut files = vec![(ROOT_FILE.to_owned(), encode(&root))];
            for (n, terms) in split.into_iter().enumerate() {
                files.push((term_file(n as u32), encode(&TermFile { terms })));
            }
            for (n, docs) in grouped.into_iter().enumerate() {
                files.push((doc_file(n as u32), encode(&DocFile { docs })));
            }
            Files(files)
        }
    }

    fn encode<T: Serialize>(value: &T) -> Vec<u8> {
        postcard::to_allocvec(value).expect("the index is encoded in memory")
    }
}
