//! Starting the app in the browser, on top of the prerendered page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::content::{SiteData, BUILD_META};
use crate::page_data;
use crate::prefetch;
use crate::routes::{normalize_base, Lang, PUBLIC_URL_META};
use crate::takeover::{discard_prerendered_page, is_prerendered, remove_announcer};

/// Starts the app with the site's shell, `site.bin`, which the loader fetched together with the
/// app (the loader does not start it where the file did not arrive), in a task of its own after
/// the one that instantiated the wasm, and says whether it did.
/// Where the file is damaged, or of another build or data format, the app does not start either:
/// the prerendered page stays as it is, and its links load pages in full.
///
/// Where the prerendered page is the one for this address, the app adopts it as it is: nothing is
/// drawn again, so nothing is repainted, and the first navigation replaces it. Where the host
/// served another page (a development server's or a host's fallback file), the app replaces it as
/// soon as the page's data file is read, in one task; where that file cannot be had either, the
/// app adopts the page it was given.
pub fn start(site_file: &'static [u8]) -> bool {
    let Ok(site) = SiteData::read(site_file, meta(BUILD_META).as_deref()) else {
        return false;
    };
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        show_error_notice(site);
    }));
    take_over(site);
    true
}

/// The content of the `<meta name>` the prerenderer wrote into the page.
fn meta(name: &str) -> Option<String> {
    document()
        .get_elements_by_name(name)
        .item(0)?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute("content")
}

/// Adopts the prerendered page, or replaces it where it is not this address's page.
fn take_over(site: SiteData) {
    let base = meta(PUBLIC_URL_META)
        .map(|url| normalize_base(&url))
        .unwrap_or_default();
    let origin = window().location().origin().unwrap_or_default();
    let route = site.locate(&window().location().pathname().unwrap_or_default(), &base);
    let adopt = is_prerendered(&document(), route, site.title(route));
    match route.page {
        // Before the app mounts, Leptos's executor is not set up: the browser's runs this.
        // A notice's title is in its data file: only once that is read can the page in the
        // document be told to be the notice's, and adopted.
        Some(page) if !adopt => wasm_bindgen_futures::spawn_local(async move {
            let loaded = page_data::load(site, route.lang, page, &base).await.is_ok();
            let adopt = !loaded || is_prerendered(&document(), route, site.title(route));
            mount(site, base, origin, adopt);
        }),
        _ => mount(site, base, origin, adopt),
    }
}

/// Draws the app over the document, keeping the page there (`adopt`) or replacing it.
fn mount(site: SiteData, base: String, origin: String, adopt: bool) {
    let document = document();
    remove_announcer(&document);
    if !adopt {
        discard_prerendered_page(&document);
    }
    prefetch::on_intent(site, &base);
    prefetch::navigation_when_idle(site, &base);
    leptos::mount::mount_to_body(move || view! { <App site base=base origin=origin adopt /> });
    // Lets tests and styles tell the live app from the prerendered page.
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "running");
    }
}

/// A short, polite notice at the top of the page with a reload link; the content stays.
fn show_error_notice(site: SiteData) {
    let document = document();
    let Some(body) = document.body() else { return };
    if document
        .query_selector(".sc-error-notice")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    let text = site.strings(lang);
    let href = window().location().href().unwrap_or_default();
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("sc-error-notice");
    let _ = notice.set_attribute("role", "alert");
    let message = document.create_element("p").ok();
    let link = document.create_element("a").ok();
    if let (Some(message), Some(link)) = (message, link) {
        message.set_class_name("sc-error-notice__message");
        message.set_text_content(Some(text.error_notice));
        link.set_text_content(Some(text.error_reload));
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("class", "sc-error-notice__reload");
        let _ = message.append_with_str_1(" ");
        let _ = message.append_child(&link);
        let _ = notice.append_child(&message);
    }
    let _ = body.prepend_with_node_1(&notice);
    // The app cannot run after a panic, so links must not be left to its router: `external`
    // makes the router let the browser follow them as ordinary links.
    if let Ok(links) = document.query_selector_all("a[href]") {
        for i in 0..links.length() {
            if let Some(link) = links
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let rel = link.get_attribute("rel").unwrap_or_default();
                let _ = link.set_attribute("rel", format!("{rel} external").trim());
            }
        }
    }
}
