//! The site's search, without a server and without a dictionary. The build indexes each
//! edition's pages and posts ([`index`]); in the browser, a query is read the same way
//! ([`text`], [`terms`]), only the files of its own terms are downloaded, and the documents found
//! are ranked and excerpted ([`query`]).
//!
//! Japanese is searched by its characters: every pair of neighbouring characters is indexed with
//! where it is, so that a query's run is found whole anywhere (inside compounds, across katakana
//! words) and checked whole against those places, with pages that hold only some of it ranked
//! below. English words are searched by their stems.

pub mod index;
pub mod query;
pub mod terms;
pub mod text;

pub use query::{Hit, Query, QueryError, Segment};

#[cfg(test)]
mod tests;
