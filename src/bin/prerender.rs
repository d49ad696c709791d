//! Trunk's post-build hook: compiles the site's content and prerenders every route into Trunk's
//! staging folder, beside the app, with the data files the app is given.
//!
//! Reads `TRUNK_STAGING_DIR` and `TRUNK_PUBLIC_URL` (set by Trunk), `SITE_ORIGIN` (where the
//! site is published, for canonical links and the sitemap) and `SITE_CONTENT_DIR` (the content
//! folder, `content` if not set). The content is read each time this runs, so that an editor's
//! change rebuilds no code: the app is the same whatever the content.

use std::path::PathBuf;

use sendai_cluster::prerender::{write_site, Settings};
use sendai_cluster::routes::normalize_base;
use sendai_content::compile::{compile, picture_cache};

/// Used when `SITE_ORIGIN` is not set: the address `trunk serve` uses.
const LOCAL_ORIGIN: &str = "http://127.0.0.1:8080";

fn main() {
    let Some(dist) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
        eprintln!("prerender: run me from Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
        std::process::exit(2);
    };
    let content = std::env::var_os("SITE_CONTENT_DIR")
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    // The editor's message first and alone: nothing is built from content with a mistake.
    let compiled = compile(&content, &picture_cache()).unwrap_or_else(|report| {
        eprint!("{report}");
        std::process::exit(1);
    });
    let base = normalize_base(&std::env::var("TRUNK_PUBLIC_URL").unwrap_or_default());
    let origin = std::env::var("SITE_ORIGIN").unwrap_or_else(|_| {
        eprintln!("prerender: SITE_ORIGIN is not set; canonical links use {LOCAL_ORIGIN}");
        LOCAL_ORIGIN.to_owned()
    });
    let origin = origin.trim_end_matches('/').to_owned();
    match write_site(&dist, &Settings { base, origin }, &compiled) {
        Ok(pages) => eprintln!("prerender: wrote {} pages", pages.len()),
        Err(err) => {
            eprintln!("prerender: {err}");
            std::process::exit(1);
        }
    }
}
