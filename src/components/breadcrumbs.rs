use leptos::either::Either;
use leptos::prelude::*;

use crate::app::use_site;
use crate::routes::Route;

/// Home, then the current page (on the home page, Home alone, as the current page).
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let home = Route::home(site.route.lang);
    let crumbs = if site.route == home {
        Either::Left(view! {
            <li class="sc-breadcrumbs__item" aria-current="page">
                {strings.home_crumb}
            </li>
        })
    } else {
        Either::Right(view! {
            <li class="sc-breadcrumbs__item">
                <a class="sc-breadcrumbs__link" href=site.href(home)>
                    {strings.home_crumb}
                </a>
            </li>
            <li class="sc-breadcrumbs__item" aria-current="page">
                {site.route.title()}
            </li>
        })
    };
    view! {
        <nav class="sc-breadcrumbs" aria-label=strings.breadcrumbs_label>
            <ol class="sc-breadcrumbs__list">{crumbs}</ol>
        </nav>
    }
}
