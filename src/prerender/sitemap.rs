//! What crawlers read: `sitemap.xml`, every page with its language alternates, and
//! `robots.txt`, which points to it.

use std::fmt::Write as _;

use super::Settings;
use crate::content::SiteData;
use crate::routes::{Lang, Route};

/// Every page of `site` with its language alternates.
pub fn sitemap(site: SiteData, settings: &Settings) -> String {
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in site.all_pages() {
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", url(route));
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
        let xml = sitemap(site, &settings());
        assert_eq!(xml.matches("<loc>").count(), site.all_pages().count());
        assert!(xml.contains("<loc>https://sendai.example/sub/ja/concept/</loc>"));
        assert!(xml.contains("hreflang=\"ja\" href=\"https://sendai.example/sub/ja/secretariat/\""));
    }

    #[test]
    fn robots_names_the_sitemap_under_the_base() {
        assert!(robots(&settings()).ends_with("Sitemap: https://sendai.example/sub/sitemap.xml\n"));
    }
}
