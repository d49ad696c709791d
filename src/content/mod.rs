//! The site's text as typed data, once per language.
//!
//! Components take their words from here and hold none of their own, so an editor changes a
//! sentence in `en.rs` or `ja.rs` and touches no component. Both editions fill the same structs,
//! so a missing or extra field fails the build; the tests check that they have the same shape.

mod en;
mod ja;

use crate::routes::{Lang, Page};

/// All the text of one language edition.
pub struct Content {
    pub site: SiteText,
    pub about: AboutText,
    pub concept: ConceptText,
    pub secretariat: SecretariatText,
    pub not_found: NotFoundText,
}

/// Text that every page's shell uses.
pub struct SiteText {
    /// The short name in the header and in every title.
    pub name: &'static str,
    /// The full name of the organisation, for the footer and structured data.
    pub organisation: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub breadcrumbs_label: &'static str,
    pub home_crumb: &'static str,
    pub page_top: &'static str,
    pub footer_label: &'static str,
    pub copyright: &'static str,
    /// The name of this language, in itself, as the switch in the other edition shows it.
    pub language_name: &'static str,
    /// The switch's accessible name, said in this edition's language.
    pub language_switch_label: &'static str,
    /// Shown when the app fails after it has started; the page's content stays.
    pub error_notice: &'static str,
    pub error_reload: &'static str,
}

/// The title (heading, navigation label, `<title>`) and meta description of a page.
pub struct PageHead {
    pub title: &'static str,
    pub description: &'static str,
}

/// A titled run of paragraphs.
pub struct Section {
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
}

pub struct AboutText {
    pub head: PageHead,
    pub sections: &'static [Section],
    pub timeline_heading: &'static str,
    pub timeline: &'static [TimelineEntry],
}

/// A dated fact from the text; `datetime` is the machine-readable date for `<time>`.
pub struct TimelineEntry {
    pub datetime: &'static str,
    pub date: &'static str,
    pub event: &'static str,
}

pub struct ConceptText {
    pub head: PageHead,
    pub intro: &'static str,
    pub diagram: DiagramText,
    pub description_heading: &'static str,
    pub description: &'static [&'static str],
    pub source_heading: &'static str,
    pub source_note: &'static str,
}

/// Labels of the concept diagram, each split into the lines it is drawn on.
pub struct DiagramText {
    /// The diagram's accessible name.
    pub title: &'static str,
    pub network: &'static [&'static str],
    pub sectors: [&'static str; 3],
    pub outside_companies: &'static [&'static str],
    pub region_companies: &'static [&'static str],
    pub core: &'static [&'static str],
    pub seeds: &'static [&'static str],
    pub needs: &'static [&'static str],
    pub innovation: &'static [&'static str],
}

pub struct SecretariatText {
    pub head: PageHead,
    pub intro: &'static str,
    pub address_heading: &'static str,
    pub address_lines: &'static [&'static str],
    pub tel_label: &'static str,
    pub fax_label: &'static str,
}

pub struct NotFoundText {
    pub head: PageHead,
    pub advice: &'static [&'static str],
    pub pages_heading: &'static str,
}

/// A telephone or fax number: as printed, and as a `tel:` URI in international form.
pub struct PhoneNumber {
    pub display: &'static str,
    pub uri: &'static str,
}

/// The secretariat's numbers, the same in both editions.
pub const TELEPHONE: PhoneNumber = PhoneNumber {
    display: "022-346-9237",
    uri: "tel:+81-22-346-9237",
};
pub const FAX: PhoneNumber = PhoneNumber {
    display: "022-346-9238",
    uri: "tel:+81-22-346-9238",
};

/// The secretariat's postal address in parts, for structured data (schema.org `PostalAddress`);
/// each edition prints it in its own order in `SecretariatText::address_lines`.
pub struct PostalAddress {
    pub street: &'static str,
    pub locality: &'static str,
    pub postal_code: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
}

pub const POSTAL_ADDRESS: PostalAddress = PostalAddress {
    street: "7F, 1-3-1, Chuo, Aoba-ku",
    locality: "Sendai",
    postal_code: "980-6107",
    country: "JP",
};

/// The text of one language edition.
pub fn content(lang: Lang) -> &'static Content {
    match lang {
        Lang::En => &en::EN,
        Lang::Ja => &ja::JA,
    }
}

impl Content {
    /// The head of a page, or of Not Found for `None`.
    pub fn head(&self, page: Option<Page>) -> &PageHead {
        match page {
            Some(Page::About) => &self.about.head,
            Some(Page::Concept) => &self.concept.head,
            Some(Page::Secretariat) => &self.secretariat.head,
            None => &self.not_found.head,
        }
    }

    /// The full `<title>` of a page: `<page> | <site>`.
    pub fn document_title(&self, page: Option<Page>) -> String {
        format!("{} | {}", self.head(page).title, self.site.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_editions_have_the_same_shape() {
        let (en, ja) = (content(Lang::En), content(Lang::Ja));
        let section_shape = |c: &Content| -> Vec<usize> {
            c.about
                .sections
                .iter()
                .map(|s| s.paragraphs.len())
                .collect()
        };
        assert_eq!(section_shape(en), section_shape(ja), "about sections");
        let dates =
            |c: &Content| -> Vec<&str> { c.about.timeline.iter().map(|e| e.datetime).collect() };
        assert_eq!(dates(en), dates(ja), "timeline dates");
        assert_eq!(
            en.concept.description.len(),
            ja.concept.description.len(),
            "diagram description"
        );
        assert_eq!(en.not_found.advice.len(), ja.not_found.advice.len());
        assert!(
            !en.secretariat.address_lines.is_empty() && !ja.secretariat.address_lines.is_empty()
        );
    }

    #[test]
    fn no_text_is_left_empty() {
        for lang in Lang::ALL {
            let c = content(lang);
            let mut texts: Vec<&str> = vec![
                c.site.name,
                c.site.organisation,
                c.site.skip_link,
                c.site.nav_label,
                c.site.breadcrumbs_label,
                c.site.home_crumb,
                c.site.page_top,
                c.site.footer_label,
                c.site.copyright,
                c.site.language_name,
                c.site.language_switch_label,
                c.site.error_notice,
                c.site.error_reload,
                c.about.timeline_heading,
                c.concept.intro,
                c.concept.diagram.title,
                c.concept.description_heading,
                c.concept.source_heading,
                c.concept.source_note,
                c.secretariat.intro,
                c.secretariat.address_heading,
                c.secretariat.tel_label,
                c.secretariat.fax_label,
                c.not_found.pages_heading,
            ];
            for page in Page::ALL.map(Some).into_iter().chain([None]) {
                texts.extend([c.head(page).title, c.head(page).description]);
            }
            for section in c.about.sections {
                texts.push(section.heading);
                texts.extend(section.paragraphs);
            }
            for entry in c.about.timeline {
                texts.extend([entry.datetime, entry.date, entry.event]);
            }
            texts.extend(c.concept.description);
            let d = &c.concept.diagram;
            for lines in [
                d.network,
                d.outside_companies,
                d.region_companies,
                d.core,
                d.seeds,
                d.needs,
                d.innovation,
            ] {
                assert!(!lines.is_empty(), "{lang:?}: a diagram label has no lines");
                texts.extend(lines);
            }
            texts.extend(d.sectors);
            texts.extend(c.not_found.advice);
            for text in texts {
                assert!(!text.trim().is_empty(), "{lang:?}: empty text");
            }
        }
    }

    #[test]
    fn every_page_heading_is_distinct() {
        // The browser app tells which page was prerendered by its language and heading.
        let mut headings = Vec::new();
        for lang in Lang::ALL {
            for page in Page::ALL.map(Some).into_iter().chain([None]) {
                headings.push(content(lang).head(page).title);
            }
        }
        let count = headings.len();
        headings.sort_unstable();
        headings.dedup();
        assert_eq!(headings.len(), count, "{headings:?}");
    }

    #[test]
    fn the_structured_address_matches_the_printed_one() {
        let printed = content(Lang::En).secretariat.address_lines.join(" ");
        for part in [
            POSTAL_ADDRESS.street,
            POSTAL_ADDRESS.locality,
            POSTAL_ADDRESS.postal_code,
        ] {
            assert!(printed.contains(part), "{part} in {printed}");
        }
        let japanese = content(Lang::Ja).secretariat.address_lines.join("");
        assert!(japanese.contains(POSTAL_ADDRESS.postal_code), "{japanese}");
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(
            content(Lang::En).document_title(Some(Page::Concept)),
            "The Knowledge Cluster Concept | Sendai Cluster"
        );
    }
}
