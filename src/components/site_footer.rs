use leptos::prelude::*;

use crate::app::use_site;
use crate::components::ContactDetails;
use crate::content::SITE;

/// The secretariat's contact details, a link back to the top, and the copyright line.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    view! {
        <footer class="sc-footer">
            <div class="sc-footer__inner sc-width-container">
                // Same-page link left to the browser, as in `SkipLink`.
                <a class="sc-footer__top" href="#top" target="_self">
                    {strings.page_top}
                </a>
                <h2 class="sc-footer__heading">{strings.footer_heading}</h2>
                <ContactDetails lang=site.route.lang />
                <p class="sc-footer__copyright" lang="en">
                    {SITE.contact.copyright}
                </p>
            </div>
        </footer>
    }
}
