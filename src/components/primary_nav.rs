use leptos::prelude::*;

use crate::components::PageLinks;
use crate::content::Listing;
use crate::context::use_page_context;

/// The main navigation: the pages listed in it (front matter `listed_in = "navigation"`).
#[component]
pub fn PrimaryNav() -> impl IntoView {
    view! {
        <nav class="sc-nav" aria-label=use_page_context().strings().navigation_label>
            <ul class="sc-nav__list sc-width-container">
                <PageLinks
                    listing=Listing::Navigation
                    item_class="sc-nav__item"
                    link_class="sc-nav__link"
                />
            </ul>
        </nav>
    }
}
