//! Build-time rendering of every route to a complete HTML file, with the same components the
//! browser runs, plus the files a static host needs: 404 page, sitemap, robots.txt, `_headers`
//! and precompressed copies.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384};

use crate::app::App;
use crate::content::{strings, SITE};
use crate::routes::{Lang, Route, PUBLIC_URL_META};

/// Where and how the site is published.
pub struct Settings {
    /// The path the site is served under: `""` or `/sub`.
    pub base: String,
    /// The scheme and host, for canonical URLs and the sitemap.
    pub origin: String,
}

/// Renders the page a visitor gets at `path` (a path under the site's base), into `template`:
/// Trunk's `index.html` as [`prepare_template`] leaves it, which holds the stylesheets and the
/// script that starts the app.
pub fn render_page(template: &str, path: &str, settings: &Settings) -> String {
    any_spawner::Executor::init_futures_executor().ok();
    let owner = Owner::new();
    owner.with(|| {
        let (meta_context, meta_output) = ServerMetaContext::new();
        provide_context(meta_context);
        provide_context(RequestUrl::new(path));
        let base = settings.base.clone();
        let origin = settings.origin.clone();
        // Leptos marks places in the markup with `<!>`, which HTML parses as an empty comment but
        // validators reject; `<!---->` is the same node, written validly.
        let body = view! { <App base=base origin=origin /> }
            .to_html()
            .replace("<!>", "<!---->");
        // At the start of the body: `trunk serve` puts its reload script in the template's body.
        let page = template
            .replacen("<body>", &format!("<body>{body}"), 1)
            .replacen("</head>", &format!("{}</head>", organization_json_ld()), 1);
        futures::executor::block_on(async move {
            use futures::StreamExt as _;
            let stream = futures::stream::iter([page]);
            meta_output
                .inject_meta_context(stream)
                .await
                .collect::<String>()
                .await
        })
    })
}

/// Trunk's `index.html`, ready to hold each page: the public URL as a meta tag, and the app's
/// files pinned by their hashes.
pub fn prepare_template(trunk_html: &str, dist: &Path) -> std::io::Result<String> {
    with_integrity(&public_url_as_meta(trunk_html), dist)
}

/// Pins the app's files by their SHA-384 (subresource integrity): the JS glue through an import
/// map, which covers the loader's `import()`, and the wasm through the loader's
/// `fetch(…, { integrity })`, whose placeholder is filled here. Trunk's own integrity attributes
/// come with preload links, which this site leaves out (see `Trunk.toml`).
fn with_integrity(html: &str, dist: &Path) -> std::io::Result<String> {
    let quoted_after = |marker: &str| {
        html.split(marker)
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .map(str::to_owned)
    };
    let (Some(js), Some(wasm)) = (quoted_after("import('"), quoted_after("fetch('")) else {
        return Ok(html.to_owned());
    };
    let digest = |url: &str| -> std::io::Result<String> {
        let file = dist.join(url.rsplit('/').next().unwrap_or_default());
        let hash = Sha384::digest(fs::read(file)?);
        Ok(format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(hash)
        ))
    };
    let import_map = format!(
        r#"<script type="importmap">{{"integrity":{{"{js}":"{}"}}}}</script>"#,
        digest(&js)?
    );
    Ok(html
        .replacen(
            WASM_INTEGRITY_PLACEHOLDER,
            &format!("'{}'", digest(&wasm)?),
            1,
        )
        .replacen(
            r#"<script type="module">"#,
            &format!(r#"{import_map}<script type="module">"#),
            1,
        ))
}

/// What the loader in `Trunk.toml` passes as the wasm's integrity until the build fills it in.
const WASM_INTEGRITY_PLACEHOLDER: &str = "'WASM_INTEGRITY'";

/// Replaces the `<base href>` Trunk writes with a `<meta>` holding the same public URL: the app
/// reads it from there, and without a `<base>`, `#fragment` links stay on their own page, even on
/// a Not Found page served at an address unknown at build time.
fn public_url_as_meta(template: &str) -> String {
    let Some(start) = template.find("<base ") else {
        return template.to_owned();
    };
    let end = start + template[start..].find('>').expect("a closed <base> tag") + 1;
    let tag = &template[start..end];
    let url = tag
        .split("href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("/");
    format!(
        "{}<meta name=\"{PUBLIC_URL_META}\" content=\"{url}\">{}",
        &template[..start],
        &template[end..]
    )
}

/// The secretariat as a schema.org `Organization`, with the address, telephone and fax exactly
/// as the source text gives them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
    alternate_name: &'static str,
    address: PostalAddress,
    telephone: &'static str,
    fax_number: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress {
    #[serde(rename = "@type")]
    kind: &'static str,
    street_address: &'static str,
    address_locality: &'static str,
    postal_code: &'static str,
    address_country: &'static str,
}

fn organization_json_ld() -> String {
    let json = organization_json();
    // No text holds `</`, so the JSON cannot close the script element early (tested below).
    format!(r#"<script type="application/ld+json">{json}</script>"#)
}

fn organization_json() -> String {
    let text = strings(Lang::En);
    let contact = &SITE.contact;
    let address = &contact.postal_address;
    let organization = Organization {
        context: "https://schema.org",
        kind: "Organization",
        name: text.organisation,
        alternate_name: text.name,
        address: PostalAddress {
            kind: "PostalAddress",
            street_address: address.street,
            address_locality: address.locality,
            postal_code: address.postal_code,
            address_country: address.country,
        },
        telephone: contact.telephone.display,
        fax_number: contact.fax.display,
    };
    serde_json::to_string(&organization).expect("plain strings serialize")
}

/// The file a static host serves for `route`: `concept/index.html` for `/concept/`.
pub fn file_for(route: Route) -> PathBuf {
    PathBuf::from(route.path().trim_start_matches('/')).join("index.html")
}

/// Writes every page, `404.html`, the sitemap, robots.txt and `_headers` into `dist`, whose
/// `index.html` is Trunk's output and serves as the template; then precompresses every text file.
pub fn write_site(dist: &Path, settings: &Settings) -> std::io::Result<Vec<PathBuf>> {
    let template = prepare_template(&fs::read_to_string(dist.join("index.html"))?, dist)?;
    let mut written = Vec::new();
    for route in Route::all_pages() {
        let file = dist.join(file_for(route));
        fs::create_dir_all(file.parent().expect("a page file is inside dist"))?;
        fs::write(
            &file,
            render_page(&template, &route.href(&settings.base), settings),
        )?;
        written.push(file);
    }
    // One Not Found page per language, where hosts that look for the nearest `404.html` up the
    // tree (Cloudflare Pages, for one) find it; others serve the root one, in English.
    for lang in Lang::ALL {
        let path = format!("{}404.html", Route::not_found(lang).path());
        let file = dist.join(path.trim_start_matches('/'));
        let url = format!("{}{path}", settings.base);
        fs::write(&file, render_page(&template, &url, settings))?;
        written.push(file);
    }

    fs::write(dist.join("sitemap.xml"), sitemap(settings))?;
    fs::write(
        dist.join("robots.txt"),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}{}/sitemap.xml\n",
            settings.origin, settings.base
        ),
    )?;
    fs::write(dist.join("_headers"), headers(dist, &template, settings)?)?;
    precompress(dist)?;
    Ok(written)
}

/// Every page with its language alternates.
pub fn sitemap(settings: &Settings) -> String {
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in Route::all_pages() {
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", url(route));
        for lang in Lang::ALL {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.code(),
                url(Route { lang, ..route })
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The security policy every response carries. Inline scripts and styles are allowed only by
/// the hashes of the ones Trunk wrote into the template.
pub fn content_security_policy(template: &str) -> String {
    let hashes = |tag: &str| -> String {
        inline_blocks(template, tag)
            .into_iter()
            .filter(|(attrs, _)| !attrs.contains("application/ld+json"))
            .map(|(_, body)| {
                let digest = Sha256::digest(body.as_bytes());
                format!(
                    " 'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            })
            .collect()
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        hashes("script"),
        hashes("style")
    )
}

/// The attributes and contents of each `<tag ...>...</tag>` in `html`.
fn inline_blocks<'a>(html: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(attrs_end) = after.find('>') else {
            break;
        };
        let body_and_rest = &after[attrs_end + 1..];
        let Some(end) = body_and_rest.find(&close) else {
            break;
        };
        blocks.push((&after[..attrs_end], &body_and_rest[..end]));
        rest = &body_and_rest[end + close.len()..];
    }
    blocks
}

/// Headers every response gets.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
];

/// A `_headers` file (Netlify and Cloudflare Pages format). HTML and other unhashed files are
/// revalidated on every visit; files whose names carry Trunk's content hash are cached forever.
/// Each file gets its own rule so that no two rules set the same header.
pub fn headers(dist: &Path, template: &str, settings: &Settings) -> std::io::Result<String> {
    let mut rules = BTreeMap::new();
    for file in files(dist)? {
        let name = file
            .strip_prefix(dist)
            .expect("listed under dist")
            .to_string_lossy()
            .replace('\\', "/");
        if name == "_headers" {
            continue;
        }
        let cache = if is_hashed(&name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let url = format!("{}/{name}", settings.base);
        if let Some(dir) = url.strip_suffix("index.html") {
            rules.insert(dir.to_owned(), cache);
        }
        rules.insert(url, cache);
    }
    let mut out = format!("{}/*\n", settings.base);
    let _ = writeln!(
        out,
        "  Content-Security-Policy: {}",
        content_security_policy(template)
    );
    for (name, value) in SECURITY_HEADERS {
        let _ = writeln!(out, "  {name}: {value}");
    }
    for (url, cache) in rules {
        let _ = write!(out, "\n{url}\n  Cache-Control: {cache}\n");
    }
    Ok(out)
}

/// Trunk names built assets `<stem>-<16 hex digits>` (plus `_bg` for the wasm).
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

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

/// Files worth compressing: text, and wasm, which compresses well.
const COMPRESSIBLE: [&str; 8] = ["html", "js", "wasm", "css", "svg", "xml", "txt", "json"];

/// Writes `name.br` and `name.gz` beside every compressible file, at the highest settings:
/// this runs once per build, and every visitor gains.
fn precompress(dist: &Path) -> std::io::Result<()> {
    for file in files(dist)? {
        let compressible = file
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible {
            continue;
        }
        let data = fs::read(&file)?;
        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            writer.write_all(&data)?;
        }
        fs::write(with_suffix(&file, "br"), br)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&data)?;
        fs::write(with_suffix(&file, "gz"), gz.finish()?)?;
    }
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::Page;

    const TEMPLATE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
        <style>body{color:red}</style><script type=\"module\">start()</script></head>\
        <body></body></html>";

    fn settings() -> Settings {
        Settings {
            base: String::new(),
            origin: "https://sendai.example".into(),
        }
    }

    #[test]
    fn each_page_is_rendered_with_its_language_title_and_heading() {
        for route in Route::all_pages() {
            let html = render_page(TEMPLATE, &route.path(), &settings());
            assert!(
                html.contains(&format!("<html lang=\"{}\"", route.lang.code())),
                "{}",
                route.path()
            );
            assert!(html.contains(&format!("<title>{}</title>", route.document_title())));
            assert!(html.contains(route.title()));
            assert!(html.contains("<main"), "{}", route.path());
            let canonical = format!(
                "<link href=\"https://sendai.example{}\" rel=\"canonical\">",
                route.path()
            );
            assert!(html.contains(&canonical), "{}: {canonical}", route.path());
        }
    }

    /// A regression test: `trunk serve` puts its reload script in the body, and every page it
    /// served was empty.
    #[test]
    fn the_page_goes_into_a_body_that_already_holds_a_script() {
        let template = TEMPLATE.replace("<body></body>", "<body><script>reload()</script></body>");
        let html = render_page(&template, "/", &settings());
        let body = html.split("<body>").nth(1).unwrap();
        assert!(
            body.starts_with("<!----><a href=\"#main-content\""),
            "{body}"
        );
        assert!(body.contains("<main") && body.contains("<script>reload()</script>"));
    }

    #[test]
    fn the_current_page_is_marked_in_the_navigation() {
        let html = render_page(TEMPLATE, "/secretariat/", &settings());
        assert!(
            html.contains("href=\"/secretariat/\" aria-current=\"page\""),
            "{html}"
        );
        assert_eq!(
            html.matches("aria-current=\"page\"").count(),
            2,
            "nav and breadcrumb"
        );
    }

    #[test]
    fn unknown_paths_render_not_found_without_a_canonical_link() {
        let html = render_page(TEMPLATE, "/ja/nope", &settings());
        assert!(html.contains(strings(Lang::Ja).not_found.title));
        assert!(html.contains("<html lang=\"ja\""));
        assert!(html.contains("noindex"));
        assert!(!html.contains("rel=\"canonical\""));
    }

    #[test]
    fn links_stay_under_a_sub_path() {
        let settings = Settings {
            base: "/sub".into(),
            origin: "https://sendai.example".into(),
        };
        let html = render_page(TEMPLATE, "/sub/concept/", &settings);
        let concept = Route::page(Lang::En, Page::find("concept").unwrap());
        assert!(html.contains(concept.title()));
        for href in html.split("href=\"").skip(1) {
            let href = href.split('"').next().unwrap_or_default();
            assert!(
                href.starts_with("/sub/")
                    || href.starts_with("https://sendai.example/sub/")
                    || href.starts_with("tel:")
                    || href.starts_with('#'),
                "{href}"
            );
        }
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_blocks_of_the_template() {
        let csp = content_security_policy(TEMPLATE);
        let hash = |s: &str| {
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
        };
        assert!(csp.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{}'",
            hash("start()")
        )));
        assert!(csp.contains(&format!(
            "style-src 'self' 'sha256-{}'",
            hash("body{color:red}")
        )));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn trunks_base_element_becomes_the_public_url_meta() {
        let template = TEMPLATE.replace("<head>", "<head><base href=\"/sub/\">");
        let html = public_url_as_meta(&template);
        assert!(!html.contains("<base"));
        assert!(html.contains("<meta name=\"sc-public-url\" content=\"/sub/\">"));
    }

    #[test]
    fn the_app_files_are_pinned_by_their_hashes() {
        let dist = std::env::temp_dir().join(format!("sendai-integrity-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("app.js"), "glue").unwrap();
        fs::write(dist.join("app_bg.wasm"), "wasm").unwrap();
        let loader = r#"<script type="module">import('/sub/app.js');
            fetch('/sub/app_bg.wasm', { integrity: 'WASM_INTEGRITY' });</script>"#;
        let html = with_integrity(loader, &dist).unwrap();
        let sri = |s: &str| {
            let hash = Sha384::digest(s.as_bytes());
            format!(
                "sha384-{}",
                base64::engine::general_purpose::STANDARD.encode(hash)
            )
        };
        assert!(html.starts_with(&format!(
            r#"<script type="importmap">{{"integrity":{{"/sub/app.js":"{}"}}}}</script>"#,
            sri("glue")
        )));
        assert!(html.contains(&format!("{{ integrity: '{}' }}", sri("wasm"))));
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn hashed_asset_names_are_recognised() {
        assert!(is_hashed("sendai_cluster-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("sendai_cluster-1a2b3c4d5e6f7a8b.js"));
        assert!(!is_hashed("concept/index.html"));
        assert!(!is_hashed("sitemap.xml"));
    }

    #[test]
    fn the_sitemap_lists_every_page_with_its_alternates() {
        let xml = sitemap(&settings());
        assert_eq!(xml.matches("<loc>").count(), Route::all_pages().count());
        assert!(xml.contains("<loc>https://sendai.example/ja/concept/</loc>"));
        assert!(xml.contains("hreflang=\"ja\" href=\"https://sendai.example/ja/secretariat/\""));
    }

    #[test]
    fn organisation_data_gives_the_numbers_as_printed() {
        let json = organization_json();
        assert!(json.contains("\"telephone\":\"022-346-9237\""));
        assert!(json.contains("\"faxNumber\":\"022-346-9238\""));
        assert!(
            !json.contains("</"),
            "nothing in the JSON can end the script element"
        );
    }
}
