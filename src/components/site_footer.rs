use leptos::prelude::*;

use crate::components::{ContactDetails, PageLinks};
use crate::content::Listing;
use crate::context::use_page_context;

/// The secretariat's contact details, the links to the pages about the website (accessibility,
/// privacy, site map: those listed in the footer), a link back to the top, and the copyright line.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let context = use_page_context();
    let strings = context.strings();
    view! {
        <footer class="sc-footer">
            <div class="sc-footer__inner sc-width-container">
                // The heading, then the link back to the top at the row's end: read in the order
                // they are seen.
                <div class="sc-footer__title">
                    <h2 class="sc-footer__heading">{strings.footer_heading}</h2>
                    // Same-page link left to the browser, as in `SkipLink`.
                    <a class="sc-footer__top" href="#top" target="_self">
                        {strings.page_top}
                    </a>
                </div>
                <ContactDetails />
                <nav class="sc-footer__nav" aria-label=strings.footer_links_label>
                    <ul class="sc-footer__links">
                        <PageLinks
                            listing=Listing::Footer
                            item_class="sc-footer__item"
                            link_class="sc-footer__link"
                        />
                    </ul>
                </nav>
                <p class="sc-footer__copyright" lang="en">
                    {context.site.contact().copyright}
                </p>
            </div>
        </footer>
    }
}
