use leptos::prelude::*;

use crate::app::use_site;
use crate::components::ContactDetails;
use crate::content::content;

/// The secretariat's contact details, a link back to the top, and the copyright line.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let route = site.route;
    let text = move || content(route.get().lang);
    view! {
        <footer class="sc-footer">
            <div class="sc-footer__inner sc-width-container">
                // Same-page link left to the browser, as in `SkipLink`.
                <a class="sc-footer__top" href=move || site.fragment("top") target="_self">
                    {move || text().site.page_top}
                </a>
                <h2 class="sc-footer__heading">{move || text().site.footer_label}</h2>
                {move || view! { <ContactDetails lang=route.get().lang /> }}
                <p class="sc-footer__copyright" lang="en">
                    {move || text().site.copyright}
                </p>
            </div>
        </footer>
    }
}
