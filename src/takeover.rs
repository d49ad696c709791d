//! The prerendered page in the browser: telling whether it is the page for the address, and
//! taking it away when the app draws a page in its place. Used by the start (`client`) and by
//! the first navigation (`app`).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::routes::Route;

/// Head elements that the prerenderer wrote and `leptos_meta` writes again when the app draws a
/// page. (`<title>` and `<html lang>` it updates in place.)
const MANAGED_HEAD: &str = "meta[name=description], meta[name=robots], meta[property^='og:'], \
    link[rel=canonical], link[rel=alternate]";

/// The live region that announces client-side navigations; the app renders its own.
const ANNOUNCER: &str = "body > [role=status]";

/// Whether the page in the document is the prerendered page of `route`, whose heading is
/// `title`: same language, same heading (the content compiler makes every page's heading
/// distinct).
pub fn is_prerendered(document: &Document, route: Route, title: &str) -> bool {
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    let heading = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h1| h1.text_content());
    lang.as_deref() == Some(route.lang.code()) && heading.as_deref() == Some(title)
}

/// Removes the prerendered live region, which has announced nothing: the app renders its own.
pub fn remove_announcer(document: &Document) {
    remove_all(document, ANNOUNCER);
}

/// Removes the prerendered page's content and managed head tags, but not the scripts, nor the
/// app's own live region.
pub fn discard_prerendered_page(document: &Document) {
    remove_all(document, MANAGED_HEAD);
    remove_all(document, "body > :not(script, [role=status])");
}

fn remove_all(document: &Document, selector: &str) {
    if let Ok(nodes) = document.query_selector_all(selector) {
        for i in 0..nodes.length() {
            if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
}
