use std::collections::BTreeMap;

use sendai_search::index::{read, DocFile, Root, TermFile};
use sendai_search::{Hit, Query, QueryError};
use wasm_bindgen::prelude::*;

/// Separates the fields of a result as [`Search::result`] gives it: a control character, which
/// no page's text holds.
const FIELD: char = '\u{1f}';

/// The longest query answered, in characters: for the message that says so.
#[wasm_bindgen]
pub fn max_query_chars() -> usize {
    sendai_search::query::MAX_QUERY_CHARS
}

/// One query against one edition's index, its files added as `page.js` downloads them.
#[wasm_bindgen]
pub struct Search {
    query: Query,
    root: Root,
    term_files: BTreeMap<u32, Vec<u8>>,
    doc_files: BTreeMap<u32, Vec<u8>>,
    hits: Vec<Hit>,
    excerpt_length: usize,
}

fn unreadable() -> JsValue {
    JsValue::from_str("unreadable")
}

#[wasm_bindgen]
impl Search {
    /// Reads `query`; excerpts will be about `excerpt_length` characters. Fails, before
    /// anything is downloaded, with "too-long", or "nothing" where the query has no letter,
    /// digit or Japanese character.
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str, excerpt_length: usize) -> Result<Search, JsValue> {
        let query = Query::parse(query).map_err(|error| {
            JsValue::from_str(match error {
                QueryError::TooLong => "too-long",
                QueryError::NothingToSearch => "nothing",
            })
        })?;
        Ok(Search {
            query,
            root: Root::default(),
            term_files: BTreeMap::new(),
            doc_files: BTreeMap::new(),
            hits: Vec::new(),
            excerpt_length,
        })
    }

    /// Adds the index's root file; fails with "unreadable" if it is not one.
    pub fn set_root(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        self.root = read(bytes).ok_or_else(unreadable)?;
        Ok(())
    }

    /// The numbers of the term files the query needs.
    pub fn term_files(&self) -> Vec<u32> {
        let mut numbers: Vec<u32> = self
            .query
            .terms()
            .iter()
            .map(|term| self.root.term_file_of(term))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }

    pub fn add_term_file(&mut self, number: u32, bytes: Vec<u8>) {
        self.term_files.insert(number, bytes);
    }

    /// Ranks the documents that match, once every term file is added: how many there are.
    pub fn rank(&mut self) -> Result<usize, JsValue> {
        let mut files: BTreeMap<u32, TermFile> = BTreeMap::new();
        for (&number, bytes) in &self.term_files {
            files.insert(number, read(bytes).ok_or_else(unreadable)?);
        }
        let root = &self.root;
        self.hits = self.query.rank(root.docs, |term| {
            files
                .get(&root.term_file_of(term))
                .and_then(|file| file.postings(term))
                .unwrap_or(&[])
        });
        Ok(self.hits.len())
    }

    /// The numbers of the document files the results `from` to `to` (not included) are in.
    pub fn doc_files(&self, from: usize, to: usize) -> Vec<u32> {
        let mut numbers: Vec<u32> = self.hits[from.min(self.hits.len())..to.min(self.hits.len())]
            .iter()
            .map(|hit| self.root.doc_file_of(hit.doc).0)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }

    pub fn add_doc_file(&mut self, number: u32, bytes: Vec<u8>) {
        self.doc_files.insert(number, bytes);
    }

    /// Result `i`, once its document file is added: its path, title, date (ISO 8601, then as
    /// its page shows it; both empty for a page), then its excerpt's pieces, unmarked and
    /// marked in turn from an unmarked one, each field followed by U+001F.
    pub fn result(&self, i: usize) -> Result<String, JsValue> {
        let hit = self.hits.get(i).ok_or_else(unreadable)?;
        let (number, place) = self.root.doc_file_of(hit.doc);
        let bytes = self.doc_files.get(&number).ok_or_else(unreadable)?;
        let file: DocFile = read(bytes).ok_or_else(unreadable)?;
        let doc = file.docs.get(place).ok_or_else(unreadable)?;
        let (iso, shown) = doc
            .date
            .as_ref()
            .map_or(("", ""), |date| (date.iso, date.shown));
        let mut out = String::new();
        for field in [doc.path, doc.title, iso, shown] {
            out.push_str(field);
            out.push(FIELD);
        }
        let mut marked = false;
        for segment in &self.query.excerpt(doc.text, self.excerpt_length) {
            if segment.marked != marked {
                out.push(FIELD);
                marked = segment.marked;
            }
            out.push_str(&segment.text);
        }
        Ok(out)
    }
}
