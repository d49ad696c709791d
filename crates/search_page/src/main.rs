//! The search's reading and ranking in the browser: the same code (`sendai_search`) that wrote
//! the index reads the visitor's query, ranks the documents found and cuts their excerpts.
//! `page.js`, beside this crate, downloads the index's files and draws the results; this wasm
//! only computes, so that it stays small (see docs/architecture.md, "Search").

#[cfg(target_arch = "wasm32")]
mod search;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary runs in the browser: the site's build (trunk build) builds it.");
    std::process::exit(2);
}
