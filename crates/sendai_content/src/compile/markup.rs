//! HTML that the build writes itself (a section's lists, a post's dates, the accessibility
//! results), in the pieces that [`Html`] holds, with every text escaped.

use pulldown_cmark_escape::escape_html;

use super::leak_all;
use crate::{page_path, Block, Html, Lang};

/// HTML in pieces between which the site's base path goes, as [`Html`] holds it.
#[derive(Default)]
pub struct Markup(pub Vec<String>);

impl Markup {
    pub fn raw(&mut self, html: &str) -> &mut Self {
        match self.0.last_mut() {
            Some(last) => last.push_str(html),
            None => self.0.push(html.to_owned()),
        }
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        let mut escaped = String::new();
        escape_html(&mut escaped, text).expect("writing to a String");
        self.raw(&escaped)
    }

    /// An `href` to the page at `slug` in `lang`, after which the base path goes.
    pub fn href(&mut self, lang: Lang, slug: &str) -> &mut Self {
        self.path("href", &page_path(lang, slug))
    }

    /// An attribute `name` holding `path` (from the site's root), after which the base path goes.
    pub fn path(&mut self, name: &str, path: &str) -> &mut Self {
        self.raw(&format!(" {name}=\""));
        if self.0.is_empty() {
            self.0.push(String::new());
        }
        self.0.push(path.to_owned());
        self.raw("\"")
    }

    /// The HTML, for the rest of the build.
    pub fn html(self) -> Html {
        Html(leak_all(self.0))
    }

    /// The HTML as a part of a page that the build made.
    pub fn done(self) -> Block {
        Block::Built(self.html())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_puts_each_link_of_the_site_at_the_start_of_a_piece() {
        let mut markup = Markup::default();
        markup
            .raw("<a")
            .href(Lang::Ja, "events/page/2")
            .raw(">")
            .text("<2>")
            .raw("</a>");
        assert_eq!(
            markup.0,
            ["<a href=\"", "/ja/events/page/2/\">&lt;2&gt;</a>"]
        );
        let mut first = Markup::default();
        first.raw("").href(Lang::En, "events");
        assert_eq!(first.0, [" href=\"", "/events/\""]);
    }
}
