//! What crawlers read: `sitemap.xml`, every page with its language alternates, and
//! `robots.txt`, which points to it.

use std::fmt::Write as _;

use sendai_content::compile::Section;

use super::Settings;
use crate::routes::{Lang, Route};

/// Every page of `routes` with its language alternates, and for a section's post the day it
/// was last corrected or else published.
pub fn sitemap(routes: &[Route], sections: &[Section], settings: &Settings) -> String {
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for &route in routes {
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", url(route));
        if let Some(day) = last_changed(route, sections) {
            let _ = writeln!(xml, "    <lastmod>{day}</lastmod>");
        }
        for lang in Lang::ALL {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.code(),
                url(Route { lang, ..route })
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The day a post last changed: when it was corrected, or else published.
fn last_changed(route: Route, sections: &[Section]) -> Option<String> {
    let post = super::post_at(sections, route.page?.slug())?;
    Some(post.updated.unwrap_or(post.published).datetime())
}

/// Allows everything and names the sitemap.
pub fn robots(settings: &Settings) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}{}/sitemap.xml\n",
        settings.origin, settings.base
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn settings() -> Settings {
        Settings {
            base: "/sub".into(),
            origin: "https://sendai.example".into(),
        }
    }

    #[test]
    fn the_sitemap_lists_every_page_with_its_alternates() {
        let site = fixture::site();
        let routes: Vec<Route> = site.all_pages().collect();
        let xml = sitemap(&routes, &[], &settings());
        assert_eq!(xml.matches("<loc>").count(), routes.len());
        assert!(xml.contains("<loc>https://sendai.example/sub/ja/concept/</loc>"));
        assert!(xml.contains("hreflang=\"ja\" href=\"https://sendai.example/sub/ja/secretariat/\""));
    }

    #[test]
    fn robots_names_the_sitemap_under_the_base() {
        assert!(robots(&settings()).ends_with("Sitemap: https://sendai.example/sub/sitemap.xml\n"));
    }
}
