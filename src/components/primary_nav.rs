use leptos::prelude::*;

use crate::app::use_site;
use crate::content::Listing;
use crate::routes::{Page, Route};

/// Links to the pages listed in the navigation, in the current language, in the order of their
/// `weight`; the current one carries `aria-current="page"`.
#[component]
pub fn PrimaryNav() -> impl IntoView {
    let site = use_site();
    let links = Page::listed_in(Listing::Navigation)
        .map(|page| {
            let target = Route::page(site.route.lang, page);
            let current = (site.route == target).then_some("page");
            view! {
                <li class="sc-nav__item">
                    <a class="sc-nav__link" href=site.href(target) aria-current=current>
                        {target.title()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="sc-nav" aria-label=site.strings().navigation_label>
            <ul class="sc-nav__list sc-width-container">{links}</ul>
        </nav>
    }
}
