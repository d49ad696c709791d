//! Starting the app in the browser, on top of the prerendered page.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::app::App;
use crate::content::strings;
use crate::page_data;
use crate::prefetch;
use crate::routes::{normalize_base, Lang, Route, PUBLIC_URL_META};
use crate::takeover::{discard_prerendered_page, is_prerendered, remove_announcer};

/// Installs the panic notice, then starts the app. Where the prerendered page is the one for this
/// address, the app adopts it as it is: nothing is drawn again, so nothing is repainted, and the
/// first navigation replaces it. Where the host served another page (a development server's or a
/// host's fallback file), the app replaces it as soon as the page's data file is read, in one
/// task; where that file cannot be had either, the app adopts the page it was given.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_notice();
    }));

    let base = document()
        .query_selector(&format!("meta[name={PUBLIC_URL_META}]"))
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("content"))
        .map(|url| normalize_base(&url))
        .unwrap_or_default();
    let origin = window().location().origin().unwrap_or_default();
    let route = Route::locate(&window().location().pathname().unwrap_or_default(), &base);

    // The app starts in a task of its own, after the one that instantiated the wasm, so that
    // neither blocks the main thread for long on a slow phone.
    let take_over = Closure::once_into_js(move || {
        let adopt = is_prerendered(&document(), route);
        match route.page {
            // Before the app mounts, Leptos's executor is not set up: the browser's runs this.
            Some(page) if !adopt => wasm_bindgen_futures::spawn_local(async move {
                let loaded = page_data::load(route.lang, page, &base).await.is_ok();
                mount(base, origin, !loaded);
            }),
            _ => mount(base, origin, adopt),
        }
    });
    let _ = window().set_timeout_with_callback(take_over.unchecked_ref());
}

/// Draws the app over the document, keeping the page there (`adopt`) or replacing it.
fn mount(base: String, origin: String, adopt: bool) {
    let document = document();
    remove_announcer(&document);
    if !adopt {
        discard_prerendered_page(&document);
    }
    prefetch::on_intent(&base);
    prefetch::navigation_when_idle(&base);
    leptos::mount::mount_to_body(move || view! { <App base=base origin=origin adopt /> });
    // Lets tests and styles tell the live app from the prerendered page.
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "running");
    }
}

/// A short, polite notice at the top of the page with a reload link; the content stays.
fn show_error_notice() {
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
    let text = strings(lang);
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
