use leptos::prelude::*;

use crate::app::use_site;
use crate::content::strings;
use crate::routes::Route;

/// The site name, linking home, and the switch to the same page in the other language.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let own = site.strings();
    let other = site.route.lang.other();
    view! {
        <header class="sc-header" id="top">
            <div class="sc-header__inner sc-width-container">
                <a class="sc-header__name" href=site.href(Route::home(site.route.lang))>
                    {own.name}
                </a>
                // The other edition loads as a new document (`target="_self"` keeps the router
                // out of it): Firefox gives assistive technology the language a document loaded
                // with, and ignores a later change of `<html lang>`.
                <a
                    class="sc-header__language"
                    href=site.href(site.route.counterpart())
                    hreflang=other.code()
                    target="_self"
                >
                    <span class="sc-visually-hidden">{own.language_switch_label}": "</span>
                    <span lang=other.code()>{strings(other).language_name}</span>
                </a>
            </div>
        </header>
    }
}
