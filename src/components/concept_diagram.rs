use leptos::prelude::*;

use crate::content::Diagram;

/// The Knowledge Cluster concept as boxes laid out by CSS, drawn from the text: the network of
/// academia, industry and government; the region's companies and those from outside around the
/// core universities and public research institutions; their "seeds" meeting business needs;
/// innovation. Each label is text in its box, so it wraps and grows with the reader's font size
/// and the box grows with it.
///
/// The drawing is one image to assistive technology, named by its title and described by the
/// list of what it shows, which follows it. Its shapes are also hidden from assistive technology
/// (`aria-hidden`): Firefox still exposes an image's children, and a screen reader would read the
/// labels as loose text.
#[component]
pub fn ConceptDiagram(
    /// The labels and the description, in the page's language.
    diagram: &'static Diagram,
) -> impl IntoView {
    let description = diagram
        .description
        .iter()
        .map(|item| view! { <li>{*item}</li> })
        .collect_view();
    view! {
        <figure class="sc-figure">
            <div
                class="sc-diagram"
                role="img"
                aria-labelledby="concept-diagram-title"
                aria-describedby="concept-diagram-description"
            >
                <span id="concept-diagram-title" class="sc-visually-hidden" aria-hidden="true">
                    {diagram.title}
                </span>
                <div class="sc-diagram__shape sc-diagram__shape--network" aria-hidden="true">
                    <span class="sc-diagram__label">{diagram.network}</span>
                    <div class="sc-diagram__sectors">
                        <Sector label=diagram.academia />
                        <Sector label=diagram.industry />
                        <Sector label=diagram.government />
                    </div>
                </div>
                <Arrow both=true class="sc-diagram__arrow--network" />
                <div class="sc-diagram__shape sc-diagram__shape--outside" aria-hidden="true">
                    <span class="sc-diagram__label">{diagram.outside_companies}</span>
                    <div class="sc-diagram__shape sc-diagram__shape--region">
                        <span class="sc-diagram__label">{diagram.region_companies}</span>
                        <div class="sc-diagram__shape sc-diagram__shape--core">
                            <span class="sc-diagram__label sc-diagram__label--core">
                                {diagram.core}
                            </span>
                        </div>
                    </div>
                </div>
                <div class="sc-diagram__outcome" aria-hidden="true">
                    <Arrow class="sc-diagram__arrow--to-seeds" />
                    <Arrow class="sc-diagram__arrow--to-needs" />
                    <div class="sc-diagram__shape sc-diagram__shape--seeds">
                        <span class="sc-diagram__label">{diagram.seeds}</span>
                    </div>
                    <Arrow both=true class="sc-diagram__arrow--meet" />
                    <div class="sc-diagram__shape sc-diagram__shape--needs">
                        <span class="sc-diagram__label">{diagram.needs}</span>
                    </div>
                    <Arrow class="sc-diagram__arrow--from-seeds" />
                    <Arrow class="sc-diagram__arrow--from-needs" />
                    <div class="sc-diagram__shape sc-diagram__shape--innovation">
                        <span class="sc-diagram__label">{diagram.innovation}</span>
                    </div>
                </div>
            </div>
        </figure>
        <section class="sc-section">
            <h2 class="sc-heading-m">{diagram.description_heading}</h2>
            <ul id="concept-diagram-description" class="sc-list sc-list--bullet">
                {description}
            </ul>
        </section>
    }
}

/// One of the three sectors of the network, as a pill.
#[component]
fn Sector(label: &'static str) -> impl IntoView {
    view! {
        <div class="sc-diagram__shape sc-diagram__shape--sector">
            <span class="sc-diagram__label">{label}</span>
        </div>
    }
}

/// A downward arrow, or a two-way one; the stylesheet places and turns it.
#[component]
fn Arrow(
    /// Whether it points both ways.
    #[prop(optional)]
    both: bool,
    /// The modifier class that places it.
    class: &'static str,
) -> impl IntoView {
    let path = if both {
        "M8 2v28M2 8l6-6 6 6M2 24l6 6 6-6"
    } else {
        "M8 2v28M2 24l6 6 6-6"
    };
    view! {
        <svg
            class=format!("sc-diagram__arrow {class}")
            viewBox="0 0 16 32"
            aria-hidden="true"
            focusable="false"
        >
            <path d=path />
        </svg>
    }
}
