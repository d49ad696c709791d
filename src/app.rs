//! The application root: router, page head, shell and the page for the current address.
//!
//! Each address renders the whole page afresh from its route and the page's text: components are
//! plain views of one [`PageContext`] value, with no reactive state of their own, and a navigation swaps
//! the old page for the new one ([`Fresh`]) rather than patching it. That keeps them simple, keeps
//! the wasm small (each reactive closure, and each patching path, would be code of its own), and
//! costs little: a page is a few hundred nodes. In the browser, the first page is the prerendered one, left
//! untouched (`adopt`) until the first navigation; a navigation draws its page once the page's
//! text is at hand ([`page_data`]), and loads the address in full where it cannot be had.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, Title};
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, Location, LocationProvider};

use crate::components::{Breadcrumbs, PrimaryNav, SiteFooter, SiteHeader, SkipLink};
use crate::content::SiteData;
use crate::context::{use_page_context, PageContext};
use crate::fresh::Fresh;
use crate::page_data;
use crate::pages::{ContentPage, NotFoundPage};
use crate::routes::{feed_path, Lang, Route};

/// The whole site, drawn from the data it is given. `site` is the shell as the browser start
/// or the prerenderer read it; `base` and `origin` come from the page in the browser and from
/// the build settings in the prerenderer.
#[component]
pub fn App(
    /// The site's shell: its pages, their titles, the interface text and the contact details.
    site: SiteData,
    /// The path the site is served under (`""` or `/sub`).
    #[prop(into)]
    base: String,
    /// The scheme and host the site is published at.
    #[prop(into)]
    origin: String,
    /// The document already shows this address's prerendered page: the app leaves it as it is
    /// and draws nothing until the first navigation, which replaces it.
    #[prop(optional)]
    adopt: bool,
) -> impl IntoView {
    provide_meta_context();
    view! {
        <Router base=base.clone()>
            <SiteShell site=site base=base origin=origin adopt=adopt />
        </Router>
    }
}

/// The page for the current address, and the live region that announces navigations.
///
/// Leptos's `<Router>` keeps the address bar, history, link clicks and scrolling. What a path shows
/// is decided by the route table (`SiteData::locate`), shared with the prerenderer and the tests, so
/// the shell draws the page itself rather than through `<Routes>`, and tells the router when a
/// new page is drawn (`LocationProvider::ready_to_complete`), as `<Routes>` does.
#[component]
fn SiteShell(site: SiteData, base: String, origin: String, adopt: bool) -> impl IntoView {
    let location = use_location();
    let announcement = RwSignal::new(String::new());
    let renders = StoredValue::new(0_u32);
    // The route whose page is drawn. It follows the address as soon as the new page's text is at
    // hand, so the old page stays, whole, while its data file is fetched.
    let shown = RwSignal::new(site.locate(&location.pathname.get_untracked(), &base));
    Effect::new({
        let base = base.clone();
        move |_| {
            let route = site.locate(&location.pathname.get(), &base);
            if route == shown.get_untracked() {
                // Back to the page shown before its successor was drawn: nothing to draw.
                complete_navigation();
            } else {
                show_when_ready(site, route, shown, location.clone(), &base);
            }
        }
    });
    let page = move || {
        let route = shown.get();
        let text = route.page.and_then(|page| page_data::get(route.lang, page));
        provide_context(PageContext {
            site,
            base: base.clone(),
            origin: origin.clone(),
            route,
            text,
        });
        let render = renders.get_value();
        renders.set_value(render.saturating_add(1));
        // Over a prerendered page, the first render leaves it in place and the second replaces it.
        if render == 0 && adopt {
            return Fresh(Either::Left(()));
        }
        if render > 0 {
            // After a client-side navigation, move focus to the new heading and announce the
            // page, as a page load would for a screen reader. An effect made here runs once
            // the new page is in the document.
            let base = base.clone();
            Effect::new(move |_| {
                announcement.set(site.document_title(route));
                focus_heading();
                run_page_scripts();
                // The page is drawn: the router may now update the address bar and scroll.
                complete_navigation();
                prefetch_navigation(site, &base);
            });
        }
        if render == 1 && adopt {
            discard_prerendered_page();
        }
        Fresh(Either::Right(view! {
            <PageHead />
            <SkipLink />
            <SiteHeader />
            <PrimaryNav />
            <div class="sc-width-container">
                <Breadcrumbs />
                <main id="main-content" class="sc-main" tabindex="-1">
                    <CurrentPage />
                </main>
            </div>
            <SiteFooter />
        }))
    };
    view! {
        {page}
        <div class="sc-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {announcement}
        </div>
    }
}

/// The page for the current route.
#[component]
fn CurrentPage() -> impl IntoView {
    match use_page_context().text {
        Some(text) => Either::Left(view! { <ContentPage text /> }),
        None => Either::Right(view! { <NotFoundPage /> }),
    }
}

/// `<html lang>`, `<title>`, description, canonical and language alternates, Open Graph.
#[component]
fn PageHead() -> impl IntoView {
    let context = use_page_context();
    let route = context.route;
    let description = context
        .text
        .map_or(context.strings().not_found_description, |text| {
            text.description
        });
    let absolute = |route: Route| route.url(&context.origin, &context.base);
    // Not Found has no address of its own to point to, and asks not to be indexed.
    let addresses = match context.text {
        Some(_) => {
            let alternates = Lang::ALL
                .into_iter()
                .map(|lang| {
                    let href = absolute(Route { lang, ..route });
                    view! { <Link rel="alternate" hreflang=lang.code() href=href /> }
                })
                .collect_view();
            Either::Left(view! {
                <Link rel="canonical" href=absolute(route) />
                <Meta property="og:url" content=absolute(route) />
                {alternates}
            })
        }
        None => Either::Right(view! { <Meta name="robots" content="noindex" /> }),
    };
    // Every page names its edition's feed of each section that has one.
    let feeds = context
        .site
        .shell
        .sections
        .iter()
        .filter_map(|section| {
            let title = section.feed.as_ref()?.get(route.lang);
            Some(view! {
                <Link
                    rel="alternate"
                    type_="application/atom+xml"
                    href=format!("{}{}", context.base, feed_path(route.lang, section.slug))
                    title=title
                />
            })
        })
        .collect_view();
    view! {
        <Html attr:lang=route.lang.code() />
        <Title text=context.site.document_title(route) />
        <Meta name="description" content=description />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=context.strings().name />
        <Meta property="og:title" content=context.site.title(route) />
        <Meta property="og:description" content=description />
        <Meta property="og:locale" content=route.lang.og_locale() />
        <Meta property="og:locale:alternate" content=route.lang.other().og_locale() />
        {addresses}
        {feeds}
    }
}

/// Draws `route` once its page's text is at hand: at once if it has been read (or the route is
/// Not Found, which has no data file), when its data file arrives otherwise, and only if the
/// visitor has not gone elsewhere meanwhile. Where the file cannot be had, the address is loaded
/// in full, as if the app were not there: never a blank page, nor one mixed from two builds.
fn show_when_ready(
    site: SiteData,
    route: Route,
    shown: RwSignal<Route>,
    location: Location,
    base: &str,
) {
    let Some(page) = route.page else {
        shown.set(route);
        return;
    };
    if page_data::get(route.lang, page).is_some() {
        shown.set(route);
        return;
    }
    #[cfg(all(feature = "csr", target_arch = "wasm32"))]
    {
        let base = base.to_owned();
        leptos::task::spawn_local(async move {
            let loaded = page_data::load(site, route.lang, page, &base).await;
            let path = location.pathname.get_untracked();
            if site.locate(&path, &base) != route {
                return;
            }
            match loaded {
                Ok(_) => shown.set(route),
                Err(_) => {
                    let search = location.search.get_untracked();
                    let query = if search.is_empty() { "" } else { "?" };
                    let href = format!("{path}{query}{search}{}", location.hash.get_untracked());
                    let _ = window().location().assign(&href);
                }
            }
        });
    }
    #[cfg(not(all(feature = "csr", target_arch = "wasm32")))]
    let _ = (site, location, base);
}

/// Lets the router update the address bar and scroll, once the new page is drawn.
fn complete_navigation() {
    if let Some(browser) = use_context::<BrowserUrl>() {
        browser.ready_to_complete();
    }
}

/// Fetches the data of the pages the current page links to, when the browser is idle.
fn prefetch_navigation(site: SiteData, base: &str) {
    #[cfg(all(feature = "csr", target_arch = "wasm32"))]
    crate::prefetch::navigation_when_idle(site, base);
    #[cfg(not(all(feature = "csr", target_arch = "wasm32")))]
    let _ = (site, base);
}

/// Removes the adopted prerendered page, just before the app draws its first page in its place.
fn discard_prerendered_page() {
    #[cfg(all(feature = "csr", target_arch = "wasm32"))]
    crate::takeover::discard_prerendered_page(&document());
}

/// Runs the scripts of a page the app drew (the search page's), as a page load does: a script
/// that came in its HTML went in as text, which browsers never run. A module runs once in a
/// document, however often it is inserted.
fn run_page_scripts() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Ok(scripts) = document().query_selector_all("main script[src]") else {
            return;
        };
        for i in 0..scripts.length() {
            let Some(script) = scripts
                .item(i)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if let Ok(fresh) = document().create_element("script") {
                for name in ["type", "src"] {
                    if let Some(value) = script.get_attribute(name) {
                        let _ = fresh.set_attribute(name, &value);
                    }
                }
                let _ = script.replace_with_with_node_1(&fresh);
            }
        }
    }
}

fn focus_heading() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let heading = document()
            .query_selector("#main-content h1")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    }
}
