#![recursion_limit = "256"]
//! The Sendai Cluster website: Leptos components rendered to static HTML at build time by the
//! prerenderer (`ssr`), then adopted and run in the browser (`csr`).

pub mod app;
pub mod components;
pub mod content;
pub mod context;
pub mod fresh;
pub mod page_data;
pub mod pages;
pub mod routes;

#[cfg(feature = "ssr")]
pub mod prerender;

#[cfg(all(test, feature = "ssr"))]
mod fixture;
#[cfg(test)]
mod import_graph;

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod client;
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod prefetch;
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod takeover;

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub use client::start;
