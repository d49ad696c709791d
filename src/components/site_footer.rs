use leptos::prelude::*;

use crate::app::use_site;
use crate::components::ContactDetails;
use crate::content::{Listing, SITE};
use crate::routes::{Page, Route};

/// The secretariat's contact details, the links to the pages about the website (accessibility,
/// privacy, site map: those listed in the footer), a link back to the top, and the copyright line.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let links = Page::listed_in(Listing::Footer)
        .map(|page| {
            let target = Route::page(site.route.lang, page);
            let current = (site.route == target).then_some("page");
            view! {
                <li class="sc-footer__item">
                    <a class="sc-footer__link" href=site.href(target) aria-current=current>
                        {target.title()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="sc-footer">
            <div class="sc-footer__inner sc-width-container">
                // Same-page link left to the browser, as in `SkipLink`.
                <a class="sc-footer__top" href="#top" target="_self">
                    {strings.page_top}
                </a>
                <h2 class="sc-footer__heading">{strings.footer_heading}</h2>
                <ContactDetails lang=site.route.lang />
                <nav class="sc-footer__nav" aria-label=strings.footer_links_label>
                    <ul class="sc-footer__links">{links}</ul>
                </nav>
                <p class="sc-footer__copyright" lang="en">
                    {SITE.contact.copyright}
                </p>
            </div>
        </footer>
    }
}
