use leptos::prelude::*;

use crate::context::use_page_context;
use crate::routes::Route;

/// Where the search page's results go. The search code (`crates/search_page`), which this
/// loads, draws them in the browser from the query in the address; the data attributes carry
/// the words of its messages (`search/page.js`). Until it has (JavaScript off, or not loaded), the page says that
/// searching needs it, and links the site map.
#[component]
pub fn SearchResults() -> impl IntoView {
    let context = use_page_context();
    let own = context.strings();
    let site_map = context
        .site
        .shell
        .site_map
        .and_then(|slug| context.site.find(slug))
        .map(|page| {
            view! {
                " "
                <a href=context.href(Route::page(context.route.lang, page))>{own.search_site_map}</a>
            }
        });
    view! {
        <div
            class="sc-search"
            id="sc-search"
            data-found=own.search_found
            data-found-one=own.search_found_one
            data-none=own.search_none
            data-nothing=own.search_nothing
            data-too-long=own.search_too_long
            data-failed=own.search_failed
            data-more=own.search_more
        >
            <p class="sc-search__fallback">{own.search_needs_script}{site_map}</p>
            <p class="sc-search__status" role="status"></p>
            <ol class="sc-search__results"></ol>
            <script type="module" src=format!("{}/search/page.js", context.base)></script>
        </div>
    }
}
