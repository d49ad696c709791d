//! The route table: the only place that knows the site's paths.
//!
//! Every page exists in both languages. Canonical paths end in a slash (`/concept/`) because the
//! prerendered site stores each page as `concept/index.html`, which every static host serves at that
//! address; `/concept` and `/concept/index.html` reach the same page.

use std::cell::RefCell;

pub use crate::content::Lang;
use crate::content::{
    is_address_name, page_path, Listing, Page, Section, SiteData, FEED_FILE_NAME, LIST_PAGES,
};

/// A page of the site, in either language.
#[derive(Clone, Copy, Debug)]
pub enum PageId {
    /// A page of the shell's list (`content/`, in navigation order).
    Listed(&'static Page),
    /// A page the shell does not list, whose title is in its data file: a section's post, or a
    /// later page of its list, by its address after the language prefix
    /// (`notices/open-seminar`). Whether there is such a post, only its data file tells: the
    /// shell stays the same size however many posts there are.
    Unlisted(&'static str),
}

/// Pages are told apart by their address, which the content compiler makes unique.
impl PartialEq for PageId {
    fn eq(&self, other: &Self) -> bool {
        self.slug() == other.slug()
    }
}

impl Eq for PageId {}

impl std::hash::Hash for PageId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.slug().hash(state);
    }
}

/// What a path resolves to: a page, or Not Found, in the language the path asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Route {
    pub lang: Lang,
    /// `None` is the Not Found page.
    pub page: Option<PageId>,
}

impl PageId {
    /// The address after the language prefix (`""` for the home page, `notices/open-seminar`).
    pub fn slug(self) -> &'static str {
        match self {
            PageId::Listed(page) => page.slug,
            PageId::Unlisted(slug) => slug,
        }
    }
}

thread_local! {
    /// The addresses of the unlisted pages met in this visit, each kept once.
    static UNLISTED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// An unlisted page's address, as a text that lives for the visit.
fn unlisted(slug: String) -> PageId {
    UNLISTED.with(|known| {
        let mut known = known.borrow_mut();
        let slug = match known.iter().find(|known| **known == slug) {
            Some(known) => *known,
            None => {
                let slug: &'static str = slug.leak();
                known.push(slug);
                slug
            }
        };
        PageId::Unlisted(slug)
    })
}

/// The route table of the site the app was given: finding its pages and naming them.
impl SiteData {
    /// Every page of the shell, in navigation order.
    pub fn pages(self) -> impl Iterator<Item = PageId> {
        self.shell.pages.iter().map(PageId::Listed)
    }

    /// The page at an address after the language prefix: a page of the shell, or one of a
    /// section's that it does not list (a post, a later page of the list).
    pub fn page_at(self, slug: &str) -> Option<PageId> {
        if let Some(page) = self.find(slug) {
            return Some(page);
        }
        let (section, rest) = slug.split_once('/')?;
        let section = self.section(section)?;
        let here = match rest.split_once('/') {
            Some((LIST_PAGES, number)) => number
                .parse::<u32>()
                .is_ok_and(|n| (2..=section.list_pages).contains(&n) && n.to_string() == number),
            Some(_) => false,
            None => rest != LIST_PAGES && is_address_name(rest),
        };
        here.then(|| unlisted(slug.to_owned()))
    }

    /// The page an unlisted page belongs to, which its breadcrumbs show: its section's list.
    pub fn parent(self, page: PageId) -> Option<PageId> {
        match page {
            PageId::Listed(_) => None,
            PageId::Unlisted(slug) => self.find(slug.split('/').next()?),
        }
    }

    /// The section whose list is at `slug`, where it has posts.
    pub fn section(self, slug: &str) -> Option<&'static Section> {
        self.shell
            .sections
            .iter()
            .find(|section| section.slug == slug)
    }

    /// The page whose file is `content/<slug>.md` (`""` for the home page).
    pub fn find(self, slug: &str) -> Option<PageId> {
        self.pages().find(|page| page.slug() == slug)
    }

    /// The home page (`content/_index.md`), which the content compiler requires.
    pub fn home_page(self) -> PageId {
        self.find("").expect("the content has a home page")
    }

    /// The home page of an edition.
    pub fn home(self, lang: Lang) -> Route {
        Route::page(lang, self.home_page())
    }

    /// The pages linked from `listing` (the main navigation or the footer), in order.
    pub fn listed_in(self, listing: Listing) -> impl Iterator<Item = PageId> {
        self.shell
            .pages
            .iter()
            .filter(move |page| page.listed_in == listing)
            .map(PageId::Listed)
    }

    /// Every page of the shell in every language.
    pub fn all_pages(self) -> impl Iterator<Item = Route> {
        Lang::ALL
            .into_iter()
            .flat_map(move |lang| self.pages().map(move |page| Route::page(lang, page)))
    }

    /// Resolves a URL path (as the browser or the server sees it, percent-encoded, under `base`)
    /// as a static file server would: each segment is percent-decoded on its own (so an encoded
    /// `/` never splits a segment), and a final `index.html` or `index` names the folder's page.
    pub fn locate(self, path: &str, base: &str) -> Route {
        let Some(path) = strip_base(path, base) else {
            return Route::not_found(Lang::En);
        };
        // `None` for a segment that is not valid percent-encoded UTF-8: it names nothing.
        let mut segments: Vec<Option<String>> =
            path.split('/').skip(1).map(percent_decode).collect();
        let lang = match segments.first() {
            Some(Some(first)) if Some(first.as_str()) == Lang::Ja.segment() => {
                segments.remove(0);
                Lang::Ja
            }
            _ => Lang::En,
        };
        if let Some(Some(last)) = segments.last() {
            if ["", "index.html", "index"].contains(&last.as_str()) {
                segments.pop();
            }
        }
        let page = match segments
            .iter()
            .map(Option::as_ref)
            .collect::<Option<Vec<&String>>>()
        {
            Some(segments) if segments.is_empty() => Some(self.home_page()),
            // An encoded `/` is part of its segment, and no address has one.
            Some(segments)
                if segments
                    .iter()
                    .all(|segment| !segment.is_empty() && !segment.contains('/')) =>
            {
                let slug: Vec<&str> = segments.iter().map(|s| s.as_str()).collect();
                self.page_at(&slug.join("/"))
            }
            _ => None,
        };
        Route { lang, page }
    }
}

impl Route {
    pub fn page(lang: Lang, page: PageId) -> Route {
        Route {
            lang,
            page: Some(page),
        }
    }

    pub fn not_found(lang: Lang) -> Route {
        Route { lang, page: None }
    }

    /// The same page in the other language.
    pub fn counterpart(self) -> Route {
        Route {
            lang: self.lang.other(),
            page: self.page,
        }
    }

    /// The canonical path relative to the site root, starting and ending with `/`.
    /// Not Found has no address of its own; its path is its language's home.
    pub fn path(self) -> String {
        page_path(self.lang, self.page.map_or("", PageId::slug))
    }

    /// The address of this route on a site served under `base` (`""` or `/sub`).
    pub fn href(self, base: &str) -> String {
        format!("{base}{}", self.path())
    }

    /// The absolute URL of this route on a site published at `origin` under `base`, for
    /// canonical links, Open Graph and the sitemap.
    pub fn url(self, origin: &str, base: &str) -> String {
        format!("{origin}{}", self.href(base))
    }
}

/// The path of an edition's Atom feed of a section's posts, relative to the site's root:
/// `/notices/atom.xml`, `/ja/notices/atom.xml`.
pub fn feed_path(lang: Lang, section: &str) -> String {
    format!("{}{FEED_FILE_NAME}", page_path(lang, section))
}

/// The `<meta name>` that tells the browser app the public URL the site was built for (the
/// prerenderer writes it in place of Trunk's `<base>`, which would make `#fragment` links
/// resolve against the home page).
pub const PUBLIC_URL_META: &str = "sc-public-url";

/// The site's base path as the router wants it: `""` at the root, `/sub` under a sub-path.
pub fn normalize_base(public_url: &str) -> String {
    let trimmed = public_url.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    }
}

fn strip_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') {
        Some(rest)
    } else {
        None
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture site's shell: the route table of content of the tests' own.
    fn site() -> SiteData {
        SiteData::read(sendai_fixture::SITE_BIN, None).expect("the fixture's shell")
    }

    fn concept() -> PageId {
        site().find("concept").expect("the fixture's concept.md")
    }

    fn locate(path: &str, base: &str) -> Route {
        site().locate(path, base)
    }

    fn home() -> PageId {
        site().home_page()
    }

    #[test]
    fn every_page_round_trips_through_its_path() {
        for route in site().all_pages() {
            assert_eq!(locate(&route.path(), ""), route, "{}", route.path());
            assert_eq!(
                locate(&route.href("/sub"), "/sub"),
                route,
                "under /sub: {}",
                route.path()
            );
        }
    }

    #[test]
    fn urls_join_origin_base_and_path() {
        let concept = Route::page(Lang::Ja, concept());
        assert_eq!(
            concept.url("https://a.example", ""),
            "https://a.example/ja/concept/"
        );
        assert_eq!(
            concept.url("https://a.example", "/sub"),
            "https://a.example/sub/ja/concept/"
        );
    }

    #[test]
    fn canonical_paths_are_the_published_ones() {
        let paths: Vec<String> = site().all_pages().map(Route::path).collect();
        assert_eq!(paths.len(), 2 * site().pages().count());
        assert_eq!(paths[0], "/", "the English home page first");
        assert!(paths.contains(&"/concept/".to_owned()));
        assert!(paths.contains(&"/ja/".to_owned()));
        assert!(paths.contains(&"/ja/secretariat/".to_owned()));
        for path in &paths {
            assert!(path.starts_with('/') && path.ends_with('/'), "{path}");
        }
    }

    #[test]
    fn both_slash_forms_and_index_html_reach_the_same_page() {
        let concept = Route::page(Lang::En, concept());
        for path in ["/concept", "/concept/", "/concept/index.html"] {
            assert_eq!(locate(path, ""), concept, "{path}");
        }
        let ja_home = Route::page(Lang::Ja, home());
        for path in ["/ja", "/ja/", "/ja/index.html"] {
            assert_eq!(locate(path, ""), ja_home, "{path}");
        }
        assert_eq!(locate("/index.html", ""), Route::page(Lang::En, home()));
    }

    #[test]
    fn percent_encoded_paths_resolve_as_a_file_server_decodes_them() {
        assert_eq!(locate("/%63oncept/", ""), Route::page(Lang::En, concept()));
        assert_eq!(locate("/%E0%A4%A/", ""), Route::not_found(Lang::En));
        assert_eq!(locate("/%C0%AE/", ""), Route::not_found(Lang::En));
        assert_eq!(locate("/%zz", ""), Route::not_found(Lang::En));
    }

    #[test]
    fn unknown_paths_are_not_found_in_the_language_asked_for() {
        for path in [
            "/nope",
            "/concept/extra",
            "/Concept/",
            "//concept",
            "/concept//",
            "/ja/ja/",
            "//",
            "/_index/",
        ] {
            assert_eq!(locate(path, "").page, None, "{path}");
        }
        assert_eq!(locate("/ja/nope", ""), Route::not_found(Lang::Ja));
        assert_eq!(locate("/nope", ""), Route::not_found(Lang::En));
    }

    #[test]
    fn a_final_index_names_the_folder_page() {
        assert_eq!(
            locate("/concept/index", ""),
            Route::page(Lang::En, concept())
        );
        assert_eq!(
            locate("/ja/concept/index", ""),
            Route::page(Lang::Ja, concept())
        );
        assert_eq!(locate("/index", ""), Route::page(Lang::En, home()));
    }

    #[test]
    fn an_encoded_slash_does_not_split_a_segment() {
        // Static hosts answer 404 here; the app must agree.
        assert_eq!(locate("/ja%2Fconcept/", "").page, None);
        assert_eq!(locate("/concept%2F", "").page, None);
    }

    #[test]
    fn bad_encoding_under_ja_is_japanese_not_found() {
        assert_eq!(locate("/ja/%zz", ""), Route::not_found(Lang::Ja));
        assert_eq!(locate("/ja/%C0%AE/", ""), Route::not_found(Lang::Ja));
    }

    #[test]
    fn paths_outside_the_base_are_not_found() {
        assert_eq!(locate("/concept/", "/sub").page, None);
        assert_eq!(locate("/subway/", "/sub").page, None);
        assert_eq!(locate("/sub", "/sub"), Route::page(Lang::En, home()));
    }

    #[test]
    fn counterpart_switches_language_and_keeps_the_page() {
        let route = Route::page(Lang::En, site().find("secretariat").unwrap());
        assert_eq!(route.counterpart().path(), "/ja/secretariat/");
        assert_eq!(route.counterpart().counterpart(), route);
    }

    #[test]
    fn public_url_becomes_a_router_base() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/sub/"), "/sub");
        assert_eq!(normalize_base("sub"), "/sub");
    }
}
