use leptos::prelude::*;

use crate::context::use_page_context;

/// The first focusable element: jumps past the header and navigation into `<main>`.
#[component]
pub fn SkipLink() -> impl IntoView {
    let context = use_page_context();
    // `target="_self"` leaves this same-page link to the browser (the router skips links with a
    // target), so focus moves into `<main>` exactly as it does without JavaScript.
    view! {
        <a class="sc-skip-link" href="#main-content" target="_self">
            {context.strings().skip_link}
        </a>
    }
}
