#![recursion_limit = "256"]
//! The Sendai Cluster website: Leptos components rendered in the browser (`csr`) and, at build
//! time, to static HTML by the prerenderer (`ssr`).

pub mod app;
pub mod components;
pub mod content;
pub mod pages;
pub mod routes;

#[cfg(feature = "ssr")]
pub mod prerender;

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod client;

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub use client::start;
