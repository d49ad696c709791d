use leptos::prelude::*;

use crate::content::{Conformance, CONFORMANCE_TABLE_IDS};
use crate::context::use_page_context;

/// The accessibility test results: the record of the test run (date, standard, target,
/// conformance, test period, build, browsers and tools), the address of every page tested, then
/// the JIS X 8341-3:2016 criteria and the criteria WCAG 2.1 and 2.2 added, one row each. The
/// build writes the record and the tables; the addresses are this site's, where it is served.
#[component]
pub fn ConformanceTable(
    /// The results in the page's language.
    table: &'static Conformance,
) -> impl IntoView {
    let context = use_page_context();
    let addresses = context
        .site
        .all_pages()
        .map(|route| {
            let url = route.url(&context.origin, &context.base);
            view! {
                <li>
                    <a href=context.href(route)>{url}</a>
                </li>
            }
        })
        .collect_view();
    // A named section is a region landmark; it takes focus so that keyboard users can scroll
    // it.
    let tables = table
        .tables
        .iter()
        .zip(CONFORMANCE_TABLE_IDS)
        .map(|(html, id)| {
            view! {
                <section
                    class="sc-table-scroll"
                    aria-labelledby=id
                    tabindex="0"
                    inner_html=html.with_base(&context.base)
                ></section>
            }
        })
        .collect_view();
    view! {
        <dl class="sc-record" inner_html=table.record.with_base(&context.base)></dl>
        <h3 class="sc-heading-s">{table.pages_heading}</h3>
        <ul class="sc-list sc-list--bullet sc-addresses">{addresses}</ul>
        {tables}
    }
}
