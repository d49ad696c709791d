use leptos::prelude::*;

use crate::app::use_site;
use crate::content::content;
use crate::routes::{Lang, Page, Route};

/// Any unknown address: says so plainly and links to every page of the site.
#[component]
pub fn NotFoundPage(
    /// The language the address asked for.
    lang: Lang,
) -> impl IntoView {
    let site = use_site();
    let text = content(lang);
    let advice = text
        .not_found
        .advice
        .iter()
        .map(|line| view! { <p class="sc-body">{*line}</p> })
        .collect_view();
    let links = Page::ALL
        .into_iter()
        .map(|page| {
            let href = site.href(Route::page(lang, page));
            view! {
                <li>
                    <a href=href>{text.head(Some(page)).title}</a>
                </li>
            }
        })
        .collect_view();
    let other = lang.other();
    let other_home = site.href(Route::page(other, Page::About));
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.not_found.head.title}</h1>
        {advice}
        <h2 class="sc-heading-m">{text.not_found.pages_heading}</h2>
        <ul class="sc-list sc-list--bullet">
            {links}
            <li>
                <a href=other_home hreflang=other.code() lang=other.code()>
                    {content(other).about.head.title}
                </a>
            </li>
        </ul>
    }
}
