use leptos::prelude::*;

use crate::app::use_site;
use crate::content::content;
use crate::routes::{Page, Route};

/// The site name, linking home, and the switch to the same page in the other language.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let route = site.route;
    let home = {
        let site = site.clone();
        move || site.href(Route::page(route.get().lang, Page::About))
    };
    let counterpart = move || site.href(route.get().counterpart());
    let text = move || content(route.get().lang);
    let other_lang = move || route.get().lang.other();
    view! {
        <header class="sc-header" id="top">
            <div class="sc-header__inner sc-width-container">
                <a class="sc-header__name" href=home>
                    {move || text().site.name}
                </a>
                <a class="sc-header__language" href=counterpart hreflang=move || other_lang().code()>
                    <span class="sc-visually-hidden">
                        {move || text().site.language_switch_label}": "
                    </span>
                    <span lang=move || other_lang().code()>
                        {move || content(other_lang()).site.language_name}
                    </span>
                </a>
            </div>
        </header>
    }
}
