use leptos::prelude::*;

use crate::content::Listing;
use crate::context::use_page_context;
use crate::routes::Route;

/// The links to the pages listed in one place (the main navigation or the footer), in the
/// current language and the order of their `weight`, as list items; the current page's link
/// carries `aria-current="page"`, and on a section's post or later list page, the section's list
/// carries `aria-current="true"`: the visitor is inside it.
#[component]
pub fn PageLinks(
    /// Which pages: those listed in the navigation, or in the footer.
    listing: Listing,
    /// The class of each `<li>`.
    item_class: &'static str,
    /// The class of each `<a>`.
    link_class: &'static str,
) -> impl IntoView {
    let context = use_page_context();
    context
        .site
        .listed_in(listing)
        .map(|page| {
            let target = Route::page(context.route.lang, page);
            let inside = context.route.lang == target.lang
                && context
                    .route
                    .page
                    .and_then(|here| context.site.parent(here))
                    == target.page;
            let current = if context.route == target {
                Some("page")
            } else {
                inside.then_some("true")
            };
            view! {
                <li class=item_class>
                    <a class=link_class href=context.href(target) aria-current=current>
                        {context.site.title(target)}
                    </a>
                </li>
            }
        })
        .collect_view()
}
