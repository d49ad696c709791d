//! The application root: router, page head, shell and the page for the current address.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, Title};
use leptos_router::components::{FlatRoutes, Route as RouterRoute, Router};
use leptos_router::{hooks::use_location, path};

use crate::components::{Breadcrumbs, PrimaryNav, SiteFooter, SiteHeader, SkipLink};
use crate::content::content;
use crate::pages::{AboutPage, ConceptPage, NotFoundPage, SecretariatPage};
use crate::routes::{Lang, Page, Route};

/// Where the site is published; every component reads it through [`use_site`].
#[derive(Clone)]
pub struct Site {
    /// The path the site is served under: `""` at the root, `/sub` under a sub-path.
    pub base: String,
    /// The scheme and host, for canonical and Open Graph URLs.
    pub origin: String,
    /// The route of the current address.
    pub route: Memo<Route>,
    /// The current path, for same-page links such as "Page top".
    pub path: Memo<String>,
    /// What the status region last announced: the title of the page navigated to.
    pub announcement: RwSignal<String>,
}

impl Site {
    /// The address of a route on this site.
    pub fn href(&self, route: Route) -> String {
        route.href(&self.base)
    }

    /// A link to an element of the current page. Built on the full path because the document's
    /// `<base>` would otherwise resolve a bare `#id` against the site's home.
    pub fn fragment(&self, id: &str) -> String {
        format!("{}#{id}", self.path.get())
    }
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The whole site. `base` and `origin` come from the page in the browser and from the build
/// settings in the prerenderer.
#[component]
pub fn App(
    /// The path the site is served under (`""` or `/sub`).
    #[prop(into)]
    base: String,
    /// The scheme and host the site is published at.
    #[prop(into)]
    origin: String,
) -> impl IntoView {
    provide_meta_context();
    view! {
        <Router base=base.clone()>
            <SiteShell base=base origin=origin />
        </Router>
    }
}

/// The parts every page shares, around the current page.
#[component]
fn SiteShell(base: String, origin: String) -> impl IntoView {
    let location = use_location();
    let route = {
        let base = base.clone();
        Memo::new(move |_| Route::locate(&location.pathname.get(), &base))
    };
    let path = Memo::new(move |_| location.pathname.get());
    provide_context(Site {
        base,
        origin,
        route,
        path,
        announcement: RwSignal::new(String::new()),
    });

    view! {
        <PageHead />
        <SkipLink />
        <SiteHeader />
        <PrimaryNav />
        <div class="sc-width-container">
            <Breadcrumbs />
            <main id="main-content" class="sc-main" tabindex="-1">
                // leptos_router keeps the address bar, history, link clicks and scrolling; which
                // page an address shows is decided by the route table (`Route::locate`), shared
                // with the prerenderer and the tests, so the router has one route for every path.
                <FlatRoutes fallback=|| ()>
                    <RouterRoute path=path!("/*any") view=CurrentPage />
                </FlatRoutes>
            </main>
        </div>
        <SiteFooter />
        <NavigationAnnouncer />
    }
}

/// The page for the current route. After a client-side navigation (not on the first render),
/// moves focus to the new page's heading and announces its title, as a page load would for a
/// screen reader.
#[component]
fn CurrentPage() -> impl IntoView {
    let site = use_site();
    let route = site.route;
    let announcement = site.announcement;
    let first_render = StoredValue::new(true);
    move || {
        let route = route.get();
        let page = match route.page {
            Some(Page::About) => view! { <AboutPage lang=route.lang /> }.into_any(),
            Some(Page::Concept) => view! { <ConceptPage lang=route.lang /> }.into_any(),
            Some(Page::Secretariat) => view! { <SecretariatPage lang=route.lang /> }.into_any(),
            None => view! { <NotFoundPage lang=route.lang /> }.into_any(),
        };
        if first_render.get_value() {
            first_render.set_value(false);
        } else {
            // An effect made here runs once this page is in the document.
            Effect::new(move |_| {
                announcement.set(content(route.lang).document_title(route.page));
                focus_heading();
            });
        }
        page
    }
}

/// `<html lang>`, `<title>`, description, canonical and language alternates, Open Graph.
#[component]
fn PageHead() -> impl IntoView {
    let site = use_site();
    let route = site.route;
    let text = move || content(route.get().lang);
    let absolute = {
        let site = site.clone();
        move |route: Route| format!("{}{}", site.origin, site.href(route))
    };
    let alternates = {
        let absolute = absolute.clone();
        move || {
            let route = route.get();
            route.page.map(|_| {
                Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        let href = absolute(Route { lang, ..route });
                        view! { <Link rel="alternate" hreflang=lang.code() href=href /> }
                    })
                    .collect_view()
            })
        }
    };
    let canonical = {
        let absolute = absolute.clone();
        move || {
            let route = route.get();
            match route.page {
                Some(_) => {
                    let href = absolute(route);
                    view! {
                        <Link rel="canonical" href=href.clone() />
                        <Meta property="og:url" content=href />
                    }
                    .into_any()
                }
                None => view! { <Meta name="robots" content="noindex" /> }.into_any(),
            }
        }
    };
    view! {
        // Rebuilt per language rather than bound to a closure, which the server renderer would
        // read outside any reactive scope.
        {move || view! { <Html attr:lang=route.get().lang.code() /> }}
        <Title text=move || text().document_title(route.get().page) />
        <Meta name="description" content=move || text().head(route.get().page).description />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=move || text().site.name />
        <Meta property="og:title" content=move || text().head(route.get().page).title />
        <Meta property="og:description" content=move || text().head(route.get().page).description />
        <Meta property="og:locale" content=move || route.get().lang.og_locale() />
        <Meta property="og:locale:alternate" content=move || route.get().lang.other().og_locale() />
        {canonical}
        {alternates}
    }
}

/// A polite status region that announces the page navigated to.
#[component]
fn NavigationAnnouncer() -> impl IntoView {
    let announcement = use_site().announcement;
    view! {
        <div class="sc-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {announcement}
        </div>
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
