//! The HTML pages: Trunk's `index.html` made into a template, and every route rendered into it
//! with the same components the browser runs.

use std::fs;
use std::path::Path;

use base64::Engine as _;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use sha2::{Digest, Sha384};

use super::json_ld::organization_json_ld;
use super::policy::Policy;
use super::Settings;
use crate::app::App;
use crate::page_data;
use crate::routes::PUBLIC_URL_META;

/// Renders the page a visitor gets at `path` (a path under the site's base), into `template`:
/// Trunk's `index.html` as [`prepare_template`] and [`with_policy_meta`] leave it, which holds
/// the stylesheets, the script that starts the app and the policy.
pub fn render_page(template: &str, path: &str, settings: &Settings) -> String {
    any_spawner::Executor::init_futures_executor().ok();
    page_data::insert_built();
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

/// Puts the part of `policy` a page can carry into a `<meta http-equiv>` right after the
/// charset, before any script or style: a host that sends no headers still enforces it.
/// A `trunk serve` template is left as it is: the server rewrites its reload script for each
/// request, so no hash taken here could allow it, and it sends no policy header either.
pub fn with_policy_meta(template: &str, policy: &Policy) -> String {
    if template.contains(TRUNK_SERVE_ADDRESS_PLACEHOLDER) {
        return template.to_owned();
    }
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.meta_value()
    );
    let after = template
        .find("<meta charset")
        .or_else(|| template.find("<head"))
        .and_then(|start| template[start..].find('>').map(|end| start + end + 1))
        .expect("a template with a <head>");
    format!("{}{meta}{}", &template[..after], &template[after..])
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

/// What `trunk serve` replaces in its reload script with the address of each request.
const TRUNK_SERVE_ADDRESS_PLACEHOLDER: &str = "{{__TRUNK_ADDRESS__}}";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::strings;
    use crate::routes::{Lang, Page, Route};

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
    fn the_policy_meta_comes_right_after_the_charset_and_before_any_script_or_style() {
        let policy = Policy::for_template(TEMPLATE);
        let html = render_page(&with_policy_meta(TEMPLATE, &policy), "/", &settings());
        let meta = format!(
            "<head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><style>",
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
        assert_eq!(with_policy_meta(&template, &policy), template);
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
}
