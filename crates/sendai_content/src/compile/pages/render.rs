//! A page's text in one language: its body rendered, with the template's part where the body
//! places it.

use super::super::diagnostic::{Diagnostic, Report, Source};
use super::super::leak_all;
use super::super::markdown::{Body, Part, References};
use super::super::Files;
use super::{toml_offset, PageFile};
use crate::{Block, Html, PageText};

/// Renders the body and puts the template's part where the body places it; gives the title
/// with the text, and adds what the text refers to to `refers_to`.
pub fn render(
    page: PageFile,
    is_page: &dyn Fn(&str) -> bool,
    page_list: &str,
    files: Files,
    refers_to: &mut References,
    report: &mut Report,
) -> (&'static str, PageText) {
    let body = Body {
        source: Source {
            file: &page.file,
            text: &page.source,
            offset: page.body_offset,
        },
        lang: page.lang,
        is_page,
        page_list,
        files,
    };
    let rendered = body.render(report);
    refers_to.extend(rendered.refers_to);
    let template = page.template.as_ref().map(|t| *t.get_ref());
    let template_offset = page.template.as_ref().map(|t| toml_offset(&page, t));
    let mut part = page.part;
    let mut placed = 0;
    let mut blocks = Vec::new();
    for item in rendered.parts {
        match item {
            Part::Prose(pieces) => blocks.push(Block::Prose(Html(leak_all(pieces)))),
            Part::Shortcode(name, offset) => {
                let problem = match template {
                    Some(template) if template == name => None,
                    Some(template) => Some(format!(
                        "this page's template is {template}: its part is written {{{{ {template}() }}}}"
                    )),
                    None => Some(format!(
                        "{{{{ {name}() }}}} is where a template draws its part, but this page has no template"
                    )),
                };
                if let Some(message) = problem {
                    report.push(Diagnostic::at(
                        &page.file,
                        &page.source,
                        offset,
                        message,
                        "remove the line, or set the page's `template` in its front matter",
                    ));
                    continue;
                }
                placed += 1;
                match part.take() {
                    Some(block) => blocks.push(block),
                    None => report.push(Diagnostic::at(
                        &page.file,
                        &page.source,
                        offset,
                        format!("{{{{ {name}() }}}} appears more than once"),
                        "the template's part is drawn once: keep one line",
                    )),
                }
            }
        }
    }
    if let (Some(template), 0) = (&page.template, placed) {
        let template = template.get_ref();
        report.push(Diagnostic::at(
            &page.file,
            &page.source,
            template_offset.expect("the page has a template"),
            format!("the page's template is {template}, but its text does not say where to draw it"),
            format!("put the line {{{{ {template}() }}}} where it goes, with an empty line before and after it"),
        ));
    }
    let text = PageText {
        description: page.description.into_inner(),
        title: None,
        body: blocks,
    };
    (page.title.into_inner(), text)
}
