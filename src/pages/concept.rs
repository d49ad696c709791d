use leptos::prelude::*;

use crate::components::ConceptDiagram;
use crate::content::content;
use crate::routes::Lang;

/// `/concept/`: the Knowledge Cluster concept as a diagram, its text equivalent and its source.
#[component]
pub fn ConceptPage(
    /// The language of the page.
    lang: Lang,
) -> impl IntoView {
    let text = &content(lang).concept;
    let description = text
        .description
        .iter()
        .map(|item| view! { <li>{*item}</li> })
        .collect_view();
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{text.head.title}</h1>
        <p class="sc-body">{text.intro}</p>
        <figure class="sc-figure">
            <ConceptDiagram text=&text.diagram described_by="concept-diagram-description" />
        </figure>
        <section class="sc-section">
            <h2 class="sc-heading-m">{text.description_heading}</h2>
            <ul id="concept-diagram-description" class="sc-list sc-list--bullet">
                {description}
            </ul>
        </section>
        <section class="sc-section">
            <h2 class="sc-heading-m">{text.source_heading}</h2>
            <p class="sc-body">{text.source_note}</p>
        </section>
    }
}
