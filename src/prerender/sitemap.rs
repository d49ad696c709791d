//! What crawlers read: `sitemap.xml`, every page with its language alternates, and
//! `robots.txt`, which points to it.

use std::fmt::Write as _;

use super::Settings;
use crate::content::Block;
use crate::page_data;
use crate::routes::{Lang, Route};

/// Every page of `routes` with its language alternates, and for a notice the day it was last
/// corrected or else published.
pub fn sitemap(routes: &[Route], settings: &Settings) -> String {
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for &route in routes {
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", url(route));
        if let Some(day) = last_changed(route) {
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

/// The day a dated page (a notice) last changed: when it was corrected, or else published.
fn last_changed(route: Route) -> Option<&'static str> {
    let text = page_data::get(route.lang, route.page?)?;
    text.body.iter().find_map(|block| match block {
        Block::Dates(dates) => Some(dates.updated.as_ref().unwrap_or(&dates.published).datetime),
        _ => None,
    })
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
        let xml = sitemap(&routes, &settings());
        assert_eq!(xml.matches("<loc>").count(), routes.len());
        assert!(xml.contains("<loc>https://sendai.example/sub/ja/concept/</loc>"));
        assert!(xml.contains("hreflang=\"ja\" href=\"https://sendai.example/sub/ja/secretariat/\""));
    }

    #[test]
    fn robots_names_the_sitemap_under_the_base() {
        assert!(robots(&settings()).ends_with("Sitemap: https://sendai.example/sub/sitemap.xml\n"));
    }
}
