//! The search index of each edition (`search/en/`, `search/ja/`), made from the pages as the
//! build wrote them: what a visitor reads in each page's `main`, its heading as the title and a
//! post's date as its page shows it. The search page, the site map and the later pages of a
//! section's list are left out.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use sendai_search::index::{Date, IndexBuilder};

use sendai_content::compile::Compiled;

use crate::content::{Block, LIST_PAGES};
use crate::routes::Lang;

/// The folder of an edition's index, from the site's root.
pub fn index_dir(lang: Lang) -> String {
    format!("search/{}/", lang.code())
}

/// Elements of `main` whose text is not the page's text: the heading (the title), a post's
/// dates (shown on their own), the search's own results, scripts.
const LEFT_OUT: &str = "main h1, main .sc-dates, main .sc-search, main script, main style";

/// Elements that start a line of their own, so that words either side stay apart.
const BLOCKS: &str = "main p, main li, main dt, main dd, main h2, main h3, main h4, main td, \
    main th, main caption, main figcaption, main div, main br";

/// What is indexed of one page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PageText {
    pub title: String,
    pub date: Option<Date>,
    pub text: String,
}

/// Reads a page's title, date and text from its HTML.
pub fn page_text(html: &str) -> PageText {
    let page = Rc::new(RefCell::new(PageText::default()));
    // How many elements of each kind the text being read is inside.
    let left_out = Rc::new(Cell::new(0u32));
    let (in_title, in_date) = (Rc::new(Cell::new(0u32)), Rc::new(Cell::new(0u32)));
    let handlers = vec![
        element!(LEFT_OUT, {
            let left_out = left_out.clone();
            move |el| {
                if let Some(handlers) = el.end_tag_handlers() {
                    handlers.push(inside(&left_out));
                }
                Ok(())
            }
        }),
        element!(BLOCKS, {
            let page = page.clone();
            move |_| {
                page.borrow_mut().text.push('\n');
                Ok(())
            }
        }),
        element!("main h1", {
            let in_title = in_title.clone();
            move |el| {
                if let Some(handlers) = el.end_tag_handlers() {
                    handlers.push(inside(&in_title));
                }
                Ok(())
            }
        }),
        element!("main .sc-dates time[datetime]", {
            let (page, in_date) = (page.clone(), in_date.clone());
            move |el| {
                let mut page = page.borrow_mut();
                if page.date.is_none() {
                    page.date = Some(Date {
                        iso: el.get_attribute("datetime").unwrap_or_default(),
                        shown: String::new(),
                    });
                    if let Some(handlers) = el.end_tag_handlers() {
                        handlers.push(inside(&in_date));
                    }
                }
                Ok(())
            }
        }),
        text!("main", {
            let page = page.clone();
            move |chunk| {
                let decoded = html_escape::decode_html_entities(chunk.as_str());
                let mut page = page.borrow_mut();
                if in_title.get() > 0 {
                    page.title.push_str(&decoded);
                } else if in_date.get() > 0 {
                    if let Some(date) = &mut page.date {
                        date.shown.push_str(&decoded);
                    }
                } else if left_out.get() == 0 {
                    page.text.push_str(&decoded);
                }
                Ok(())
            }
        }),
    ];
    let settings = handlers
        .into_iter()
        .fold(RewriteStrSettings::new(), |settings, handler| {
            settings.append_element_content_handler(handler)
        });
    // The rewriter only reads: its output is not used.
    let _ = rewrite_str(html, settings);
    let mut page = Rc::try_unwrap(page)
        .expect("the handlers are done")
        .into_inner();
    page.text = tidy(&page.text);
    page.title = page.title.trim().to_owned();
    page
}

/// Counts one more element the text is inside, until the element's end tag.
fn inside(counter: &Rc<Cell<u32>>) -> lol_html::EndTagHandler<'static> {
    counter.set(counter.get() + 1);
    let counter = counter.clone();
    Box::new(move |_| {
        counter.set(counter.get() - 1);
        Ok(())
    })
}

/// Spaces collapsed, and lines joined by one line break, none empty.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pages that are not searched, by slug: the search page and the site map (which lists
/// every title), found by their templates.
pub fn left_out(compiled: &Compiled) -> Vec<&'static str> {
    compiled
        .site
        .pages
        .iter()
        .zip(&compiled.texts)
        .filter(|(_, text)| {
            text.en
                .body
                .iter()
                .any(|block| matches!(block, Block::Search(_) | Block::SiteMap))
        })
        .map(|(page, _)| page.slug)
        .collect()
}

/// Whether the page of `slug` (after the language prefix) is searched: not one `left_out`, nor
/// a later page of a section's list (which repeats its posts).
pub fn is_searched(slug: &str, left_out: &[&str]) -> bool {
    !left_out.contains(&slug) && !slug.split('/').any(|part| part == LIST_PAGES)
}

/// An edition's index files, from its pages in the site's order: (path, page) each.
pub fn index_files(pages: Vec<(String, PageText)>) -> Vec<(String, Vec<u8>)> {
    let mut builder = IndexBuilder::default();
    for (path, page) in pages {
        builder.add(path, page.title, page.date, page.text);
    }
    builder.finish().0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_s_text_is_what_main_shows_but_its_heading_dates_and_scripts() {
        let html = r#"<html><head><title>T</title></head><body><header>Site name</header>
            <main><h1>A &amp; B</h1><div class="sc-built"><dl class="sc-dates"><div><dt>Published</dt>
            <dd><time datetime="2026-04-20">20 April 2026</time></dd></div></dl></div>
            <div class="sc-prose"><p>First&nbsp;line, <a href="/x/">a link</a>.</p><p>Second   line</p></div>
            <script>ignored()</script></main><footer>Footer</footer></body></html>"#;
        assert_eq!(
            page_text(html),
            PageText {
                title: "A & B".into(),
                date: Some(Date {
                    iso: "2026-04-20".into(),
                    shown: "20 April 2026".into()
                }),
                text: "First line, a link.\nSecond line".into(),
            }
        );
    }

    #[test]
    fn the_pages_left_out_and_later_list_pages_are_not_searched() {
        let left_out = ["search", "sitemap"];
        assert!(is_searched("concept", &left_out));
        assert!(is_searched("notices/open-day", &left_out));
        assert!(is_searched("notices", &left_out));
        assert!(!is_searched("search", &left_out));
        assert!(!is_searched("sitemap", &left_out));
        assert!(!is_searched("notices/page/2", &left_out));
    }
}
