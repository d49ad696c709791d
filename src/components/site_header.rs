use leptos::prelude::*;

use crate::context::use_page_context;

/// The site name, linking home, and the switch to the same page in the other language.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let context = use_page_context();
    let own = context.strings();
    let other = context.route.lang.other();
    view! {
        <header class="sc-header" id="top">
            <div class="sc-header__inner sc-width-container">
                <a class="sc-header__name" href=context.href(context.site.home(context.route.lang))>
                    {own.name}
                </a>
                // The other edition loads as a new document (`target="_self"` keeps the router
                // out of it): Firefox gives assistive technology the language a document loaded
                // with, and ignores a later change of `<html lang>`.
                <a
                    class="sc-header__language"
                    href=context.href(context.route.counterpart())
                    hreflang=other.code()
                    target="_self"
                >
                    <span class="sc-visually-hidden">{own.language_switch_label}": "</span>
                    <span lang=other.code()>{context.site.strings(other).language_name}</span>
                </a>
            </div>
        </header>
    }
}
