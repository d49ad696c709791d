use leptos::prelude::*;

use crate::content::Diagram;

/// Distance between the baselines of a label's lines, in diagram units.
const LINE_HEIGHT: i32 = 17;

const LABEL: &str = "sc-diagram__label";
const SECTOR_LABEL: &str = "sc-diagram__label sc-diagram__label--sector";
const CORE_LABEL: &str = "sc-diagram__label sc-diagram__label--core";

/// The Knowledge Cluster concept as an inline SVG, drawn from the text: the network of academia,
/// industry and government; the region's companies and those from outside around the core
/// universities and public research institutions; their "seeds" meeting business needs; innovation.
///
/// The drawing is one image to assistive technology, named by its title and described by the
/// list of what it shows, which follows it.
#[component]
pub fn ConceptDiagram(
    /// The labels and the description, in the page's language.
    diagram: &'static Diagram,
) -> impl IntoView {
    // The shapes below are fixed markup, which Leptos keeps as one string of HTML; the labels,
    // the only part that changes with the language, are drawn over them from this list.
    let labels = [
        (diagram.network, 160, 30, LABEL),
        (
            std::slice::from_ref(&diagram.academia),
            58,
            69,
            SECTOR_LABEL,
        ),
        (
            std::slice::from_ref(&diagram.industry),
            160,
            69,
            SECTOR_LABEL,
        ),
        (
            std::slice::from_ref(&diagram.government),
            262,
            69,
            SECTOR_LABEL,
        ),
        (diagram.outside_companies, 160, 150, LABEL),
        (diagram.region_companies, 160, 186, LABEL),
        (diagram.core, 160, 268, CORE_LABEL),
        (diagram.seeds, 72, 420, LABEL),
        (diagram.needs, 248, 420, LABEL),
        (diagram.innovation, 160, 520, LABEL),
    ]
    .into_iter()
    .map(|(lines, x, y, class)| view! { <Label lines x y class /> })
    .collect_view();
    let description = diagram
        .description
        .iter()
        .map(|item| view! { <li>{*item}</li> })
        .collect_view();
    view! {
        <figure class="sc-figure">
        <svg
            class="sc-diagram"
            viewBox="0 0 320 556"
            role="img"
            aria-labelledby="concept-diagram-title"
            aria-describedby="concept-diagram-description"
        >
            <title id="concept-diagram-title">{diagram.title}</title>
            <defs>
                <marker
                    id="sc-diagram-arrow"
                    viewBox="0 0 10 10"
                    refX="9"
                    refY="5"
                    markerWidth="4.5"
                    markerHeight="4.5"
                    orient="auto-start-reverse"
                >
                    <path class="sc-diagram__arrowhead" d="M0 0 10 5 0 10z" />
                </marker>
            </defs>
            <g>
                <rect class="sc-diagram__network" x="4" y="4" width="312" height="92" rx="14" />
                <rect class="sc-diagram__sector" x="8" y="52" width="100" height="34" rx="17" />
                <rect class="sc-diagram__sector" x="110" y="52" width="100" height="34" rx="17" />
                <rect class="sc-diagram__sector" x="212" y="52" width="100" height="34" rx="17" />
                <line class="sc-diagram__link sc-diagram__link--both" x1="160" y1="100" x2="160" y2="124" />
                <rect class="sc-diagram__outside" x="4" y="128" width="312" height="236" rx="16" />
                <rect class="sc-diagram__region" x="20" y="164" width="280" height="186" rx="14" />
                <ellipse class="sc-diagram__core" cx="160" cy="268" rx="112" ry="64" />
                <line class="sc-diagram__link" x1="72" y1="322" x2="72" y2="384" />
                <line class="sc-diagram__link" x1="248" y1="350" x2="248" y2="384" />
                <rect class="sc-diagram__box" x="4" y="388" width="136" height="64" rx="10" />
                <rect class="sc-diagram__box" x="180" y="388" width="136" height="64" rx="10" />
                <line class="sc-diagram__link sc-diagram__link--both" x1="146" y1="420" x2="174" y2="420" />
                <line class="sc-diagram__link" x1="72" y1="456" x2="126" y2="486" />
                <line class="sc-diagram__link" x1="248" y1="456" x2="194" y2="486" />
                <rect class="sc-diagram__innovation" x="40" y="490" width="240" height="60" rx="30" />
            </g>
            {labels}
        </svg>
        </figure>
        <section class="sc-section">
            <h2 class="sc-heading-m">{diagram.description_heading}</h2>
            <ul id="concept-diagram-description" class="sc-list sc-list--bullet">
                {description}
            </ul>
        </section>
    }
}

/// A label of one or more lines, centred on (`x`, `y`).
#[component]
fn Label(lines: &'static [&'static str], x: i32, y: i32, class: &'static str) -> impl IntoView {
    let first = y - (lines.len() as i32 - 1) * LINE_HEIGHT / 2;
    let tspans = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let line_y = first + i as i32 * LINE_HEIGHT;
            view! { <tspan x=x y=line_y>{*line}</tspan> }
        })
        .collect_view();
    view! { <text class=class>{tspans}</text> }
}
