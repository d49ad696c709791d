use leptos::either::Either;
use leptos::prelude::*;

use crate::app::use_site;
use crate::routes::{Page, Route};

/// Home, then the current page (on the home page, Home alone, as the current page).
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let site = use_site();
    let text = site.text();
    let home = Route::page(site.route.lang, Page::About);
    let crumbs = if site.route == home {
        Either::Left(view! {
            <li class="sc-breadcrumbs__item" aria-current="page">
                {text.site.home_crumb}
            </li>
        })
    } else {
        Either::Right(view! {
            <li class="sc-breadcrumbs__item">
                <a class="sc-breadcrumbs__link" href=site.href(home)>
                    {text.site.home_crumb}
                </a>
            </li>
            <li class="sc-breadcrumbs__item" aria-current="page">
                {text.head(site.route.page).title}
            </li>
        })
    };
    view! {
        <nav class="sc-breadcrumbs" aria-label=text.site.breadcrumbs_label>
            <ol class="sc-breadcrumbs__list">{crumbs}</ol>
        </nav>
    }
}
