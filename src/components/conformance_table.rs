use leptos::prelude::*;

use crate::content::{Conformance, CriteriaTable};
use crate::context::use_page_context;
use crate::routes::Lang;

/// The accessibility test results: the record of the test run (date, standard, target,
/// conformance, test period, build, browsers and tools), the address of every page tested, then
/// the JIS X 8341-3:2016 criteria and the criteria WCAG 2.1 and 2.2 added, one row each.
#[component]
pub fn ConformanceTable(
    /// The results in the page's language.
    table: &'static Conformance,
) -> impl IntoView {
    let context = use_page_context();
    let record = table
        .record
        .iter()
        .map(|entry| {
            let values = entry
                .values
                .iter()
                .map(|value| view! { <dd>{*value}</dd> })
                .collect_view();
            view! {
                <div class="sc-record__entry">
                    <dt>{entry.label}</dt>
                    {values}
                </div>
            }
        })
        .collect_view();
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
    // Test names are English in both editions.
    let test_lang = (context.route.lang != Lang::En).then_some("en");
    view! {
        <dl class="sc-record">{record}</dl>
        <h3 class="sc-heading-s">{table.pages_heading}</h3>
        <ul class="sc-list sc-list--bullet sc-addresses">{addresses}</ul>
        <CriteriaResults table=&table.jis id="conformance-jis" test_lang />
        <CriteriaResults table=&table.added id="conformance-added" test_lang />
    }
}

/// One table of criteria with their results.
#[component]
fn CriteriaResults(
    table: &'static CriteriaTable,
    /// The caption's id, which names the scrolling region.
    id: &'static str,
    /// The language of the tests' names, where it is not the page's.
    test_lang: Option<&'static str>,
) -> impl IntoView {
    let [number, criterion, level, applies, result, verified] = table.columns;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let tests = row
                .tests
                .iter()
                .map(|test| view! { <li><code lang=test_lang>{*test}</code></li> })
                .collect_view();
            let tests =
                (!row.tests.is_empty()).then(|| view! { <ul class="sc-table__tests">{tests}</ul> });
            view! {
                <tr>
                    <th scope="row">{row.number}</th>
                    <td>{row.name}</td>
                    <td>{row.level}</td>
                    <td>{row.applies}</td>
                    <td>{row.result}</td>
                    <td>{row.note}{tests}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // A named section is a region landmark; it takes focus so that keyboard users can
        // scroll it.
        <section class="sc-table-scroll" aria-labelledby=id tabindex="0">
            <table class="sc-table">
                <caption id=id class="sc-table__caption">
                    {table.caption}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{number}</th>
                        <th scope="col">{criterion}</th>
                        <th scope="col">{level}</th>
                        <th scope="col">{applies}</th>
                        <th scope="col">{result}</th>
                        <th scope="col">{verified}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
