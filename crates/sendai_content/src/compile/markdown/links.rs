//! Links: to a page of this site (which gets the site's base path), to a document of
//! `content/files/` (which says its format and size, and is left to the browser), or to another
//! site, as written.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::super::diagnostic::Diagnostic;
use super::super::{documents, files};
use super::{base_path, html, Events, Found};

/// Checks each link and writes those on this site with the base path in front, noting the
/// documents linked.
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut out = Vec::with_capacity(events.len());
    // What each link open here says after its text: a document's format and size.
    let mut labels: Vec<Option<String>> = Vec::new();
    for (event, span) in events {
        match &event {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let link = link(found, dest_url, &span);
                labels.push(match &link {
                    Ok(Link::Document(_, label)) => Some(label.clone()),
                    _ => None,
                });
                // The app's router leaves a link with a target to the browser: a document
                // is a file, not a page of the app.
                let on_this_site = match link {
                    Ok(Link::Site(path)) => Ok(Some((path, ""))),
                    Ok(Link::Document(path, _)) => Ok(Some((path, " target=\"_self\""))),
                    Ok(Link::Elsewhere) => Ok(None),
                    Err(problem) => Err(problem),
                };
                match on_this_site {
                    Ok(Some((path, target))) => {
                        out.push((html("<a href=\""), span.clone()));
                        out.push((base_path(), span.clone()));
                        let mut rest = String::new();
                        let _ = escape_href(&mut rest, &path);
                        rest.push('"');
                        rest.push_str(target);
                        if !title.is_empty() {
                            rest.push_str(" title=\"");
                            let _ = escape_html(&mut rest, title);
                            rest.push('"');
                        }
                        rest.push('>');
                        out.push((html(rest), span));
                    }
                    Ok(None) => out.push((event, span)),
                    Err(problem) => found.problems.push((span, problem)),
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(Some(label)) = labels.pop() {
                    out.push((Event::Text(label.into()), span.clone()));
                }
                out.push((event, span));
            }
            _ => out.push((event, span)),
        }
    }
    out
}

/// Where the link to `url` leads, checked.
fn link(found: &mut Found, url: &str, span: &Range<usize>) -> Result<Link, Diagnostic> {
    let body = found.body;
    let lower = url.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return Ok(Link::Elsewhere);
    }
    let how = "link to a page of this site by its address from the site's root, such as /concept/ \
               or /ja/concept/, and to other sites by their full address, starting with https://";
    if url.starts_with("//") || !url.starts_with('/') {
        return Err(body.error(
            span,
            format!("the link to \"{url}\" does not say where it leads"),
            how,
        ));
    }
    if url.contains(['#', '?']) {
        return Err(body.error(
            span,
            format!(
                "the link to \"{url}\" points into a page; the site's links lead to whole pages"
            ),
            "remove the part from # or ? on",
        ));
    }
    if let Some(name) = files::name_in(url) {
        return document(found, url, name, span);
    }
    if (body.is_page)(url) {
        return Ok(Link::Site(url.to_owned()));
    }
    let help = if (body.is_page)(&format!("{url}/")) {
        format!("write the address with its final slash: {url}/")
    } else {
        format!(
            "the site's pages are at {}; correct the address, or add the page it should lead to",
            body.page_list
        )
    };
    Err(body.error(
        span,
        format!("the link leads to {url}, but there is no page at that address"),
        help,
    ))
}

/// A link to `content/files/NAME`.
fn document(
    found: &mut Found,
    url: &str,
    name: &str,
    span: &Range<usize>,
) -> Result<Link, Diagnostic> {
    let body = found.body;
    if let Some(document) = body.files.documents.ok.get(name) {
        found.refers_to.documents.insert(name.to_owned());
        return Ok(Link::Document(url.to_owned(), document.label(body.lang)));
    }
    if body.files.documents.refused.contains(name) {
        // Its file's problem is reported on the file.
        return Ok(Link::Elsewhere);
    }
    if files::is_picture(name) {
        return Err(body.error(
            span,
            format!("the link leads to {url}, a picture"),
            format!("show the picture on the page instead, with an ! before the link: ![what it shows]({url})"),
        ));
    }
    if documents::kind_of(name).is_none() {
        return Err(body.error(
            span,
            format!("the link leads to {url}, a type of file the site does not publish"),
            format!("link to a document saved as {}", documents::allowed()),
        ));
    }
    let names: Vec<&str> = body.files.documents.ok.keys().map(String::as_str).collect();
    Err(body.error(
        span,
        format!("the link leads to {url}, but content/files/ has no file {name}"),
        if names.is_empty() {
            "put the document in content/files/ under that name".to_owned()
        } else {
            format!(
                "put the document in content/files/ under that name, or correct the name: the folder holds {}",
                names.join(", ")
            )
        },
    ))
}

enum Link {
    /// A path on this site, which gets the site's base path in front.
    Site(String),
    /// A document's path on this site, with what the link says after its text.
    Document(String, String),
    /// Another site, linked as written.
    Elsewhere,
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        html, problems, problems_with, render_with, rendered, Folder,
    };
    use super::super::Part;
    use crate::Lang;

    #[test]
    fn a_hard_break_and_a_link_title_are_kept() {
        assert_eq!(
            html("a  \nb [x](https://e.org \"T&\") [y](/concept/ \"U\")"),
            "<p class=\"sc-body\">a<br>b <a href=\"https://e.org\" title=\"T&amp;\">x</a> \
             <a href=\"{BASE}/concept/\" title=\"U\">y</a></p>"
        );
    }

    #[test]
    fn links_on_this_site_take_the_base_path() {
        assert_eq!(
            html("See [the concept](/concept/) and [MEXT](https://www.mext.go.jp/)."),
            "<p class=\"sc-body\">See <a href=\"{BASE}/concept/\">the concept</a> and \
             <a href=\"https://www.mext.go.jp/\">MEXT</a>.</p>"
        );
    }

    #[test]
    fn a_link_to_no_page_of_the_site_is_refused() {
        let found = problems("See [x](/nowhere/).");
        assert!(
            found[0].contains("1:5: the link leads to /nowhere/, but there is no page"),
            "{found:?}"
        );
        assert!(problems("[x](/concept)")[0]
            .contains("write the address with its final slash: /concept/"));
        assert!(problems("[x](concept/)")[0].contains("does not say where it leads"));
        assert!(problems("[x](/concept/#a)")[0].contains("points into a page"));
    }

    #[test]
    fn a_link_to_a_document_says_its_format_and_size_and_is_left_to_the_browser() {
        let documents = Folder::with(&[("annual-report-2010.pdf", &vec![b'x'; 1_258_291])]);
        let link = "[Annual report 2010](/files/annual-report-2010.pdf)";
        let (en, report) = rendered(Lang::En, link, &documents);
        assert!(report.is_empty(), "{report}");
        assert!(en.refers_to.documents.contains("annual-report-2010.pdf"));
        assert_eq!(
            en.parts,
            [Part::Prose(vec![
                "<p class=\"sc-body\"><a href=\"".into(),
                "/files/annual-report-2010.pdf\" target=\"_self\">Annual report 2010 (PDF, 1.2 MB)</a></p>".into()
            ])]
        );
        let (ja, _) = render_with(
            Lang::Ja,
            "[年次報告 2010](/files/annual-report-2010.pdf)",
            &documents,
        );
        let [Part::Prose(pieces)] = &ja[..] else {
            panic!("{ja:?}")
        };
        assert!(
            pieces[1].contains(">年次報告 2010（PDF：1.2MB）</a>"),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_link_to_a_missing_document_or_another_type_is_refused() {
        let documents = Folder::with(&[("annual-report-2010.pdf", b"0123456789")]);
        let problems = |markdown| problems_with(markdown, &documents);
        let missing = problems("[Report](/files/annual-report-2011.pdf)");
        assert!(
            missing[0].starts_with("content/test.md:1:1: the link leads to /files/annual-report-2011.pdf, but content/files/ has no file annual-report-2011.pdf"),
            "{missing:?}"
        );
        assert!(
            missing[0].contains("the folder holds annual-report-2010.pdf"),
            "{missing:?}"
        );
        let other = problems("[Report](/files/report.doc)");
        assert!(
            other[0].contains("a type of file the site does not publish"),
            "{other:?}"
        );
        assert!(
            other[0].contains(".pdf, .docx, .xlsx, .pptx, .csv or .txt"),
            "{other:?}"
        );
    }
}
