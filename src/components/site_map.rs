use leptos::prelude::*;

use crate::app::use_site;
use crate::routes::{Lang, Page, Route};

/// Every page of one edition, in the order of their `weight`: the same list the navigation, the
/// footer and `sitemap.xml` are made from.
#[component]
pub fn SiteMap(
    /// The edition whose pages are listed.
    lang: Lang,
) -> impl IntoView {
    let site = use_site();
    let links = Page::all()
        .map(|page| {
            let route = Route::page(lang, page);
            view! {
                <li>
                    <a href=site.href(route)>{route.title()}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="sc-list sc-list--bullet sc-site-map">{links}</ul> }
}
