//! Each edition's Atom feed of a section's posts (`/notices/atom.xml`, `/ja/notices/atom.xml`)
//! where its `_index` files ask for one: the newest, as many as the first page of the list holds,
//! each with its absolute address, its description as the summary, and the day it was last
//! corrected or else published.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use sendai_content::compile::{Day, Post, Section};

use super::Settings;
use crate::content::SiteData;
use crate::routes::{feed_path, Lang, Route};

/// The feed of `section`'s posts in `lang`, as XML; `None` where it has no feed or no post.
pub fn feed(site: SiteData, section: &Section, lang: Lang, settings: &Settings) -> Option<String> {
    let title = section.feed()?.get(lang);
    let list = site.find(section.slug)?;
    let url = |route: Route| route.url(&settings.origin, &settings.base);
    let mut author = Person::default();
    author.set_name(site.strings(lang).organisation);
    let entries: Vec<Entry> = section
        .posts
        .iter()
        .take(section.paginate_by())
        .filter_map(|post| entry(site, lang, post, &url))
        .collect();
    let mut feed = Feed::default();
    let feed_url = format!(
        "{}{}{}",
        settings.origin,
        settings.base,
        feed_path(lang, section.slug)
    );
    feed.set_title(title);
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

/// A post as a feed entry. Its id is its address, which does not change when it is corrected.
fn entry(site: SiteData, lang: Lang, post: &Post, url: &dyn Fn(Route) -> String) -> Option<Entry> {
    let address = url(Route::page(lang, site.page_at(post.slug)?));
    let published = day(post.published)?;
    let updated = match post.updated {
        Some(updated) => day(updated)?,
        None => published,
    };
    let mut entry = Entry::default();
    entry.set_title(post.title.get(lang));
    entry.set_id(address.clone());
    entry.set_links(vec![link(&address, "alternate", "text/html")]);
    entry.set_published(Some(published));
    entry.set_updated(updated);
    entry.set_summary(Some(Text::plain(post.description.get(lang))));
    Some(entry)
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime_type.to_owned()));
    link
}

/// The start of a day in Japan, where the secretariat dates its posts.
fn day(day: Day) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(&format!("{}T00:00:00+09:00", day.datetime())).ok()
}
