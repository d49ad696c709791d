//! What every part of a page shares: the site's shell, where the site is published, which
//! page is shown, and in which language. The app root provides it for each page it draws;
//! components read it through [`use_page_context`] (see `components` for which data comes from
//! here and which as props).

use leptos::prelude::*;

use crate::content::{PageText, SiteData, Strings};
use crate::routes::Route;

/// The site's shell, where the site is published, and which page is being shown.
#[derive(Clone)]
pub struct PageContext {
    /// The site's shell, as the app was given it: its pages, their titles, the interface text.
    pub site: SiteData,
    /// The path the site is served under: `""` at the root, `/sub` under a sub-path.
    pub base: String,
    /// The scheme and host, for canonical and Open Graph URLs.
    pub origin: String,
    /// What the current path shows, in which language.
    pub route: Route,
    /// The page's own text; `None` on Not Found.
    pub text: Option<&'static PageText>,
}

impl PageContext {
    /// The address of a route on this site.
    pub fn href(&self, route: Route) -> String {
        route.href(&self.base)
    }

    /// The interface text of the current page's language.
    pub fn strings(&self) -> &'static Strings {
        self.site.strings(self.route.lang)
    }
}

/// The context of the page being drawn.
pub fn use_page_context() -> PageContext {
    expect_context::<PageContext>()
}
