//! Each edition's Atom feed of the notices, `/notices/atom.xml` and `/ja/notices/atom.xml`: the
//! newest twenty, as the first page of the list holds them, each with its absolute address, its
//! description as the summary, and the day it was last corrected or else published.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};

use super::Settings;
use crate::content::{Block, NoticeSummary, SiteData, NOTICES};
use crate::page_data;
use crate::routes::{feed_path, Lang, Route};

/// The feed of `lang`'s notices, as XML; `None` where the site has no notice.
pub fn feed(site: SiteData, lang: Lang, settings: &Settings) -> Option<String> {
    let list = site.find(NOTICES)?;
    let notices = page_data::get(lang, list)?
        .body
        .iter()
        .find_map(|block| match block {
            Block::Notices(list) => Some(&list.notices),
            _ => None,
        })?;
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let strings = site.strings(lang);
    let mut author = Person::default();
    author.set_name(strings.organisation);
    let entries: Vec<Entry> = notices
        .iter()
        .filter_map(|notice| entry(site, lang, notice, &url))
        .collect();
    let mut feed = Feed::default();
    let feed_url = format!("{}{}{}", settings.origin, settings.base, feed_path(lang));
    feed.set_title(strings.feed_title);
    feed.set_id(feed_url.clone());
    feed.set_lang(lang.code().to_owned());
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(&feed_url, "self", "application/atom+xml"),
        link(&url(Route::page(lang, list)), "alternate", "text/html"),
    ]);
    feed.set_updated(entries.iter().map(|entry| *entry.updated()).max()?);
    feed.set_entries(entries);
    Some(feed.to_string())
}

/// A notice as a feed entry. Its id is its address, which does not change when it is corrected.
fn entry(
    site: SiteData,
    lang: Lang,
    notice: &NoticeSummary,
    url: &dyn Fn(Route) -> String,
) -> Option<Entry> {
    let address = url(Route::page(lang, site.page_at(notice.slug)?));
    let published = day(notice.dates.published.datetime)?;
    let updated = match &notice.dates.updated {
        Some(updated) => day(updated.datetime)?,
        None => published,
    };
    let mut entry = Entry::default();
    entry.set_title(notice.title);
    entry.set_id(address.clone());
    entry.set_links(vec![link(&address, "alternate", "text/html")]);
    entry.set_published(Some(published));
    entry.set_updated(updated);
    entry.set_summary(Some(Text::plain(notice.description)));
    Some(entry)
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime_type.to_owned()));
    link
}

/// The start of a day in Japan, where the secretariat dates its notices.
fn day(date: &str) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00+09:00")).ok()
}
