use leptos::either::EitherOf7;
use leptos::prelude::*;

use crate::components::{
    ConceptDiagram, ConformanceTable, ContactDetails, SiteMap, TimelineSection,
};
use crate::content::{Block, PageText};
use crate::context::use_page_context;

/// A page from `content/`: its title as the heading, then its body: prose (HTML made from
/// Markdown at build time), the structured part its template draws, and what the build made of
/// a section's posts.
#[component]
pub fn ContentPage(
    /// The page's text in its language, from its data file.
    text: &'static PageText,
) -> impl IntoView {
    let context = use_page_context();
    let base = context.base.clone();
    let blocks = text
        .body
        .iter()
        .map(|block| match block {
            Block::Prose(html) => EitherOf7::A(view! {
                <div class="sc-prose" inner_html=html.with_base(&base)></div>
            }),
            Block::Timeline(timeline) => EitherOf7::B(view! { <TimelineSection timeline /> }),
            Block::Diagram(diagram) => EitherOf7::C(view! { <ConceptDiagram diagram /> }),
            Block::Contact => EitherOf7::D(view! {
                <div class="sc-panel">
                    <ContactDetails />
                </div>
            }),
            Block::SiteMap => EitherOf7::E(view! { <SiteMap /> }),
            Block::Conformance(table) => EitherOf7::F(view! { <ConformanceTable table /> }),
            // Made by the build (of a section's posts, the search's results region), with the
            // site's classes, outside the prose's typography.
            Block::Built(html) | Block::Search(html) => EitherOf7::G(view! {
                <div class="sc-built" inner_html=html.with_base(&base)></div>
            }),
        })
        .collect_view();
    view! {
        <h1 class="sc-heading-xl" tabindex="-1">{context.site.title(context.route)}</h1>
        {blocks}
    }
}
