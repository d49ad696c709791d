use leptos::prelude::*;

use crate::content::{content, FAX, TELEPHONE};
use crate::routes::Lang;

/// The secretariat's postal address, telephone (a `tel:` link) and fax, in an `<address>`.
#[component]
pub fn ContactDetails(
    /// The language of the labels and the address order.
    lang: Lang,
) -> impl IntoView {
    let text = content(lang);
    let lines = text
        .secretariat
        .address_lines
        .iter()
        .map(|line| view! { <span class="sc-contact__line">{*line}</span> })
        .collect_view();
    view! {
        <address class="sc-contact">
            <span class="sc-contact__name">{text.site.organisation}</span>
            <span class="sc-contact__postal">{lines}</span>
            <span class="sc-contact__numbers">
                <span class="sc-contact__number">
                    {text.secretariat.tel_label}" "
                    <a class="sc-contact__tel" href=TELEPHONE.uri>{TELEPHONE.display}</a>
                </span>
                " "
                <span class="sc-contact__number">
                    {text.secretariat.fax_label}" "{FAX.display}
                </span>
            </span>
        </address>
    }
}
