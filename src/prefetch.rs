//! Fetching a page's data before the visitor asks for the page, so that the navigation itself
//! waits for nothing:
//! - on intent: the pointer over a link, focus on it, a touch on it;
//! - at an idle moment: the pages the current page's navigation links to, unless the visitor
//!   has asked to save data (`Save-Data`, `prefers-reduced-data`).

use leptos::prelude::{document, window};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{AddEventListenerOptions, Element, HtmlAnchorElement};

use crate::content::SiteData;
use crate::page_data;
use crate::routes::Route;

/// The links of the current page whose pages are fetched at an idle moment: the header's,
/// the main navigation's, the breadcrumbs' and the footer's.
const NAVIGATION_LINKS: &str = "header a[href], nav a[href]";

/// Starts the intent listeners, for the rest of the visit, on a site served under `base`.
pub fn on_intent(site: SiteData, base: &str) {
    let base = base.to_owned();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok());
        if let Some(link) = link {
            fetch_for(site, &link, &base);
        }
    });
    let options = AddEventListenerOptions::new();
    options.set_passive(true);
    for event in ["pointerover", "focusin", "touchstart"] {
        let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
            event,
            listener.as_ref().unchecked_ref(),
            &options,
        );
    }
    listener.forget();
}

/// Fetches, at idle moments, the data of the pages the current page's navigation links to, and
/// of the current page itself (for Back), unless the visitor saves data.
pub fn navigation_when_idle(site: SiteData, base: &str) {
    if saves_data() {
        return;
    }
    let base = base.to_owned();
    when_idle(move || {
        let mut routes = Vec::new();
        if let Ok(links) = document().query_selector_all(NAVIGATION_LINKS) {
            for link in (0..links.length()).filter_map(|i| links.item(i)) {
                if let Some(route) = link
                    .dyn_into::<HtmlAnchorElement>()
                    .ok()
                    .and_then(|link| same_site_route(site, &link, &base))
                {
                    routes.push(route);
                }
            }
        }
        if let Ok(here) = window().location().pathname() {
            routes.push(site.locate(&here, &base));
        }
        fetch_one_per_idle_moment(routes, base);
    });
}

/// Starts one request per idle moment: each `fetch()` costs the main thread a few
/// milliseconds, and all of them in one task would make a long one on a slow phone.
fn fetch_one_per_idle_moment(mut routes: Vec<Route>, base: String) {
    let Some(route) = routes.pop() else { return };
    fetch_route(route, &base);
    when_idle(move || fetch_one_per_idle_moment(routes, base));
}

/// Runs `task` at the browser's next idle moment; where the browser has no idle callback
/// (Safari), in a task after the current work.
fn when_idle(task: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(task);
    if window()
        .request_idle_callback(task.unchecked_ref())
        .is_err()
    {
        let _ = window().set_timeout_with_callback(task.unchecked_ref());
    }
}

/// The route the app draws when this link is followed; `None` for a link to another site, or
/// one the router leaves to the browser (it has a `target`: the language switch), which loads a
/// whole page and needs no data file.
fn same_site_route(site: SiteData, link: &HtmlAnchorElement, base: &str) -> Option<Route> {
    let same_site = window()
        .location()
        .origin()
        .is_ok_and(|origin| origin == link.origin());
    (same_site && link.target().is_empty()).then(|| site.locate(&link.pathname(), base))
}

fn fetch_for(site: SiteData, link: &HtmlAnchorElement, base: &str) {
    if let Some(route) = same_site_route(site, link, base) {
        fetch_route(route, base);
    }
}

fn fetch_route(route: Route, base: &str) {
    if let Some(page) = route.page {
        let _ = page_data::request(route.lang, page, base);
    }
}

/// Whether the visitor has asked to save data: the `Save-Data` preference
/// (`navigator.connection.saveData`, Chromium) or `prefers-reduced-data`.
fn saves_data() -> bool {
    let save_data = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("connection"))
        .ok()
        .filter(|connection| connection.is_object())
        .and_then(|connection| {
            js_sys::Reflect::get(&connection, &JsValue::from_str("saveData")).ok()
        })
        .is_some_and(|value| value.is_truthy());
    let reduced_data = window()
        .match_media("(prefers-reduced-data: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    save_data || reduced_data
}
