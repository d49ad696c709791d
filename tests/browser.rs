//! The app in a real browser (headless Chromium and Firefox, through wasm-bindgen-test): each
//! test puts the window at an address, mounts the whole app into a fresh element, drawn from the
//! fixture content (`crates/sendai_content/tests/fixtures/content`, compiled by
//! `sendai_fixture`), and checks what a visitor would see or do there.
#![cfg(target_arch = "wasm32")]

use js_sys::Promise;
use leptos::prelude::*;
use sendai_cluster::app::App;
use sendai_cluster::content::{Listing, SiteData};
use sendai_cluster::fresh::Fresh;
use sendai_cluster::page_data;
use sendai_cluster::routes::{Lang, Route};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static SITE: SiteData = read_site();
}

/// The fixture site's shell, with every page's text read from its data file as the app reads
/// a fetched one (the test runner's server publishes no data files).
fn site() -> SiteData {
    SITE.with(|site| *site)
}

fn read_site() -> SiteData {
    let site = SiteData::read(sendai_fixture::SITE_BIN, None).expect("the fixture's shell");
    for (slug, lang, file) in sendai_fixture::PAGE_BINS {
        let page = site
            .find(slug)
            .expect("a data file for each page of the shell");
        page_data::insert(site, *lang, page, file).expect("the fixture's own data");
    }
    site
}

/// Puts the window at `path`, mounts the app, given the fixture site, and waits for its page;
/// the app stays until the handle is dropped.
async fn mount_at(path: &str) -> (HtmlElement, impl Sized) {
    let site = site();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <App site base="" origin="https://sendai.example" /> }
    });
    until("the page to render", || {
        root.query_selector("main h1").ok().flatten().is_some()
    })
    .await;
    (root, handle)
}

async fn next_frame() {
    let frame = Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    JsFuture::from(frame).await.unwrap();
}

/// Waits, frame by frame, until `condition` holds; fails after about five seconds.
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        next_frame().await;
    }
    panic!("timed out waiting for {what}");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn heading(root: &Element) -> String {
    text(&find(root, "main h1"))
}

fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

fn every_route() -> Vec<(String, Route)> {
    site()
        .all_pages()
        .map(|route| (route.path(), route))
        .chain([
            ("/no-such-page/".to_owned(), Route::not_found(Lang::En)),
            ("/ja/no-such-page".to_owned(), Route::not_found(Lang::Ja)),
        ])
        .collect()
}

#[wasm_bindgen_test]
async fn each_route_shows_its_heading_title_and_language() {
    for (path, route) in every_route() {
        let (root, _app) = mount_at(&path).await;
        let title = site().document_title(route);
        until(&format!("the title of {path}"), || {
            document().title() == title
        })
        .await;
        assert_eq!(heading(&root), site().title(route), "{path}");
        assert_eq!(find_all(&root, "h1").len(), 1, "{path}: one h1");
        assert_eq!(html_lang(), route.lang.code(), "{path}");
    }
}

#[wasm_bindgen_test]
async fn navigation_marks_the_current_page_and_only_it() {
    for route in site().all_pages() {
        let (root, _app) = mount_at(&route.path()).await;
        // Each page is listed in the main navigation or in the footer's.
        let current = find_all(&root, "nav a[aria-current='page']");
        assert_eq!(current.len(), 1, "{}", route.path());
        assert_eq!(current[0].get_attribute("href").unwrap(), route.path());
        assert_eq!(
            find_all(&root, ".sc-nav a").len(),
            site().listed_in(Listing::Navigation).count(),
            "a link per page of the navigation"
        );
        assert_eq!(
            find_all(&root, "footer nav a").len(),
            site().listed_in(Listing::Footer).count(),
            "a link per page of the footer"
        );
    }
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_not_found_with_a_link_to_every_page() {
    let (root, _app) = mount_at("/concept/extra").await;
    assert_eq!(heading(&root), site().strings(Lang::En).not_found_title);
    let main = find(&root, "main");
    let links: Vec<String> = find_all(&main, "a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    for route in site().all_pages().filter(|route| route.lang == Lang::En) {
        assert!(
            links.contains(&route.path()),
            "{} in {links:?}",
            route.path()
        );
    }
    assert!(find_all(&root, ".sc-nav a[aria-current]").is_empty());
}

#[wasm_bindgen_test]
async fn the_footer_holds_the_address_telephone_and_fax() {
    for lang in Lang::ALL {
        let (root, _app) = mount_at(&site().home(lang).path()).await;
        let footer = find(&root, "footer address");
        let footer_text = text(&footer);
        for line in &site().strings(lang).address {
            assert!(
                footer_text.contains(line),
                "{lang:?}: {line} in {footer_text}"
            );
        }
        let contact = site().contact();
        assert!(footer_text.contains(contact.fax.display));
        let tel = find(&footer, "a[href^='tel:']");
        assert_eq!(text(&tel), contact.telephone.display);
        assert_eq!(tel.get_attribute("href").unwrap(), contact.telephone.uri);
        assert!(text(&find(&root, "footer")).contains(contact.copyright));
    }
}

#[wasm_bindgen_test]
async fn page_top_leads_to_the_header_at_the_top_of_the_page() {
    let (root, _app) = mount_at("/secretariat/").await;
    let link = find(&root, "footer a.sc-footer__top");
    assert_eq!(link.get_attribute("href").unwrap(), "#top");
    let target = document()
        .get_element_by_id("top")
        .expect("an element with id top");
    assert_eq!(target.tag_name(), "HEADER");
    let before: Vec<String> = find_all(&root, "*")
        .into_iter()
        .take_while(|el| *el != target)
        .map(|el| el.class_name())
        .collect();
    assert_eq!(
        before,
        ["sc-skip-link"],
        "only the skip link comes before the header"
    );
}

#[wasm_bindgen_test]
async fn the_skip_link_is_first_and_leads_into_main() {
    let (root, _app) = mount_at("/concept/").await;
    let first_link = find(&root, "a");
    assert_eq!(first_link.get_attribute("href").unwrap(), "#main-content");
    let main = find(&root, "main");
    assert_eq!(main.id(), "main-content");
    assert_eq!(main.get_attribute("tabindex").as_deref(), Some("-1"));
}

#[wasm_bindgen_test]
async fn the_language_switch_leads_to_the_same_page_in_the_other_language() {
    for (path, route) in every_route() {
        let (root, _app) = mount_at(&path).await;
        let switch = find(&root, ".sc-header__language");
        let expected = route.counterpart().path();
        assert_eq!(switch.get_attribute("href").unwrap(), expected, "{path}");
        assert_eq!(
            switch.get_attribute("hreflang").unwrap(),
            route.lang.other().code()
        );
    }
}

/// `Fresh` swaps in a newly built view where the old one was, between its siblings, and drops the
/// old elements rather than patching them.
#[wasm_bindgen_test]
async fn fresh_replaces_the_view_in_place() {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let word = RwSignal::new("first");
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <p>"before"</p>
            {move || Fresh(view! { <p class="fresh">{word.get()}</p> })}
            <p>"after"</p>
        }
    });
    let first = find(&root, ".fresh");
    word.set("second");
    until("the new view", || {
        find(&root, ".fresh").text_content().as_deref() == Some("second")
    })
    .await;
    let texts: Vec<String> = (0..root.children().length())
        .filter_map(|i| root.children().item(i)?.text_content())
        .collect();
    assert_eq!(texts, ["before", "second", "after"]);
    assert!(!first.is_connected(), "the old element is gone, not reused");
    assert_eq!(root.query_selector_all(".fresh").unwrap().length(), 1);
}
