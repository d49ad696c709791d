use leptos::prelude::*;

use crate::context::use_page_context;
use crate::routes::Route;

/// Any unknown address: says so plainly and links to every page of the site.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let context = use_page_context();
    // The language the address asked for.
    let lang = context.route.lang;
    let text = context.strings();
    let advice = text
        .not_found_advice
        .iter()
        .map(|line| view! { <p class="sc-body">{*line}</p> })
        .collect_view();
    let links = context
        .site
        .pages()
        .map(|page| {
            let href = context.href(Route::page(lang, page));
            view! {
                <li>
                    <a href=href>{page.title(lang)}</a>
                </li>
            }
        })
        .collect_view();
    let other = context.site.home(lang.other());
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.not_found_title}</h1>
        {advice}
        <h2 class="sc-heading-m">{text.not_found_pages_heading}</h2>
        <ul class="sc-list sc-list--bullet">
            {links}
            <li>
                <a href=context.href(other) hreflang=other.lang.code() lang=other.lang.code()>
                    {context.site.title(other)}
                </a>
            </li>
        </ul>
    }
}
