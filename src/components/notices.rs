use leptos::either::Either;
use leptos::prelude::*;

use crate::content::{NoticeDates, NoticeList};
use crate::context::use_page_context;
use crate::routes::{PageId, Route};

/// A notice's dates under its heading: when it was published, and when corrected, if it was.
#[component]
pub fn NoticeDatesLine(dates: &'static NoticeDates) -> impl IntoView {
    let strings = use_page_context().strings();
    let updated = dates.updated.as_ref().map(|updated| {
        view! {
            <div class="sc-dates__item">
                <dt>{strings.updated}</dt>
                <dd><time datetime=updated.datetime>{updated.shown}</time></dd>
            </div>
        }
    });
    view! {
        <dl class="sc-dates">
            <div class="sc-dates__item">
                <dt>{strings.published}</dt>
                <dd><time datetime=dates.published.datetime>{dates.published.shown}</time></dd>
            </div>
            {updated}
        </dl>
    }
}

/// Notices, newest first, each with its date, title and description: a page of the notices'
/// list, with the links to its other pages, or the newest on the home page, under a heading and
/// with a link to the list.
#[component]
pub fn NoticeListSection(list: &'static NoticeList) -> impl IntoView {
    let context = use_page_context();
    let lang = context.route.lang;
    let strings = context.strings();
    let href = |slug: &str| {
        context
            .site
            .page_at(slug)
            .map(|page| context.href(Route::page(lang, page)))
            .unwrap_or_default()
    };
    let items = list
        .notices
        .iter()
        .map(|notice| {
            let link = view! { <a href=href(notice.slug)>{notice.title}</a> };
            // Under the home page's heading, a level lower than on the list's own pages.
            let title = match list.latest {
                true => Either::Left(view! { <h3 class="sc-notices__title">{link}</h3> }),
                false => Either::Right(view! { <h2 class="sc-notices__title">{link}</h2> }),
            };
            view! {
                <li class="sc-notices__item">
                    {title}
                    <p class="sc-notices__date">
                        <time datetime=notice.dates.published.datetime>
                            {notice.dates.published.shown}
                        </time>
                    </p>
                    <p class="sc-notices__description">{notice.description}</p>
                </li>
            }
        })
        .collect_view();
    let list_view = view! { <ol class="sc-notices">{items}</ol> };
    if list.latest {
        let all = context
            .site
            .find(crate::content::NOTICES)
            .map(|page| context.href(Route::page(lang, page)));
        return Either::Left(view! {
            <section class="sc-latest-notices" aria-labelledby="latest-notices-heading">
                <h2 id="latest-notices-heading" class="sc-latest-notices__heading">
                    {strings.latest_notices}
                </h2>
                {list_view}
                <p class="sc-latest-notices__all">
                    <a href=all>{strings.all_notices}</a>
                </p>
            </section>
        });
    }
    Either::Right(view! {
        {list_view}
        <Pagination list />
    })
}

/// The links between the pages of the notices' list: previous, each page by its number, next.
#[component]
fn Pagination(list: &'static NoticeList) -> impl IntoView {
    let context = use_page_context();
    if list.pages.is_empty() {
        return None;
    }
    let lang = context.route.lang;
    let strings = context.strings();
    let href = |index: usize| {
        let page = list.pages.get(index)?;
        let page: PageId = context.site.page_at(page.slug)?;
        Some(context.href(Route::page(lang, page)))
    };
    let previous = list.current.checked_sub(1).and_then(href).map(|href| {
        view! {
            <li class="sc-pagination__item sc-pagination__item--previous">
                <a class="sc-pagination__link" href=href rel="prev">{strings.previous_page}</a>
            </li>
        }
    });
    let next = href(list.current + 1).map(|href| {
        view! {
            <li class="sc-pagination__item sc-pagination__item--next">
                <a class="sc-pagination__link" href=href rel="next">{strings.next_page}</a>
            </li>
        }
    });
    let numbers = list
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let current = (index == list.current).then_some("page");
            view! {
                <li class="sc-pagination__item">
                    <a
                        class="sc-pagination__link"
                        href=href(index)
                        aria-label=page.label
                        aria-current=current
                    >
                        {index + 1}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav class="sc-pagination" aria-label=strings.pagination_label>
            <ul class="sc-pagination__list">{previous} {numbers} {next}</ul>
        </nav>
    })
}
