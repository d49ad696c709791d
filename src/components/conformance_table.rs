use leptos::prelude::*;

use crate::app::use_site;
use crate::content::Conformance;
use crate::routes::{Lang, Page, Route};

/// The accessibility test results: the address of every page tested, then one row per success
/// criterion. The table scrolls sideways on its own on a narrow screen, so the page does not.
#[component]
pub fn ConformanceTable(
    /// The table in the page's language.
    table: &'static Conformance,
) -> impl IntoView {
    let site = use_site();
    let addresses = Lang::ALL
        .into_iter()
        .flat_map(|lang| Page::all().map(move |page| Route::page(lang, page)))
        .map(|route| {
            let url = route.url(&site.origin, &site.base);
            view! {
                <li>
                    <a href=site.href(route)>{url}</a>
                </li>
            }
        })
        .collect_view();
    let [number, criterion, level, applies, result, verified] = table.columns;
    // Test names are English in both editions.
    let test_lang = (site.route.lang != Lang::En).then_some("en");
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let test = row
                .test
                .map(|test| view! { <code lang=test_lang>{test}</code> });
            let separator = (row.test.is_some() && row.note.is_some()).then_some(" ");
            view! {
                <tr>
                    <th scope="row">{row.number}</th>
                    <td>{row.name}</td>
                    <td>{row.level}</td>
                    <td>{row.applies}</td>
                    <td>{row.result}</td>
                    <td>{test}{separator}{row.note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 class="sc-heading-s">{table.pages_heading}</h3>
        <ul class="sc-list sc-list--bullet sc-addresses">{addresses}</ul>
        // A named section is a region landmark; it takes focus so that keyboard users can
        // scroll it.
        <section class="sc-table-scroll" aria-labelledby="conformance-caption" tabindex="0">
            <table class="sc-table">
                <caption id="conformance-caption" class="sc-table__caption">
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
