use leptos::prelude::*;

use crate::content::DiagramText;

/// Distance between the baselines of a label's lines, in diagram units.
const LINE_HEIGHT: i32 = 17;

/// The Knowledge Cluster concept as an inline SVG, drawn from the text: the network of academia,
/// industry and government; the region's companies and those from outside around the core
/// universities and public research institutions; their "seeds" meeting business needs; innovation.
///
/// The drawing is one image to assistive technology, named by `title` and described by the
/// element `described_by` (the page's list of what the diagram shows).
#[component]
pub fn ConceptDiagram(
    /// The labels, in the page's language.
    text: &'static DiagramText,
    /// The id of the element that describes the diagram in words.
    described_by: &'static str,
) -> impl IntoView {
    let sectors = text
        .sectors
        .iter()
        .enumerate()
        .map(|(i, sector)| {
            let x = 8 + i as i32 * 102;
            view! {
                <g class="sc-diagram__node sc-diagram__node--sector">
                    <rect class="sc-diagram__sector" x=x y="52" width="100" height="34" rx="17" />
                    <Label lines=std::slice::from_ref(sector) x=x + 50 y=69 />
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="sc-diagram"
            viewBox="0 0 320 556"
            role="img"
            aria-labelledby="concept-diagram-title"
            aria-describedby=described_by
        >
            <title id="concept-diagram-title">{text.title}</title>
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
            <g class="sc-diagram__node sc-diagram__node--network">
                <rect class="sc-diagram__network" x="4" y="4" width="312" height="92" rx="14" />
                <Label lines=text.network x=160 y=30 />
            </g>
            {sectors}
            <line class="sc-diagram__link sc-diagram__link--both" x1="160" y1="100" x2="160" y2="124" />
            <g class="sc-diagram__node sc-diagram__node--outside">
                <rect class="sc-diagram__outside" x="4" y="128" width="312" height="236" rx="16" />
                <Label lines=text.outside_companies x=160 y=150 />
            </g>
            <g class="sc-diagram__node sc-diagram__node--region">
                <rect class="sc-diagram__region" x="20" y="164" width="280" height="186" rx="14" />
                <Label lines=text.region_companies x=160 y=186 />
            </g>
            <g class="sc-diagram__node sc-diagram__node--core">
                <ellipse class="sc-diagram__core" cx="160" cy="268" rx="112" ry="64" />
                <Label lines=text.core x=160 y=268 />
            </g>
            <line class="sc-diagram__link" x1="72" y1="322" x2="72" y2="384" />
            <line class="sc-diagram__link" x1="248" y1="350" x2="248" y2="384" />
            <g class="sc-diagram__node sc-diagram__node--seeds">
                <rect class="sc-diagram__box" x="4" y="388" width="136" height="64" rx="10" />
                <Label lines=text.seeds x=72 y=420 />
            </g>
            <g class="sc-diagram__node sc-diagram__node--needs">
                <rect class="sc-diagram__box" x="180" y="388" width="136" height="64" rx="10" />
                <Label lines=text.needs x=248 y=420 />
            </g>
            <line class="sc-diagram__link sc-diagram__link--both" x1="146" y1="420" x2="174" y2="420" />
            <line class="sc-diagram__link" x1="72" y1="456" x2="126" y2="486" />
            <line class="sc-diagram__link" x1="248" y1="456" x2="194" y2="486" />
            <g class="sc-diagram__node sc-diagram__node--innovation">
                <rect class="sc-diagram__innovation" x="40" y="490" width="240" height="60" rx="30" />
                <Label lines=text.innovation x=160 y=520 />
            </g>
        </svg>
    }
}

/// A label of one or more lines, centred on (`x`, `y`).
#[component]
fn Label(lines: &'static [&'static str], x: i32, y: i32) -> impl IntoView {
    let first = y - (lines.len() as i32 - 1) * LINE_HEIGHT / 2;
    let tspans = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let line_y = first + i as i32 * LINE_HEIGHT;
            view! { <tspan x=x y=line_y>{*line}</tspan> }
        })
        .collect_view();
    view! { <text class="sc-diagram__label">{tspans}</text> }
}
