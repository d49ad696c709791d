//! The site's content as typed data: every page and every interface string, in both languages.
//!
//! The content compiler (feature `compile`, module [`compile`]) makes it from the Markdown and
//! TOML files in `content/`, and writes it out as data files ([`data`]), which the app is given
//! and which hold nothing of its code:
//! - the shell, [`Site`], in `site.bin`: the interface strings, the contact details and the list
//!   of pages (address, title in each language, where the page is listed). Every page needs it:
//!   the loader fetches it together with the app;
//! - each page's own text, [`PageText`], one data file per page and language, which the
//!   prerenderer draws into the page's HTML and the app fetches when a visitor goes there.
//!
//! The app's code is the same whatever the content: an editor's change makes new data files
//! and leaves the app as it was, so returning visitors keep it cached. Nothing here parses
//! Markdown or TOML: the Markdown is already HTML, and every check has run at build time.

#[cfg(feature = "compile")]
pub mod compile;
pub mod data;

/// Derives serde's traits for the content's data, which travels in the data files: the app
/// reads it (`Deserialize`, borrowing every text from the file's bytes, which live for the
/// visit), and the build writes it (`Serialize`, when compiling). Serde borrows `&'static str`
/// fields by itself; other fields that hold texts say `#[serde(borrow)]`, and types without such
/// a field state the bound.
macro_rules! data_type {
    ($item:item) => {
        #[cfg_attr(feature = "compile", derive(serde::Serialize))]
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        $item
    };
}

/// A language edition of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag, for `lang` and `hreflang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language of a BCP 47 tag this site publishes.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The Open Graph locale.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Ja => "ja_JP",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    /// The first path segment of this edition (English lives at the root).
    pub fn segment(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ja => Some("ja"),
        }
    }
}

/// The folder of a section's later list pages, after the section's address:
/// `notices/page/2`; the first page is the section's address itself.
pub const LIST_PAGES: &str = "page";

/// The address of page `number` (from 1) of a section's list, after the language prefix:
/// `notices`, `notices/page/2`.
pub fn list_page_slug(section: &str, number: usize) -> String {
    match number {
        1 => section.to_owned(),
        _ => format!("{section}/{LIST_PAGES}/{number}"),
    }
}

/// The file name of a section's Atom feed, in its list's folder: `notices/atom.xml`.
pub const FEED_FILE_NAME: &str = "atom.xml";

/// Whether a name (a file's, without its type) can be part of an address as it is: lowercase
/// letters a to z, digits and hyphens, neither first nor last.
pub fn is_address_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

/// The canonical path of a page, relative to the site's root: `/` and `/concept/` in English,
/// `/ja/` and `/ja/concept/` in Japanese. Paths end in a slash because a static host serves
/// `concept/index.html` there.
pub fn page_path(lang: Lang, slug: &str) -> String {
    let mut path = String::from("/");
    for segment in lang
        .segment()
        .into_iter()
        .chain(Some(slug).filter(|s| !s.is_empty()))
    {
        path.push_str(segment);
        path.push('/');
    }
    path
}

data_type! {
    /// One value in each language: in the content's TOML, a section with `en` and `ja`.
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct Localized<T> {
        pub en: T,
        pub ja: T,
    }
}

impl<T: Copy> Localized<T> {
    /// The value in `lang`, for values that are copied (texts, lists of texts).
    pub fn get(&self, lang: Lang) -> T {
        *self.of(lang)
    }
}

impl<T> Localized<T> {
    pub fn of(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

data_type! {
    /// What every page's shell says: the pages' list and the interface text, with the contact
    /// details: what `site.bin` holds. Each page's own text is in its data file.
    pub struct Site {
        /// Every page, in navigation order (by `weight`): the pages of `content/`, and the
        /// first page of each section's list.
        pub pages: Vec<Page>,
        /// The sections that have posts, which publish lists, posts and feeds at addresses the
        /// shell does not list one by one.
        pub sections: Vec<Section>,
        /// The words around each page's own text: header, navigation, footer, Not Found.
        pub strings: Localized<Strings>,
        /// The secretariat's details, shown in every footer.
        pub contact: Contact,
        /// The search page's slug (the page drawn with the search template), which the search
        /// form in every page's header submits to; `None` where there is none (and no form).
        pub search: Option<&'static str>,
    }
}

data_type! {
    /// A page, in both languages, as every page's navigation knows it.
    pub struct Page {
        /// The path segment after the language prefix: `concept` for `/concept/`; `""` for the
        /// home page.
        pub slug: &'static str,
        /// Where the page is linked from on every page.
        pub listed_in: Listing,
        /// The page's heading, navigation label and the first part of its `<title>`.
        pub title: Localized<&'static str>,
    }
}

data_type! {
    /// A section of dated posts (`content/notices/`, say), as every page's shell knows it: the
    /// addresses of its list and posts, and its feed. Its list's first page is in the shell's
    /// pages, under the same address.
    pub struct Section {
        /// The section's folder, and its list's address: `notices` for `/notices/`; each post
        /// is at `notices/NAME`, the later list pages at `notices/page/2` and on.
        pub slug: &'static str,
        /// How many pages its list has, the first included.
        pub list_pages: u32,
        /// The title feed readers show, in each language, where the section has an Atom feed
        /// (`notices/atom.xml`), which every page names in its head.
        pub feed: Option<Localized<&'static str>>,
    }
}

data_type! {
    /// A page's own text in one language: what its data file holds.
    pub struct PageText {
        /// The meta description.
        pub description: &'static str,
        /// The page's heading and the first part of its `<title>`, where the shell does not list
        /// the page (a post, a later page of a section's list); `None` for the shell's pages,
        /// whose titles are there.
        pub title: Option<&'static str>,
        /// The page's body, in order.
        pub body: Vec<Block>,
    }
}

data_type! {
    /// A part of a page's body: prose from Markdown, or the structured part its template draws.
    /// When compiling, a template's name in the front matter reads as its variant, with the
    /// settings of its section (`template = "timeline"` and `[timeline]`).
    #[serde(bound(deserialize = "'de: 'static"))]
    #[cfg_attr(feature = "compile", serde(rename_all = "lowercase"))]
    pub enum Block {
        Prose(Html),
        Timeline(Timeline),
        Diagram(Diagram),
        Contact,
        SiteMap,
        Conformance(Conformance),
        /// What the build made of a section's posts, drawn as it is: a page of its list, the
        /// newest on the home page, a post's dates. Made by the build, not a template.
        Built(Html),
        /// The search page's results region, which the search's code fills in the browser
        /// (`search/page.js`), written by the build like [`Block::Built`].
        Search(Html),
    }
}

/// Where a page is linked from on every page (front matter `listed_in`).
#[cfg_attr(
    feature = "compile",
    derive(serde::Serialize),
    serde(rename_all = "lowercase")
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Listing {
    /// The main navigation, below the header.
    Navigation,
    /// The footer, beside the contact details: pages about the site itself.
    Footer,
}

/// The ids of the accessibility results' two table captions, which name the regions the tables
/// scroll in: the build writes the captions, the app the regions.
pub const CONFORMANCE_TABLE_IDS: [&str; 2] = ["conformance-jis", "conformance-added"];

data_type! {
    /// The accessibility statement's results (`content/conformance.toml`), as the build
    /// writes them in HTML: the record of the test run, then one table for the success
    /// criteria of JIS X 8341-3:2016 (those of WCAG 2.0) and one for the criteria WCAG 2.1 and
    /// 2.2 added. Between them the app lists every page's address, which only it knows in
    /// full (the site's origin is the visitor's).
    pub struct Conformance {
        /// The record's entries, the inside of its description list.
        pub record: Html,
        /// The heading of the list of every page's address.
        pub pages_heading: &'static str,
        /// Each table, the inside of the region it scrolls in.
        pub tables: [Html; 2],
    }
}

data_type! {
    /// HTML made from Markdown at build time, in pieces between which the site's base path goes
    /// (each piece after the first starts with a link's path on this site).
    #[serde(bound(deserialize = "'de: 'static"))]
    pub struct Html(pub Vec<&'static str>);
}

impl Html {
    /// The HTML for a site served under `base` (`""` at the root, `/sub` under a sub-path).
    pub fn with_base(&self, base: &str) -> String {
        self.0.join(base)
    }
}

data_type! {
    /// Dated facts of the text, oldest first.
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct Timeline {
        pub heading: &'static str,
        pub entries: Vec<TimelineEntry>,
    }
}

data_type! {
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct TimelineEntry {
        /// The machine-readable date for `<time datetime>`: `2001`, `2001-03` or `2001-03-31`.
        #[cfg_attr(feature = "compile", serde(rename(deserialize = "date")))]
        pub datetime: &'static str,
        /// The date as the page shows it.
        #[cfg_attr(feature = "compile", serde(rename(deserialize = "shown_as")))]
        pub date: &'static str,
        pub event: &'static str,
    }
}

data_type! {
    /// The Knowledge Cluster concept diagram: its labels, which the page wraps to fit, and its
    /// description in words, which follows it on the page and is its long text alternative.
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct Diagram {
        /// The diagram's accessible name.
        pub title: &'static str,
        pub description_heading: &'static str,
        #[serde(borrow)]
        pub description: Vec<&'static str>,
        pub network: &'static str,
        pub academia: &'static str,
        pub industry: &'static str,
        pub government: &'static str,
        pub outside_companies: &'static str,
        pub region_companies: &'static str,
        pub core: &'static str,
        pub seeds: &'static str,
        pub needs: &'static str,
        pub innovation: &'static str,
    }
}

data_type! {
    /// Interface text of one language. Each field is a section of `content/strings.toml` with
    /// its text in each language, and that is all a new string needs.
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct Strings {
        /// The short name in the header and in every title.
        pub name: &'static str,
        /// The full name of the organisation, for the footer and structured data.
        pub organisation: &'static str,
        pub skip_link: &'static str,
        pub navigation_label: &'static str,
        pub breadcrumbs_label: &'static str,
        pub home_crumb: &'static str,
        pub page_top: &'static str,
        pub footer_heading: &'static str,
        /// What screen readers call the footer's links to the pages about the website.
        pub footer_links_label: &'static str,
        /// The name of this language, in itself, as the switch in the other edition shows it.
        pub language_name: &'static str,
        /// The switch's accessible name, said in this edition's language.
        pub language_switch_label: &'static str,
        /// Shown when the app fails after it has started; the page's content stays.
        pub error_notice: &'static str,
        pub error_reload: &'static str,
        pub telephone_label: &'static str,
        pub fax_label: &'static str,
        /// The secretariat's postal address as this edition prints it, line by line.
        #[serde(borrow)]
        pub address: Vec<&'static str>,
        /// The Not Found page's heading, which lists every page after its advice.
        pub not_found_title: &'static str,
        pub not_found_description: &'static str,
        #[serde(borrow)]
        pub not_found_advice: Vec<&'static str>,
        pub not_found_pages_heading: &'static str,
        /// The search form's label (read by screen readers, and the search landmark's name)
        /// and its button.
        pub search_label: &'static str,
        pub search_button: &'static str,
    }
}

data_type! {
    /// The secretariat's details that are the same in both editions.
    pub struct Contact {
        pub telephone: PhoneNumber,
        pub fax: PhoneNumber,
        /// Printed in English in both editions.
        pub copyright: &'static str,
        /// The address in parts, for structured data (schema.org `PostalAddress`).
        pub postal_address: PostalAddress,
    }
}

data_type! {
    /// A telephone or fax number: as printed, and as a `tel:` URI in international form.
    pub struct PhoneNumber {
        pub display: &'static str,
        pub uri: &'static str,
    }
}

data_type! {
    #[cfg_attr(feature = "compile", serde(deny_unknown_fields))]
    pub struct PostalAddress {
        pub street: &'static str,
        pub locality: &'static str,
        pub postal_code: &'static str,
        /// ISO 3166-1 alpha-2.
        pub country: &'static str,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_prose_take_the_base_path() {
        let html = Html(vec![
            "<p><a href=\"",
            "/concept/\">x</a> <a href=\"",
            "/ja/\">y</a></p>",
        ]);
        assert_eq!(
            html.with_base("/sub"),
            "<p><a href=\"/sub/concept/\">x</a> <a href=\"/sub/ja/\">y</a></p>"
        );
        assert_eq!(
            html.with_base(""),
            "<p><a href=\"/concept/\">x</a> <a href=\"/ja/\">y</a></p>"
        );
    }
}
