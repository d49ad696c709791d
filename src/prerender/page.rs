//! The HTML pages: Trunk's `index.html` made into a template, and every route rendered into it
//! with the same components the browser runs.

use std::cell::Cell;
use std::fmt;
use std::fs;
use std::path::Path;

use base64::Engine as _;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use lol_html::errors::RewritingError;
use lol_html::html_content::{ContentType, Element};
use lol_html::{comments, element, rewrite_str, text, RewriteStrSettings};
use sendai_content::compile::Section;
use sha2::{Digest, Sha384};

use super::json_ld::{article_json_ld, organization_json_ld};
use super::policy::Policy;
use super::Settings;
use crate::app::App;
use crate::content::{SiteData, BUILD_META};
use crate::routes::PUBLIC_URL_META;

/// Something in Trunk's `index.html` that the prerenderer edits or fills in. Without any one of
/// them a page would silently lack part of itself (its title, its policy, the hashes that pin
/// the app's files), so the build stops instead, naming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// Trunk's `<base href>`, which becomes the public URL's `<meta>`.
    Base,
    /// `<meta charset>`: the security policy's `<meta>` goes right after it.
    Charset,
    /// The `<!--HEAD-->` comment: each page's title, description and links go after it.
    HeadComment,
    /// `</head>`: the organisation's structured data goes before it.
    HeadEnd,
    /// `<body>`: the page goes at its start.
    Body,
    /// The loader, `<script type="module">`: the import map pinning the JavaScript goes before it.
    Loader,
    /// `import('` in the loader: the address of the app's JavaScript follows it.
    Import,
    /// `fetch('` in the loader: the address of the app's wasm follows it.
    Fetch,
    /// `'WASM_INTEGRITY'` in the loader, which the wasm's hash replaces.
    WasmIntegrity,
}

impl Marker {
    /// Every marker, for the tests that break each one.
    pub const ALL: [Marker; 9] = [
        Marker::Base,
        Marker::Charset,
        Marker::HeadComment,
        Marker::HeadEnd,
        Marker::Body,
        Marker::Loader,
        Marker::Import,
        Marker::Fetch,
        Marker::WasmIntegrity,
    ];

    /// The marker as it is written in the HTML.
    pub fn text(self) -> &'static str {
        match self {
            Marker::Base => "<base href>",
            Marker::Charset => "<meta charset>",
            Marker::HeadComment => "<!--HEAD-->",
            Marker::HeadEnd => "</head>",
            Marker::Body => "<body>",
            Marker::Loader => r#"<script type="module">"#,
            Marker::Import => "import('",
            Marker::Fetch => "fetch('",
            Marker::WasmIntegrity => WASM_INTEGRITY_PLACEHOLDER,
        }
    }

    /// Where the marker comes from, so that whoever reads the error knows where to put it back.
    fn source(self) -> &'static str {
        match self {
            Marker::Base => "Trunk writes it for `<base data-trunk-public-url>` in index.html",
            Marker::Charset | Marker::HeadComment | Marker::HeadEnd | Marker::Body => {
                "it is written in index.html"
            }
            Marker::Loader | Marker::Import | Marker::Fetch | Marker::WasmIntegrity => {
                "it is written in the loader, `pattern_script` in Trunk.toml"
            }
        }
    }
}

/// Why Trunk's `index.html` could not be made into the site's pages.
#[derive(Debug)]
pub enum TemplateError {
    /// A marker the prerenderer relies on is not there.
    Missing(Marker),
    /// The HTML rewriter could not read the file.
    Rewriting(RewritingError),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Missing(marker) => write!(
                f,
                "Trunk's index.html has no {} ({}); the pages need it",
                marker.text(),
                marker.source()
            ),
            TemplateError::Rewriting(err) => write!(f, "Trunk's index.html cannot be read: {err}"),
        }
    }
}

impl std::error::Error for TemplateError {}

impl From<RewritingError> for TemplateError {
    fn from(err: RewritingError) -> Self {
        TemplateError::Rewriting(err)
    }
}

impl From<TemplateError> for std::io::Error {
    fn from(err: TemplateError) -> Self {
        std::io::Error::other(err)
    }
}

/// `Ok` if the rewriter met `marker`.
fn found(met: &Cell<bool>, marker: Marker) -> Result<(), TemplateError> {
    if met.get() {
        Ok(())
    } else {
        Err(TemplateError::Missing(marker))
    }
}

/// Renders the page a visitor gets at `path` (a path under the site's base), into `template`:
/// Trunk's `index.html` as [`prepare_template`] and [`with_policy_meta`] leave it, which holds
/// the stylesheets, the script that starts the app and the policy.
pub fn render_page(
    site: SiteData,
    template: &str,
    path: &str,
    settings: &Settings,
    sections: &[Section],
) -> Result<String, TemplateError> {
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
        let body = view! { <App site base=base origin=origin /> }
            .to_html()
            .replace("<!>", "<!---->");
        let (head_comment, body_start) = (Cell::new(false), Cell::new(false));
        // Leptos looks for the very text `</head>`, and stops the build without it; so does
        // this, naming it: a `<head>` whose end is only implied has no end tag to insert before.
        if !template.contains(Marker::HeadEnd.text()) {
            return Err(TemplateError::Missing(Marker::HeadEnd));
        }
        let route = site.locate(path, &settings.base);
        let post = route
            .page
            .and_then(|page| super::post_at(sections, page.slug()));
        let json_ld = organization_json_ld(site)
            + &post
                .map(|post| article_json_ld(site, route, post, settings))
                .unwrap_or_default();
        let page = rewrite_str(
            template,
            RewriteStrSettings::new()
                // Leptos puts the page's title, description and links after this comment.
                .append_element_content_handler(comments!("head", |comment| {
                    if comment.text() == "HEAD" {
                        head_comment.set(true);
                    }
                    Ok(())
                }))
                .append_element_content_handler(element!("head", |head| {
                    head.append(&json_ld, ContentType::Html);
                    Ok(())
                }))
                // At the start of the body: `trunk serve` puts its reload script in the body.
                .append_element_content_handler(element!("body", |element| {
                    element.prepend(&body, ContentType::Html);
                    body_start.set(true);
                    Ok(())
                })),
        )?;
        found(&head_comment, Marker::HeadComment)?;
        found(&body_start, Marker::Body)?;
        Ok(futures::executor::block_on(async move {
            use futures::StreamExt as _;
            let stream = futures::stream::iter([page]);
            meta_output
                .inject_meta_context(stream)
                .await
                .collect::<String>()
                .await
        }))
    })
}

/// Trunk's `index.html`, ready to hold each page of the content build `build`: the public URL
/// and the build as meta tags, and the app's files pinned by their hashes.
pub fn prepare_template(trunk_html: &str, dist: &Path, build: &str) -> std::io::Result<String> {
    with_integrity(&public_url_as_meta(trunk_html, build)?, dist)
}

/// Whether Trunk's `index.html` is `trunk serve`'s, which holds its reload script.
pub fn is_trunk_serve(trunk_html: &str) -> bool {
    trunk_html.contains(TRUNK_SERVE_ADDRESS_PLACEHOLDER)
}

/// Puts the part of `policy` a page can carry into a `<meta http-equiv>` right after the
/// charset, before any script or style: a host that sends no headers still enforces it.
/// A `trunk serve` template is left as it is: the server rewrites its reload script for each
/// request, so no hash taken here could allow it, and it sends no policy header either.
pub fn with_policy_meta(template: &str, policy: &Policy) -> Result<String, TemplateError> {
    if is_trunk_serve(template) {
        return Ok(template.to_owned());
    }
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.meta_value()
    );
    edit_first(template, "meta[charset]", Marker::Charset, |charset| {
        charset.after(&meta, ContentType::Html);
    })
}

/// Pins the app's files by their SHA-384 (subresource integrity): the JS glue through an import
/// map, which covers the loader's `import()`, and the wasm through the loader's
/// `fetch(…, { integrity })`, whose placeholder is filled here. Trunk's own integrity attributes
/// come with preload links, which this site leaves out (see `Trunk.toml`).
fn with_integrity(html: &str, dist: &Path) -> std::io::Result<String> {
    const LOADER: &str = r#"script[type="module"]"#;
    // The loader is the first module script, the one edited below; any later one is left out.
    let loader = first_text(html, LOADER)?;
    let loader = loader.ok_or(TemplateError::Missing(Marker::Loader))?;
    let quoted_after = |marker: Marker| {
        loader
            .split_once(marker.text())
            .and_then(|(_, rest)| rest.split('\'').next())
            .ok_or(TemplateError::Missing(marker))
    };
    let js = quoted_after(Marker::Import)?;
    let wasm = quoted_after(Marker::Fetch)?;
    if !loader.contains(WASM_INTEGRITY_PLACEHOLDER) {
        return Err(TemplateError::Missing(Marker::WasmIntegrity).into());
    }
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
        digest(js)?
    );
    let filled = loader.replacen(
        WASM_INTEGRITY_PLACEHOLDER,
        &format!("'{}'", digest(wasm)?),
        1,
    );
    Ok(edit_first(html, LOADER, Marker::Loader, |script| {
        script.before(&import_map, ContentType::Html);
        script.set_inner_content(&filled, ContentType::Html);
    })?)
}

/// The text of the first element `selector` matches in `html`, read whole (the rewriter hands it
/// over in pieces); `None` if no element matches.
pub(super) fn first_text(html: &str, selector: &str) -> Result<Option<String>, TemplateError> {
    let mut first = None::<String>;
    let elements = Cell::new(0);
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(selector, |_| {
                elements.set(elements.get() + 1);
                Ok(())
            }))
            .append_element_content_handler(text!(selector, |piece| {
                if elements.get() == 1 {
                    first.get_or_insert_default().push_str(piece.as_str());
                }
                Ok(())
            })),
    )?;
    Ok(first)
}

/// What `trunk serve` replaces in its reload script with the address of each request.
const TRUNK_SERVE_ADDRESS_PLACEHOLDER: &str = "{{__TRUNK_ADDRESS__}}";

/// What the loader in `Trunk.toml` passes as the wasm's integrity until the build fills it in.
const WASM_INTEGRITY_PLACEHOLDER: &str = "'WASM_INTEGRITY'";

/// Replaces the `<base href>` Trunk writes with a `<meta>` holding the same public URL: the app
/// reads it from there, and without a `<base>`, `#fragment` links stay on their own page, even on
/// a Not Found page served at an address unknown at build time. A second `<meta>` names the
/// content's build, so that the app starts only with the shell the page was drawn from.
fn public_url_as_meta(template: &str, build: &str) -> Result<String, TemplateError> {
    edit_first(template, "base[href]", Marker::Base, |base| {
        let url = base.get_attribute("href").unwrap_or_default();
        base.replace(
            &format!(
                "<meta name=\"{PUBLIC_URL_META}\" content=\"{url}\">\
                 <meta name=\"{BUILD_META}\" content=\"{build}\">"
            ),
            ContentType::Html,
        );
    })
}

/// Edits the first element `selector` matches in `html`, and fails naming `marker` where none
/// does.
fn edit_first(
    html: &str,
    selector: &str,
    marker: Marker,
    mut edit: impl FnMut(&mut Element<'_, '_>),
) -> Result<String, TemplateError> {
    let met = Cell::new(false);
    let edited = rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(selector, |element| {
            if !met.replace(true) {
                edit(element);
            }
            Ok(())
        })),
    )?;
    found(&met, marker)?;
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::routes::{Lang, Route};

    const TEMPLATE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><!--HEAD-->\
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
        let site = fixture::site();
        for route in site.all_pages() {
            let html = render_page(site, TEMPLATE, &route.path(), &settings(), &[]).unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{}\"", route.lang.code())),
                "{}",
                route.path()
            );
            assert!(html.contains(&format!("<title>{}</title>", site.document_title(route))));
            assert!(html.contains(site.title(route)));
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
        let html = render_page(fixture::site(), &template, "/", &settings(), &[]).unwrap();
        let body = html.split("<body>").nth(1).unwrap();
        // Leptos's markers (empty comments) first, then the page.
        assert!(
            body.trim_start_matches("<!---->")
                .starts_with("<a href=\"#main-content\""),
            "{body}"
        );
        assert!(body.contains("<main") && body.contains("<script>reload()</script>"));
    }

    #[test]
    fn the_current_page_is_marked_in_the_navigation() {
        let html =
            render_page(fixture::site(), TEMPLATE, "/secretariat/", &settings(), &[]).unwrap();
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
        let site = fixture::site();
        let html = render_page(site, TEMPLATE, "/ja/nope", &settings(), &[]).unwrap();
        assert!(html.contains(site.strings(Lang::Ja).not_found_title));
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
        let site = fixture::site();
        let html = render_page(site, TEMPLATE, "/sub/concept/", &settings, &[]).unwrap();
        let concept = Route::page(Lang::En, site.find("concept").unwrap());
        assert!(html.contains(site.title(concept)));
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
    fn the_policy_meta_comes_right_after_the_charset_and_before_any_script_or_style() {
        let policy = Policy::for_template(TEMPLATE);
        let template = with_policy_meta(TEMPLATE, &policy).unwrap();
        let html = render_page(fixture::site(), &template, "/", &settings(), &[]).unwrap();
        let meta = format!(
            "<head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><!--HEAD-->",
            policy.meta_value()
        );
        assert!(html.contains(&meta), "{html}");
        assert_eq!(html.matches("Content-Security-Policy").count(), 1);
        assert_eq!(
            Policy::for_template(&html),
            policy,
            "the meta changes no hash"
        );
    }

    /// A regression test: the meta policy blocked `trunk serve`'s reload script, which the
    /// server rewrites for each request, and edited content no longer reloaded the page.
    #[test]
    fn a_trunk_serve_template_gets_no_policy_meta() {
        let template = TEMPLATE.replace(
            "<body></body>",
            "<body><script>const address = '{{__TRUNK_ADDRESS__}}';</script></body>",
        );
        let policy = Policy::for_template(&template);
        assert_eq!(with_policy_meta(&template, &policy).unwrap(), template);
    }

    #[test]
    fn trunks_base_element_becomes_the_public_url_meta() {
        let template = TEMPLATE.replace("<head>", "<head><base href=\"/sub/\">");
        let html = public_url_as_meta(&template, "0123456789abcdef").unwrap();
        assert!(!html.contains("<base"));
        assert!(html.contains(
            "<meta name=\"sc-public-url\" content=\"/sub/\"><meta name=\"sc-build\" content=\"0123456789abcdef\">"
        ));
    }

    /// A folder in which the app's JavaScript is `glue` and its wasm is `wasm`.
    fn app_files(test: &str) -> std::path::PathBuf {
        let dist = std::env::temp_dir().join(format!("sendai-{test}-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("app.js"), "glue").unwrap();
        fs::write(dist.join("app_bg.wasm"), "wasm").unwrap();
        dist
    }

    #[test]
    fn the_app_files_are_pinned_by_their_hashes() {
        let dist = app_files("integrity");
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
        let later = r#"<script type="module">reload()</script>"#;
        let html = with_integrity(&format!("{loader}{later}"), &dist).unwrap();
        assert!(html.ends_with(&format!("</script>{later}")), "{html}");
        assert_eq!(html.matches("reload()").count(), 1, "{html}");
        fs::remove_dir_all(&dist).unwrap();
    }

    /// Trunk's `index.html` in brief, as the build hands it to the prerenderer.
    const TRUNK_HTML: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
        <base href=\"/sub/\"><!--HEAD--><script type=\"module\">\
        const app = await import('/sub/app.js');\
        fetch('/sub/app_bg.wasm', { integrity: 'WASM_INTEGRITY' });</script></head>\
        <body></body></html>";

    /// Every step the build takes with Trunk's `index.html`, up to one rendered page.
    fn build_home_page(trunk_html: &str, dist: &Path) -> Result<String, String> {
        let template = prepare_template(trunk_html, dist, "0123456789abcdef")
            .map_err(|err| err.to_string())?;
        let template = with_policy_meta(&template, &Policy::for_template(&template))
            .map_err(|err| err.to_string())?;
        render_page(fixture::site(), &template, "/sub/", &settings(), &[])
            .map_err(|err| err.to_string())
    }

    /// `TRUNK_HTML` with `marker` written otherwise, as a careless edit of `index.html` or
    /// `Trunk.toml`, or another version of Trunk, might leave it.
    fn without(marker: Marker) -> String {
        let (found, instead) = match marker {
            Marker::Base => ("<base href=\"/sub/\">", ""),
            Marker::Charset => ("<meta charset=\"utf-8\">", "<meta name=\"charset\">"),
            Marker::HeadComment => ("<!--HEAD-->", "<!--HEAD ELEMENTS-->"),
            Marker::HeadEnd => ("</head>", ""),
            Marker::Body => ("<body></body>", ""),
            Marker::Loader => ("type=\"module\"", "type=\"text/plain\""),
            Marker::Import => ("import('", "import(\""),
            Marker::Fetch => ("fetch('", "fetch(\""),
            Marker::WasmIntegrity => ("'WASM_INTEGRITY'", "'WASM_HASH'"),
        };
        assert!(TRUNK_HTML.contains(found), "{found}");
        TRUNK_HTML.replacen(found, instead, 1)
    }

    #[test]
    fn a_missing_marker_fails_the_build_and_is_named() {
        let dist = app_files("markers");
        let page = build_home_page(TRUNK_HTML, &dist).expect("the intact template builds");
        assert!(
            page.contains("sc-public-url") && page.contains("sha384-"),
            "{page}"
        );
        for marker in Marker::ALL {
            let error = build_home_page(&without(marker), &dist)
                .expect_err(&format!("a template without {}", marker.text()));
            assert!(error.contains(marker.text()), "{marker:?}: {error}");
        }
        fs::remove_dir_all(&dist).unwrap();
    }
}
