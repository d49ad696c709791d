use leptos::either::Either;
use leptos::prelude::*;

use crate::context::use_page_context;
use crate::routes::Route;

/// Home, then the page the current one belongs to if any (the notices' list, for a notice),
/// then the current page (on the home page, Home alone, as the current page).
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
        let parent = context
            .route
            .page
            .and_then(|page| context.site.parent(page))
            .map(|parent| {
                let parent = Route::page(context.route.lang, parent);
                view! {
                    <li class="sc-breadcrumbs__item">
                        <a class="sc-breadcrumbs__link" href=context.href(parent)>
                            {context.site.title(parent)}
                        </a>
                    </li>
                }
            });
        Either::Right(view! {
            <li class="sc-breadcrumbs__item">
                <a class="sc-breadcrumbs__link" href=context.href(home)>
                    {strings.home_crumb}
                </a>
            </li>
            {parent}
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
