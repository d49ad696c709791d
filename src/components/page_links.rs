use leptos::prelude::*;

use crate::app::use_site;
use crate::content::Listing;
use crate::routes::{Page, Route};

/// The links to the pages listed in one place (the main navigation or the footer), in the
/// current language and the order of their `weight`, as list items; the current page's link
/// carries `aria-current="page"`.
#[component]
pub fn PageLinks(
    /// Which pages: those listed in the navigation, or in the footer.
    listing: Listing,
    /// The class of each `<li>`.
    item_class: &'static str,
    /// The class of each `<a>`.
    link_class: &'static str,
) -> impl IntoView {
    let site = use_site();
    Page::listed_in(listing)
        .map(|page| {
            let target = Route::page(site.route.lang, page);
            let current = (site.route == target).then_some("page");
            view! {
                <li class=item_class>
                    <a class=link_class href=site.href(target) aria-current=current>
                        {target.title()}
                    </a>
                </li>
            }
        })
        .collect_view()
}
