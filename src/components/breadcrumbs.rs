use leptos::either::Either;
use leptos::prelude::*;

use crate::context::use_page_context;

/// Home, then the current page (on the home page, Home alone, as the current page).
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let context = use_page_context();
    let strings = context.strings();
    let home = context.site.home(context.route.lang);
    let crumbs = if context.route == home {
        Either::Left(view! {
            <li class="sc-breadcrumbs__item" aria-current="page">
                {strings.home_crumb}
            </li>
        })
    } else {
        Either::Right(view! {
            <li class="sc-breadcrumbs__item">
                <a class="sc-breadcrumbs__link" href=context.href(home)>
                    {strings.home_crumb}
                </a>
            </li>
            <li class="sc-breadcrumbs__item" aria-current="page">
                {context.site.title(context.route)}
            </li>
        })
    };
    view! {
        <nav class="sc-breadcrumbs" aria-label=strings.breadcrumbs_label>
            <ol class="sc-breadcrumbs__list">{crumbs}</ol>
        </nav>
    }
}
