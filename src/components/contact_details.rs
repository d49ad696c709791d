use leptos::prelude::*;

use crate::context::use_page_context;

/// The secretariat's postal address, telephone (a `tel:` link) and fax, in an `<address>`, with
/// the labels and the address order of the page's language.
#[component]
pub fn ContactDetails() -> impl IntoView {
    let context = use_page_context();
    let strings = context.strings();
    let contact = context.site.contact();
    let lines = strings
        .address
        .iter()
        .map(|line| view! { <span class="sc-contact__line">{*line}</span> })
        .collect_view();
    view! {
        <address class="sc-contact">
            <span class="sc-contact__name">{strings.organisation}</span>
            <span class="sc-contact__postal">{lines}</span>
            <span class="sc-contact__numbers">
                <span class="sc-contact__number">
                    {strings.telephone_label}" "
                    <a class="sc-contact__tel sc-contact__digits" href=contact.telephone.uri>
                        {contact.telephone.display}
                    </a>
                </span>
                " "
                <span class="sc-contact__number">
                    {strings.fax_label}" "
                    <span class="sc-contact__digits">{contact.fax.display}</span>
                </span>
            </span>
        </address>
    }
}
