use leptos::prelude::*;

use crate::components::Timeline;
use crate::content::content;
use crate::routes::Lang;

/// `/`: what a Knowledge Cluster is, the policy behind it, and MEXT's initiative.
#[component]
pub fn AboutPage(
    /// The language of the page.
    lang: Lang,
) -> impl IntoView {
    let text = &content(lang).about;
    let sections = text
        .sections
        .iter()
        .map(|section| {
            let paragraphs = section
                .paragraphs
                .iter()
                .map(|paragraph| view! { <p class="sc-body">{*paragraph}</p> })
                .collect_view();
            view! {
                <section class="sc-section">
                    <h2 class="sc-heading-m">{section.heading}</h2>
                    {paragraphs}
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.head.title}</h1>
        {sections}
        <Timeline heading=text.timeline_heading entries=text.timeline />
    }
}
