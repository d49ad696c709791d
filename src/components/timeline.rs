use leptos::prelude::*;

use crate::content::Timeline;

/// The dated facts of the text as an ordered list, drawn as a vertical timeline.
#[component]
pub fn TimelineSection(
    /// The heading and the entries, oldest first.
    timeline: &'static Timeline,
) -> impl IntoView {
    let items = timeline
        .entries
        .iter()
        .map(|entry| {
            view! {
                <li class="sc-timeline__item">
                    <time class="sc-timeline__date" datetime=entry.datetime>
                        {entry.date}
                    </time>
                    <p class="sc-timeline__event">{entry.event}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sc-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="sc-timeline__heading">{timeline.heading}</h2>
            <ol class="sc-timeline__list">{items}</ol>
        </section>
    }
}
