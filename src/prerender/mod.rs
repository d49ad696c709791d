//! Build-time rendering of every route to a complete HTML file, with the same components the
//! browser runs, from the data files the app is given, plus the files a static host needs. One
//! module per kind of output:
//!
//! - [`page`]: the template and the pages, each carrying its policy in a `<meta>`, with each
//!   page's data file beside it and the shell's, `site.bin`, at the root;
//! - [`json_ld`]: the organisation's structured data in every page;
//! - [`sitemap`]: `sitemap.xml` and `robots.txt`;
//! - [`feed`]: each edition's Atom feed of a section's posts;
//! - [`search_index`]: each edition's search index, from its pages as written;
//! - [`admin`]: the editing interface at `/admin/`, with its own policy;
//! - [`manifest`]: what the content compiled to, for the tests (not part of the site);
//! - [`policy`]: the one definition of the security policy, headers and cache rules;
//! - [`headers`]: that definition as `_headers`, `_headers.nginx` and `_headers.caddy`;
//! - [`output`]: writing the files, or, in `trunk serve`'s rebuilds, only those that changed;
//! - [`compress`]: the `.br` copies;
//! - [`wasm_opt`]: the app's wasm, optimised in release builds;
//! - [`style`]: the pages' stylesheet, compressed in release builds; [`tools`] runs both tools.
//!
//! What is costly to make (the compressed copies, the optimised wasm, the compressed stylesheet,
//! the rendered pages) is kept between builds in the build cache (`sendai_build_cache`), under
//! the hash of what it is made from.

pub mod admin;
pub mod compress;
pub mod feed;
pub mod headers;
pub mod json_ld;
pub mod manifest;
pub mod output;
pub mod page;
pub mod policy;
pub mod search_index;
pub mod sitemap;
pub mod style;
pub mod tools;
pub mod wasm_opt;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use sendai_build_cache::{cache_dir, Cache, Key};
use sendai_content::compile::{
    write_out, Compiled, Output, Post, Section, FILES_DIR, PICTURES_DIR,
};
use sendai_content::Localized;

use crate::content::{data, SiteData};
use crate::page_data;
use crate::routes::{feed_path, Lang, Route};
use output::Writer;

pub use page::render_page;

/// Where and how the site is published.
pub struct Settings {
    /// The path the site is served under: `""` or `/sub`.
    pub base: String,
    /// The scheme and host, for canonical URLs and the sitemap.
    pub origin: String,
}

/// The file a static host serves for `route`: `concept/index.html` for `/concept/`.
pub fn file_for(route: Route) -> PathBuf {
    PathBuf::from(route.path().trim_start_matches('/')).join("index.html")
}

/// The compiled content as the app reads it: the shell read from `site.bin`'s bytes, and
/// every page's text from its data file, so that the pages are drawn from the very files the
/// app is given.
pub fn read_content(output: &Output) -> SiteData {
    let site_file: &'static [u8] = output.site_file.clone().leak();
    let site = SiteData::read(site_file, None).expect("the build reads its own shell");
    for page_files in &output.page_files {
        let page = site
            .page_at(page_files.slug)
            .expect("a page of the shell, or of a section");
        for lang in Lang::ALL {
            let file: &'static [u8] = page_files.files.of(lang).clone().leak();
            page_data::insert(site, lang, page, file).expect("the build reads its own data");
        }
    }
    site
}

/// Writes the data files, every page, the Not Found pages, the sitemap, robots.txt and the
/// header files into `dist`, whose `index.html` is Trunk's output and serves as the template;
/// then precompresses every text file, taking what an earlier build compressed from `cache`,
/// unless the build is `trunk serve`'s, which sends none of them and rebuilds at every save:
/// that build takes back the files of the last one from `served`, the folder Trunk serves, and
/// writes only those whose inputs changed.
pub fn write_site(
    dist: &Path,
    served: Option<&Path>,
    settings: &Settings,
    admin: &admin::Admin,
    compiled: &Compiled,
    cache: &Cache,
) -> std::io::Result<Vec<PathBuf>> {
    let output = &write_out(compiled);
    let sections = &compiled.sections;
    let site = read_content(output);
    let trunk_html = fs::read_to_string(dist.join("index.html"))?;
    let serving = page::is_trunk_serve(&trunk_html);
    let template = page::prepare_template(&trunk_html, dist, site.build)?;
    // `trunk serve`'s stylesheet keeps its source map, for the browser's developer tools.
    let template = if serving {
        template
    } else {
        style::compress_style(&template, cache)?
    };
    let policy = policy::Policy::for_template(&template);
    let template = page::with_policy_meta(&template, &policy)?;
    let mut out = match served {
        Some(served) if serving => Writer::reusing(dist, served, &cache_dir().join("preview"))?,
        _ => Writer::all(dist),
    };
    // The data files: the shell at the root, each page's beside the page it is drawn into.
    out.write(data::SITE_FILE_NAME, &output.site_file)?;
    for page_files in &output.page_files {
        for lang in Lang::ALL {
            out.write(
                data_file_for(lang, page_files.slug),
                page_files.files.of(lang),
            )?;
        }
    }
    // The documents, under their own names: people share these addresses; the pictures'
    // processed files, under names that carry their key.
    for (folder, files) in [
        (FILES_DIR, &output.documents),
        (PICTURES_DIR, &output.pictures),
    ] {
        for (name, source) in files {
            let bytes = fs::read(source).map_err(|err| {
                std::io::Error::new(
                    err.kind(),
                    format!("{} cannot be copied: {err}", source.display()),
                )
            })?;
            out.write(Path::new(folder).join(name), &bytes)?;
        }
    }
    let routes = routes(site, output);
    // A page is drawn from the shell, its own data file in its language and, for a post, the
    // post's dates and titles (its structured data); with the same template, settings and
    // prerenderer, the page an earlier build rendered from them is reused.
    let page_key = Key::new("page")
        .with(prerenderer_identity()?.as_bytes())
        .with(template.as_bytes())
        .with(settings.base.as_bytes())
        .with(settings.origin.as_bytes())
        .with(&output.site_file);
    let data_files: HashMap<&str, &Localized<Vec<u8>>> = output
        .page_files
        .iter()
        .map(|page_files| (page_files.slug, &page_files.files))
        .collect();
    let mut page_keys = Vec::new();
    let mut write_page = |file: PathBuf, url: String, route: Route| -> std::io::Result<PathBuf> {
        let slug = route.page.map(|page| page.slug());
        let data = slug.map_or(&[][..], |slug| data_files[slug].of(route.lang).as_slice());
        let post = slug.and_then(|slug| post_at(sections, slug));
        let key = page_key
            .clone()
            .with(url.as_bytes())
            .with(data)
            .with(&serde_json::to_vec(&post).expect("a post serializes"));
        page_keys.push(key.clone().hex());
        out.write_keyed(&file, key.clone(), || {
            cache.output("page", key, || {
                Ok(render_page(site, &template, &url, settings, sections)?.into_bytes())
            })
        })?;
        Ok(file)
    };
    let mut written = Vec::new();
    for &route in &routes {
        written.push(write_page(
            file_for(route),
            route.href(&settings.base),
            route,
        )?);
    }
    // One Not Found page per language, where hosts that look for the nearest `404.html` up the
    // tree (Cloudflare Pages, for one) find it; others serve the root one, in English.
    for lang in Lang::ALL {
        let path = format!("{}404.html", Route::not_found(lang).path());
        let url = format!("{}{path}", settings.base);
        written.push(write_page(
            PathBuf::from(path.trim_start_matches('/')),
            url,
            Route::not_found(lang),
        )?);
    }
    write_search_index(dist, &mut out, compiled, &routes, &page_keys, cache)?;

    out.write(
        "sitemap.xml",
        sitemap::sitemap(&routes, sections, settings).as_bytes(),
    )?;
    for section in sections {
        for lang in Lang::ALL {
            if let Some(xml) = feed::feed(site, section, lang, settings) {
                let path = feed_path(lang, section.slug);
                out.write(path.trim_start_matches('/'), xml.as_bytes())?;
            }
        }
    }
    out.write("robots.txt", sitemap::robots(settings).as_bytes())?;
    admin::write_admin(&mut out, admin, sections, settings)?;
    // What the last build wrote and this one did not goes before the header files list the rest.
    out.remove_gone()?;
    headers::write_headers(dist, &mut out, &policy, settings, site)?;
    out.finish()?;
    if !serving {
        compress::precompress(dist, cache)?;
    }
    Ok(written)
}

/// Each edition's search index, from the pages of `routes` as they were just written (whose
/// keys, in the same order, are `page_keys`): made again only when one of them changed.
fn write_search_index(
    dist: &Path,
    out: &mut Writer,
    compiled: &Compiled,
    routes: &[Route],
    page_keys: &[String],
    cache: &Cache,
) -> std::io::Result<()> {
    let left_out = search_index::left_out(compiled);
    let searched: Vec<(Route, &String)> = routes
        .iter()
        .zip(page_keys)
        .filter(|(route, _)| {
            route
                .page
                .is_some_and(|page| search_index::is_searched(page.slug(), &left_out))
        })
        .map(|(route, key)| (*route, key))
        .collect();
    let key = searched
        .iter()
        .fold(Key::new("search-index"), |key, (_, page)| {
            key.with(page.as_bytes())
        });
    let bundle = cache.output("search-index", key, || {
        let mut files = Vec::new();
        for lang in Lang::ALL {
            let mut pages = Vec::new();
            for (route, _) in searched.iter().filter(|(route, _)| route.lang == lang) {
                let html = fs::read_to_string(dist.join(file_for(*route)))?;
                pages.push((route.path(), search_index::page_text(&html)));
            }
            for (name, bytes) in search_index::index_files(pages) {
                files.push((format!("{}{name}", search_index::index_dir(lang)), bytes));
            }
        }
        Ok(postcard::to_allocvec(&files).expect("the index's files serialize"))
    })?;
    let files: Vec<(String, Vec<u8>)> = postcard::from_bytes(&bundle)
        .map_err(|err| std::io::Error::other(format!("the kept search index is damaged: {err}")))?;
    for (path, bytes) in files {
        out.write(path, &bytes)?;
    }
    Ok(())
}

/// Every page the build publishes, in every language: the shell's, in its order, then the pages
/// it does not list (the sections' later list pages and posts).
pub fn routes(site: SiteData, output: &Output) -> Vec<Route> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            output.page_files.iter().map(move |page_files| {
                let page = site.page_at(page_files.slug).expect("a page of the build");
                Route::page(lang, page)
            })
        })
        .collect()
}

/// The post at an address after the language prefix (`notices/open-seminar`), if it is one.
pub fn post_at<'a>(sections: &'a [Section], slug: &str) -> Option<&'a Post> {
    let (section, _) = slug.split_once('/')?;
    sections
        .iter()
        .find(|s| s.slug == section)?
        .posts
        .iter()
        .find(|post| post.slug == slug)
}

/// What names this prerenderer's code: its executable's path, size and time of writing, which
/// any change to its code (the app's components among it) changes. Rendered pages are kept under
/// it: a page rendered by other code is never reused.
fn prerenderer_identity() -> std::io::Result<String> {
    let exe = std::env::current_exe()?;
    let metadata = fs::metadata(&exe)?;
    let written = metadata
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(format!(
        "{} {} {}",
        exe.display(),
        metadata.len(),
        written.as_nanos()
    ))
}

/// The data file of the page `slug` in `lang`: `concept/page.bin` beside `concept/index.html`.
pub fn data_file_for(lang: Lang, slug: &str) -> PathBuf {
    PathBuf::from(data::file_path(lang, slug).trim_start_matches('/'))
}

/// Every file under `dir`, in a stable order.
fn files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(files(&path)?);
        } else {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}
