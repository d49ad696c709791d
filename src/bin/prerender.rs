//! Trunk's post-build hook: compiles the site's content and prerenders every route into Trunk's
//! staging folder, beside the app, with the data files the app is given.
//!
//! Reads `TRUNK_STAGING_DIR` and `TRUNK_PUBLIC_URL` (set by Trunk), `SITE_ORIGIN` (where the
//! site is published, for canonical links, the sitemap and the feeds: required, but by
//! `trunk serve`), `SITE_CONTENT_DIR` (the content folder, `content` if not set),
//! `SITE_REPOSITORY` (`owner/name` on GitHub, where the editing interface at `/admin/` commits)
//! and `SITE_BRANCH` (`main` if not set); with `SITE_MANIFEST` set, writes the build's manifest
//! there (`prerender::manifest`), for the tests; `SITE_BUILD_CACHE` moves the build cache
//! (outputs kept between builds, `target/build-cache` if not set). In release builds
//! (`TRUNK_PROFILE`), it optimises the app's wasm first. The content is read each time this
//! runs, so that an editor's change rebuilds no code: the app is the same whatever the content.

use std::path::{Path, PathBuf};

use sendai_build_cache::{cache_dir, Cache};
use sendai_cluster::prerender::admin::Admin;
use sendai_cluster::prerender::manifest::manifest;
use sendai_cluster::prerender::{page, wasm_opt, write_site, Settings};
use sendai_cluster::routes::normalize_base;
use sendai_content::compile::{compile, picture_cache};

/// Whether Trunk's output in `dist` is `trunk serve`'s.
fn is_trunk_serve(dist: &Path) -> bool {
    std::fs::read_to_string(dist.join("index.html")).is_ok_and(|html| page::is_trunk_serve(&html))
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

/// `trunk serve`'s address, where it shows the site.
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
    let origin = match std::env::var("SITE_ORIGIN") {
        Ok(origin) if origin.starts_with("http://") || origin.starts_with("https://") => origin,
        // `trunk serve` shows the site here, at its own address; a build to publish needs the
        // site's, which canonical links, the sitemap and the feeds' ids (which readers keep) carry.
        _ if is_trunk_serve(&dist) => LOCAL_ORIGIN.to_owned(),
        Ok(other) => fail(&format!(
            "SITE_ORIGIN is {other:?}, which is not an address: give the scheme and host, such \
             as SITE_ORIGIN=https://www.example.jp"
        )),
        Err(_) => fail(
            "SITE_ORIGIN is not set: a build to publish needs the address the site will live at, \
             for its canonical links, sitemap.xml and feeds. Build with it, such as \
             SITE_ORIGIN=https://www.example.jp trunk build --release (docs/deploying.md)",
        ),
    };
    let origin = origin.trim_end_matches('/').to_owned();
    // What the content compiled to, for the tests: outside the site, where they ask for it.
    if let Some(file) = std::env::var_os("SITE_MANIFEST") {
        if let Err(err) = std::fs::write(&file, manifest(&compiled)) {
            eprintln!(
                "prerender: {} cannot be written: {err}",
                PathBuf::from(file).display()
            );
            std::process::exit(1);
        }
    }
    let cache = Cache::open(cache_dir().join("outputs"));
    if std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release") {
        if let Err(err) = wasm_opt::optimise(&dist, &cache) {
            fail(&err.to_string());
        }
    }
    // Where Trunk serves the last build from, for `trunk serve`'s rebuilds to take files back.
    let served = std::env::var_os("TRUNK_DIST_DIR").map(PathBuf::from);
    let settings = Settings { base, origin };
    let admin = Admin::from_env(&content);
    let pages = write_site(
        &dist,
        served.as_deref(),
        &settings,
        &admin,
        &compiled,
        &cache,
    )
    .unwrap_or_else(|err| fail(&err.to_string()));
    let (made, reused) = cache.counts();
    let pruned = cache.prune().unwrap_or_else(|err| fail(&err.to_string()));
    eprintln!(
        "prerender: wrote {} pages; the build cache ({}) gave {reused} of the rendered pages, \
         compressed files and optimised wasm, and {made} were made now{}",
        pages.len(),
        cache_dir().display(),
        match pruned {
            0 => String::new(),
            n => format!("; {n} that no build used for a month were removed"),
        }
    );
    match &admin.repository {
        Some(repository) => eprintln!("prerender: the editing interface at /admin/ saves to {repository}, branch {}", admin.branch),
        None => eprintln!(
            "prerender: no editing interface at /admin/: the site's GitHub repository is not known. \
             Build with SITE_REPOSITORY=owner/name to have one (docs/deploying.md)"
        ),
    }
}
