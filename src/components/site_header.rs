use leptos::prelude::*;

use crate::context::use_page_context;
use crate::routes::Route;

/// The site name, linking home, the switch to the same page in the other language, and the
/// search form where the site has a search page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let context = use_page_context();
    let own = context.strings();
    let other = context.route.lang.other();
    let lang = context.route.lang;
    // A plain form (GET, the default): a search loads the search page in full, with the query
    // in its address. The field's name is its label, read by screen readers; the button says
    // what it does.
    let search = context
        .site
        .shell
        .search
        .and_then(|slug| context.site.find(slug))
        .map(|page| {
            view! {
                <form class="sc-search-form" role="search" action=context.href(Route::page(lang, page))>
                    <input
                        class="sc-search-form__input"
                        id="sc-search-query"
                        type="search"
                        name="q"
                        aria-label=own.search_label
                    />
                    <button class="sc-search-form__button" type="submit">
                        {own.search_button}
                    </button>
                </form>
            }
        });
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
                {search}
            </div>
        </header>
    }
}
