use leptos::prelude::*;

use crate::components::ContactDetails;
use crate::content::content;
use crate::routes::Lang;

/// `/secretariat/`: how to reach the secretariat.
#[component]
pub fn SecretariatPage(
    /// The language of the page.
    lang: Lang,
) -> impl IntoView {
    let text = &content(lang).secretariat;
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.head.title}</h1>
        <p class="sc-body">{text.intro}</p>
        <section class="sc-section">
            <h2 class="sc-heading-m">{text.address_heading}</h2>
            <div class="sc-panel">
                <ContactDetails lang=lang />
            </div>
        </section>
    }
}
