use leptos::prelude::*;

use crate::app::use_site;
use crate::content::content;
use crate::routes::{Page, Route};

/// Home, then the current page (on the home page, Home alone, as the current page).
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let site = use_site();
    let route = site.route;
    let crumbs = move || {
        let current = route.get();
        let text = content(current.lang);
        let home = Route::page(current.lang, Page::About);
        let home_crumb = if current == home {
            view! {
                <li class="sc-breadcrumbs__item" aria-current="page">
                    {text.site.home_crumb}
                </li>
            }
            .into_any()
        } else {
            view! {
                <li class="sc-breadcrumbs__item">
                    <a class="sc-breadcrumbs__link" href=site.href(home)>
                        {text.site.home_crumb}
                    </a>
                </li>
                <li class="sc-breadcrumbs__item" aria-current="page">
                    {text.head(current.page).title}
                </li>
            }
            .into_any()
        };
        home_crumb
    };
    view! {
        <nav class="sc-breadcrumbs" aria-label=move || content(route.get().lang).site.breadcrumbs_label>
            <ol class="sc-breadcrumbs__list">{crumbs}</ol>
        </nav>
    }
}
