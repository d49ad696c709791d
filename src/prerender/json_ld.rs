//! The structured data in every page's head: the secretariat as a schema.org `Organization`;
//! and in a post's, the post as an `Article`.

use sendai_content::compile::Post;
use serde::Serialize;

use super::Settings;
use crate::content::SiteData;
use crate::routes::{Lang, Route};

/// The secretariat as a schema.org `Organization`, with the address, telephone and fax exactly
/// as the source text gives them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
    alternate_name: &'static str,
    address: PostalAddress,
    telephone: &'static str,
    fax_number: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress {
    #[serde(rename = "@type")]
    kind: &'static str,
    street_address: &'static str,
    address_locality: &'static str,
    postal_code: &'static str,
    address_country: &'static str,
}

/// The organisation as a `<script type="application/ld+json">` element.
pub fn organization_json_ld(site: SiteData) -> String {
    let json = organization_json(site);
    // No text holds `</`, so the JSON cannot close the script element early (tested below).
    format!(r#"<script type="application/ld+json">{json}</script>"#)
}

fn organization_json(site: SiteData) -> String {
    let text = site.strings(Lang::En);
    let contact = site.contact();
    let address = &contact.postal_address;
    let organization = Organization {
        context: "https://schema.org",
        kind: "Organization",
        name: text.organisation,
        alternate_name: text.name,
        address: PostalAddress {
            kind: "PostalAddress",
            street_address: address.street,
            address_locality: address.locality,
            postal_code: address.postal_code,
            address_country: address.country,
        },
        telephone: contact.telephone.display,
        fax_number: contact.fax.display,
    };
    serde_json::to_string(&organization).expect("plain strings serialize")
}

/// A post as a schema.org `Article`: its headline, description, language and dates.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Article {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'static str,
    description: &'static str,
    in_language: &'static str,
    url: String,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    publisher: Publisher,
}

#[derive(Serialize)]
struct Publisher {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
}

/// The `<script type="application/ld+json">` of a post's page; `None` for other pages.
pub fn article_json_ld(site: SiteData, route: Route, post: &Post, settings: &Settings) -> String {
    let article = Article {
        context: "https://schema.org",
        kind: "Article",
        headline: post.title.get(route.lang),
        description: post.description.get(route.lang),
        in_language: route.lang.code(),
        url: route.url(&settings.origin, &settings.base),
        date_published: post.published.datetime(),
        date_modified: post.updated.map(|day| day.datetime()),
        publisher: Publisher {
            kind: "Organization",
            name: site.strings(route.lang).organisation,
        },
    };
    // serde_json writes `<` as it is: a `</` in an editor's text would end the element.
    let json = serde_json::to_string(&article)
        .expect("plain strings serialize")
        .replace("</", "<\\/");
    format!(r#"<script type="application/ld+json">{json}</script>"#)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn organisation_data_gives_the_numbers_as_printed() {
        let site = fixture::site();
        let json = organization_json(site);
        let contact = site.contact();
        assert!(json.contains(&format!("\"telephone\":\"{}\"", contact.telephone.display)));
        assert!(json.contains(&format!("\"faxNumber\":\"{}\"", contact.fax.display)));
        assert!(
            !json.contains("</"),
            "nothing in the JSON can end the script element"
        );
    }
}
