use leptos::prelude::*;

use crate::context::use_page_context;
use crate::routes::Route;

/// Every page of the shell's list in the page's edition, in the order of their `weight`: the
/// same list the navigation and the footer are made from. The notices' list stands for the
/// notices (`sitemap.xml` lists each): the shell holds no notice, however many there are.
#[component]
pub fn SiteMap() -> impl IntoView {
    let context = use_page_context();
    let lang = context.route.lang;
    let links = context
        .site
        .pages()
        .map(|page| {
            let route = Route::page(lang, page);
            view! {
                <li>
                    <a href=context.href(route)>{context.site.title(route)}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="sc-list sc-list--bullet sc-site-map">{links}</ul> }
}
