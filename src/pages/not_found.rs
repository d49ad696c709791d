use leptos::prelude::*;

use crate::app::use_site;
use crate::content::strings;
use crate::routes::{Lang, Page, Route};

/// Any unknown address: says so plainly and links to every page of the site.
#[component]
pub fn NotFoundPage(
    /// The language the address asked for.
    lang: Lang,
) -> impl IntoView {
    let site = use_site();
    let text = &strings(lang).not_found;
    let advice = text
        .advice
        .iter()
        .map(|line| view! { <p class="sc-body">{*line}</p> })
        .collect_view();
    let links = Page::all()
        .map(|page| {
            let href = site.href(Route::page(lang, page));
            view! {
                <li>
                    <a href=href>{page.title(lang)}</a>
                </li>
            }
        })
        .collect_view();
    let other = Route::home(lang.other());
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.title}</h1>
        {advice}
        <h2 class="sc-heading-m">{text.pages_heading}</h2>
        <ul class="sc-list sc-list--bullet">
            {links}
            <li>
                <a href=site.href(other) hreflang=other.lang.code() lang=other.lang.code()>
                    {other.title()}
                </a>
            </li>
        </ul>
    }
}
